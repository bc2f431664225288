-- name: activities-without-facts
-- answers: activities without facts
SELECT a.report_year, a.activity, a.activity_key, a.source_file
FROM activities a
WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.source_sha256 = a.source_sha256 AND f.activity_key = a.activity_key)
ORDER BY ALL
