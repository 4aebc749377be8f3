"""One small exception hierarchy for the whole project.

Library code raises these with structured fields; only the CLI/flow edge turns them into the
one-line messages people read (`str(error)`).

This module imports nothing of ours, and `eventpipe/__init__.py` imports nothing at load time
(its API is imported lazily), so `extraction`, `warehouse` and `schemas` import it without
pulling in the CLI, Prefect or each other (tests/eventpipe/test_errors.py checks this).
"""

from __future__ import annotations


class EventpipeError(Exception):
    """Base class: a problem the user can act on. `str()` is the one-line message."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.hint = hint
        super().__init__(self.format())

    def format(self) -> str:
        where = []
        if self.file is not None:
            where.append(f"file {self.file}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = f"{', '.join(where)}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(EventpipeError):
    """An input file is missing, unreadable, malformed or of the wrong shape."""


class WarehouseError(EventpipeError):
    """The warehouse cannot be opened, is locked by another run, or a query was refused."""


class ExtractionError(EventpipeError):
    """The extraction engine cannot run (e.g. its packaged gazetteer is missing)."""


class WarehouseLocked(WarehouseError):
    """Another process holds the warehouse run lock. `pid` and `command` name the holder (None
    when its lock file does not say), so callers need not parse them back out of the message."""

    def __init__(self, *, pid: int | None, command: str | None, lock_file: str) -> None:
        self.pid = pid
        self.command = command
        holder = f"pid {pid if pid is not None else 'unknown'}" + (f": {command}" if command else "")
        super().__init__(
            f"another eventpipe run holds the warehouse lock ({holder})",
            file=lock_file,
            hint="wait for it to finish or retry; `eventpipe run --wait SECONDS` waits",
        )


class DataFileError(ExtractionError):
    """A data file packaged with the engine (the gazetteer, the actor dictionary) is missing or
    corrupt: the installation is broken, and `fix` says how to repair it."""

    def __init__(self, *, data_file: str, problem: str, fix: str) -> None:
        self.data_file = data_file
        self.problem = problem
        self.fix = fix
        super().__init__(f"packaged data file {data_file} {problem}", hint=fix)
