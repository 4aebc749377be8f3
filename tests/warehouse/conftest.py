"""Fixtures of the warehouse tests: a fresh warehouse file per test and the real ACLED samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from warehouse.connection import connect

DATA = Path(__file__).resolve().parent.parent / "data"
OTHER_REGIONS = DATA / "acled_2020_other_regions_sample.csv"
BANGLADESH = DATA / "acled_bangladesh_2022_2024_sample.csv"
KENYA = DATA / "acled_kenya_1997_2019_sample.csv"
SAMPLES = (OTHER_REGIONS, BANGLADESH, KENYA)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "events.duckdb"


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(db_path)
    yield connection
    connection.close()


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every row of every data table, ordered, to compare states before and after."""
    tables = ("events", "documents", "event_mentions", "rejects", "runs")
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
