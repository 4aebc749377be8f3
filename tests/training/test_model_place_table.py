"""`eventpipe train` writes the place tables of the user's ACLED events beside the model, and
`--model DIR` makes the engine use them (end to end, on a tiny made-up ACLED export)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from extraction.places.gazetteer import ACLED_FILE, SOURCES_FILE, Gazetteer
from extraction.places.spelling import fold_name

# Made-up events in ACLED's columns (no corpus rows in the repository): a village no gazetteer
# knows, 'Zorvanivka', coded by the user's ACLED export in Kharkiv oblast.
COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "event_type",
    "sub_event_type",
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
    "source",
    "notes",
]
NOTE = "On {day} May 2022, {what} in Zorvanivka, Kharkiv region."
ROWS = [
    [
        "UKR{n}",
        "2022-05-0{n}",
        "2022",
        etype,
        sub,
        "Europe",
        "Ukraine",
        "804",
        "Kharkiv",
        "Chuhuivskyi",
        "Zorvanivska",
        "Zorvanivka",
        "49.8123",
        "36.6789",
        "1",
        "Kharkiv Times",
        NOTE.format(day=n, what=what),
    ]
    for n, etype, sub, what in [
        (
            1,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Russian forces shelled houses",
        ),
        (2, "Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery fire hit a school"),
        (3, "Protests", "Peaceful protest", "residents held a peaceful protest over water supply"),
        (4, "Protests", "Peaceful protest", "teachers protested peacefully over unpaid wages"),
    ]
]
DOC = "On 9 May 2022, artillery shelled houses in Zorvanivka, killing two civilians."


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from eventpipe.cli import main

    folder = tmp_path_factory.mktemp("user")
    export = folder / "my_acled.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(
            [[cell.format(n=row[0][3:]) if "{n}" in cell else cell for cell in row] for row in ROWS]
        )
    out = folder / "model"
    assert main(["train", "--acled", str(export), "--no-cv", "--out", str(out)]) == 0
    return out


def test_train_writes_the_packaged_place_table_with_the_users_places(model_dir: Path) -> None:
    lines = gzip.decompress((model_dir / ACLED_FILE).read_bytes()).decode("utf-8").splitlines()
    ours = [line.split("\t") for line in lines if line.startswith(fold_name("Zorvanivka") + "\t")]
    assert len(ours) == 1 and ours[0][3] == "Chuhuivskyi" and ours[0][-1] == "4"
    assert len(lines) > 10_000  # the packaged table is kept, not replaced
    assert (model_dir / SOURCES_FILE).is_file()
    assert fold_name("Zorvanivka") not in Gazetteer.load()  # only the model's table knows it


def test_extract_with_the_model_uses_its_place_table(model_dir: Path, tmp_path: Path) -> None:
    from eventpipe.cli import main

    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc_id": "d", "text": DOC}) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--model", str(model_dir), "--input", str(docs), "--output", str(out)]) == 0
    event = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (event["location"], event["admin1"], event["admin2"]) == ("Zorvanivka", "Kharkiv", "Chuhuivskyi")
    assert event["latitude"] == pytest.approx(49.8123)


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda lines: b"not gzip", "not a gzipped UTF-8 table"),
        (lambda lines: gzip.compress(b"a\tb\n"), "row 1: the header is not the columns key, location"),
        (lambda lines: _table(lines[:3] + ["x\tX\tA"]), "row 4: has 3 fields"),
        (lambda lines: _table([*lines[:2], _latitude(lines[2], "north")]), "row 3: field latitude is"),
    ],
)
def test_a_damaged_place_table_in_a_model_directory_is_one_error_naming_file_row_and_field(
    model_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage, expected: str
) -> None:
    """Rows are parsed only when a name is looked up; a bad row must stop the run before any
    document is read, not be skipped or crash half-way through a corpus."""
    from eventpipe.cli import main

    broken = tmp_path / "broken"
    broken.mkdir()
    for path in model_dir.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    lines = gzip.decompress((model_dir / ACLED_FILE).read_bytes()).decode("utf-8").splitlines()
    (broken / ACLED_FILE).write_bytes(damage(lines))
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc_id": "d", "text": DOC}) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--model", str(broken), "--input", str(docs), "--output", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and str(broken / ACLED_FILE) in error and expected in error
    assert not out.exists()


def _latitude(line: str, value: str) -> str:
    fields = line.split("\t")
    fields[8] = value  # the place table's latitude column
    return "\t".join(fields)


def _table(lines: list[str]) -> bytes:
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
