"""scripts/build_place_table.py: a deterministic ACLED place table, rebuildable without a region."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from tests.script_module import load_script


@pytest.fixture(scope="module")
def build():
    return load_script("build_place_table")


# Made-up rows in ACLED's columns (no corpus rows in the repository).
HEADER = [
    "region",
    "country",
    "iso",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "year",
    "notes",
]
ROWS = [
    [
        "Eastern Africa",
        "Kenya",
        "404",
        "Garissa",
        "Dadaab",
        "",
        "Dadaab",
        "0.0553",
        "40.3086",
        "1",
        "2018",
        "x",
    ],
    [
        "Eastern Africa",
        "Kenya",
        "404.0",
        "Garissa",
        "Dadaab",
        "",
        "Dadaab",
        "0.0553",
        "40.3086",
        "1.0",
        "2019",
        "y",
    ],
    ["Eastern Africa", "Kenya", "404", "Garissa", "Dadaab", "", "Dadaab", "0.06", "40.31", "2", "2017", "z"],
    [
        "Southern Asia",
        "Bangladesh",
        "50",
        "Dhaka",
        "Dhaka",
        "",
        "Dhaka - Uttara",
        "23.87",
        "90.40",
        "1",
        "2016",
        "",
    ],
    [
        "Europe",
        "Ukraine",
        "804",
        "Donetsk",
        "Bakhmutskyi",
        "",
        "Bakhmut",
        "48.5956",
        "38.0003",
        "1",
        "2022",
        "",
    ],
    ["Europe", "Ukraine", "804", "Donetsk", "", "", "", "48.0", "37.8", "3", "2022", ""],  # no location
    ["Europe", "Ukraine", "804", "Donetsk", "", "", "Avdiivka", "", "", "1", "2022", ""],  # no point
]


@pytest.fixture()
def export(tmp_path: Path) -> Path:
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def test_one_row_per_place_with_its_most_used_point_and_count(build, export: Path) -> None:
    table = {row.location: row for row in build.build_place_table([export])}
    assert sorted(table) == ["Bakhmut", "Dadaab", "Dhaka - Uttara"]  # no place or no point: left out
    dadaab = table["Dadaab"]
    assert (dadaab.latitude, dadaab.longitude, dadaab.count) == ("0.0553", "40.3086", 3)
    assert (dadaab.iso, dadaab.geo_precision, dadaab.year, dadaab.admin2) == ("404", "1", "2019", "Dadaab")
    assert table["Dhaka - Uttara"].region == "South Asia"  # the old region name is renamed


def test_a_region_can_be_left_out(build, export: Path) -> None:
    table = build.build_place_table([export], exclude_regions=["South Asia", "Europe"])
    assert [row.location for row in table] == ["Dadaab"]


def test_the_same_input_gives_the_same_bytes(build, export: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    build.write_place_table(build.build_place_table([export]), first)
    build.write_place_table(build.build_place_table(list(reversed([export]))), second)
    assert first.read_bytes() == second.read_bytes()
    lines = gzip.decompress(first.read_bytes()).decode().splitlines()
    assert lines[0].split("\t") == list(build.COLUMNS)
    assert "notes" not in lines[0] and all("x" != cell for line in lines for cell in line.split("\t"))
