"""`import-acled` as a library call: read, validate and load a file as one run, one transaction.

The file is processed in batches (bounded memory), all inside one transaction together with
its `runs` row: an InputError in any batch rolls everything back, leaving the warehouse's data
exactly as it was. Any failure (a bad file included) is then recorded as a 'failed' run with its
one-line reason, so `eventpipe status` shows what went wrong.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from eventpipe.errors import WarehouseError
from schemas.acled import AcledEvent
from schemas.validate import REJECT_SCHEMA, validate_frame
from warehouse.acled_csv import RECORD, iter_acled_batches, peek_header
from warehouse.deletions import apply_deletions, is_deletion_list, read_deletions
from warehouse.load import LoadStats, transaction, upsert_acled
from warehouse.runs import finish_run, start_run

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What one import did. `rejects`: row (record number in the file), event_id_cnty, reasons."""

    run_id: str
    source_file: str
    rows_read: int
    events: int
    monadic: bool
    stats: LoadStats
    rejects: pl.DataFrame
    deletion_list: bool = False


def import_acled(con: duckdb.DuckDBPyConnection, path: Path, batch_size: int = 50_000) -> ImportResult:
    """Import one ACLED export, or apply one ACLED deletion list (told apart by the header).

    Export rows that break the codebook go to `rejects` with reasons.
    """
    path = Path(path)
    try:
        deletions = read_deletions(path) if is_deletion_list(peek_header(path)) else None
        with transaction(con):
            if deletions is not None:
                return _import_deletions(con, path, deletions)
            return _import_batches(con, path, batch_size)
    except duckdb.Error as error:  # e.g. a full disk: the message people need is DuckDB's first line
        _record_failure(con, path, error)
        raise WarehouseError(f"import failed: {_first_line(error)}", file=str(path)) from error
    except Exception as error:
        _record_failure(con, path, error)
        raise


def _record_failure(con: duckdb.DuckDBPyConnection, path: Path, error: Exception) -> None:
    """A 'failed' run with the one-line reason, after the rollback (best effort: a full disk may
    refuse this write too, and the original error is what the caller must see)."""
    reason = _first_line(error)
    try:
        run_id = start_run(con, "import-acled", str(path))
        finish_run(con, run_id, "failed", {"error": reason[:500]})
    except (duckdb.Error, OSError) as second:
        log.info("could not record the failed import of %s: %s", path, second)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _import_batches(con: duckdb.DuckDBPyConnection, path: Path, batch_size: int) -> ImportResult:
    run_id = start_run(con, "import-acled", str(path))
    stats, rows_read, events, monadic = LoadStats(), 0, 0, False
    all_rejects = [pl.DataFrame(schema=REJECT_SCHEMA)]
    for batch in iter_acled_batches(path, batch_size):
        valid, rejects = split_valid(batch.events, batch.reasons)
        stats = stats + upsert_acled(con, valid, rejects, run_id, str(path))
        rows_read, events, monadic = rows_read + batch.rows_read, events + batch.events.height, batch.monadic
        all_rejects.append(rejects)
    finish_run(con, run_id, "success", {"rows_read": rows_read, **stats.as_dict()})
    log.info("imported %s: %s", path, stats)
    return ImportResult(
        run_id=run_id,
        source_file=str(path),
        rows_read=rows_read,
        events=events,
        monadic=monadic,
        stats=stats,
        rejects=pl.concat(all_rejects),
    )


def _import_deletions(con: duckdb.DuckDBPyConnection, path: Path, deletions: pl.DataFrame) -> ImportResult:
    run_id = start_run(con, "import-acled-deletions", str(path))
    stats = LoadStats(removed=apply_deletions(con, deletions))
    finish_run(con, run_id, "success", {"rows_read": deletions.height, **stats.as_dict()})
    log.info("applied deletions %s: %s", path, stats)
    return ImportResult(
        run_id=run_id,
        source_file=str(path),
        rows_read=deletions.height,
        events=0,
        monadic=False,
        stats=stats,
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
        deletion_list=True,
    )


def split_valid(events: pl.DataFrame, reasons: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Valid events, and rejects keyed by record number combining parse and schema reasons."""
    result = validate_frame(events, AcledEvent)
    records = events[RECORD]
    schema_rejects = result.rejects.select(
        records.gather(result.rejects["row"].cast(pl.UInt32)).cast(pl.Int64).alias("row"),
        "event_id_cnty",
        "reasons",
    )
    parse_rejects = reasons.join(events.select(RECORD, "event_id_cnty"), on=RECORD, how="left").select(
        pl.col(RECORD).cast(pl.Int64).alias("row"), "event_id_cnty", pl.col("reason").alias("reasons")
    )
    rejects = (
        pl.concat([parse_rejects, schema_rejects])
        .group_by("row", maintain_order=True)
        .agg(pl.col("event_id_cnty").first(), pl.col("reasons").str.join("; "))
        .sort("row")
    )
    valid = result.valid.filter(~pl.col(RECORD).cast(pl.Int64).is_in(rejects["row"].implode()))
    return valid.drop(RECORD), rejects
