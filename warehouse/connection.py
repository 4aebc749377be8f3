"""Opening the warehouse: one DuckDB file, migrated on every writable open."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from eventpipe.errors import WarehouseError
from warehouse.migrate import migrate

log = logging.getLogger(__name__)

# DuckDB keeps a load's uncommitted rows in memory up to this limit and spills beyond it; 1 GB
# keeps a million-row import under 2 GB peak RSS together with the polars batches.
MEMORY_LIMIT = "1GB"


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`.

    A writable connection creates the file (and its folder) and applies pending migrations. A
    read-only connection needs an existing warehouse and cannot modify it. DuckDB lets one
    process hold the write lock; a second one gets a WarehouseError naming the file.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(
            "the warehouse does not exist yet",
            file=str(path),
            hint="load data first, e.g. `eventpipe import-acled FILE.csv`",
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only)
    if not read_only:
        migrate(con)
    return con


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise WarehouseError(
                "the warehouse is locked by another process",
                file=str(path),
                hint="wait for the running load or flow to finish",
            ) from error
        raise WarehouseError(f"cannot open the warehouse: {_first_line(error)}", file=str(path)) from error
    except duckdb.Error as error:
        raise WarehouseError(f"cannot open the warehouse: {_first_line(error)}", file=str(path)) from error


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
