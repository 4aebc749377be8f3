"""`run_query` on a read-only connection: results as frames, writes refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventpipe.errors import WarehouseError
from tests.warehouse.conftest import KENYA
from warehouse.connection import connect
from warehouse.importer import import_acled
from warehouse.query import run_query


@pytest.fixture
def read_only(db_path: Path):
    writable = connect(db_path)
    import_acled(writable, KENYA)
    writable.close()
    con = connect(db_path, read_only=True)
    yield con
    con.close()


def test_select_returns_a_frame(read_only) -> None:
    frame = run_query(read_only, "SELECT country, count(*) AS n FROM events GROUP BY country")
    assert frame.rows() == [("Kenya", 302)]


def test_views_answer(read_only) -> None:
    frame = run_query(
        read_only, "SELECT sum(events) AS n, sum(fatalities) AS f FROM events_by_country_month_type"
    )
    total = run_query(read_only, "SELECT count(*) AS n, sum(fatalities)::BIGINT AS f FROM events")
    assert frame.rows() == total.rows()


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM events",
        "UPDATE events SET fatalities = 0",
        "INSERT INTO runs (run_id, kind, status, started_at) VALUES ('x', 'y', 'z', now())",
        "CREATE TABLE t (a INTEGER)",
        "DROP VIEW acled_export",
    ],
)
def test_writes_are_refused(read_only, sql: str) -> None:
    with pytest.raises(
        WarehouseError, match="the query tries to modify the warehouse, which `eventpipe sql` opens read-only"
    ):
        run_query(read_only, sql)
    assert run_query(read_only, "SELECT count(*) AS n FROM events")["n"][0] == 302


def test_bad_sql_is_one_line(read_only) -> None:
    with pytest.raises(WarehouseError, match=r"^SQL error: Parser Error: syntax error at or near \"SELEC\"$"):
        run_query(read_only, "SELEC 1")
