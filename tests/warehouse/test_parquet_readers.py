"""The Parquet export opens with each reader's default call, with the same types everywhere.

The calls are the ones the README shows. Partition values live in the folder names only: files
that also stored them made pandas and pyarrow fail ("Field year has incompatible types").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from tests.warehouse.conftest import SAMPLES
from warehouse.columns import EVENT_COLUMNS
from warehouse.connection import connect
from warehouse.export import export_parquet
from warehouse.importer import import_acled


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    tmp = tmp_path_factory.mktemp("readers")
    con = connect(tmp / "w.duckdb")
    for sample in SAMPLES:
        import_acled(con, sample)
    result = export_parquet(con, tmp / "parquet")
    con.close()
    return result.path, result.rows


def _pandas(folder: Path) -> tuple[int, list[str]]:
    frame = pd.read_parquet(folder)
    return len(frame), list(frame.columns)


def _pyarrow_table(folder: Path) -> tuple[int, list[str]]:
    table = pq.read_table(folder)
    return table.num_rows, table.column_names


def _pyarrow_dataset(folder: Path) -> tuple[int, list[str]]:
    table = ds.dataset(folder, partitioning="hive").to_table()
    return table.num_rows, table.column_names


def _polars(folder: Path) -> tuple[int, list[str]]:
    frame = pl.scan_parquet(folder / "**" / "*.parquet", hive_partitioning=True).collect()
    return frame.height, frame.columns


def _duckdb(folder: Path) -> tuple[int, list[str]]:
    con = duckdb.connect()
    query = f"SELECT * FROM read_parquet('{folder}/**/*.parquet', hive_partitioning=true)"
    rows = con.execute(query).fetchall()
    columns = [d[0] for d in con.description]
    con.close()
    return len(rows), columns


READERS: dict[str, Callable[[Path], tuple[int, list[str]]]] = {
    "pandas.read_parquet(dir)": _pandas,
    "pyarrow.parquet.read_table(dir)": _pyarrow_table,
    "pyarrow.dataset.dataset(dir, partitioning='hive')": _pyarrow_dataset,
    "polars.scan_parquet(dir/**/*.parquet, hive_partitioning=True)": _polars,
    "duckdb read_parquet(dir/**/*.parquet, hive_partitioning=true)": _duckdb,
}


@pytest.mark.parametrize("reader", READERS)
def test_reader_opens_the_export_with_its_default_call(reader: str, exported: tuple[Path, int]) -> None:
    folder, rows = exported
    n, columns = READERS[reader](folder)
    assert n == rows > 900
    assert set(columns) == set(EVENT_COLUMNS)


def test_every_file_has_the_same_schema_and_no_partition_columns(exported: tuple[Path, int]) -> None:
    folder, _ = exported
    files = sorted(folder.rglob("*.parquet"))
    schemas = {str(pq.read_schema(f)) for f in files}
    assert len(files) > 10 and len(schemas) == 1
    assert not {"year", "country"} & set(pq.read_schema(files[0]).names)
    assert files[0].relative_to(folder).parts[0].startswith("year=")
