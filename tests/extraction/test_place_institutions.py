"""Institutions as data: every line of institutions.csv gives its country on its own example."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventpipe.errors import DataFileError
from extraction.places import Gazetteer, document_context, find_places, institution_place, resolve_location
from extraction.places.institutions import institution_countries, read_institutions

ROWS = read_institutions()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("name", "country", "example"), ROWS, ids=[name for name, _, _ in ROWS])
def test_every_example_names_its_country(gazetteer: Gazetteer, name: str, country: str, example: str) -> None:
    assert institution_countries(example) == [country], f"{name!r}: {example!r}"
    place = institution_place(example, gazetteer)
    assert place is not None and place.country == country, f"{country!r} is not a gazetteer country name"
    assert place.location is None and place.geo_precision == 3


def test_institutions_of_two_countries_decide_nothing(gazetteer: Gazetteer) -> None:
    assert institution_place("KDF troops and UPDF soldiers clashed with militants.", gazetteer) is None


def test_a_name_inside_a_word_is_not_read() -> None:
    assert institution_countries("The KIAs and MONUSCOs of this world") == []


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("FARDC,Democratic Republic of Congo,\n", r"line 2: example missing"),
        ("FARDC,Democratic Republic of Congo,FARDC troops moved in.,extra\n", r"line 2: more fields"),
    ],
)
def test_a_bad_line_is_one_error_naming_the_line_and_field(
    tmp_path: Path, bad_line: str, message: str
) -> None:
    """Analysts edit institutions.csv: a broken line stops the load with one line saying which
    line and field to correct, not a traceback from the middle of a run."""
    path = tmp_path / "institutions.csv"
    path.write_text("name,country,example\n" + bad_line, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"institutions.csv has a bad line \(" + message) as caught:
        read_institutions(path)
    assert "correct that line" in caught.value.fix and "\n" not in str(caught.value)


def test_a_wrong_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "institutions.csv"
    path.write_text("name,country\nFARDC,Democratic Republic of Congo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 1: the header must be name,country,example"):
        read_institutions(path)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Two groups clashed at a bazaar in Raipur upazila on Friday.", "Bangladesh"),
        ("Gunmen killed a farmer in Raipur on Friday.", "India"),
    ],
)
def test_a_unit_word_of_one_country_keeps_its_name_there(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    """'Raipur upazila' is Bangladesh's Raipur (an upazila exists nowhere else), not India's city."""
    mentions = find_places(text, gazetteer)
    place = resolve_location(mentions, document_context(text, gazetteer, mentions), gazetteer)
    assert place is not None and place.country == country
