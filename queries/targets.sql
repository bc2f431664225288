-- name: targets
-- answers: targets against achieved values: for every indicator with a
--   target, the value reached, the share of the target reached in percent
--   and whether the target was met
-- param: year (int, null): the report year; null for every year
-- param: activity (text, null): the activity_key; null for every activity
-- example: letopis query targets --param year=2020
SELECT report_year,
       activity_key,
       indicator_key,
       arg_max(indicator, (confidence, value))                   AS indicator,
       arg_max(unit, (confidence, value))                        AS unit,
       arg_max(target, (confidence, value))                      AS target,
       arg_max(value, (confidence, value))                       AS value,
       round(100 * arg_max(value, (confidence, value))
                 / nullif(arg_max(target, (confidence, value)), 0), 1) AS reached_pct,
       arg_max(value, (confidence, value)) >= arg_max(target, (confidence, value)) AS met
FROM facts
WHERE target IS NOT NULL
  AND ($year IS NULL OR report_year = $year)
  AND ($activity IS NULL OR activity_key = $activity)
GROUP BY report_year, activity_key, indicator_key
ORDER BY report_year, activity_key, indicator_key;
