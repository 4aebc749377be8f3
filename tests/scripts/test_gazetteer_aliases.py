"""The gazetteer's hand-listed region and country aliases are data (scripts/data/gazetteer_aliases.toml):
every entry's example writes one of its aliases, and the built gazetteer reads that alias as the
region or country the entry names."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from extraction.places import Gazetteer
from extraction.places.spelling import fold_name, fold_word
from tests.script_module import load_script

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
ALIASES = tomllib.loads((SCRIPTS / "data" / "gazetteer_aliases.toml").read_text(encoding="utf-8"))
ENTRIES = [(kind, entry) for kind in ("admin1", "country") for entry in ALIASES[kind]]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_gazetteer")


@pytest.mark.parametrize(("kind", "entry"), ENTRIES, ids=[f"{k}-{e['aliases'][0]}" for k, e in ENTRIES])
def test_every_example_names_its_region_or_country(gazetteer: Gazetteer, kind: str, entry: dict) -> None:
    written = [alias for alias in entry["aliases"] if alias in entry["example"]]
    assert written, f"{entry['example']!r} writes none of {entry['aliases']}"
    for alias in written:
        regions = gazetteer.regions(fold_word(alias))
        found = [e.name for e in regions if e.kind == kind and e.alpha2 == entry["country"]]
        assert found, f"{alias!r} is not a {kind} of {entry['country']} in the gazetteer"
        if kind == "admin1":
            assert fold_name(entry["region"]) in {fold_name(name) for name in found}, found


def test_the_build_reads_the_aliases_from_the_data(build: ModuleType) -> None:
    assert build.ADMIN1_ALIASES[("AF", "Nangarhar")] == ("Ningarhar",)
    assert build.COUNTRY_ALIASES["MM"] == ("Burma",)


def test_an_alias_is_one_data_line(build: ModuleType, tmp_path: Path) -> None:
    text = (SCRIPTS / "data" / "gazetteer_aliases.toml").read_text(encoding="utf-8")
    path = tmp_path / "aliases.toml"
    path.write_text(text.replace('aliases = ["Burma"]', 'aliases = ["Burma", "Myanma"]'), encoding="utf-8")
    assert build.read_aliases(path)[1]["MM"] == ("Burma", "Myanma")


def test_an_alias_without_its_example_is_refused(build: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text('[[country]]\ncountry = "MM"\naliases = ["Burma"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs country, aliases and example"):
        build.read_aliases(path)


SEAT_LABELS = ALIASES["seat_label"]


@pytest.mark.parametrize("entry", SEAT_LABELS, ids=[e["bare"] for e in SEAT_LABELS])
def test_every_seat_label_example_is_found_by_its_bare_name(
    build: ModuleType, gazetteer: Gazetteer, entry: dict
) -> None:
    (alpha2, *_) = entry["countries"]
    assert build.ascii_name(build.bare_seat_name(entry["example"], alpha2)) == entry["bare"]
    found = [e for e in gazetteer.lookup(entry["bare"]) if e.kind == "place" and e.alpha2 == alpha2]
    assert entry["bare"] in {e.name for e in found}, found


@pytest.mark.parametrize(
    ("name", "alpha2"),
    [
        ("Huyền Tụng", "VN"),  # a village: 'Huyện' (district) is the label, not 'Huyền'
        ("Markaz", "YE"),  # nothing but the label
        ("Financial District", "US"),  # 'District' is a label in Thailand, not here
        ("Al Markaz", "SA"),
    ],
)
def test_a_name_without_a_seat_label_stays_whole(build: ModuleType, name: str, alpha2: str) -> None:
    assert build.bare_seat_name(name, alpha2) is None


def test_a_seat_label_without_its_example_is_refused(build: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    entry = '[[seat_label]]\nforms = ["Markaz-e"]\nat = ["start"]\ncountries = ["AF"]\n'
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(ValueError, match="needs forms, at, countries, example and bare"):
        build.read_seat_labels(path)
