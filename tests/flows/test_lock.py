"""The warehouse run lock: a second process is refused with its holder's pid; a dead holder frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventpipe.errors import WarehouseError, WarehouseLocked
from eventpipe.lock import lock_path, warehouse_lock

HOLD = """
import sys, time
from pathlib import Path
from eventpipe.lock import warehouse_lock
with warehouse_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def _hold_in_subprocess(warehouse: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_second_process_gets_a_clear_message(tmp_path: Path) -> None:
    warehouse = tmp_path / "events.duckdb"
    holder = _hold_in_subprocess(warehouse)
    try:
        message = rf"another eventpipe run holds the warehouse lock \(pid {holder.pid}: python -c "
        with pytest.raises(WarehouseLocked, match=message) as raised:
            with warehouse_lock(warehouse):
                pass
        assert raised.value.pid == holder.pid
        assert raised.value.command is not None and raised.value.command.startswith("python -c ")
        assert isinstance(raised.value, WarehouseError)  # callers catching the family still catch it
    finally:
        holder.kill()
        holder.wait()


def test_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    warehouse = tmp_path / "events.duckdb"
    holder = _hold_in_subprocess(warehouse)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with warehouse_lock(warehouse) as path:
        assert path == lock_path(warehouse).resolve()
        assert path.read_text().splitlines()[0] == str(os.getpid())


def test_waiting_gets_the_lock_when_the_holder_finishes(tmp_path: Path) -> None:
    warehouse = tmp_path / "events.duckdb"
    holder = _hold_in_subprocess(warehouse)
    started = time.monotonic()
    subprocess.Popen(["sh", "-c", f"sleep 1; kill {holder.pid}"])
    with warehouse_lock(warehouse, wait_seconds=20):
        assert time.monotonic() - started >= 0.5
    holder.wait()


def test_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    warehouse = tmp_path / "events.duckdb"
    with warehouse_lock(warehouse), warehouse_lock(warehouse):
        pass
    with warehouse_lock(warehouse):  # fully released after the nested blocks
        pass
