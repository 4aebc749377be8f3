"""ACLED deletion lists: events ACLED withdrew, as `event_id_cnty` + `deleted_timestamp` rows.

ACLED publishes deletions separately from its exports; applying them is what keeps a local copy
equal to ACLED. A deletion only removes the stored version it is newer than: an event that ACLED
re-uploaded after deleting it (a later `timestamp`) stays.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.errors import InputError
from schemas.codebook import EVENT_ID_PATTERN
from warehouse.load import registered

DELETION_COLUMNS: tuple[str, ...] = ("event_id_cnty", "deleted_timestamp")


def is_deletion_list(header: list[str]) -> bool:
    """A deletion list names deleted_timestamp and carries no event columns."""
    return "deleted_timestamp" in header and "event_date" not in header


def read_deletions(path: Path) -> pl.DataFrame:
    """The list as (event_id_cnty, deleted_timestamp); the first bad value is an InputError."""
    ids: list[str] = []
    stamps: list[int] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=1):
            ids.append(_event_id(row, path, row_no))
            stamps.append(_timestamp(row, path, row_no))
    if not ids:
        raise InputError("the deletion list has a header but no rows", file=str(path), row=1)
    return pl.DataFrame(
        {"event_id_cnty": ids, "deleted_timestamp": stamps},
        schema={"event_id_cnty": pl.String, "deleted_timestamp": pl.Int64},
    )


def _event_id(row: dict[str, str | None], path: Path, row_no: int) -> str:
    value = (row.get("event_id_cnty") or "").strip()
    if not EVENT_ID_PATTERN.match(value):
        raise InputError(
            f"{value!r} is not an ACLED event id (like KEN7182)",
            file=str(path),
            row=row_no,
            column="event_id_cnty",
        )
    return value


def _timestamp(row: dict[str, str | None], path: Path, row_no: int) -> int:
    value = (row.get("deleted_timestamp") or "").strip()
    if not value.isdigit():
        raise InputError(
            f"{value!r} is not Unix seconds", file=str(path), row=row_no, column="deleted_timestamp"
        )
    return int(value)


def apply_deletions(con: duckdb.DuckDBPyConnection, deletions: pl.DataFrame) -> int:
    """Delete the ACLED events the list withdraws (never extracted ones); -> rows deleted."""
    with registered(con, "stage_deletions", deletions):
        deleted = con.execute(
            """DELETE FROM events e USING stage_deletions d
            WHERE e.origin = 'acled' AND e.event_id_cnty = d.event_id_cnty
            AND (e."timestamp" IS NULL OR e."timestamp" <= d.deleted_timestamp)"""
        ).fetchone()
    return int(deleted[0]) if deleted else 0
