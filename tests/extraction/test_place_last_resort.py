"""The places' last resort: what a note that names no known place still says about where."""

from __future__ import annotations

import pytest

from extraction.places import Gazetteer, last_resort_place, metadata_countries
from extraction.places.fallback import region_place, with_named_place
from extraction.places.spelling import fold_word


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_a_village_the_gazetteer_lacks_is_still_the_location(gazetteer: Gazetteer) -> None:
    place = with_named_place(None, "Militants looted shops in the village of Zzyqbaro.", gazetteer)
    assert place is not None and place.location == "Zzyqbaro" and place.country is None


def test_a_country_only_place_takes_the_unknown_name(gazetteer: Gazetteer) -> None:
    place = last_resort_place(None, "FACA soldiers looted shops in Zzyqbaro.", gazetteer, brief=True)
    assert place is not None and (place.location, place.country) == ("Zzyqbaro", "Central African Republic")
    assert place.latitude is None and place.geo_precision == 3


def test_a_region_named_in_passing_gives_country_and_region(gazetteer: Gazetteer) -> None:
    place = region_place("The chairman of All Sindh Disabled Ittehad protested.", gazetteer)
    assert place is not None and (place.country, place.admin1, place.location) == ("Pakistan", "Sindh", None)


def test_regions_of_two_countries_decide_nothing(gazetteer: Gazetteer) -> None:
    assert region_place("Traders of Sindh met Kerala delegates.", gazetteer) is None


@pytest.mark.parametrize("source", ["Agence France Presse", "Voice of America"])
def test_an_international_outlet_gives_no_country(gazetteer: Gazetteer, source: str) -> None:
    assert metadata_countries(None, source, gazetteer) == []


def test_a_national_outlet_still_does(gazetteer: Gazetteer) -> None:
    assert metadata_countries(None, "Daily Nation (Kenya)", gazetteer) == ["KE"]


@pytest.mark.parametrize("source", ["OCHA", "UNHCR", "Youtube", "International Crisis Group", "All Africa"])
def test_the_source_table_gives_no_country_for_an_international_outlet(
    gazetteer: Gazetteer, source: str
) -> None:
    """ACLED's files cite these mostly for one country each (the source table's view), but they
    report from everywhere: a note from a region the table never saw must not go there."""
    table = gazetteer.with_place_table(None, [f"{fold_word(source)}\t{source}\tCentral African Republic\t60"])
    assert table.source_country(source) == "CF"  # what the table alone says
    assert metadata_countries(None, source, table) == []
    assert metadata_countries(None, f"{source}; Radio Okapi", table) == []  # no table entry: nothing


def test_a_national_outlet_listed_after_an_international_one_still_counts(gazetteer: Gazetteer) -> None:
    table = gazetteer.with_place_table(None, ["radio okapi\tRadio Okapi\tDemocratic Republic of Congo\t400"])
    assert metadata_countries(None, "OCHA; Radio Okapi", table) == ["CD"]
