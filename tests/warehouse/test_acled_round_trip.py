"""Round-trip fidelity: an imported ACLED file exports back cell by cell (issue 12).

The comparison (tests/warehouse/acled_compare.py) lists the only differences allowed: columns
an export does not carry (NOT_EXPORTED, e.g. data_id) and normalisations where ACLED's own files
vary (NORMALISED: none needed). bench/acled_round_trip.py runs the same check on the full files.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.acled_compare import NORMALISED, compare
from tests.warehouse.conftest import BANGLADESH, KENYA, OTHER_REGIONS, SAMPLES
from warehouse.connection import connect
from warehouse.export import export_csv
from warehouse.importer import import_acled


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_import_then_export_reproduces_every_cell(sample: Path, tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    result = import_acled(con, sample)
    export_csv(con, tmp_path / "out.csv")
    rejected = {k or "" for k in result.rejects["event_id_cnty"].to_list()}  # "": a row without id
    comparison = compare(sample, tmp_path / "out.csv", skip_keys=rejected)
    assert comparison.identical, (comparison.differing, comparison.examples, comparison.missing_rows[:5])
    assert comparison.rows_out == comparison.rows_in - result.rejects.height
    # Columns an old file lacks are written as ACLED writes them today (derived or empty).
    assert set(comparison.added_columns) <= {"disorder_type", "civilian_targeting", "tags"}
    assert NORMALISED == {}


def test_bangladesh_keeps_text_labels_civilian_targeting_dates_and_shape(tmp_path: Path) -> None:
    """The issue's checks: `inter1 == "State forces"` and `civilian_targeting == "Civilian
    targeting"` match as many rows in the export as in the file; monadic rows stay monadic."""
    con = connect(tmp_path / "w.duckdb")
    import_acled(con, BANGLADESH)
    export_csv(con, tmp_path / "out.csv")
    original, exported = _rows(BANGLADESH), _rows(tmp_path / "out.csv")
    for column, value in (("inter1", "State forces"), ("civilian_targeting", "Civilian targeting")):
        count = sum(row[column] == value for row in original)
        assert count > 0 and sum(row[column] == value for row in exported) == count
    assert "actor2" not in exported[0] and len(exported) == len(original)
    assert all(re.fullmatch(r"\d{1,2}-[A-Z][a-z]{2}-\d{2}", row["event_date"]) for row in exported)


def _first(con: duckdb.DuckDBPyConnection, tmp_path: Path, event_id: str, **style: str) -> dict[str, str]:
    export_csv(con, tmp_path / "x.csv", where=f"event_id_cnty = '{event_id}'", **style)
    return _rows(tmp_path / "x.csv")[0]


def test_labels_date_format_and_shape_can_be_chosen(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    import_acled(con, BANGLADESH)
    import_acled(con, KENYA)
    kenya = _first(con, tmp_path, "KEN7182")  # as imported: 1, 17, 31-12-19
    assert (kenya["inter1"], kenya["interaction"], kenya["event_date"]) == ("1", "17", "31-12-19")
    text = _first(con, tmp_path, "KEN7182", labels="text", date_format="iso")
    assert (text["inter1"], text["inter2"], text["interaction"]) == ("State forces", "Civilians",
                                                                     "State forces-Civilians")
    assert text["event_date"] == "2019-12-31"
    bgd = _first(con, tmp_path, "BGD28065", labels="numeric", date_format="acled", shape="dyadic")
    assert (bgd["actor2"], bgd["inter1"], bgd["inter2"], bgd["interaction"]) == (
        "Civilians (Bangladesh)", "5", "7", "57")
    assert bgd["event_date"] == "5-Aug-24"
    one_sided = _first(con, tmp_path, "BGD28031", shape="dyadic")
    assert (one_sided["inter2"], one_sided["interaction"]) == ("", "Rioters only")


def test_rows_imported_in_different_ways_get_current_conventions(tmp_path: Path) -> None:
    """Kenya (numbers, 31-12-19) + Bangladesh (text, 5-Aug-24, monadic) in one file: text labels,
    ISO dates, dyadic rows, as current ACLED files and the API write them."""
    con = connect(tmp_path / "w.duckdb")
    for sample in (KENYA, BANGLADESH, OTHER_REGIONS):
        import_acled(con, sample)
    result = export_csv(con, tmp_path / "all.csv")
    rows = _rows(tmp_path / "all.csv")
    assert result.rows == len(rows) == con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert {row["inter1"] for row in rows} <= {"State forces", "Rebel group", "Political militia",
                                               "Identity militia", "Rioters", "Protesters", "Civilians",
                                               "External/Other forces"}
    assert all(len(row["event_date"]) == 10 and row["event_date"][4] == "-" for row in rows)
    assert "actor2" in rows[0]
    # Coordinates keep ACLED's form: no ".0" added to whole numbers.
    assert not [row for row in rows if row["latitude"].endswith(".0") or row["longitude"].endswith(".0")]
