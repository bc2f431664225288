-- 0006: review. Every fact and refused value keeps its box on the page
-- (PDF points, origin bottom left) so that the review page can draw it; a
-- refused value keeps its place in its source (rejected_seq), so that a
-- review can name it; a source keeps where its file is now (stored_at: its
-- absolute path, or its place under --archive). Corrections are data: the
-- table reviews holds every one, and the view facts applies them and says
-- so in review_status. Columns are added at the end of the tables and of
-- the views; the other columns keep their names, order and types.

ALTER TABLE fact_rows ADD COLUMN bbox_x0 DOUBLE;
ALTER TABLE fact_rows ADD COLUMN bbox_y0 DOUBLE;
ALTER TABLE fact_rows ADD COLUMN bbox_x1 DOUBLE;
ALTER TABLE fact_rows ADD COLUMN bbox_y1 DOUBLE;

ALTER TABLE rejected_values ADD COLUMN bbox_x0 DOUBLE;
ALTER TABLE rejected_values ADD COLUMN bbox_y0 DOUBLE;
ALTER TABLE rejected_values ADD COLUMN bbox_x1 DOUBLE;
ALTER TABLE rejected_values ADD COLUMN bbox_y1 DOUBLE;
ALTER TABLE rejected_values ADD COLUMN rejected_seq INTEGER;

ALTER TABLE sources ADD COLUMN stored_at VARCHAR;

-- One row per correction, never changed by a review (an import may move a
-- row to the same fact of a new version of its report: fact_id,
-- source_sha256, source_path, page, bbox and read_seq follow the fact).
-- The fact's state after the review is in the value columns (all of them,
-- also those the review did not change); old_values holds, as a JSON
-- object, the values the review changed as they were before it. The latest
-- row of a fact (highest review_id) is the one that counts.
CREATE SEQUENCE review_ids START 1;
CREATE TABLE reviews (
    review_id     BIGINT PRIMARY KEY,
    fact_id       VARCHAR NOT NULL,   -- the fact reviewed; a fact added by review gets its own id
    action        VARCHAR NOT NULL,   -- accept, reject, edit, add, promote
    status        VARCHAR NOT NULL,   -- the fact's review status after it: accepted, corrected, added, rejected
    reason        VARCHAR,            -- why (a rejection's reason), else NULL
    reviewer      VARCHAR NOT NULL,
    reviewed_at   TIMESTAMP NOT NULL,
    source_sha256 VARCHAR NOT NULL,   -- the bytes of the source the fact was read from
    source_path   VARCHAR,
    page          INTEGER,
    sheet         VARCHAR,
    cell          VARCHAR,
    bbox_x0       DOUBLE,
    bbox_y0       DOUBLE,
    bbox_x1       DOUBLE,
    bbox_y1       DOUBLE,
    -- the fact after the review
    activity      VARCHAR,
    activity_key  VARCHAR,
    indicator     VARCHAR NOT NULL,
    indicator_key VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    unit          VARCHAR NOT NULL,
    value         DOUBLE NOT NULL,
    qualifier     VARCHAR NOT NULL,
    target        DOUBLE,
    share_value   DOUBLE,
    share_of      VARCHAR,
    snippet       VARCHAR,
    old_values    VARCHAR,            -- JSON: the changed values before the review
    -- the fact as the import read it, to find it again in a new version
    -- of the report (NULL for a fact added by review)
    read_activity_key  VARCHAR,
    read_indicator_key VARCHAR,
    read_unit          VARCHAR,
    read_value         DOUBLE,
    read_seq           INTEGER,       -- fact_seq, or for a promoted value its rejected_seq
    read_text          VARCHAR        -- a promoted value: the text refused
);

CREATE OR REPLACE VIEW facts AS
WITH latest AS (
    SELECT * FROM reviews
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY review_id DESC) = 1
)
SELECT f.fact_id, s.report_year, s.organisation,
       CASE WHEN r.review_id IS NULL THEN f.activity ELSE r.activity END AS activity,
       coalesce(aa.to_key, CASE WHEN r.review_id IS NULL THEN f.activity_key ELSE r.activity_key END) AS activity_key,
       CASE WHEN r.review_id IS NULL THEN f.indicator ELSE r.indicator END AS indicator,
       coalesce(ia.to_key, CASE WHEN r.review_id IS NULL THEN f.indicator_key ELSE r.indicator_key END) AS indicator_key,
       CASE WHEN r.review_id IS NULL THEN f.kind::VARCHAR ELSE r.kind END AS kind,
       CASE WHEN r.review_id IS NULL THEN f.unit::VARCHAR ELSE r.unit END AS unit,
       CASE WHEN r.review_id IS NULL THEN f.value ELSE r.value END AS value,
       CASE WHEN r.review_id IS NULL THEN f.qualifier::VARCHAR ELSE r.qualifier END AS qualifier,
       CASE WHEN r.review_id IS NULL THEN f.target ELSE r.target END AS target,
       CASE WHEN r.review_id IS NULL THEN f.share_value ELSE r.share_value END AS share_value,
       CASE WHEN r.review_id IS NULL THEN f.share_of ELSE r.share_of END AS share_of,
       f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq, f.is_total,
       coalesce(f.ocr, false) AS ocr,
       coalesce(r.status, 'unreviewed') AS review_status,
       f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1
FROM fact_rows f
JOIN sources s ON s.source_id = f.source_id
LEFT JOIN latest r ON r.fact_id = f.fact_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity'
    AND aa.from_key = CASE WHEN r.review_id IS NULL THEN f.activity_key ELSE r.activity_key END
LEFT JOIN key_aliases ia ON ia.kind = 'indicator'
    AND ia.from_key = CASE WHEN r.review_id IS NULL THEN f.indicator_key ELSE r.indicator_key END
WHERE r.status IS DISTINCT FROM 'rejected'
UNION ALL
-- facts added by review (a value missed, or a refused value promoted),
-- while their source is in the warehouse
SELECT r.fact_id, s.report_year, s.organisation, r.activity,
       coalesce(aa.to_key, r.activity_key) AS activity_key,
       r.indicator, coalesce(ia.to_key, r.indicator_key) AS indicator_key,
       r.kind, r.unit, r.value, r.qualifier, r.target, r.share_value, r.share_of,
       make_date(s.report_year, 1, 1) AS period_start, make_date(s.report_year, 12, 31) AS period_end,
       s.path AS source_file, s.sha256 AS source_sha256, r.page, r.sheet, r.cell,
       r.snippet, 1.0 AS confidence, NULL::INTEGER AS fact_seq, false AS is_total, false AS ocr,
       r.status AS review_status,
       r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1
FROM latest r
JOIN sources s ON s.sha256 = r.source_sha256
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = r.activity_key
LEFT JOIN key_aliases ia ON ia.kind = 'indicator' AND ia.from_key = r.indicator_key
WHERE r.status = 'added' AND NOT EXISTS (SELECT 1 FROM fact_rows f WHERE f.fact_id = r.fact_id);

CREATE OR REPLACE VIEW rejected AS
SELECT s.report_year, s.organisation, r.text, r.reason, r.activity, r.page,
       r.sheet, r.cell, r.snippet, s.path AS source_file, s.sha256 AS source_sha256,
       r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1, r.rejected_seq
FROM rejected_values r JOIN sources s ON s.source_id = r.source_id;
