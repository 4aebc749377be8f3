"""Hypothesis round trips: any text in an event survives DuckDB -> ACLED CSV -> import, and Parquet."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.codebook import ACLED_COLUMNS
from tests.warehouse.conftest import KENYA
from warehouse.acled_csv import read_acled_csv
from warehouse.connection import connect
from warehouse.export import export_csv, export_parquet
from warehouse.importer import import_acled, split_valid
from warehouse.load import load_acled

TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=30)
TEXT_COLUMNS = ("actor1", "assoc_actor_1", "admin1", "location", "source", "notes", "tags")
TEMPLATE = split_valid(*(lambda f: (f.events.head(3), f.reasons.clear()))(read_acled_csv(KENYA)))[0]
NO_REJECTS = pl.DataFrame(schema={"row": pl.Int64, "event_id_cnty": pl.String, "reasons": pl.String})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.fixed_dictionaries({c: TEXT for c in TEXT_COLUMNS}), min_size=3, max_size=3),
    st.lists(st.integers(0, 10_000), min_size=3, max_size=3),
)
def test_events_survive_csv_and_parquet(texts: list[dict[str, str]], fatalities: list[int]) -> None:
    events = TEMPLATE.with_columns(
        *[pl.Series(c, [t[c] for t in texts]) for c in TEXT_COLUMNS],
        pl.Series("fatalities", fatalities, dtype=pl.Int32),
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = connect(Path(tmp) / "a.duckdb")
        load_acled(source, events, NO_REJECTS, "r1", "gen")
        export_csv(source, Path(tmp) / "events.csv")
        export_parquet(source, Path(tmp) / "pq", partition_by=("country",))
        target = connect(Path(tmp) / "b.duckdb")
        result = import_acled(target, Path(tmp) / "events.csv")
        assert result.stats.rejected == 0
        query = f"SELECT {', '.join(ACLED_COLUMNS)} FROM events ORDER BY event_id_cnty"
        assert target.execute(query).fetchall() == source.execute(query).fetchall()
        parquet = pl.read_parquet(Path(tmp) / "pq" / "**" / "*.parquet", hive_partitioning=True)
        assert parquet.sort("event_id_cnty").select(ACLED_COLUMNS).rows() == source.execute(query).fetchall()
        source.close()
        target.close()
