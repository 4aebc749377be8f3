"""Opening the warehouse: migrations, the DDL-vs-schema contract, locks and read-only mode."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventpipe.errors import WarehouseError
from schemas.acled import AcledEvent
from schemas.codebook import ACLED_COLUMNS
from schemas.validate import model_dtypes
from warehouse import migrate as migrate_module
from warehouse.columns import (
    PROVENANCE_COLUMNS,
    SOURCE_FORMAT_COLUMNS,
    STORED_EVENT_COLUMNS,
    polars_dtype,
)
from warehouse.connection import connect
from warehouse.migrate import migrate, schema_version
from warehouse.runs import finish_run, start_run
from warehouse.sqlutil import list_sql

TABLES = {"documents", "events", "event_mentions", "rejects", "runs", "schema_version", "acled_sync",
          "event_lineage", "event_keys", "corrections"}
LATEST = max(int(name.split("_", 1)[0]) for name in list_sql(migrate_module.MIGRATIONS_PACKAGE))
VIEWS = {"acled_export", "events_by_country_month_type", "events_by_actor", "events_by_admin1"}
DUCKDB_TYPES = {
    "String": "VARCHAR",
    "Int32": "INTEGER",
    "Int64": "BIGINT",
    "Float64": "DOUBLE",
    "Date": "DATE",
    "Boolean": "BOOLEAN",
}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {table}").fetchall()]


def test_new_warehouse_has_tables_views_and_version(con: duckdb.DuckDBPyConnection) -> None:
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert TABLES | VIEWS <= names
    assert schema_version(con) == LATEST


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    connect(db_path).close()
    con = connect(db_path)
    assert migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(
        list_sql(migrate_module.MIGRATIONS_PACKAGE))


def test_pending_migration_is_applied_in_place(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    con = connect(db_path)
    run_id = start_run(con, "test")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_PACKAGE", "tests.warehouse.migrations_v2")
    assert migrate(con) == ["0003_add_review_flag.sql"]
    assert schema_version(con) == max(LATEST, 3)
    assert "reviewed" in [c for c, _ in _columns(con, "events")]
    assert con.execute("SELECT run_id FROM runs").fetchone()[0] == run_id  # data survived


def test_events_ddl_matches_the_pandera_model(con: duckdb.DuckDBPyConnection) -> None:
    """Contract: the table's columns are AcledEvent's, in ACLED's order, then provenance, then
    how an imported row was written."""
    columns = _columns(con, "events")
    assert [c for c, _ in columns] == list(STORED_EVENT_COLUMNS)
    assert list(STORED_EVENT_COLUMNS) == [*ACLED_COLUMNS, *PROVENANCE_COLUMNS, *SOURCE_FORMAT_COLUMNS]
    model = model_dtypes(AcledEvent)
    assert list(model) == list(ACLED_COLUMNS)
    for name, duck_type in columns:
        expected = model.get(name, polars_dtype(name))
        assert DUCKDB_TYPES[str(expected)] == duck_type, name


def test_acled_export_view_has_acled_columns_in_order(con: duckdb.DuckDBPyConnection) -> None:
    assert [c for c, _ in _columns(con, "acled_export")] == list(ACLED_COLUMNS)


def test_runs_record_start_and_finish(con: duckdb.DuckDBPyConnection) -> None:
    run_id = start_run(con, "import-acled", "x.csv")
    finish_run(con, run_id, "success", {"added": 3})
    row = con.execute(
        "SELECT kind, detail, status, stats->>'added', finished_at >= started_at FROM runs WHERE run_id = ?",
        [run_id],
    ).fetchone()
    assert row == ("import-acled", "x.csv", "success", "3", True)


def test_finish_run_refuses_an_unknown_status(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError, match="run status must be one of"):
        finish_run(con, start_run(con, "x"), "done", {})


def test_read_only_needs_an_existing_warehouse(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="the warehouse does not exist yet"):
        connect(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_connection_cannot_write(db_path: Path) -> None:
    connect(db_path).close()
    con = connect(db_path, read_only=True)
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM events")


def test_a_second_process_gets_a_clear_lock_error(db_path: Path) -> None:
    connect(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; "
            f"c = duckdb.connect({str(db_path)!r}); print('ok', flush=True); "
            "time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(WarehouseError, match="locked by another process") as error:
            connect(db_path)
        assert str(db_path) in str(error.value)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    connect(db_path).close()
