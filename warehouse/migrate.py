"""Schema versioning: named migrations applied in place, each in its own transaction.

`schema_version` records every applied migration; a migration runs once. Views hold no data,
so they are simply re-created after the migrations on every writable connection.
"""

from __future__ import annotations

import logging

import duckdb

from warehouse.sqlutil import list_sql, read_sql

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "warehouse.migrations"
VIEWS_PACKAGE = "warehouse.views"


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Versions already applied (empty for a new file)."""
    con.execute("""CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""")
    return {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations in order, then re-create the views; returns what was applied."""
    done = applied_versions(con)
    applied = []
    for name in list_sql(MIGRATIONS_PACKAGE):
        version = int(name.split("_", 1)[0])
        if version in done:
            continue
        _apply_one(con, version, name)
        applied.append(name)
    create_views(con)
    return applied


def _apply_one(con: duckdb.DuckDBPyConnection, version: int, name: str) -> None:
    log.info("applying migration %s", name)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(read_sql(MIGRATIONS_PACKAGE, name))
        con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re-)create every view from `warehouse/views/*.sql`; the view is named after its file."""
    for name in list_sql(VIEWS_PACKAGE):
        body = read_sql(VIEWS_PACKAGE, name)
        con.execute(f'CREATE OR REPLACE VIEW "{name[:-4]}" AS {body}')


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration version (0 when none)."""
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0
