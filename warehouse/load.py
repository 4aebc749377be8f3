"""Loading validated frames into the warehouse: idempotent, one transaction per load.

Each load stages its frames in DuckDB (via Arrow), then inserts new keys, updates changed rows
and, for the extracted corpus, deletes what is no longer produced. Identical rows are never
written, so loading the same input twice changes nothing; any error rolls the whole load back.

The INSERT/UPDATE statements are generated from the column lists in `warehouse.columns` (every
identifier through `quote_ident`, every value bound or staged), so loads cannot drift from the
DDL; the DDL and the views themselves live in `.sql` files.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import duckdb
import polars as pl

from warehouse.columns import (
    DOCUMENT_COLUMNS,
    DOCUMENT_COMPARE_COLUMNS,
    EVENT_COMPARE_COLUMNS,
    MENTION_COLUMNS,
    REJECT_COLUMNS,
    STORED_EVENT_COLUMNS,
    stage_frame,
)
from warehouse.corrections import apply_corrections, store_corrected
from warehouse.lineage import sync_lineage
from warehouse.sqlutil import column_list, quote_ident

log = logging.getLogger(__name__)


@dataclass
class LoadStats:
    """What one load did, by event."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rejected: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __add__(self, other: LoadStats) -> LoadStats:
        return LoadStats(**{k: v + getattr(other, k) for k, v in asdict(self).items()})


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT, rolled back on any exception (a crash leaves the previous state)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> Iterator[None]:
    """Expose `frame` to SQL as `name` (zero-copy via Arrow) for the duration of the block.

    After a failed statement DuckDB refuses everything until ROLLBACK, including unregister;
    the stale registration is harmless (the next `register` replaces it), so that one is ignored.
    """
    con.register(name, frame)
    try:
        yield
    finally:
        try:
            con.unregister(name)
        except duckdb.TransactionException:
            log.debug("left %s registered in an aborted transaction", name)


def load_acled(
    con: duckdb.DuckDBPyConnection, events: pl.DataFrame, rejects: pl.DataFrame, run_id: str, source_file: str
) -> LoadStats:
    """Upsert validated ACLED events by `event_id_cnty` in one transaction (see upsert_acled)."""
    with transaction(con):
        stats = upsert_acled(con, events, rejects, run_id, source_file)
    log.info("load_acled %s: %s", source_file, stats)
    return stats


def upsert_acled(
    con: duckdb.DuckDBPyConnection, events: pl.DataFrame, rejects: pl.DataFrame, run_id: str, source_file: str
) -> LoadStats:
    """Upsert one batch inside the caller's transaction; the newest `timestamp` wins.

    Within the batch, duplicates of a key are reduced to the newest timestamp first (DuckDB
    would keep the first one). A stored event is only rewritten when the incoming one is at
    least as new and differs. Rejected rows are recorded with `run_id` and `source_file`.
    """
    stage = stage_frame(_newest_per_key(events), STORED_EVENT_COLUMNS, origin="acled", run_id=run_id)
    with registered(con, "stage_events", stage):
        added = _insert_new(con, "events", "stage_events", STORED_EVENT_COLUMNS, "event_id_cnty")
        updated = _update_changed(
            con,
            "events",
            "stage_events",
            STORED_EVENT_COLUMNS,
            "event_id_cnty",
            EVENT_COMPARE_COLUMNS,
            "s.timestamp >= t.timestamp",
        )
    rejected = _insert_rejects(con, rejects, run_id, source_file)
    return LoadStats(
        added=added, updated=updated, unchanged=stage.height - added - updated, rejected=rejected
    )


def sync_extracted(
    con: duckdb.DuckDBPyConnection,
    events: pl.DataFrame,
    mentions: pl.DataFrame,
    documents: pl.DataFrame,
    rejects: pl.DataFrame,
    run_id: str,
    lineage: pl.DataFrame | None = None,
) -> LoadStats:
    """Make the warehouse's extracted corpus equal to `events`/`mentions`/`documents`.

    The frames are the FULL current state over the whole corpus. In one transaction: new events
    are inserted, changed ones updated, origin='extracted' events (and documents, mentions) no
    longer present are deleted; identical rows are left alone. An id given twice keeps its first
    event, and an id that collides with an ACLED event is not written: both count as rejected
    (with a row in `rejects`), and mentions are only kept for events actually stored.
    Extraction rejects (source_file NULL) are replaced too, so `rejects` lists what the current
    corpus quarantines instead of growing by the same rows on every run; each run's count stays
    in `runs.stats`. `lineage` (event_id_cnty, field, reason) replaces `event_lineage` for the
    stored extracted events in the same transaction (see warehouse.lineage). Analysts'
    corrections are replayed over the frames first (see warehouse.corrections), so the stored
    events are the corrected ones.
    """
    corrected = apply_corrections(con, events, mentions)
    events, mentions = corrected.events, corrected.mentions
    staged = stage_frame(events, STORED_EVENT_COLUMNS, origin="extracted", run_id=run_id)
    stage = staged.unique("event_id_cnty", keep="first", maintain_order=True)
    rejects = pl.concat([stage_frame(rejects, REJECT_COLUMNS),
                         stage_frame(_duplicate_rejects(staged), REJECT_COLUMNS)])
    with (
        registered(con, "stage_events", stage),
        registered(con, "stage_documents", stage_frame(documents, DOCUMENT_COLUMNS, run_id=run_id)),
        registered(con, "stage_mentions", stage_frame(mentions, MENTION_COLUMNS)),
        transaction(con),
    ):
        con.execute("DELETE FROM rejects WHERE source_file IS NULL")
        stats = _sync_events(con, stage.height)
        _sync_documents(con)
        _sync_mentions(con)
        sync_lineage(con, lineage)
        store_corrected(con, corrected)
        stats.rejected += _insert_rejects(con, rejects, run_id, None)
    log.info("sync_extracted: %s", stats)
    return stats


