"""`eventpipe acled-sync`: fetch events and deletions from ACLED's API into the warehouse.

Credentials come from ACLED_USERNAME / ACLED_PASSWORD or a file (ACLED_CREDENTIALS_FILE, or
--credentials-file), never from flags: command lines end up in shell histories and `ps`.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from eventpipe.errors import InputError
from eventpipe.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `acled-sync` to the `eventpipe` parser."""
    parser = subparsers.add_parser(
        "acled-sync",
        help="fetch events and deletions from ACLED's API (incremental)",
        description="Sign in to ACLED's API (OAuth, credentials from ACLED_USERNAME and ACLED_PASSWORD or "
        "a credentials file), fetch the events of the given countries/regions/date range that changed "
        "since the last sync of the same query, apply ACLED's deletions, and load both in one "
        "transaction (as import-acled does). The first sync of a query fetches everything.",
    )
    parser.add_argument("--country", action="append", default=[], metavar="NAME",
                        help="an ACLED country name, e.g. Kenya (repeat for several)")
    parser.add_argument("--region", action="append", default=[], metavar="NAME",
                        help="an ACLED region, e.g. 'Eastern Africa' (repeat for several)")
    parser.add_argument("--start", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="first event_date (default: ACLED's first, 1997-01-01)")
    parser.add_argument("--end", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="last event_date (default: today)")
    parser.add_argument("--full", action="store_true",
                        help="ignore the stored watermark and fetch the whole query again")
    parser.add_argument("--credentials-file", type=Path, default=None, metavar="FILE",
                        help="a file with ACLED_USERNAME=... and ACLED_PASSWORD=... lines "
                             "(default: $ACLED_CREDENTIALS_FILE; the environment variables win)")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB warehouse file (default: $EVENTPIPE_WAREHOUSE or "
                             "warehouse/events.duckdb)")
    parser.set_defaults(handler=run_sync)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-01-31") from error


def run_sync(args: argparse.Namespace) -> int:
    """Sync, print progress on stderr and a summary on stdout."""
    from eventpipe.lock import warehouse_lock
    from warehouse.acled_api import AcledClient, Credentials
    from warehouse.acled_sync import SyncQuery, sync_acled
    from warehouse.connection import connect

    settings = Settings.load({"warehouse": args.warehouse})
    if args.start and args.end and args.start > args.end:
        raise InputError("--start is after --end", column="--start")
    credentials = Credentials.load(os.environ, args.credentials_file)
    client = AcledClient(credentials, base_url=settings.acled_api_url)
    query = SyncQuery(tuple(args.country), tuple(args.region), args.start, args.end)
    quiet = getattr(args, "quiet", False)
    with warehouse_lock(Path(settings.warehouse)):
        con = connect(settings.warehouse)
        try:
            result = sync_acled(con, client, query, full=args.full,
                                progress=None if quiet else _progress_line)
        finally:
            con.close()
    if not quiet:
        stats = result.stats
        since = "everything" if result.since is None else f"changes since timestamp {result.since}"
        print(f"acled-sync: {since}: {result.fetched} events and {result.deletions_fetched} deletions "
              f"fetched in {result.requests} requests; added {stats.added}, updated {stats.updated}, "
              f"unchanged {stats.unchanged}, removed {stats.removed}, rejected {stats.rejected} "
              f"(run {result.run_id})")
    return 0


def _progress_line(message: str) -> None:
    print(f"acled-sync: {message}", file=sys.stderr, flush=True)
