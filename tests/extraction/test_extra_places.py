"""Extra places are data: one line of extra_places.csv (a place and its example) is resolved."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from extraction import packaged
from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.places import Gazetteer, fold_name
from extraction.places.extras import extra_place_lines, read_extra_places
from extraction.places.gazetteer import ACLED_FILE

PACKAGED = resources.files("extraction.places.data").joinpath("extra_places.csv")
# A made-up village: the gazetteer has never heard of it.
VILLAGE = "Kunduwari,Sokoto,Tangaza,Nigeria,13.3512,4.9587,Kunduwarin Daji,"
EXAMPLE = "On 3 May 2024, gunmen killed two farmers in Kunduwari."


def _resources_with(path: Path) -> Resources:
    """The packaged resources with the place table plus the extra places of `path`."""
    base = Resources.load(model="none")
    lines = packaged.read_tsv_gz_rows(ACLED_FILE) + extra_place_lines(fold_name, path)
    return replace(base, gazetteer=base.gazetteer.with_place_table(lines))


def _first_place(text: str, resources: Resources) -> tuple:
    events = extract_events(Document("example", text), resources)
    assert events, f"no event in {text!r}"
    event = events[0]
    return event.location, event.admin1, event.admin2, event.country, event.latitude, event.longitude


def test_every_extra_place_resolves_in_its_example() -> None:
    for place in read_extra_places():
        found = _first_place(place.example, Resources.load(model="none"))
        assert found[:4] == (place.location, place.admin1, place.admin2 or None, place.country), place


def test_a_place_is_one_data_line(tmp_path: Path) -> None:
    assert not Gazetteer.load().lookup("Kunduwari")
    path = tmp_path / "extra_places.csv"
    path.write_text(PACKAGED.read_text(encoding="utf-8") + VILLAGE + f'"{EXAMPLE}"\n', encoding="utf-8")
    resources = _resources_with(path)
    assert _first_place(EXAMPLE, resources) == ("Kunduwari", "Sokoto", "Tangaza", "Nigeria", 13.3512, 4.9587)
    # its other spelling is the same place
    alias = EXAMPLE.replace("Kunduwari", "Kunduwarin Daji")
    assert _first_place(alias, resources)[0] == "Kunduwari"


def test_a_place_without_a_point_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "extra_places.csv"
    path.write_text(PACKAGED.read_text(encoding="utf-8") + "Kunduwari,Sokoto,,Nigeria,,4.9,,Example.\n")
    with pytest.raises(ValueError, match="line 2: latitude missing"):
        read_extra_places(path)


def test_a_bad_line_in_the_packaged_file_is_one_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gazetteer reads the real file an analyst edited (here a copy with one bad line): the
    load stops with a DataFileError naming the file and line, not a traceback."""
    from eventpipe.errors import DataFileError
    from extraction.places import gazetteer

    path = tmp_path / "extra_places.csv"
    path.write_text(PACKAGED.read_text(encoding="utf-8") + "Kunduwari,Sokoto,,Nigeria,north,4.9,,Example.\n")
    monkeypatch.setattr(gazetteer, "extra_place_lines", lambda fold: extra_place_lines(fold, path))
    with pytest.raises(DataFileError, match=r"extra_places.csv has a bad line .*line 2: latitude") as caught:
        gazetteer._load_packaged.__wrapped__()
    assert "correct that line" in caught.value.fix and "\n" not in str(caught.value)
