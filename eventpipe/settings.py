"""The one settings object. Read once at the edge (CLI or flow entry) and passed down.

Precedence: explicit overrides (CLI flags) > environment variables > defaults. Library code never
reads the environment itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

ENV_PREFIX = "EVENTPIPE_"


@dataclass(frozen=True)
class Settings:
    """Paths and knobs of one pipeline installation."""

    warehouse: Path = Path("warehouse/events.duckdb")
    raw_dir: Path = Path("raw")
    export_dir: Path = Path("exports")
    schedule_cron: str = "0 * * * *"
    task_runner: str = "local"  # "local" or "dask"
    dask_address: str | None = None  # a remote scheduler, e.g. "tcp://10.0.0.5:8786"
    dask_workers: int = 2
    batch_size: int = 50
    acled_api_url: str = "https://acleddata.com"  # ACLED's API (tests point it at a local server)

    @classmethod
    def load(cls, overrides: Mapping[str, object] | None = None,
             environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from the environment (`EVENTPIPE_<FIELD>`) and then `overrides`.

        `None` values in `overrides` mean "not given on the command line" and are ignored.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for field in fields(cls):
            raw = environ.get(ENV_PREFIX + field.name.upper())
            if raw not in (None, ""):
                values[field.name] = raw
        for key, value in (overrides or {}).items():
            if value is not None:
                values[key] = value
        return replace(cls(), **{k: _coerce(cls, k, v) for k, v in values.items()})


def _coerce(cls: type[Settings], name: str, value: object) -> object:
    default = getattr(cls(), name)
    if isinstance(default, Path) or name in {"warehouse", "raw_dir", "export_dir"}:
        return Path(str(value))
    if isinstance(default, bool):
        return str(value).lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(str(value))
    return None if value is None else str(value)
