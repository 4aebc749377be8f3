"""The import_acled and export flows over real ACLED samples (in process, Prefect test harness)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from eventpipe.errors import InputError
from flows.acled import export_flow, import_acled_flow
from schemas.codebook import ACLED_COLUMNS
from tests.flows.helpers import scalar

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = ("acled_kenya_1997_2019_sample.csv", "acled_2020_other_regions_sample.csv")

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_import_a_folder_then_export_csv_and_parquet(tmp_path: Path) -> None:
    folder = tmp_path / "acled"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(DATA / name, folder / name)
    warehouse = str(tmp_path / "events.duckdb")
    results = import_acled_flow(str(folder), warehouse)
    assert [Path(str(r["file"])).name for r in results] == sorted(SAMPLES)
    total = scalar(Path(warehouse), "SELECT count(*) FROM events WHERE origin = 'acled'")
    assert total == sum(int(r["added"]) for r in results) > 0

    exported = export_flow(warehouse, str(tmp_path / "out" / "events.csv"), "csv")
    with open(exported["path"], newline="", encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == ACLED_COLUMNS
    assert exported["rows"] == total
    parquet = export_flow(warehouse, str(tmp_path / "out" / "parquet"), "parquet")
    assert parquet["rows"] == total and parquet["files"] >= 1


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp / "nothing-here", "no such file or folder"),
    (lambda tmp: tmp, "folder has no .csv files"),
])
def test_import_of_nothing_is_an_input_error(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(InputError, match=message):
        import_acled_flow(str(make(tmp_path)), str(tmp_path / "events.duckdb"))
