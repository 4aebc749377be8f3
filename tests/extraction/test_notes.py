"""ACLED-style notes: the coded date and place first, the reporting sentence as the body."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.records.notes import date_phrase, place_phrase, write_note


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (1, "On 21 March 2024"),
        (2, "During the week of 21 March 2024"),
        (3, "In March 2024"),
    ],
)
def test_date_phrase_follows_time_precision(precision: int, expected: str) -> None:
    assert date_phrase(date(2024, 3, 21), precision) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("Kandahar", "Kandahar", None), "Kandahar"),
        (("Watamu", "Kilifi", "Kilifi North"), "Watamu (Kilifi North, Kilifi)"),
        ((None, "Kilifi", None), "Kilifi"),
    ],
)
def test_place_phrase_names_admin_units_once(args: tuple, expected: str) -> None:
    assert place_phrase(*args) == expected


def test_note_replaces_the_sentence_date_with_the_coded_one_and_adds_fatalities() -> None:
    # why: the evidence's own date phrase must not appear next to the coded date.
    note = write_note(
        {
            "event_date": "2024-03-21",
            "time_precision": 1,
            "location": "Kandahar",
            "admin1": "Kandahar",
            "country": "Afghanistan",
            "fatalities": 21,
            "evidence": "On 21 March, an IS-K suicide bomber attacked a bank in Kandahar city",
        }
    )
    assert note == (
        "On 21 March 2024, in Kandahar: An IS-K suicide bomber attacked a bank in Kandahar city. "
        "21 fatalities."
    )


def test_note_keeps_a_fatality_count_already_stated() -> None:
    note = write_note(
        {
            "event_date": "2019-12-31",
            "time_precision": 1,
            "location": "Baragoi",
            "admin1": "Samburu",
            "fatalities": 2,
            "evidence": "Two men were killed. 2 fatalities.",
        }
    )
    assert note.count("fatalities") == 1
