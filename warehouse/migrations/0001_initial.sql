-- 0001_initial: the warehouse tables. Events keep ACLED's 31 columns in ACLED's order, then
-- provenance. `origin` says where a record came from ('acled' import or 'extracted' by us).
CREATE TABLE documents (
    doc_id        VARCHAR PRIMARY KEY,
    path          VARCHAR,
    title         VARCHAR,
    source        VARCHAR,
    published     DATE,
    content_hash  VARCHAR,
    fmt           VARCHAR,
    n_chars       INTEGER,
    run_id        VARCHAR
);

CREATE TABLE events (
    event_id_cnty       VARCHAR PRIMARY KEY,
    event_date          DATE NOT NULL,
    year                INTEGER NOT NULL,
    time_precision      INTEGER NOT NULL,
    disorder_type       VARCHAR,
    event_type          VARCHAR NOT NULL,
    sub_event_type      VARCHAR NOT NULL,
    actor1              VARCHAR NOT NULL,
    assoc_actor_1       VARCHAR,
    inter1              INTEGER NOT NULL,
    actor2              VARCHAR,
    assoc_actor_2       VARCHAR,
    inter2              INTEGER NOT NULL,
    interaction         INTEGER NOT NULL,
    civilian_targeting  VARCHAR,
    iso                 INTEGER NOT NULL,
    region              VARCHAR,
    country             VARCHAR NOT NULL,
    admin1              VARCHAR,
    admin2              VARCHAR,
    admin3              VARCHAR,
    location            VARCHAR,
    latitude            DOUBLE,
    longitude           DOUBLE,
    geo_precision       INTEGER,
    source              VARCHAR,
    source_scale        VARCHAR,
    notes               VARCHAR,
    fatalities          INTEGER NOT NULL,
    tags                VARCHAR,
    timestamp           BIGINT NOT NULL,
    origin              VARCHAR NOT NULL CHECK (origin IN ('acled', 'extracted')),
    extractor_version   VARCHAR,
    confidence          DOUBLE,
    run_id              VARCHAR
);

-- No primary key: one event may cite several spans of one document.
CREATE TABLE event_mentions (
    event_id_cnty  VARCHAR NOT NULL,
    doc_id         VARCHAR NOT NULL,
    evidence       VARCHAR,
    span_start     INTEGER,
    span_end       INTEGER
);

CREATE TABLE rejects (
    run_id         VARCHAR NOT NULL,
    source_file    VARCHAR,
    "row"          BIGINT,
    event_id_cnty  VARCHAR,
    reasons        VARCHAR NOT NULL
);

CREATE TABLE runs (
    run_id       VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL,
    detail       VARCHAR,
    status       VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    stats        JSON
);
