"""The codebook module against the codebook's own facts and the real exports in tests/data."""

from __future__ import annotations

import pycountry
import pytest

from schemas import codebook


def test_25_sub_event_types_each_with_one_parent_and_disorder() -> None:
    assert len(codebook.SUB_EVENT_PARENT) == 25
    assert set(codebook.SUB_EVENT_DISORDER) == set(codebook.SUB_EVENT_PARENT)
    assert len(codebook.EVENT_TYPES) == 6


def test_44_valid_interaction_codes() -> None:
    assert len(codebook.VALID_INTERACTIONS) == 44


@pytest.mark.parametrize(
    ("inter1", "inter2", "number", "label"),
    [
        (1, 2, 12, "State forces-Rebel group"),
        (2, 1, 12, "State forces-Rebel group"),  # why: the lower code always comes first
        (6, 0, 60, "Protesters only"),
        (7, 3, 37, "Political militia-Civilians"),
        (8, 8, 88, "External/Other forces-External/Other forces"),
    ],
)
def test_interaction_both_styles(inter1: int, inter2: int, number: int, label: str) -> None:
    assert codebook.interaction_number(inter1, inter2) == number
    assert codebook.interaction_label(inter1, inter2) == label
    assert codebook.parse_interaction(label) == number
    assert codebook.parse_interaction(str(number)) == number


def test_every_generated_interaction_is_valid() -> None:
    for a in range(1, 9):
        for b in range(0, 9):
            assert codebook.interaction_number(a, b) in codebook.VALID_INTERACTIONS


@pytest.mark.parametrize(("value", "code"), [("2", 2), ("Rebel group", 2), ("state forces", 1), ("", None),
                                             ("0", 0), ("9", None), ("Insurgents", None)])
def test_inter_code_parses_numbers_and_labels(value: str, code: int | None) -> None:
    assert codebook.inter_code(value) == code


def test_text_interaction_is_never_cast() -> None:
    assert codebook.parse_interaction("Rebel group-Nonsense") is None


@pytest.mark.parametrize(
    ("country", "iso", "region"),
    [("Afghanistan", 4, "Caucasus and Central Asia"), ("Pakistan", 586, "South Asia"),
     ("Iran", 364, "Middle East"), ("Tajikistan", 762, "Caucasus and Central Asia"),
     ("Democratic Republic of Congo", 180, "Middle Africa"), ("Ivory Coast", 384, "Western Africa"),
     ("Kosovo", 0, "Europe"), ("Russia", 643, "Europe"), ("Bangladesh", 50, "South Asia")],
)
def test_country_iso_and_region(country: str, iso: int, region: str) -> None:
    assert codebook.country_iso_numeric(country) == iso
    assert codebook.region_of(codebook.country_alpha3(country)) == region


def test_every_iso_country_has_a_region_and_round_trips() -> None:
    for country in pycountry.countries:
        name = codebook.country_name(country.alpha_3)
        assert codebook.region_of(country.alpha_3) in codebook.REGIONS
        assert codebook.country_alpha3(name) == country.alpha_3, name


def test_old_region_names_normalise() -> None:
    assert codebook.normalise_region("South-Eastern Asia") == "Southeast Asia"
    assert codebook.normalise_region("Southern Asia") == "South Asia"
