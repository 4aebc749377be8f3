-- 0004_lineage: what in the text produced each extracted event's fields, and rejects that can
-- be traced back to their document.
-- event_lineage: one row per (extracted event, field) with the evidence `extract --explain`
-- prints (the date phrase, the gazetteer entry, the actor alias, the typing rule and its
-- confidence); replaced together with the events on every pipeline load.
CREATE TABLE event_lineage (
    event_id_cnty  VARCHAR NOT NULL,
    field          VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    PRIMARY KEY (event_id_cnty, field)
);

-- Extraction rejects keep the document, the evidence sentence and the per-field evidence
-- (JSON object field -> reason) of the record that failed validation; ACLED import rejects
-- leave them NULL (they have file and row).
ALTER TABLE rejects ADD COLUMN doc_id VARCHAR;
ALTER TABLE rejects ADD COLUMN evidence VARCHAR;
ALTER TABLE rejects ADD COLUMN explain VARCHAR;
