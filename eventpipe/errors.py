"""One small exception hierarchy for the whole project.

Library code raises these with structured fields; only the CLI/flow edge turns them into the
one-line messages people read (`str(error)`).
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
