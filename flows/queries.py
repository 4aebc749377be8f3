"""The few warehouse reads the flows and `eventpipe status` need (SQL in `flows/sql/*.sql`)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import duckdb

from warehouse.runs import finish_run


@cache
def read_sql(name: str) -> str:
    """The text of `flows/sql/<name>.sql` (packaged data, not a path relative to the cwd)."""
    return files("flows.sql").joinpath(f"{name}.sql").read_text(encoding="utf-8")


def stored_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """{doc_id: content_hash} of the documents the warehouse holds."""
    return dict(con.execute(read_sql("document_hashes")).fetchall())


def close_interrupted_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Mark runs left 'running' by a killed process as failed. Call only under the run lock.

    Returns the Prefect flow run ids those runs recorded (to be marked Crashed in Prefect)."""
    flow_run_ids = []
    for run_id, flow_run_id in con.execute(read_sql("interrupted_runs")).fetchall():
        finish_run(con, run_id, "failed", {"error": "interrupted (process ended before finishing)",
                                           "flow_run_id": flow_run_id})
        if flow_run_id:
            flow_run_ids.append(flow_run_id)
    return flow_run_ids


def extracted_total(con: duckdb.DuckDBPyConnection) -> int:
    """Number of extracted events now in the warehouse."""
    return int(con.execute(read_sql("extracted_total")).fetchone()[0])


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict[str, object]]:
    """The last `limit` runs, newest first, as dicts (stats still JSON text)."""
    result = con.execute(read_sql("recent_runs"), [limit])
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def table_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    """(table or events-by-origin, row count) pairs."""
    return [(str(what), int(n)) for what, n in con.execute(read_sql("table_counts")).fetchall()]
