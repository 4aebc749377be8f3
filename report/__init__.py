"""The offline HTML report: `build_report(con, out, report_filter)`.

One self-contained file (map, weekly timeline, filters, comparison of ACLED-coded and extracted
events, a paged table with notes and evidence) that opens without a network. The warehouse is
read on the connection the caller gives (read-only is enough); nothing is written to it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from report.payload import COORDINATE_SCALE, encode_columns, pack
from report.query import ReportFilter, fetch_events, fetch_lineage, parse_date
from report.render import render_html

__all__ = ["ReportFilter", "ReportResult", "build_report", "parse_date"]

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ReportResult:
    """Where the report went, what it holds and how long it took to build."""

    path: Path
    events: int
    bytes: int
    seconds: float


def build_report(con: duckdb.DuckDBPyConnection, out: Path, report_filter: ReportFilter | None = None,
                 title: str = "eventpipe report", source: str = "",
                 progress: Progress | None = None) -> ReportResult:
    """Query, encode and write the report to `out` (written to a temporary name, then renamed)."""
    say = progress or (lambda _message: None)
    report_filter = report_filter or ReportFilter()
    start = time.perf_counter()
    say("reading events from the warehouse")
    events = fetch_events(con, report_filter)
    say(f"read {events.height:,} events; reading their evidence per field")
    lineage = fetch_lineage(con, events["event_id_cnty"].to_list())
    say(f"encoding {events.height:,} events")
    packed = pack(encode_columns(events, lineage))
    meta = {"filter": report_filter.describe(), "events": events.height, "source": source,
            "built": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "warehouse": source,
            "coordinate_scale": COORDINATE_SCALE}
    say("writing the HTML file")
    size = _write_atomically(Path(out), render_html(title, meta, packed))
    seconds = time.perf_counter() - start
    log.info("report %s: %d events, %d bytes, %.1f s", out, events.height, size, seconds)
    return ReportResult(path=Path(out), events=events.height, bytes=size, seconds=seconds)


def _write_atomically(out: Path, html: str) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    data = html.encode("utf-8")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    return len(data)
