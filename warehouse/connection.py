"""Opening the warehouse: one DuckDB file, migrated on every writable open.

Read-only connections are sandboxed by default: `read_only=True` protects the database file and
nothing else (COPY TO, EXPORT DATABASE, read_csv('/etc/passwd'), ATTACH ... READ_WRITE all still
work), so they also get `enable_external_access=false` and `lock_configuration=true`: no file
outside the warehouse can be read or written and no SET can undo it. `writable_dirs` opens
exactly the folders an export writes into (DuckDB's `allowed_directories`).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from eventpipe.errors import WarehouseError
from eventpipe.lock import describe_process
from warehouse.migrate import migrate

log = logging.getLogger(__name__)

# DuckDB keeps a load's uncommitted rows in memory up to this limit and spills beyond it; 1 GB
# keeps a million-row import under 2 GB peak RSS together with the polars batches.
MEMORY_LIMIT = "1GB"
# A reader waits this long for a load (which holds the file for seconds) before giving up.
READER_WAIT_SECONDS = 10.0
# A writer waits at least this long for readers, who hold the file for moments.
WRITER_WAIT_SECONDS = 10.0
POLL_SECONDS = 0.25
_HOLDER_PID = re.compile(r"\(PID (\d+)\)")


class WarehouseBusy(WarehouseError):
    """Another process holds DuckDB's lock on the file; `pid` is that process (if DuckDB says)."""

    def __init__(self, message: str, *, pid: int | None, **fields: object) -> None:
        self.pid = pid
        super().__init__(message, **fields)


def connect(path: Path, read_only: bool = False, *, sandbox: bool | None = None,
            writable_dirs: Sequence[Path] = ()) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at `path`.

    A writable connection creates the file (and its folder) and applies pending migrations. A
    read-only connection needs an existing warehouse and cannot modify it; it is sandboxed
    unless `sandbox=False` (the unsafe `eventpipe sql --allow-files`). DuckDB lets one process
    hold the write lock; a second one gets a WarehouseError naming the file.
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
        try:
            migrate(con)
        except duckdb.Error as error:
            con.close()
            raise WarehouseError(f"cannot prepare the warehouse: {_first_line(error)}",
                                 file=str(path)) from error
    if read_only if sandbox is None else sandbox:
        apply_sandbox(con, writable_dirs)
    return con


def connect_reader(path: Path, *, sandbox: bool = True, writable_dirs: Sequence[Path] = (),
                   wait_seconds: float = READER_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A (sandboxed) read-only connection, retried while a load holds the file."""
    return _retry_busy(lambda: connect(path, read_only=True, sandbox=sandbox,
                                       writable_dirs=writable_dirs), wait_seconds, "read")


def connect_writer(path: Path, wait_seconds: float = 0.0) -> duckdb.DuckDBPyConnection:
    """The write connection, retried for `wait_seconds` while a reader (a notebook) holds the file."""
    return _retry_busy(lambda: connect(path), wait_seconds, "write")


def _retry_busy(open_once: Callable[[], duckdb.DuckDBPyConnection], wait_seconds: float,
                purpose: str) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return open_once()
        except WarehouseBusy as busy:
            if time.monotonic() >= deadline:
                who = describe_process(busy.pid) if busy.pid else "another process"
                raise WarehouseBusy(
                    f"cannot {purpose} the warehouse: it is held by {who}"
                    + (f" (waited {wait_seconds:.0f} s)" if wait_seconds else ""),
                    pid=busy.pid, file=busy.file,
                    hint="retry when it is done" if purpose == "read" else
                    "close that connection, or pass --wait SECONDS",
                ) from None
            time.sleep(POLL_SECONDS)


def apply_sandbox(con: duckdb.DuckDBPyConnection, writable_dirs: Sequence[Path] = ()) -> None:
    """No file access outside `writable_dirs`, no ATTACH/INSTALL/LOAD, settings locked."""
    if writable_dirs:
        folders = [str(Path(folder).resolve()) + "/" for folder in writable_dirs]
        con.execute("SET allowed_directories = ?", [folders])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def _open(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            match = _HOLDER_PID.search(str(error))
            raise WarehouseBusy(
                "the warehouse is locked by another process",
                pid=int(match.group(1)) if match else None,
                file=str(path),
                hint="wait for the running load or flow to finish",
            ) from error
        raise WarehouseError(f"cannot open the warehouse: {_first_line(error)}", file=str(path)) from error
    except duckdb.Error as error:
        raise WarehouseError(f"cannot open the warehouse: {_first_line(error)}", file=str(path)) from error


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
