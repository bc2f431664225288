-- 0002: keys mapped by hand. key_aliases holds the user's alias file
-- (aliases.yaml), synced on every write-open and by `letopis alias`; the
-- views facts and activities show the mapped key in activity_key and
-- indicator_key at once, without re-importing, also to tools that read the
-- file directly. Same columns, same order, same types as in 0001.

CREATE TABLE key_aliases (
    kind      VARCHAR NOT NULL,   -- activity or indicator
    from_key  VARCHAR NOT NULL,   -- the key as letopis made it
    to_key    VARCHAR NOT NULL,   -- the key analysts see (chains resolved)
    synced_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (kind, from_key)
);

CREATE OR REPLACE VIEW facts AS
SELECT f.fact_id, s.report_year, s.organisation, f.activity,
       coalesce(aa.to_key, f.activity_key) AS activity_key,
       f.indicator,
       coalesce(ia.to_key, f.indicator_key) AS indicator_key,
       f.kind::VARCHAR AS kind, f.unit::VARCHAR AS unit, f.value,
       f.qualifier::VARCHAR AS qualifier,
       f.target, f.share_value, f.share_of, f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq
FROM fact_rows f
JOIN sources s ON s.source_id = f.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = f.activity_key
LEFT JOIN key_aliases ia ON ia.kind = 'indicator' AND ia.from_key = f.indicator_key;

CREATE OR REPLACE VIEW activities AS
SELECT s.report_year, s.organisation, a.activity,
       coalesce(aa.to_key, a.activity_key) AS activity_key,
       a.period_start, a.period_end, a.lead_partner, a.partners, a.funders,
       s.path AS source_file, s.sha256 AS source_sha256, a.page
FROM activity_rows a
JOIN sources s ON s.source_id = a.source_id
LEFT JOIN key_aliases aa ON aa.kind = 'activity' AND aa.from_key = a.activity_key;
