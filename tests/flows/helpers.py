"""Reading a warehouse back for assertions."""

from __future__ import annotations

from pathlib import Path

import duckdb

EVENT_SNAPSHOT = """SELECT * EXCLUDE (run_id) FROM events WHERE origin = 'extracted' ORDER BY event_id_cnty"""
MENTION_SNAPSHOT = "SELECT * FROM event_mentions ORDER BY ALL"
DOCUMENT_SNAPSHOT = "SELECT doc_id, content_hash FROM documents ORDER BY doc_id"


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Extracted events (without run_id), mentions and documents: what must match across runs."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in
                (("events", EVENT_SNAPSHOT), ("mentions", MENTION_SNAPSHOT),
                 ("documents", DOCUMENT_SNAPSHOT))}
    finally:
        con.close()


def scalar(warehouse: Path, sql: str) -> object:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()
