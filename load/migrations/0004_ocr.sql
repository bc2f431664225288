-- 0004: facts read by OCR from a page image (a scanned PDF) say so. The
-- column is added at the end of fact_rows and of the view facts; the other
-- columns keep their names, order and types.

ALTER TABLE fact_rows ADD COLUMN ocr BOOLEAN DEFAULT false;

CREATE OR REPLACE VIEW facts AS
SELECT f.fact_id, s.report_year, s.organisation, f.activity,
       coalesce(aa.to_key, f.activity_key) AS activity_key,
       f.indicator,
       coalesce(ia.to_key, f.indicator_key) AS indicator_key,
       f.kind::VARCHAR AS kind, f.unit::VARCHAR AS unit, f.value,
       f.qualifier::VARCHAR AS qualifier,
       f.target, f.share_value, f.share_of, f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq, f.is_total,
       coalesce(f.ocr, false) AS ocr
FROM fact_rows f
JOIN sources s ON s.source_id = f.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = f.activity_key
LEFT JOIN key_aliases ia ON ia.kind = 'indicator' AND ia.from_key = f.indicator_key;
