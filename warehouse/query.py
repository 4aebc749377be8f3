"""Ad-hoc SQL on a sandboxed read-only connection: `eventpipe sql` as a library call.

One statement per call, and only a query (SELECT, FROM, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE,
EXPLAIN). DuckDB's own parser counts and classifies the statements, so `SELECT 1; COPY ...` is
refused before anything runs, whatever quoting or comments it uses.
"""

from __future__ import annotations

import duckdb
import polars as pl

from eventpipe.errors import WarehouseError

_READ_ONLY_MARKER = "attached in read-only mode"
ALLOWED_STATEMENTS = ("SELECT", "EXPLAIN")
WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "MERGE_INTO", "VACUUM",
                    "CREATE_FUNC", "ANALYZE")


def check_query(sql: str) -> None:
    """Raise WarehouseError unless `sql` is exactly one read-only query."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise WarehouseError(f"SQL error: {_first_line(error)}") from error
    if len(statements) != 1:
        raise WarehouseError(f"`eventpipe sql` runs exactly one statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind in WRITE_STATEMENTS:
        raise WarehouseError(
            f"the query tries to modify the warehouse, which `eventpipe sql` opens read-only "
            f"({kind} statement)"
        )
    if kind not in ALLOWED_STATEMENTS:
        raise WarehouseError(
            f"`eventpipe sql` runs queries only: {kind} statements are refused "
            "(no ATTACH, COPY, EXPORT, INSTALL, LOAD, SET, PRAGMA or writes)"
        )


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    """Run one query and return its rows; anything but one read-only query is refused.

    DuckDB's own error is turned into a one-line WarehouseError (a write attempt and a file
    access say so).
    """
    check_query(sql)
    try:
        relation = con.sql(sql)
        return pl.DataFrame() if relation is None else relation.pl()
    except duckdb.PermissionException as error:
        raise WarehouseError(
            f"file access is disabled in `eventpipe sql` ({_first_line(error)})",
            hint="--allow-files lifts this, unsafely",
        ) from error
    except duckdb.Error as error:
        first = _first_line(error)
        if _READ_ONLY_MARKER in str(error):
            raise WarehouseError(
                f"the query tries to modify the warehouse, which `eventpipe sql` opens read-only ({first})"
            ) from error
        raise WarehouseError(f"SQL error: {first}") from error


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
