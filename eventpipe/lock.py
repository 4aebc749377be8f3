"""The warehouse run lock: one pipeline run per warehouse at a time.

DuckDB already refuses a second writer *process*, but only once it tries to open the file, and
with a message about DuckDB rather than about runs. This lock (an `flock` on `<warehouse>.lock`)
is taken before any work starts, so a second `eventpipe run` exits at once with a clear message
(or waits, if asked to). The kernel drops an `flock` when its process dies, so a killed run never
leaves a stale lock behind. The lock is re-entrant within one process: the CLI takes it before
Prefect starts (to fail fast) and the flow takes it again (so served, scheduled runs are guarded
too).
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from eventpipe.errors import WarehouseLocked

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.2

_held: dict[Path, tuple[IO[str], int]] = {}
_guard = threading.Lock()


def lock_path(warehouse: Path) -> Path:
    """Where the lock for `warehouse` lives (next to it, so it is on the same file system)."""
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def warehouse_lock(warehouse: Path, wait_seconds: float = 0.0) -> Iterator[Path]:
    """Hold the run lock of `warehouse` for the duration of the block.

    `wait_seconds=0` fails at once if another process holds it; a positive value polls until
    then. Raises WarehouseLocked with the holder's pid and command.
    """
    path = lock_path(Path(warehouse)).resolve()
    with _guard:
        if path in _held:
            handle, depth = _held[path]
            _held[path] = (handle, depth + 1)
            reentered = True
        else:
            reentered = False
    if not reentered:
        _acquire(path, wait_seconds)
    try:
        yield path
    finally:
        _release(path)


def _acquire(path: Path, wait_seconds: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                pid, command = _read_holder(handle)
                handle.close()
                raise WarehouseLocked(pid=pid, command=command, lock_file=str(path)) from None
            time.sleep(POLL_SECONDS)
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n{_current_command()}\n")
    handle.flush()
    with _guard:
        _held[path] = (handle, 1)
    logger.debug("acquired %s", path)


def _release(path: Path) -> None:
    with _guard:
        handle, depth = _held[path]
        if depth > 1:
            _held[path] = (handle, depth - 1)
            return
        del _held[path]
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    handle.close()
    logger.debug("released %s", path)


def _read_holder(handle: IO[str]) -> tuple[int | None, str | None]:
    """(pid, command) of the lock's holder, from the lock file its process wrote (a holder
    that has not written it yet, or an older one-line file, leaves None)."""
    handle.seek(0)
    lines = handle.read().splitlines()
    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
    command = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
    return pid, command


def _current_command() -> str:
    """This process's command line as a person typed it ('eventpipe run --wait 60')."""
    program = sys.argv[0] if sys.argv else ""
    name = "python -c" if program == "-c" else Path(program).name or "python"
    return " ".join([name, *sys.argv[1:]]).replace("\n", " ")
