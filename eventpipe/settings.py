"""The one settings object. Read once at the edge (CLI or flow entry) and passed down.

Precedence: explicit overrides (CLI flags) > environment variables (`EVENTPIPE_<FIELD>`) >
defaults. Library code never reads the environment itself. Values are validated by pydantic when
loaded: a bad one (`EVENTPIPE_BATCH_SIZE=abc`) is an InputError naming the variable, which the CLI
prints as one line (exit 2).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventpipe.errors import InputError

ENV_PREFIX = "EVENTPIPE_"


class Settings(BaseModel):
    """Paths and knobs of one pipeline installation (immutable)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    warehouse: Path = Path("warehouse/events.duckdb")
    raw_dir: Path = Path("raw")
    export_dir: Path = Path("exports")
    schedule_cron: str = Field("0 * * * *", min_length=1)
    task_runner: Literal["local", "dask"] = "local"
    dask_address: str | None = None  # a remote scheduler, e.g. "tcp://10.0.0.5:8786"
    dask_workers: int = Field(2, ge=1)
    batch_size: int = Field(50, ge=1)
    acled_api_url: str = Field("https://acleddata.com", pattern=r"^https?://")  # tests: a local server

    @classmethod
    def load(cls, overrides: Mapping[str, object] | None = None,
             environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from the environment (`EVENTPIPE_<FIELD>`) and then `overrides`.

        `None` values in `overrides` mean "not given on the command line" and are ignored.
        Raises InputError on the first invalid value, naming its variable or flag.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        origin: dict[str, str] = {}
        for name in cls.model_fields:
            raw = environ.get(ENV_PREFIX + name.upper())
            if raw not in (None, ""):
                values[name], origin[name] = raw, ENV_PREFIX + name.upper()
        for key, value in (overrides or {}).items():
            if value is not None:
                values[key], origin[key] = value, "--" + key.replace("_", "-")
        try:
            return cls(**values)
        except ValidationError as error:
            raise _one_line(error, values, origin) from None


def _one_line(error: ValidationError, values: Mapping[str, object], origin: Mapping[str, str]) -> InputError:
    first = error.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "settings"
    where = origin.get(name, name)
    message = first["msg"][0].lower() + first["msg"][1:]
    return InputError(f"{where}={values.get(name)!r} is invalid: {message}")
