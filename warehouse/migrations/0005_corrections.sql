-- 0005_corrections: analysts' corrections, applied on top of extraction on every load.
-- event_keys: the stable key of each stored extracted event, which survives re-extraction and
-- extractor upgrades (event ids may not): its primary document, the span of its evidence
-- sentence in that document and the date the extractor gave it, plus the sentence itself (to
-- notice when the text under a correction changed). Replaced with the events on every load.
CREATE TABLE event_keys (
    event_id_cnty   VARCHAR PRIMARY KEY,
    event_key       VARCHAR NOT NULL,
    doc_id          VARCHAR NOT NULL,
    span_start      INTEGER,
    span_end        INTEGER,
    extracted_date  DATE,
    evidence        VARCHAR
);

-- One row per change: `field` is an events column, or '_accept' (reviewed, right as it is),
-- '_reject' (not an event) or '_merge' (`after` is the key of the event this one is part of).
-- `status`: 'applied' (on the last load), 'stale' (the text under the key changed: not applied)
-- or 'orphaned' (no event has this key any more: not applied).
CREATE SEQUENCE correction_ids START 1;
CREATE TABLE corrections (
    correction_id  BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'),
    event_key      VARCHAR NOT NULL,
    event_id_cnty  VARCHAR,
    field          VARCHAR NOT NULL,
    "before"       VARCHAR,
    "after"        VARCHAR,
    who            VARCHAR NOT NULL,
    corrected_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    note           VARCHAR,
    evidence       VARCHAR,
    status         VARCHAR NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'stale', 'orphaned'))
);
