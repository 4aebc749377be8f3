"""Wire datelines: their place is written in capitals, which the place readers would take for an
acronym; the reading stage writes it as a name, keeping the text's length."""

from __future__ import annotations

import time
from datetime import date

import pytest

from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.reading.text import prepare_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("KABUL (Reuters) - A bomb went off.", "Kabul (Reuters) - A bomb went off."),
        ("NEW DELHI, India (AP) -- Police said.", "New Delhi, India (AP) -- Police said."),
        ("WASHINGTON, March 4 (AFP) \u2014 Aides said.", "Washington, March 4 (AFP) \u2014 Aides said."),
        ("Intro.\nGOMA - Rebels advanced.", "Intro.\nGoma - Rebels advanced."),
        # not datelines: an acronym heading, a short acronym, capitals inside a line
        ("ISKP: a growing threat.", "ISKP: a growing threat."),
        ("UN - the council met.", "UN - the council met."),
        ("Fighters of the KDF - the army - moved.", "Fighters of the KDF - the army - moved."),
    ],
)
def test_a_dateline_place_is_written_as_a_name(raw: str, expected: str) -> None:
    assert prepare_text(raw).text == expected


def test_a_dateline_places_the_lead_that_names_no_other_place() -> None:
    # why: 'KABUL (Reuters) - A suicide bomber killed 20 people at a mosque' was dropped: no place
    text = (
        "KABUL (Reuters) - A suicide bomber killed at least 20 people at a mosque, officials said on Friday."
        "\n\nThe city has seen several such attacks this year."
    )
    (event,) = extract_events(Document(doc_id="d", text=text, published=date(2023, 5, 10)), Resources.load())
    assert (event["country"], event["location"]) == ("Afghanistan", "Kabul")
    assert event["event_date"] == "2023-05-05"


def test_a_hostile_run_of_capitals_costs_linear_time() -> None:
    # why: 'AB-AB-...-AB x' split two ways per hyphen: the first dateline regex backtracked
    # exponentially (1.4 s at 22 words); 30 words would take minutes, now they take microseconds.
    line = "-".join(["AB"] * 30) + " x - y"
    started = time.process_time()
    assert prepare_text(f"Intro - \n{line}").text.endswith(line)
    assert time.process_time() - started < 1.0
