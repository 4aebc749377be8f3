"""Exports read back with polars and DuckDB: ACLED header/order, zstd, hive partitions, atomic."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

from eventpipe.errors import WarehouseError
from schemas.codebook import ACLED_COLUMNS
from tests.warehouse.conftest import SAMPLES
from warehouse.columns import EVENT_COLUMNS
from warehouse.connection import connect
from warehouse.export import export_csv, export_parquet
from warehouse.importer import import_acled


@pytest.fixture
def loaded(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    for sample in SAMPLES:
        import_acled(con, sample)
    return con


def _count(con: duckdb.DuckDBPyConnection, where: str = "true") -> int:
    return con.execute(f"SELECT count(*) FROM events WHERE {where}").fetchone()[0]


def test_parquet_is_zstd_hive_partitioned_and_complete(
    loaded: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    result = export_parquet(loaded, tmp_path / "pq")
    assert result.rows == _count(loaded)
    files = sorted((tmp_path / "pq").rglob("*.parquet"))
    assert len(files) == result.files > 10
    assert files[0].relative_to(tmp_path / "pq").parts[0].startswith("year=")
    assert pq.ParquetFile(files[0]).metadata.row_group(0).column(0).compression == "ZSTD"
    back = pl.read_parquet(tmp_path / "pq" / "**" / "*.parquet", hive_partitioning=True)
    assert back.height == result.rows
    assert set(back.columns) == set(EVENT_COLUMNS)
    duck = duckdb.execute(
        f"SELECT count(DISTINCT event_id_cnty), sum(fatalities) FROM read_parquet("
        f"'{tmp_path}/pq/**/*.parquet', hive_partitioning = true)"
    ).fetchone()
    assert duck == loaded.execute("SELECT count(*), sum(fatalities) FROM events").fetchone()


def test_parquet_export_rerun_replaces_and_filters(loaded: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    export_parquet(loaded, tmp_path / "pq")
    result = export_parquet(loaded, tmp_path / "pq", partition_by=("country",), where="country = 'Kenya'")
    back = pl.read_parquet(tmp_path / "pq" / "**" / "*.parquet", hive_partitioning=True)
    assert back.height == result.rows == _count(loaded, "country = 'Kenya'")
    assert [p.name for p in (tmp_path / "pq").iterdir()] == ["country=Kenya"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pq", "wh"]  # no temp folders left


def test_parquet_unpartitioned_and_empty(loaded: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    assert export_parquet(loaded, tmp_path / "one", partition_by=()).files == 1
    empty = export_parquet(loaded, tmp_path / "none", where="year > 3000")
    assert (empty.rows, empty.files, (tmp_path / "none").is_dir()) == (0, 0, True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"partition_by": ("nope",)}, "column 'nope': cannot partition by an unknown column"),
        ({"where": "no_such_column = 1"}, "export failed: Binder Error"),
    ],
)
def test_parquet_export_errors(
    loaded: duckdb.DuckDBPyConnection, tmp_path: Path, kwargs: dict, message: str
) -> None:
    with pytest.raises(WarehouseError, match=message):
        export_parquet(loaded, tmp_path / "pq", **kwargs)
    assert not (tmp_path / "pq").exists()


def test_csv_has_acled_header_and_round_trips(loaded: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    """The CSV is an ACLED export: same 31 columns, and importing it gives the same events."""
    result = export_csv(loaded, tmp_path / "out" / "events.csv")
    header = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(ACLED_COLUMNS)
    back = pl.read_csv(tmp_path / "out" / "events.csv")
    assert back.columns == list(ACLED_COLUMNS) and back.height == result.rows == _count(loaded)
    fresh = connect(tmp_path / "fresh.duckdb")
    again = import_acled(fresh, tmp_path / "out" / "events.csv")
    assert again.stats.rejected == 0
    query = f"SELECT {', '.join(ACLED_COLUMNS)} FROM events ORDER BY event_id_cnty"
    assert fresh.execute(query).fetchall() == loaded.execute(query).fetchall()


def test_csv_where_filters_on_any_events_column(loaded: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    result = export_csv(loaded, tmp_path / "bgd.csv", where="origin = 'acled' AND iso = 50", shape="dyadic")
    assert result.rows == _count(loaded, "iso = 50") > 0
    assert pl.read_csv(tmp_path / "bgd.csv")["country"].unique().to_list() == ["Bangladesh"]
    monadic = export_csv(loaded, tmp_path / "bgd_monadic.csv", where="iso = 50")  # as imported
    assert monadic.rows == 440  # the sample's actor rows