def _duplicate_rejects(staged: pl.DataFrame) -> pl.DataFrame:
    repeated = (
        staged.select("event_id_cnty")
        .with_row_index("row")
        .filter(pl.int_range(pl.len()).over("event_id_cnty") > 0)
    )
    return repeated.select(
        pl.col("row").cast(pl.Int64),
        "event_id_cnty",
        pl.lit("event_id_cnty: the same id twice in one sync (the first event was kept)").alias("reasons"),
    )


def _sync_events(con: duckdb.DuckDBPyConnection, n_staged: int) -> LoadStats:
    collisions = _count(
        con.execute("""INSERT INTO rejects (run_id, source_file, "row", event_id_cnty, reasons)
        SELECT s.run_id, NULL, NULL, s.event_id_cnty, 'event_id_cnty: collides with an ACLED event'
        FROM stage_events s JOIN events t
        ON t.event_id_cnty = s.event_id_cnty AND t.origin <> 'extracted'""")
    )
    if collisions:
        log.warning("%d extracted event ids collide with ACLED events; not written", collisions)
    removed = _count(
        con.execute("""DELETE FROM events WHERE origin = 'extracted'
        AND event_id_cnty NOT IN (SELECT event_id_cnty FROM stage_events)""")
    )
    added = _insert_new(con, "events", "stage_events", STORED_EVENT_COLUMNS, "event_id_cnty")
    updated = _update_changed(
        con,
        "events",
        "stage_events",
        STORED_EVENT_COLUMNS,
        "event_id_cnty",
        EVENT_COMPARE_COLUMNS,
        "t.origin = 'extracted'",
    )
    return LoadStats(
        added=added,
        updated=updated,
        removed=removed,
        rejected=collisions,
        unchanged=n_staged - added - updated - collisions,
    )


def _sync_documents(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM stage_documents)")
    _insert_new(con, "documents", "stage_documents", DOCUMENT_COLUMNS, "doc_id")
    _update_changed(
        con, "documents", "stage_documents", DOCUMENT_COLUMNS, "doc_id", DOCUMENT_COMPARE_COLUMNS, "true"
    )


def _sync_mentions(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the mentions of every event whose set of mentions changed (and only those)."""
    cols = column_list(MENTION_COLUMNS)
    con.execute(f"""CREATE OR REPLACE TEMP VIEW kept_mentions AS
        SELECT {cols} FROM stage_mentions
        WHERE event_id_cnty IN (SELECT event_id_cnty FROM events WHERE origin = 'extracted')""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE changed_mention_events AS
        SELECT DISTINCT event_id_cnty FROM (
            (SELECT {cols} FROM event_mentions EXCEPT ALL SELECT {cols} FROM kept_mentions)
            UNION ALL
            (SELECT {cols} FROM kept_mentions EXCEPT ALL SELECT {cols} FROM event_mentions))""")
    con.execute("""DELETE FROM event_mentions
        WHERE event_id_cnty IN (SELECT event_id_cnty FROM changed_mention_events)""")
    con.execute(f"""INSERT INTO event_mentions ({cols}) SELECT {cols} FROM kept_mentions
        WHERE event_id_cnty IN (SELECT event_id_cnty FROM changed_mention_events)""")
    con.execute("DROP TABLE changed_mention_events")
    con.execute("DROP VIEW kept_mentions")


def _insert_new(
    con: duckdb.DuckDBPyConnection, table: str, stage: str, columns: tuple[str, ...], key: str
) -> int:
    cols = column_list(columns)
    k = quote_ident(key)
    return _count(
        con.execute(f"""INSERT INTO {quote_ident(table)} ({cols})
        SELECT {cols} FROM {quote_ident(stage)} s
        WHERE NOT EXISTS (SELECT 1 FROM {quote_ident(table)} t WHERE t.{k} = s.{k})""")
    )


def _update_changed(
    con: duckdb.DuckDBPyConnection,
    table: str,
    stage: str,
    columns: tuple[str, ...],
    key: str,
    compare: tuple[str, ...],
    condition: str,
) -> int:
    """UPDATE rows whose compared columns differ and that satisfy `condition` (a fixed SQL
    fragment over aliases `t` and `s`, never user input)."""
    settable = [c for c in columns if c != key]
    assignments = ", ".join(f"{quote_ident(c)} = s.{quote_ident(c)}" for c in settable)
    k = quote_ident(key)
    return _count(
        con.execute(f"""UPDATE {quote_ident(table)} t SET {assignments}
        FROM {quote_ident(stage)} s
        WHERE t.{k} = s.{k} AND ({condition})
          AND ({column_list(compare, "t.")}) IS DISTINCT FROM ({column_list(compare, "s.")})""")
    )


def _insert_rejects(
    con: duckdb.DuckDBPyConnection, rejects: pl.DataFrame, run_id: str, source_file: str | None
) -> int:
    if rejects.height == 0:
        return 0
    stage = stage_frame(rejects, REJECT_COLUMNS)
    with registered(con, "stage_rejects", stage):
        con.execute(
            f"""INSERT INTO rejects (run_id, source_file, {column_list(REJECT_COLUMNS)})
            SELECT ?, ?, {column_list(REJECT_COLUMNS)} FROM stage_rejects""",
            [run_id, source_file],
        )
    return stage.height


def _newest_per_key(events: pl.DataFrame) -> pl.DataFrame:
    return events.sort("timestamp", descending=True, nulls_last=True).unique(
        "event_id_cnty", keep="first", maintain_order=True
    )


def _count(result: duckdb.DuckDBPyConnection) -> int:
    row = result.fetchone()
    return int(row[0]) if row else 0
