"""Progress reporting from inside a flow to whoever started it (the CLI's progress bar).

The flow calls `report(done, total)`; the CLI installs a callback with `reporting_progress`.
A context variable rather than a flow parameter, because parameters must be JSON for Prefect.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ProgressCallback = Callable[[int, int], None]

_callback: ContextVar[ProgressCallback | None] = ContextVar("eventpipe_progress", default=None)


@contextmanager
def reporting_progress(callback: ProgressCallback | None) -> Iterator[None]:
    """Send `report` calls made in this context to `callback` (None: nowhere)."""
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)


def report(done: int, total: int) -> None:
    """Documents extracted so far out of `total` to extract."""
    callback = _callback.get()
    if callback is not None:
        callback(done, total)
