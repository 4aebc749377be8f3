-- 0002_acled_fidelity: how each imported ACLED row was written, so that an export writes it back
-- the way it came ('text' | 'numeric' inter labels, the strftime format of its event_date,
-- 'dyadic' | 'monadic', and whether a monadic file gave actor2's row first; NULL for extracted
-- events and for rows imported before this migration), and the watermarks of `acled-sync`.
ALTER TABLE events ADD COLUMN source_labels VARCHAR;
ALTER TABLE events ADD COLUMN source_date_format VARCHAR;
ALTER TABLE events ADD COLUMN source_shape VARCHAR;
ALTER TABLE events ADD COLUMN source_actor2_first BOOLEAN;

-- One row per sync query (its filters as canonical JSON): the newest `timestamp` received and the
-- newest `deleted_timestamp` applied, so the next sync asks ACLED only for what changed since.
CREATE TABLE acled_sync (
    query              VARCHAR PRIMARY KEY,
    max_timestamp      BIGINT,
    deleted_timestamp  BIGINT,
    synced_at          TIMESTAMP NOT NULL
);
