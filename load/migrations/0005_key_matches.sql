-- 0005: keys matched across years. When a report is imported, each of its
-- activities and indicators whose key no other year of the organisation
-- has is compared with the other years' (transform/keys: Similarity,
-- Match); a confident match is applied at once as an automatic alias of
-- the new key to the earlier one, a doubtful one is only proposed
-- (`letopis alias suggest`). The views map keys through the hand-written
-- aliases first (key_aliases), then through the applied matches, within
-- the same organisation (and, for an indicator, the same activity). The
-- views keep their columns, names, order and types.

CREATE TABLE key_matches (
    kind          VARCHAR NOT NULL,   -- activity or indicator
    organisation  VARCHAR NOT NULL,
    activity_key  VARCHAR,            -- for an indicator: the activity key of its fact as read
    from_key      VARCHAR NOT NULL,   -- the new key
    to_key        VARCHAR NOT NULL,   -- the earlier key it matches
    score         DOUBLE NOT NULL,    -- 0..1
    status        VARCHAR NOT NULL,   -- applied, proposed, rejected (an automatic alias undone)
    source_id     INTEGER,            -- the import that found it; NULL for a rejection
    report_year   INTEGER,            -- the year of the new key
    to_year       INTEGER,            -- the year of the earlier key
    from_text     VARCHAR,            -- the new indicator or title, as read
    to_text       VARCHAR,
    from_snippet  VARCHAR,
    to_snippet    VARCHAR,
    created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE OR REPLACE VIEW applied_key_matches AS
SELECT kind, organisation, coalesce(activity_key, '') AS activity_key, from_key,
       arg_max(to_key, score) AS to_key
FROM key_matches
WHERE status = 'applied'
GROUP BY kind, organisation, coalesce(activity_key, ''), from_key;

CREATE OR REPLACE VIEW facts AS
SELECT f.fact_id, s.report_year, s.organisation, f.activity,
       coalesce(aa.to_key, am.to_key, f.activity_key) AS activity_key,
       f.indicator,
       coalesce(ia.to_key, im.to_key, f.indicator_key) AS indicator_key,
       f.kind::VARCHAR AS kind, f.unit::VARCHAR AS unit, f.value,
       f.qualifier::VARCHAR AS qualifier,
       f.target, f.share_value, f.share_of, f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq, f.is_total,
       coalesce(f.ocr, false) AS ocr
FROM fact_rows f
JOIN sources s ON s.source_id = f.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = f.activity_key
LEFT JOIN key_aliases ia ON ia.kind = 'indicator' AND ia.from_key = f.indicator_key
LEFT JOIN applied_key_matches am ON am.kind = 'activity' AND am.organisation = s.organisation
     AND am.activity_key = '' AND am.from_key = f.activity_key
LEFT JOIN applied_key_matches im ON im.kind = 'indicator' AND im.organisation = s.organisation
     AND im.activity_key = coalesce(f.activity_key, '') AND im.from_key = f.indicator_key;

CREATE OR REPLACE VIEW activities AS
SELECT s.report_year, s.organisation, a.activity,
       coalesce(aa.to_key, am.to_key, a.activity_key) AS activity_key,
       a.period_start, a.period_end, a.lead_partner, a.partners, a.funders,
       s.path AS source_file, s.sha256 AS source_sha256, a.page
FROM activity_rows a
JOIN sources s ON s.source_id = a.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = a.activity_key
LEFT JOIN applied_key_matches am ON am.kind = 'activity' AND am.organisation = s.organisation
     AND am.activity_key = '' AND am.from_key = a.activity_key;
