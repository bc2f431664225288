-- name: indicator-years
-- answers: an indicator's values across years, one row per year and
--   activity; where several sources of a year report it, the value of the
--   most confident one, with the number of sources and whether they differ
-- param: indicator (text): the indicator_key (see `letopis facts` or the facts view)
-- param: activity (text, null): the activity_key; null for every activity
-- param: organisation (text, null): the organisation as named in the reports; null for all
-- example: letopis query indicator-years --param indicator=informir-posamezn
SELECT report_year,
       activity_key,
       indicator_key,
       arg_max(indicator, (confidence, value)) AS indicator,
       arg_max(value, (confidence, value))     AS value,
       arg_max(target, (confidence, value))    AS target,
       arg_max(unit, (confidence, value))      AS unit,
       count(DISTINCT source_sha256)           AS sources,
       count(DISTINCT value) > 1               AS values_differ
FROM facts
WHERE indicator_key = $indicator
  AND ($activity IS NULL OR activity_key = $activity)
  AND ($organisation IS NULL OR organisation = $organisation)
GROUP BY report_year, activity_key, indicator_key
ORDER BY activity_key, report_year;
