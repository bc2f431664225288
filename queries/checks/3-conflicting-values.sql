-- name: conflicting-values
-- answers: the same indicator twice in one report with different values
SELECT report_year, source_file, activity_key, indicator_key, list(DISTINCT value ORDER BY value) AS "values", count(*) AS facts
FROM facts GROUP BY report_year, source_file, activity_key, indicator_key
HAVING count(DISTINCT value) > 1 ORDER BY ALL
