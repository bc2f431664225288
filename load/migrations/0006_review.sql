-- 0006: review. Every fact and refused value keeps its box on the page
-- (PDF points, origin bottom left) so that the review page can draw it; a
-- refused value keeps its place in its source (rejected_seq), so that a
-- review can name it; a source keeps where its file is now (stored_at: its
-- absolute path, or its place under --archive). Corrections are data: the
-- table reviews holds every one, and the view facts applies them and says
-- so in review_status. Columns are added at the end of the tables and of
-- the views; the other columns keep their names, order and types. The view
-- facts maps keys as 0005 does, after the review.

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

-- The view facts: each fact as its latest review leaves it (a rejected fact
-- left out, a fact added by review in), then its keys mapped as in 0005
-- (hand-written aliases, then applied matches).
CREATE OR REPLACE VIEW facts AS
WITH latest AS (
    SELECT * FROM reviews
    QUALIFY row_number() OVER (PARTITION BY fact_id ORDER BY review_id DESC) = 1
), reviewed AS (
    SELECT f.fact_id, f.source_id,
           CASE WHEN r.review_id IS NULL THEN f.activity ELSE r.activity END AS activity,
           CASE WHEN r.review_id IS NULL THEN f.activity_key ELSE r.activity_key END AS activity_key,
           CASE WHEN r.review_id IS NULL THEN f.indicator ELSE r.indicator END AS indicator,
           CASE WHEN r.review_id IS NULL THEN f.indicator_key ELSE r.indicator_key END AS indicator_key,
           CASE WHEN r.review_id IS NULL THEN f.kind::VARCHAR ELSE r.kind END AS kind,
           CASE WHEN r.review_id IS NULL THEN f.unit::VARCHAR ELSE r.unit END AS unit,
           CASE WHEN r.review_id IS NULL THEN f.value ELSE r.value END AS value,
           CASE WHEN r.review_id IS NULL THEN f.qualifier::VARCHAR ELSE r.qualifier END AS qualifier,
           CASE WHEN r.review_id IS NULL THEN f.target ELSE r.target END AS target,
           CASE WHEN r.review_id IS NULL THEN f.share_value ELSE r.share_value END AS share_value,
           CASE WHEN r.review_id IS NULL THEN f.share_of ELSE r.share_of END AS share_of,
           f.period_start, f.period_end, f.page, f.sheet, f.cell, f.snippet, f.confidence, f.fact_seq,
           f.is_total, coalesce(f.ocr, false) AS ocr,
           coalesce(r.status, 'unreviewed') AS review_status,
           f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1
    FROM fact_rows f
    LEFT JOIN latest r ON r.fact_id = f.fact_id
    WHERE r.status IS DISTINCT FROM 'rejected'
    UNION ALL
    -- facts added by review (a value missed, or a refused value promoted),
    -- while their source is in the warehouse
    SELECT r.fact_id, s.source_id, r.activity, r.activity_key, r.indicator, r.indicator_key,
           r.kind, r.unit, r.value, r.qualifier, r.target, r.share_value, r.share_of,
           make_date(s.report_year, 1, 1), make_date(s.report_year, 12, 31), r.page, r.sheet, r.cell,
           r.snippet, 1.0, NULL::INTEGER, false, false, r.status,
           r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1
    FROM latest r
    JOIN sources s ON s.sha256 = r.source_sha256
    WHERE r.status = 'added' AND NOT EXISTS (SELECT 1 FROM fact_rows f WHERE f.fact_id = r.fact_id)
)
SELECT f.fact_id, s.report_year, s.organisation, f.activity,
       coalesce(aa.to_key, am.to_key, f.activity_key) AS activity_key,
       f.indicator,
       coalesce(ia.to_key, im.to_key, f.indicator_key) AS indicator_key,
       f.kind, f.unit, f.value, f.qualifier,
       f.target, f.share_value, f.share_of, f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq, f.is_total, f.ocr,
       f.review_status, f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1
FROM reviewed f
JOIN sources s ON s.source_id = f.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = f.activity_key
LEFT JOIN key_aliases ia ON ia.kind = 'indicator' AND ia.from_key = f.indicator_key
LEFT JOIN applied_key_matches am ON am.kind = 'activity' AND am.organisation = s.organisation
     AND am.activity_key = '' AND am.from_key = f.activity_key
LEFT JOIN applied_key_matches im ON im.kind = 'indicator' AND im.organisation = s.organisation
     AND im.activity_key = coalesce(f.activity_key, '') AND im.from_key = f.indicator_key;

CREATE OR REPLACE VIEW rejected AS
SELECT s.report_year, s.organisation, r.text, r.reason, r.activity, r.page,
       r.sheet, r.cell, r.snippet, s.path AS source_file, s.sha256 AS source_sha256,
       r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1, r.rejected_seq
FROM rejected_values r JOIN sources s ON s.source_id = r.source_id;
