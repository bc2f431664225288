-- name: single-year-keys
-- answers: keys found in one year only, though a near-identical key is found in another year (map them with letopis alias add)
WITH k AS (
    SELECT 'activity' AS kind, NULL AS activity_key, activity_key AS key, list(DISTINCT report_year ORDER BY report_year) AS years
    FROM facts WHERE activity_key IS NOT NULL GROUP BY activity_key
    UNION ALL
    SELECT 'indicator', activity_key, indicator_key, list(DISTINCT report_year ORDER BY report_year)
    FROM facts GROUP BY activity_key, indicator_key
), pairs AS (
    SELECT a.kind, a.activity_key, a.key, a.years, b.key AS similar_key, b.years AS similar_years,
           round(len(list_intersect(string_split(a.key, '-'), string_split(b.key, '-')))
                 / len(list_distinct(list_concat(string_split(a.key, '-'), string_split(b.key, '-')))), 2) AS stems_shared,
           round(jaro_winkler_similarity(a.key, b.key), 2) AS jaro_winkler
    FROM k a JOIN k b ON a.kind = b.kind AND a.activity_key IS NOT DISTINCT FROM b.activity_key AND a.key <> b.key
    WHERE len(a.years) = 1 AND len(list_filter(b.years, y -> y <> a.years[1])) > 0
)
SELECT kind, activity_key, key, years, similar_key, similar_years, stems_shared, jaro_winkler,
       'letopis alias add ' || kind || ' ' || key || ' ' || similar_key AS suggestion
FROM pairs
WHERE stems_shared >= 0.5 OR jaro_winkler >= 0.92
ORDER BY kind, activity_key NULLS FIRST, key, stems_shared DESC, similar_key
