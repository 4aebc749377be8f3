"""Transliteration folding (extraction.places.folding) and the common-word guard."""

import pytest

from extraction.places import lexicon as lex
from extraction.places.folding import variant_index, variant_key, variant_names
from extraction.places.gazetteer import Gazetteer
from extraction.places.spelling import fold_name


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Al-Qubba", "Al Qubbah"),  # article and final -ah
        ("El Roseires", "Roseires"),
        ("Jalolobod", "Jalolabad"),  # -obod is -abad
        ("Bobo Dioulasso", "Bobodioulasso"),  # one word or two
    ],
)
def test_variants_meet(written: str, known: str) -> None:
    assert variant_key(fold_name(written)) == variant_key(fold_name(known))


def test_variant_names_found_both_ways() -> None:
    index = variant_index(["bobo dioulaso", "roseires"])
    known = {"bobo dioulaso", "roseires"}.__contains__
    assert variant_names("bobodioulaso", index, known) == ("bobo dioulaso",)
    assert variant_names("el roseires", index, known) == ("roseires",)
    assert variant_names("kampala", index, known) == ()


def test_gazetteer_finds_another_romanisation_as_places_only() -> None:
    gazetteer = Gazetteer.load()
    key = fold_name("Al-Qubba")
    assert key in gazetteer
    assert all(e.kind == "place" for e in gazetteer.candidates(key))
    assert any(e.alpha2 == "LY" for e in gazetteer.candidates(key))


def test_common_words_list() -> None:
    assert {"hope", "union", "market"} <= lex.COMMON_WORDS
    assert "kibera" not in lex.COMMON_WORDS


def test_the_packaged_variant_index_is_current() -> None:
    """scripts/build_variant_index.py was rerun after the last change of folding.py."""
    from extraction.places.folding import read_variant_index
    from extraction.places.gazetteer import VARIANTS_FILE

    gazetteer = Gazetteer.load()
    assert read_variant_index(VARIANTS_FILE).as_dict() == variant_index(gazetteer.geonames_keys())
