-- name: indicator-series
-- answers: every indicator's values across years, one row per organisation,
--   activity and indicator, one column per report year: a time series
--   table; of several sources of a year, the most confident value; total
--   rows of tables left out
-- param: organisation (text, null): the organisation as named in the reports; null for all
-- param: activity (text, null): the activity_key; null for every activity
-- example: letopis query indicator-series --param organisation="Društvo NOVUS"
-- pivot: report_year value
WITH per_year AS (
    SELECT organisation, activity_key, indicator_key, report_year,
           arg_max(indicator, (confidence, value)) AS indicator,
           arg_max(unit, (confidence, value))      AS unit,
           arg_max(value, (confidence, value))     AS value
    FROM facts
    WHERE NOT is_total
      AND ($organisation IS NULL OR organisation = $organisation)
      AND ($activity IS NULL OR activity_key = $activity)
    GROUP BY organisation, activity_key, indicator_key, report_year
), named AS (
    SELECT organisation, activity_key, indicator_key,
           arg_max(indicator, report_year) AS indicator,
           arg_max(unit, report_year)      AS unit
    FROM per_year
    GROUP BY organisation, activity_key, indicator_key
)
SELECT n.organisation, n.activity_key, n.indicator_key, n.indicator, n.unit, p.report_year, p.value
FROM per_year p
JOIN named n ON n.organisation = p.organisation AND n.activity_key IS NOT DISTINCT FROM p.activity_key AND n.indicator_key = p.indicator_key
ORDER BY n.organisation, n.activity_key NULLS FIRST, n.indicator_key, p.report_year;
