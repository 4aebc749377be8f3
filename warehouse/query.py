"""Ad-hoc SQL on a read-only connection: `eventpipe sql` as a library call."""

from __future__ import annotations

import duckdb
import polars as pl

from eventpipe.errors import WarehouseError

_READ_ONLY_MARKER = "attached in read-only mode"


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame:
    """Run one query and return its rows; on a read-only connection a write is refused.

    DuckDB's own error is turned into a one-line WarehouseError (a write attempt says so).
    """
    try:
        relation = con.sql(sql)
        return pl.DataFrame() if relation is None else relation.pl()
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if _READ_ONLY_MARKER in str(error):
            raise WarehouseError(
                f"the query tries to modify the warehouse, which `eventpipe sql` opens read-only ({first})"
            ) from error
        raise WarehouseError(f"SQL error: {first}") from error
