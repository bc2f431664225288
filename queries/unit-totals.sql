-- name: unit-totals
-- answers: totals per unit and year: the sum of the values of each unit
--   (persons, events, hours, eur, …) per report year, each indicator of an
--   activity counted once however many sources report it; percentages are
--   left out, as their sum means nothing, and so are the total rows of
--   tables (is_total), which sum other facts
-- param: year (int, null): the report year; null for every year
-- param: organisation (text, null): the organisation as named in the reports; null for all
-- example: letopis query unit-totals --param year=2020
WITH per_year AS (
    SELECT report_year, activity_key, indicator_key,
           arg_max(unit, (confidence, value))  AS unit,
           arg_max(value, (confidence, value)) AS value
    FROM facts
    WHERE ($year IS NULL OR report_year = $year)
      AND ($organisation IS NULL OR organisation = $organisation)
      AND NOT is_total
    GROUP BY report_year, activity_key, indicator_key
)
SELECT report_year, unit,
       sum(value)                   AS total,
       count(*)                     AS indicators,
       count(DISTINCT activity_key) AS activities
FROM per_year
WHERE unit <> 'percent'
GROUP BY report_year, unit
ORDER BY report_year, unit;
