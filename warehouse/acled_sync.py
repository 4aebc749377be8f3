"""`eventpipe acled-sync`: keep the warehouse's ACLED events equal to ACLED's API (acledR's
`acled_update`).

A sync fetches the events of its query (countries, regions, a date range) that ACLED added or
changed since the newest `timestamp` the last sync of the same query received (the watermark in
table `acled_sync`), then the deletions ACLED published since the last sync, and applies both in
one transaction exactly as `import-acled` applies files: rows validated against the codebook
(invalid ones to `rejects`), upserted by event_id_cnty (newest timestamp wins), deletions
removing the stored version they are newer than. A request ACLED fails as too large is split
into two halves of its date range, down to single days.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import duckdb
import polars as pl

from schemas.codebook import ACLED_REGION_CODES
from warehouse.acled_api import DELETED_PATH, READ_PATH, TOO_LARGE_STATUSES, AcledApiError, AcledClient
from warehouse.acled_csv import read_acled_records
from warehouse.deletions import apply_deletions
from warehouse.importer import split_valid
from warehouse.load import LoadStats, transaction, upsert_acled
from warehouse.runs import finish_run, start_run

log = logging.getLogger(__name__)

FIRST_EVENT_DATE = date(1997, 1, 1)  # ACLED's earliest data
LOAD_BATCH = 50_000
Progress = Callable[[str], None]


@dataclass(frozen=True)
class SyncQuery:
    """What to keep in sync: countries and/or regions (all of ACLED when both are empty) and an
    event_date range (open ends: ACLED's first day, today)."""

    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None

    def key(self) -> str:
        """The watermark's key: the same query syncs incrementally, another one starts afresh."""
        return json.dumps({"countries": sorted(self.countries), "regions": sorted(self.regions),
                           "start": _iso(self.start), "end": _iso(self.end)}, sort_keys=True)

    def scopes(self) -> list[tuple[str, dict[str, str]]]:
        """(label, filter) per country and region: each is its own series of requests."""
        scopes = [(country, {"country": country}) for country in self.countries]
        scopes += [(region, {"region": str(ACLED_REGION_CODES.get(region, region))})
                   for region in self.regions]
        return scopes or [("all countries", {})]


@dataclass
class SyncResult:
    """What one sync fetched and did."""

    run_id: str = ""
    requests: int = 0
    fetched: int = 0
    deletions_fetched: int = 0
    stats: LoadStats = field(default_factory=LoadStats)
    since: int | None = None
    watermark: int | None = None
    rejects: pl.DataFrame | None = None


def sync_acled(con: duckdb.DuckDBPyConnection, client: AcledClient, query: SyncQuery,
               full: bool = False, progress: Progress | None = None, today: date | None = None) -> SyncResult:
    """Fetch what changed for `query` (everything when `full` or on its first sync), then load it
    and the deletions in one transaction; returns counts. Raises AcledApiError on API failures
    (the warehouse is then unchanged)."""
    progress = progress or (lambda message: log.info("%s", message))
    state = None if full else read_watermarks(con, query.key())
    since = state[0] if state else None
    records = fetch_events(client, query, since, progress, today or date.today())
    deleted_since = state[1] if state and state[1] is not None else _oldest_acled_timestamp(con)
    deletions = fetch_deletions(client, deleted_since, progress)
    result = SyncResult(requests=client.requests, fetched=len(records), deletions_fetched=deletions.height,
                        since=since)
    with transaction(con):
        result.run_id = start_run(con, "acled-sync", query.key())
        result.stats, result.rejects = _load(con, records, result.run_id)
        result.stats = result.stats + LoadStats(removed=apply_deletions(con, deletions))
        result.watermark = _newest(records, "timestamp", since)
        write_watermarks(con, query.key(), result.watermark,
                         _newest(deletions.to_dicts(), "deleted_timestamp", deleted_since))
        finish_run(con, result.run_id, "success", {"fetched": len(records), "deletions": deletions.height,
                                                   "since": since, **result.stats.as_dict()})
    return result


def fetch_events(client: AcledClient, query: SyncQuery, since: int | None, progress: Progress,
                 today: date) -> list[dict]:
    """Every event of the query with `timestamp >= since` (all when None), scope by scope."""
    start, end = query.start or FIRST_EVENT_DATE, query.end or today
    records: list[dict] = []
    for label, scope in query.scopes():
        params = dict(scope)
        if since is not None:
            params.update(timestamp=str(since), timestamp_where=">=")
        records += _fetch_range(client, label, params, start, end, progress, len(records))
    return records


def _fetch_range(client: AcledClient, label: str, params: dict[str, str], start: date, end: date,
                 progress: Progress, done: int) -> list[dict]:
    """All pages of one date range; split in halves when ACLED fails it as too large."""
    window = {**params, "event_date": f"{start.isoformat()}|{end.isoformat()}", "event_date_where": "BETWEEN"}
    rows: list[dict] = []
    try:
        for page, data in enumerate(client.pages(READ_PATH, window), start=1):
            rows += data
            progress(f"{label} {start}..{end}: page {page}, {done + len(rows)} events")
    except AcledApiError as error:
        if error.status not in TOO_LARGE_STATUSES or start >= end:
            raise
        middle = start + (end - start) // 2
        progress(f"{label} {start}..{end}: too large for one request (HTTP {error.status}); splitting")
        first = _fetch_range(client, label, params, start, middle, progress, done)
        return first + _fetch_range(client, label, params, middle + timedelta(days=1), end, progress,
                                    done + len(first))
    return rows


def fetch_deletions(client: AcledClient, since: int | None, progress: Progress) -> pl.DataFrame:
    """ACLED's deletions with `deleted_timestamp >= since` as (event_id_cnty, deleted_timestamp)."""
    params = {} if since is None else {"deleted_timestamp": str(since), "deleted_timestamp_where": ">="}
    rows = [row for page in client.pages(DELETED_PATH, params) for row in page]
    progress(f"deletions since {_when(since)}: {len(rows)}")
    return pl.DataFrame(
        {"event_id_cnty": [str(r.get("event_id_cnty") or "") for r in rows],
         "deleted_timestamp": [int(r.get("deleted_timestamp") or 0) for r in rows]},
        schema={"event_id_cnty": pl.String, "deleted_timestamp": pl.Int64},
    )


def _load(con: duckdb.DuckDBPyConnection, records: list[dict], run_id: str) -> tuple[LoadStats, pl.DataFrame]:
    stats, rejects = LoadStats(), []
    for offset in range(0, len(records), LOAD_BATCH):
        batch = read_acled_records(records[offset:offset + LOAD_BATCH], "ACLED API")
        valid, batch_rejects = split_valid(batch.events, batch.reasons)
        stats = stats + upsert_acled(con, valid, batch_rejects, run_id, "ACLED API")
        rejects.append(batch_rejects)
    empty = pl.DataFrame(schema={"row": pl.Int64, "event_id_cnty": pl.String, "reasons": pl.String})
    return stats, pl.concat([empty, *rejects])


def read_watermarks(con: duckdb.DuckDBPyConnection, key: str) -> tuple[int | None, int | None] | None:
    """(newest event timestamp, newest deletion timestamp) of the last sync of `key`, or None."""
    row = con.execute("SELECT max_timestamp, deleted_timestamp FROM acled_sync WHERE query = ?",
                      [key]).fetchone()
    return (row[0], row[1]) if row else None


def write_watermarks(con: duckdb.DuckDBPyConnection, key: str, events: int | None,
                     deletions: int | None) -> None:
    con.execute(
        """INSERT INTO acled_sync (query, max_timestamp, deleted_timestamp, synced_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (query) DO UPDATE SET max_timestamp = excluded.max_timestamp,
        deleted_timestamp = excluded.deleted_timestamp, synced_at = excluded.synced_at""",
        [key, events, deletions, datetime.now(UTC).replace(tzinfo=None)],
    )


def _oldest_acled_timestamp(con: duckdb.DuckDBPyConnection) -> int:
    """A first sync applies the deletions since the oldest ACLED version stored (imported files
    may hold events ACLED deleted since); with none stored, those from now on."""
    row = con.execute("SELECT min(timestamp) FROM events WHERE origin = 'acled'").fetchone()
    return int(row[0]) if row and row[0] is not None else int(datetime.now(UTC).timestamp())


def _newest(rows: list[dict], column: str, previous: int | None) -> int | None:
    stamps = [int(r[column]) for r in rows if str(r.get(column) or "").isdigit()]
    return max([*stamps, *([previous] if previous is not None else [])], default=None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _when(stamp: int | None) -> str:
    return "the start" if stamp is None else datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M UTC")
