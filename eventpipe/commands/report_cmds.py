"""`eventpipe report` (the offline HTML report) and `eventpipe review` (the correction app):
thin clients of the `report` and `review` packages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventpipe.settings import Settings

REVIEW_PORT = 8765


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `report` and `review` to the `eventpipe` parser."""
    _add_review(subparsers)
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
    parser.add_argument("--where", metavar="EXPR",
                        help="only events matching this filter, in `export --where`'s language "
                             "(e.g. \"country = 'Kenya' and fatalities > 0\"); never spliced into SQL")
    parser.add_argument("--title", default="eventpipe report", help="the page title")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB warehouse file (default: $EVENTPIPE_WAREHOUSE or "
                             "warehouse/events.duckdb)")
    parser.set_defaults(handler=run_report)


def _add_review(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="serve the local review app (accept, correct, reject, merge extracted events)",
        description="Serve a web app on http://127.0.0.1:PORT (this machine only): extracted events, "
        "lowest confidence first, with their evidence; corrections are stored in the warehouse's "
        "`corrections` table and replayed on every pipeline run.",
    )
    parser.add_argument("--port", type=int, default=REVIEW_PORT, help=f"port (default {REVIEW_PORT})")
    parser.add_argument("--read-only", action="store_true", help="view only: every change is refused")
    parser.add_argument("--who", default=None, help="the reviewer's name stored with each correction "
                                                    "(default: $USER)")
    parser.add_argument("--raw-dir", type=Path, default=None,
                        help="folder of documents, to show evidence in context (default: $EVENTPIPE_RAW_DIR)")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB warehouse file (default: $EVENTPIPE_WAREHOUSE or "
                             "warehouse/events.duckdb)")
    parser.set_defaults(handler=run_review)


def run_review(args: argparse.Namespace) -> int:
    """Serve the review app on 127.0.0.1 until interrupted."""
    import os

    import uvicorn

    from review import create_app
    from warehouse.connection import connect

    settings = Settings.load({"warehouse": args.warehouse, "raw_dir": args.raw_dir})
    connect(settings.warehouse, read_only=args.read_only).close()  # fail now on a missing/locked file
    who = args.who or os.environ.get("USER") or "analyst"
    app = create_app(settings.warehouse, read_only=args.read_only, who=who, raw_dir=settings.raw_dir)
    print(f"eventpipe review: http://127.0.0.1:{args.port}/ ({'read-only' if args.read_only else who}); "
          "Ctrl-C to stop", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Build the report on a read-only connection and print where it went."""
    from report import ReportFilter, build_report, parse_date
    from warehouse.connection import connect_reader

    settings = Settings.load({"warehouse": args.warehouse})
    report_filter = ReportFilter(
        since=parse_date(args.since, "--since") if args.since else None,
        until=parse_date(args.until, "--until") if args.until else None,
        countries=tuple(args.country), event_types=tuple(args.event_type), origins=tuple(args.origin),
        where=args.where,
    )
    quiet = getattr(args, "quiet", False)  # the global -q/--quiet
    progress = None if quiet else _progress_line()
    con = connect_reader(Path(settings.warehouse))
    try:
        result = build_report(con, args.out, report_filter, title=args.title,
                              source=str(settings.warehouse), progress=progress)
    finally:
        con.close()
    if not quiet:
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
