-- name: share-exceeds-value
-- answers: facts whose share exceeds the value
SELECT report_year, activity_key, indicator, value, share_value, share_of, source_file, coalesce('p. ' || page, sheet || '!' || cell) AS "where"
FROM facts WHERE share_value > value ORDER BY ALL
