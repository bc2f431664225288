-- name: percent-over-100
-- answers: achieved percentages over 100
SELECT report_year, activity_key, indicator, value, target, source_file, coalesce('p. ' || page, sheet || '!' || cell) AS "where"
FROM facts WHERE unit = 'percent' AND value > 100 ORDER BY ALL
