"""eventpipe: news and analysis texts -> ACLED-compatible conflict events.

This package is the application edge (CLI, settings, errors) and the Python API:
`eventpipe.extract(text)`, `eventpipe.extract_frame(docs)` and `eventpipe.connect()` (see
eventpipe.api). The extraction engine lives in `extraction`, the ACLED contract in `schemas`, the
DuckDB warehouse in `warehouse` and the Prefect orchestration in `flows`.

Nothing is imported here at load time: the API loads on first use, so `eventpipe --help` stays
fast and `eventpipe.errors` can be imported by every package without pulling anything else in.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "connect", "extract", "extract_frame"]
_API = frozenset({"connect", "extract", "extract_frame"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from eventpipe import api

        return getattr(api, name)
    raise AttributeError(f"module 'eventpipe' has no attribute {name!r}")
