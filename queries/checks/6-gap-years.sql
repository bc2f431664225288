-- name: gap-years
-- answers: indicators stated in the year before and the year after a report year but missing in it (a fact not read, or a key that changed: see letopis alias suggest)
WITH years AS (
    SELECT DISTINCT organisation, activity_key, indicator_key, report_year FROM facts WHERE NOT is_total
), reports AS (
    SELECT DISTINCT organisation, report_year FROM facts
)
SELECT y.organisation, y.activity_key, y.indicator_key, r.report_year AS missing_year
FROM years y
JOIN reports r ON r.organisation = y.organisation AND r.report_year = y.report_year + 1
WHERE EXISTS (SELECT 1 FROM years z WHERE z.organisation = y.organisation AND z.activity_key IS NOT DISTINCT FROM y.activity_key
                AND z.indicator_key = y.indicator_key AND z.report_year = y.report_year + 2)
  AND NOT EXISTS (SELECT 1 FROM years z WHERE z.organisation = y.organisation AND z.activity_key IS NOT DISTINCT FROM y.activity_key
                AND z.indicator_key = y.indicator_key AND z.report_year = y.report_year + 1)
ORDER BY y.organisation, y.activity_key NULLS FIRST, y.indicator_key, missing_year;
