"""Lineage: the evidence behind each extracted event's fields, kept in `event_lineage`.

The engine explains every field of a record (the date phrase, the gazetteer entry, the actor
alias, the typing rule and its confidence); `eventpipe extract --explain` prints it. The
pipeline stores the same text per (event, field) so the report and the review app can show why
a record says what it says long after the run.
"""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.columns import LINEAGE_COLUMNS, stage_frame

_STORED_EXTRACTED = "SELECT event_id_cnty FROM events WHERE origin = 'extracted'"


def sync_lineage(con: duckdb.DuckDBPyConnection, lineage: pl.DataFrame | None) -> None:
    """Make `event_lineage` equal to `lineage` for the stored extracted events (inside the
    caller's transaction). Unchanged rows are left alone; rows of events no longer stored go.
    With `lineage` None only the rows of vanished events are removed."""
    if lineage is not None:
        stage = stage_frame(lineage, LINEAGE_COLUMNS).unique(["event_id_cnty", "field"], keep="first",
                                                             maintain_order=True)
        con.register("stage_lineage", stage)
        try:
            con.execute("""DELETE FROM event_lineage t WHERE NOT EXISTS (SELECT 1 FROM stage_lineage s
                WHERE s.event_id_cnty = t.event_id_cnty AND s.field = t.field AND s.reason = t.reason)""")
            con.execute(f"""INSERT INTO event_lineage (event_id_cnty, field, reason)
                SELECT s.event_id_cnty, s.field, s.reason FROM stage_lineage s
                WHERE s.event_id_cnty IN ({_STORED_EXTRACTED}) AND NOT EXISTS (SELECT 1 FROM event_lineage t
                    WHERE t.event_id_cnty = s.event_id_cnty AND t.field = s.field)""")
        finally:
            con.unregister("stage_lineage")
    con.execute(f"DELETE FROM event_lineage WHERE event_id_cnty NOT IN ({_STORED_EXTRACTED})")


def lineage_of(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, str]:
    """{field: reason} of one event (empty for ACLED-coded events)."""
    rows = con.execute("SELECT field, reason FROM event_lineage WHERE event_id_cnty = ? ORDER BY field",
                       [event_id]).fetchall()
    return dict(rows)
