"""Institutions as data: every line of institutions.csv gives its country on its own example."""

from __future__ import annotations

import pytest

from extraction.places import Gazetteer, institution_place
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
