"""Fault injection for tests: hold a load open just before COMMIT so a test can kill it there,
or pause a run between extraction and load (no DuckDB connection held).

Never active unless asked for: `eventpipe run` reads `EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT` and
`EVENTPIPE_TEST_PAUSE_BEFORE_LOAD` (seconds) at the edge and passes them to the flow.
"""

from __future__ import annotations

import logging
import sys
import time

import duckdb

logger = logging.getLogger(__name__)

PAUSE_MARKER = "eventpipe: pausing before COMMIT"
LOAD_PAUSE_MARKER = "eventpipe: pausing before the load"


def pause_before_load(seconds: float) -> None:
    """Sleep after extraction, before the write connection is opened (readers must work here)."""
    print(f"{LOAD_PAUSE_MARKER} for {seconds} s", file=sys.stderr, flush=True)
    time.sleep(seconds)


class PauseBeforeCommit:
    """A DuckDB connection proxy that sleeps before every COMMIT (everything else passes through)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, seconds: float) -> None:
        self._con = con
        self._seconds = seconds

    def execute(self, query: str, *args: object, **kwargs: object) -> duckdb.DuckDBPyConnection:
        if query.strip().upper().startswith("COMMIT"):
            self._pause()
        return self._con.execute(query, *args, **kwargs)

    def commit(self) -> duckdb.DuckDBPyConnection:
        self._pause()
        return self._con.commit()

    def _pause(self) -> None:
        print(f"{PAUSE_MARKER} for {self._seconds} s", file=sys.stderr, flush=True)
        time.sleep(self._seconds)

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)
