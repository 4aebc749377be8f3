"""Armed groups' homes as data: a multi-country group's home country is the last resort only."""

from __future__ import annotations

import pytest

from extraction.places import Gazetteer, document_context, last_resort_place
from extraction.places.fallback import home_place
from extraction.places.institutions import (
    HOMES_FILE,
    home_countries,
    institution_countries,
    read_institutions,
)

ROWS = read_institutions(filename=HOMES_FILE)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("name", "country", "example"), ROWS, ids=[name for name, _, _ in ROWS])
def test_every_example_names_its_home(gazetteer: Gazetteer, name: str, country: str, example: str) -> None:
    assert home_countries(example) == [country], f"{name!r}: {example!r}"
    place = home_place(example, gazetteer)
    assert place is not None and place.country == country, f"{country!r} is not a gazetteer country name"
    assert place.location is None and place.geo_precision == 3


def test_a_home_is_no_institution() -> None:
    """A group's home is a guess: it never weighs in the document priors like 'FACA soldiers'."""
    assert institution_countries("Boko Haram insurgents burned a market.") == []


def test_groups_of_two_homes_decide_nothing(gazetteer: Gazetteer) -> None:
    assert home_place("Boko Haram and al Shabaab were both named in the report.", gazetteer) is None


def test_an_institution_comes_before_a_home(gazetteer: Gazetteer) -> None:
    place = last_resort_place(None, "KDF soldiers repelled al Shabaab fighters.", gazetteer, brief=True)
    assert place is not None and place.country == "Kenya"


def test_the_home_keeps_the_unknown_village_of_a_brief(gazetteer: Gazetteer) -> None:
    text = "Boko Haram gunmen burned houses in the village of Zzyqbaro."
    place = last_resort_place(None, text, gazetteer, brief=True)
    assert place is not None and (place.location, place.country) == ("Zzyqbaro", "Nigeria")


def test_a_home_is_a_weak_prior_between_namesakes(gazetteer: Gazetteer) -> None:
    """'al Shabaab' tips a village's namesakes towards Somalia, but a country named outweighs it."""
    assert document_context("Al Shabaab fighters overran a small base.", gazetteer).countries[:1] == ("SO",)
    named = document_context("Al Shabaab fighters overran a small base in Kenya.", gazetteer)
    assert named.countries[0] == "KE" and "SO" not in named.named
