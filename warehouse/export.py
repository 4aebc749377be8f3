"""Exports: zstd Parquet (hive-partitioned) and ACLED-format CSV, both written atomically.

Each export is written next to its destination and swapped in only when complete, so a reader
never sees half an export and re-running replaces rather than appends. `where` is a SQL filter
over the `events` table (e.g. "origin = 'acled' AND year >= 2020"); callers that take it from
users should pass a read-only connection.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from eventpipe.errors import WarehouseError
from warehouse.acled_format import CsvStyle, export_query, resolve_style
from warehouse.columns import EVENT_COLUMNS
from warehouse.sqlutil import column_list

log = logging.getLogger(__name__)

# One layout for every export (`eventpipe run`, `eventpipe export`, the served export flow):
# <export dir>/parquet/ (hive folders) and <export dir>/events.csv.
PARQUET_DIR = "parquet"
CSV_FILE = "events.csv"


@dataclass(frozen=True)
class ExportResult:
    """Where an export went and how many events and files it holds."""

    path: Path
    rows: int
    files: int


def export_parquet(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    partition_by: Sequence[str] = ("year", "country"),
    where: str | None = None,
) -> ExportResult:
    """Write all events (ACLED columns + provenance) as zstd Parquet under `out_dir`.

    Partition columns live in the folder names only (`year=2024/country=Kenya/`), not inside the
    files: with both, pandas and pyarrow refuse the folder ("Field year has incompatible types").
    Every file has the same schema (one COPY of one query), so every reader (pandas, pyarrow,
    polars, DuckDB) reads the folder with its default hive partitioning.
    """
    unknown = [c for c in partition_by if c not in EVENT_COLUMNS]
    if unknown:
        raise WarehouseError("cannot partition by an unknown column", column=unknown[0])
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = _sibling(out_dir, "tmp")
    # no ORDER BY: sorting 1M rows costs ~25%
    query = f"SELECT {column_list(EVENT_COLUMNS)} FROM events WHERE {_filter(where)}"
    options = "FORMAT parquet, COMPRESSION zstd"
    if partition_by:
        options += f", PARTITION_BY ({column_list(list(partition_by))})"
        rows = _copy(con, query, tmp, options)
        tmp.mkdir(parents=True, exist_ok=True)  # zero rows write no folder
    else:
        tmp.mkdir(parents=True)
        rows = _copy(con, query, tmp / "events.parquet", options)
    files = sum(1 for _ in tmp.rglob("*.parquet"))
    _swap_dir(tmp, out_dir)
    log.info("exported %d events in %d Parquet files to %s", rows, files, out_dir)
    return ExportResult(path=out_dir, rows=rows, files=files)


def export_csv(con: duckdb.DuckDBPyConnection, out_path: Path, where: str | None = None,
               labels: str | None = None, date_format: str | None = None,
               shape: str | None = None) -> ExportResult:
    """Write events as an ACLED export: ACLED's columns, header and order.

    `labels` ('text' | 'numeric'), `date_format` ('iso' | 'acled') and `shape` ('dyadic' |
    'monadic') left as None follow the rows: imported rows are written the way their file was,
    so an import exports back cell by cell (see warehouse.acled_format). `rows` counts CSV rows
    (one per actor when monadic).
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _sibling(out_path, "tmp")
    style = _resolve(con, _filter(where), labels, date_format, shape)
    query = export_query(style, _filter(where))
    rows = _copy(con, query, tmp, "FORMAT csv, HEADER true, DELIMITER ','")
    os.replace(tmp, out_path)
    log.info("exported %d events to %s", rows, out_path)
    return ExportResult(path=out_path, rows=rows, files=1)


def _resolve(con: duckdb.DuckDBPyConnection, row_filter: str, labels: str | None, date_format: str | None,
             shape: str | None) -> CsvStyle:
    try:
        return resolve_style(con, row_filter, labels, date_format, shape)
    except duckdb.Error as error:
        raise WarehouseError(f"export failed: {str(error).splitlines()[0]}") from error


def _filter(where: str | None) -> str:
    return f"({where})" if where and where.strip() else "true"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, options: str) -> int:
    try:
        row = con.execute(f"COPY ({query}) TO '{_literal(target)}' ({options})").fetchone()
    except duckdb.Error as error:
        _remove(target)
        raise WarehouseError(f"export failed: {str(error).splitlines()[0]}") from error
    return int(row[0]) if row else 0


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def _sibling(path: Path, tag: str) -> Path:
    return path.with_name(f".{path.name}.{tag}-{uuid.uuid4().hex[:8]}")


def _swap_dir(new: Path, dest: Path) -> None:
    """Put `new` in place of `dest`: two renames on one filesystem, then drop the old copy."""
    old = _sibling(dest, "old") if dest.exists() else None
    if old is not None:
        dest.rename(old)
    new.rename(dest)
    if old is not None:
        shutil.rmtree(old)
