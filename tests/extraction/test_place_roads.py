"""A road named by the towns it joins is coded at the first town when nothing else is named."""

from __future__ import annotations

import time

import pytest

from extraction.places import Gazetteer, PlaceContext
from extraction.places.fallback import country_place
from extraction.places.roads import road_place


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "alpha2", "location"),
    [
        ("Bus owners protested over potholes on the Voi-Taveta road.", "KE", "Voi"),
        ("Rebels ambushed a convoy on the Mbau-Kamango road.", "CD", "Mbau"),
        ("Tractors stood on the Faridkot-Amritsar highway all day.", "IN", "Faridkot"),
    ],
)
def test_the_first_town_of_a_road(gazetteer: Gazetteer, text: str, alpha2: str, location: str) -> None:
    place = road_place(text, PlaceContext(), country_place([alpha2], gazetteer), gazetteer)
    assert place is not None and place.location == location and place.geo_precision == 2


def test_no_road_without_a_country_or_in_another_country(gazetteer: Gazetteer) -> None:
    text = "Bus owners protested over potholes on the Voi-Taveta road."
    assert road_place(text, PlaceContext(), None, gazetteer) is None
    assert road_place(text, PlaceContext(), country_place(["GH"], gazetteer), gazetteer) is None


def test_a_long_run_of_hyphenated_names_is_scanned_in_linear_time(gazetteer: Gazetteer) -> None:
    # why: an unbounded chain of towns made 'Aa Bb-Aa Bb-...' quadratic (45 s for 120 KB)
    text = "Aa Bb-" * 20_000
    started = time.process_time()
    assert road_place(text, PlaceContext(), country_place(["KE"], gazetteer), gazetteer) is None
    assert time.process_time() - started < 1.0
