"""Which events a report shows: the filter given on the command line, as bound SQL.

A filter is a small typed value (dates, country names, event types, origins); each becomes a
fixed SQL fragment with `?` placeholders and the values travel as parameters, so no user text is
ever spliced into SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from eventpipe.errors import InputError
from schemas.codebook import EVENT_TYPES
from warehouse.columns import EVENT_COLUMNS
from warehouse.filter import compile_filter
from warehouse.sqlutil import read_sql

ORIGINS = ("acled", "extracted")
SQL_PACKAGE = "report.sql"


@dataclass(frozen=True)
class ReportFilter:
    """Events on or after `since`, up to `until`, in these countries / event types / origins
    (an empty tuple means no restriction)."""

    since: date | None = None
    until: date | None = None
    countries: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    where: str | None = None  # `export --where`'s filter language over the events' columns

    def __post_init__(self) -> None:
        compile_filter(self.where, EVENT_COLUMNS)  # a bad expression fails here, in one line
        unknown = [t for t in self.event_types if t not in EVENT_TYPES]
        if unknown:
            raise InputError(f"unknown event type {unknown[0]!r}", hint="one of: " + ", ".join(EVENT_TYPES))
        bad_origin = [o for o in self.origins if o not in ORIGINS]
        if bad_origin:
            raise InputError(f"unknown origin {bad_origin[0]!r}", hint="acled or extracted")
        if self.since and self.until and self.since > self.until:
            raise InputError(f"--since {self.since} is after --until {self.until}")

    def sql(self) -> tuple[str, list[object]]:
        """(`WHERE ...` over the report query's columns, its parameters)."""
        clauses: list[str] = []
        params: list[object] = []
        if self.since:
            clauses.append("event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("event_date <= ?")
            params.append(self.until)
        for column, values in (("country", self.countries), ("event_type", self.event_types),
                               ("origin", self.origins)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)
        if self.where and self.where.strip():
            condition = compile_filter(self.where, EVENT_COLUMNS)
            clauses.append(f"event_id_cnty IN (SELECT event_id_cnty FROM events WHERE {condition.sql})")
            params.extend(condition.params)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def describe(self) -> str:
        """The filter in words, shown in the report's header."""
        parts = [f"where {self.where.strip()}"] if self.where and self.where.strip() else []
        if self.since or self.until:
            parts.append(f"dates {self.since or '...'} to {self.until or '...'}")
        for label, values in (("countries", self.countries), ("event types", self.event_types),
                              ("origin", self.origins)):
            if values:
                parts.append(f"{label}: {', '.join(values)}")
        return "; ".join(parts) or "all events"


def parse_date(text: str, option: str) -> date:
    """A YYYY-MM-DD command-line date, or an InputError naming the option."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InputError(f"{option} {text!r} is not a date", hint="use YYYY-MM-DD") from error


def fetch_events(con: duckdb.DuckDBPyConnection, report_filter: ReportFilter) -> pl.DataFrame:
    """The filtered events with their documents and evidence, newest first."""
    where, params = report_filter.sql()
    sql = read_sql(SQL_PACKAGE, "report_events.sql")
    query = f"SELECT * FROM ({sql}) AS report {where} ORDER BY event_date DESC, event_id_cnty"
    return con.sql(query, params=params).pl()


def fetch_lineage(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> dict[str, str]:
    """{event_id_cnty: the evidence per field as one text}, for events whose lineage is stored.

    Empty on a warehouse without the `event_lineage` table (before migration 0004)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_lineage'"
    ).fetchall()[0][0]
    if not exists or not event_ids:
        return {}
    ids = pl.DataFrame({"event_id_cnty": list(event_ids)})
    con.register("report_ids", ids)
    try:
        rows = con.execute(
            """SELECT l.event_id_cnty, string_agg(l.field || ': ' || l.reason, chr(10) ORDER BY l.field)
            FROM event_lineage l JOIN report_ids r USING (event_id_cnty) GROUP BY 1"""
        ).fetchall()
    finally:
        con.unregister("report_ids")
    return {event_id: text for event_id, text in rows}
