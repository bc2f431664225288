-- 0001: the base tables and the public views of MODEL.md.
-- Base tables are letopis's own; analysts read the views `facts` and
-- `activities`, whose columns are a public contract (add, never rename).

CREATE TABLE import_runs (
    run_id          BIGINT PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    ended_at        TIMESTAMP,
    host            VARCHAR,
    version         VARCHAR,
    arguments       VARCHAR,
    status          VARCHAR NOT NULL,      -- running, ok, failed, interrupted
    files_imported  INTEGER DEFAULT 0,
    files_unchanged INTEGER DEFAULT 0,
    files_failed    INTEGER DEFAULT 0,
    facts           BIGINT DEFAULT 0
);
CREATE SEQUENCE import_run_ids START 1;

CREATE TABLE import_files (
    run_id     BIGINT NOT NULL,
    path       VARCHAR NOT NULL,
    sha256     VARCHAR,
    outcome    VARCHAR NOT NULL,           -- imported, unchanged, failed, skipped
    facts      INTEGER,
    activities INTEGER,
    error      VARCHAR,
    recorded_at TIMESTAMP NOT NULL
);

-- One row per imported source file, known by the SHA-256 of its bytes. The
-- report's year and organisation are stored here once, not on every row.
-- A path has at most one source: importing changed bytes under the same path
-- replaces the earlier source and all its rows in one transaction.
CREATE SEQUENCE source_ids START 1;
CREATE TABLE sources (
    source_id    INTEGER PRIMARY KEY,    -- what the row tables refer to
    sha256       VARCHAR NOT NULL UNIQUE,
    path         VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    size         BIGINT NOT NULL,
    modified_at  TIMESTAMP,
    organisation VARCHAR,
    report_year  INTEGER,
    imported_at  TIMESTAMP NOT NULL,
    run_id       BIGINT,
    facts        INTEGER NOT NULL,
    activities   INTEGER NOT NULL,
    rejected     INTEGER NOT NULL
);

-- The vocabularies of MODEL.md as enums: stored in a byte, not as a string
-- per fact (the views show them as VARCHAR). A value added to a vocabulary
-- needs a migration that recreates the type and fact_rows.
CREATE TYPE fact_kind AS ENUM ('output', 'result', 'other');
CREATE TYPE fact_unit AS ENUM ('persons', 'events', 'hours', 'eur', 'percent', 'organisations',
    'schools', 'services', 'documents', 'posts', 'units', 'locations', 'projects', 'other');
CREATE TYPE fact_qualifier AS ENUM ('exact', 'approx', 'at_least', 'more_than', 'at_most', 'less_than');

CREATE TABLE activity_rows (
    source_id     INTEGER NOT NULL,
    activity      VARCHAR NOT NULL,
    activity_key  VARCHAR NOT NULL,
    period_start  DATE,
    period_end    DATE,
    lead_partner  VARCHAR,
    partners      VARCHAR[],
    funders       VARCHAR[],
    page          INTEGER
);

CREATE TABLE fact_rows (
    fact_id       VARCHAR NOT NULL,
    source_id     INTEGER NOT NULL,
    activity      VARCHAR,
    activity_key  VARCHAR,
    indicator     VARCHAR NOT NULL,
    indicator_key VARCHAR NOT NULL,
    kind          fact_kind NOT NULL,
    unit          fact_unit NOT NULL,
    value         DOUBLE NOT NULL,
    qualifier     fact_qualifier NOT NULL,
    target        DOUBLE,
    share_value   DOUBLE,
    share_of      VARCHAR,
    period_start  DATE,
    period_end    DATE,
    page          INTEGER,
    sheet         VARCHAR,
    cell          VARCHAR,
    snippet       VARCHAR,
    confidence    DOUBLE NOT NULL,
    fact_seq      INTEGER NOT NULL   -- the fact's place in its source, in reading order
);

-- Values the pipeline saw and refused, with the reason: nothing read is
-- silently lost.
CREATE TABLE rejected_values (
    source_id     INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    activity      VARCHAR,
    page          INTEGER,
    sheet         VARCHAR,
    cell          VARCHAR,
    snippet       VARCHAR
);

CREATE VIEW facts AS
SELECT f.fact_id, s.report_year, s.organisation, f.activity, f.activity_key,
       f.indicator, f.indicator_key, f.kind::VARCHAR AS kind, f.unit::VARCHAR AS unit,
       f.value, f.qualifier::VARCHAR AS qualifier,
       f.target, f.share_value, f.share_of, f.period_start, f.period_end,
       s.path AS source_file, s.sha256 AS source_sha256, f.page, f.sheet, f.cell,
       f.snippet, f.confidence, f.fact_seq
FROM fact_rows f JOIN sources s ON s.source_id = f.source_id;

CREATE VIEW activities AS
SELECT s.report_year, s.organisation, a.activity, a.activity_key,
       a.period_start, a.period_end, a.lead_partner, a.partners, a.funders,
       s.path AS source_file, s.sha256 AS source_sha256, a.page
FROM activity_rows a JOIN sources s ON s.source_id = a.source_id;

CREATE VIEW rejected AS
SELECT s.report_year, s.organisation, r.text, r.reason, r.activity, r.page,
       r.sheet, r.cell, r.snippet, s.path AS source_file, s.sha256 AS source_sha256
FROM rejected_values r JOIN sources s ON s.source_id = r.source_id;
