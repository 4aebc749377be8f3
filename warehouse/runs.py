"""The run log: every load, import or flow run gets a row in `runs`."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

import duckdb

RUN_STATUSES = ("running", "success", "failed")


def start_run(con: duckdb.DuckDBPyConnection, kind: str, detail: str = "",
              stats: Mapping[str, object] | None = None, model: str | None = None) -> str:
    """Record the start of a run of `kind` (e.g. 'import-acled', 'flow') and return its id.

    `stats` may carry what a later process needs if this one is killed (its Prefect flow run);
    `model` names the typing model an extracting run uses (see extraction.learned.model_label)."""
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    con.execute(
        "INSERT INTO runs (run_id, kind, detail, status, started_at, stats, model)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [run_id, kind, detail, "running", _now(), None if stats is None else json.dumps(dict(stats)), model],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, stats: Mapping[str, object]) -> None:
    """Close a run with its final status ('success' or 'failed') and its stats (stored as JSON)."""
    if status not in RUN_STATUSES:
        raise ValueError(f"run status must be one of {RUN_STATUSES}, not {status!r}")
    con.execute(
        "UPDATE runs SET status = ?, finished_at = ?, stats = ? WHERE run_id = ?",
        [status, _now(), json.dumps(dict(stats), default=str), run_id],
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
