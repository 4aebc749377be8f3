"""The warehouse run lock: one writer job (pipeline run or ACLED import) per warehouse at a time.

DuckDB already refuses a second writer *process*, but only once it tries to open the file, and
with a message about DuckDB rather than about runs. This lock (an `flock` on `<warehouse>.lock`)
is taken before any work starts, so a second `eventpipe run` exits at once with a clear message
(or waits, if asked to). The kernel drops an `flock` when its process dies, so a killed run never
leaves a stale lock behind. The lock is re-entrant within one process: the CLI takes it before
Prefect starts (to fail fast) and the flow takes it again (so served, scheduled runs are guarded
too). The lock file holds the holder's pid and command, so a refused process can name it.
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

from eventpipe.errors import WarehouseError, WarehouseLocked

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.2
COMMAND_CHARS = 120

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


def describe_process(pid: int) -> str:
    """`pid N (command line)` of a live process, read from /proc; just `pid N` elsewhere."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"pid {pid}"
    command = " ".join(part.decode("utf-8", "replace") for part in raw.split(b"\0") if part)
    return f"pid {pid} ({_shorten(command)})" if command else f"pid {pid}"


def current_command() -> str:
    """This process's command line as people typed it (`eventpipe run --wait 5`)."""
    words = [Path(sys.argv[0]).name, *sys.argv[1:]] if sys.argv and sys.argv[0] else ["python"]
    return _shorten(" ".join(words))


def _shorten(command: str) -> str:
    """One line (a `python -c` script has newlines), at most COMMAND_CHARS long."""
    command = " ".join(command.split())
    return command if len(command) <= COMMAND_CHARS else command[:COMMAND_CHARS - 3] + "..."


def lock_holder(warehouse: Path) -> str | None:
    """`pid N (command)` of the process holding the lock, or None when it is free."""
    path = lock_path(Path(warehouse))
    if not path.is_file():
        return None
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return format_holder(*_read_holder(handle))
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return None


def _open_lock_file(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("a+", encoding="utf-8")
    except OSError as error:
        raise WarehouseError(f"cannot open the warehouse lock file: {error.strerror or error}",
                             file=str(path), hint="remove whatever is at that path") from None


def _acquire(path: Path, wait_seconds: float) -> None:
    handle = _open_lock_file(path)
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
    handle.write(f"{os.getpid()} {current_command()}\n")
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
    pid, _, command = handle.read().strip().partition(" ")
    return (int(pid) if pid.isdigit() else None), (command.strip() or None)


def format_holder(pid: int | None, command: str | None) -> str:
    """'pid N (command)' as messages name a lock holder."""
    if pid is None:
        return "unknown process"
    return f"pid {pid} ({command})" if command else f"pid {pid}"
