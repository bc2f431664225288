-- name: year-sources
-- answers: the sources and runs behind a year: every imported file that
--   reports the year, with its format, checksum, counts and the import run
--   that loaded it
-- param: year (int): the report year
-- example: letopis query year-sources --param year=2020
SELECT s.path, s.format, s.organisation, s.report_year,
       s.facts, s.activities, s.rejected,
       s.sha256, s.size, s.imported_at,
       s.run_id, r.status AS run_status, r.version AS letopis_version, r.started_at AS run_started_at
FROM sources s
LEFT JOIN import_runs r ON r.run_id = s.run_id
WHERE s.report_year = $year
ORDER BY s.path;
