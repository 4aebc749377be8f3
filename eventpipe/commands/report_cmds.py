"""`eventpipe report`: the offline HTML report (a thin client of the `report` package)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventpipe.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `report` to the `eventpipe` parser."""
    parser = subparsers.add_parser(
        "report",
        help="write a self-contained offline HTML report (map, timeline, filters, table)",
        description="Write one HTML file that opens offline: events on a map over country outlines, "
        "a weekly timeline, filters (country, admin1, event type, actor, dates, origin), a comparison "
        "of ACLED-coded and extracted events per country-month, and every event with its note, "
        "sources and evidence. The options below narrow what goes into the file.",
    )
    parser.add_argument("--out", type=Path, default=Path("report.html"), metavar="FILE",
                        help="the HTML file to write (default report.html)")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only events on or after this date")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="only events on or before this date")
    parser.add_argument("--country", action="append", default=[], metavar="NAME",
                        help="only this country (repeat for several), e.g. --country Kenya")
    parser.add_argument("--event-type", action="append", default=[], metavar="TYPE",
                        help="only this ACLED event type (repeatable), e.g. --event-type Battles")
    parser.add_argument("--origin", action="append", default=[], choices=("acled", "extracted"),
                        help="only ACLED-coded or only extracted events (repeatable)")
    parser.add_argument("--title", default="eventpipe report", help="the page title")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB warehouse file (default: $EVENTPIPE_WAREHOUSE or "
                             "warehouse/events.duckdb)")
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Build the report on a read-only connection and print where it went."""
    from report import ReportFilter, build_report, parse_date
    from warehouse.connection import connect

    settings = Settings.load({"warehouse": args.warehouse})
    report_filter = ReportFilter(
        since=parse_date(args.since, "--since") if args.since else None,
        until=parse_date(args.until, "--until") if args.until else None,
        countries=tuple(args.country), event_types=tuple(args.event_type), origins=tuple(args.origin),
    )
    progress = None if args.quiet else _progress_line()
    con = connect(settings.warehouse, read_only=True)
    try:
        result = build_report(con, args.out, report_filter, title=args.title,
                              source=str(settings.warehouse), progress=progress)
    finally:
        con.close()
    if not args.quiet:
        print(f"{result.path}: {result.events:,} events, {result.bytes / 1e6:.1f} MB, "
              f"built in {result.seconds:.1f} s")
    return 0


def _progress_line():
    """Progress messages on stderr: rewritten in place on a terminal, one per line otherwise."""
    start = time.perf_counter()
    terminal = sys.stderr.isatty()

    def show(message: str) -> None:
        text = f"report: {message} ({time.perf_counter() - start:.1f} s)"
        if terminal:
            sys.stderr.write("\r\033[K" + text)
            if message.startswith("writing"):
                sys.stderr.write("\n")
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()

    return show
