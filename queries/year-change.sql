-- name: year-change
-- answers: the change from one year to the next per indicator: each
--   indicator's value beside its value in the previous year it was
--   reported, the difference and the change in percent
-- param: activity (text, null): the activity_key; null for every activity
-- param: year (int, null): the later year of the pair; null for every pair
-- example: letopis query year-change --param year=2021
WITH per_year AS (
    SELECT report_year, activity_key, indicator_key,
           arg_max(indicator, (confidence, value)) AS indicator,
           arg_max(unit, (confidence, value))      AS unit,
           arg_max(value, (confidence, value))     AS value
    FROM facts
    WHERE $activity IS NULL OR activity_key = $activity
    GROUP BY report_year, activity_key, indicator_key
), paired AS (
    SELECT *,
           lag(report_year) OVER w AS previous_year,
           lag(value) OVER w       AS previous_value
    FROM per_year
    WINDOW w AS (PARTITION BY activity_key, indicator_key ORDER BY report_year)
)
SELECT activity_key, indicator_key, indicator, unit,
       previous_year, previous_value,
       report_year AS year, value,
       value - previous_value AS change,
       round(100 * (value - previous_value) / nullif(previous_value, 0), 1) AS change_pct
FROM paired
WHERE previous_year IS NOT NULL
  AND ($year IS NULL OR report_year = $year)
ORDER BY activity_key, indicator_key, year;
