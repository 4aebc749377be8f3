"""Event phrases of long sentences: date segments, windows, dated and counted event nouns."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.dates.finder import DateContext, find_dates
from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.typing.phrases import (
    date_segments,
    date_window,
    in_quoted_speech,
    mask_plot_targets,
    occurrence_count,
    type_phrase,
)

CONTEXT = DateContext(published=date(2024, 6, 1))
# A long document (several paragraphs) is read phrase by phrase; a one-paragraph note is not.
PADDING = "\n\nThe group has long been active in the region and its rhetoric keeps changing.\n\n"


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


def long_doc_events(resources: Resources, sentence: str) -> list[dict]:
    text = PADDING + sentence + PADDING
    return extract_events(Document(doc_id="doc", text=text, published=date(2024, 6, 1)), resources)


def test_each_date_owns_the_text_up_to_the_last_break_before_the_next() -> None:
    body = (
        "Following the January 3, 2024, attack in Kerman, Iran, and the January 28 attack in Istanbul, "
        "Turkey."
    )
    segments = date_segments(body, find_dates(body, CONTEXT))
    assert [body[s.start : s.end].strip(" ,") for s in segments] == [
        "Following the January 3, 2024, attack in Kerman, Iran",
        "and the January 28 attack in Istanbul, Turkey.",
    ]


def test_a_missed_sentence_end_cuts_before_any_comma() -> None:
    # why: footnote digits glued to a period ('May 2024.40 Across') hide a sentence end from the splitter.
    body = "a mosque bombing in Herat in May 2024.40 Across the border in Pakistan, an attack in July 2023."
    first, second = date_segments(body, find_dates(body, CONTEXT))
    assert body[first.start : first.end] == "a mosque bombing in Herat in May 2024.40 "


def test_a_window_starts_at_the_last_punctuation_before_its_date() -> None:
    body = "In 2023, Tajik nationals were arrested in Austria and Germany in December, reportedly."
    (mention,) = [d for d in find_dates(body, CONTEXT) if d.text.endswith("December")]
    start, end = date_window(body, mention)
    assert body[start:end].startswith("Tajik nationals were arrested in Austria and Germany in December")


@pytest.mark.parametrize(
    ("phrase", "sub_event", "why"),
    [
        (
            "the January 28 attack in Istanbul",
            "Attack",
            "a date modifying an event noun names one occurrence",
        ),
        (
            "a rocket attack in May 2022 that was claimed by ISKP",
            "Shelling/artillery/missile attack",
            "typing rules",
        ),
        ("and two attacks in Kabul in November 2023", "Attack", "a counted event noun is introduced"),
        ("a mosque bombing in Herat in May 2024", "Remote explosive/landmine/IED", "an introduced noun"),
        ("the potential for a coordinated attack in May 2024", None, "a potential attack is no event"),
        ("the attacks in May 2024 show the group's reach", None, "a plural reference is no occurrence"),
    ],
)
def test_a_phrase_is_typed_by_its_rules_or_its_dated_noun(
    phrase: str, sub_event: str | None, why: str
) -> None:
    typing = type_phrase(phrase, find_dates(phrase, CONTEXT))
    assert (typing.sub_event_type if typing else None) == sub_event, why


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("two attacks in Kabul", 2),
        ("three suicide bombings", 3),
        ("the two attacks were linked", 1),
        ("an attack", 1),
    ],
)
def test_occurrences_are_counted_unless_referred_back_to(phrase: str, count: int) -> None:
    assert occurrence_count(phrase) == count


def test_what_a_plot_aims_at_is_not_a_place_of_the_event() -> None:
    masked = mask_plot_targets("arrested in Germany, planning attacks in Vienna and Cologne")
    assert "Germany" in masked and "Vienna" not in masked and "Cologne" not in masked


@pytest.mark.parametrize(
    ("body", "quoted"),
    [("the attack we saw a couple weeks ago.\u201d", True), ("an attack a couple weeks ago.", False)],
)
def test_relative_dates_inside_quotes_are_spotted(body: str, quoted: bool) -> None:
    (mention,) = find_dates(body, CONTEXT)
    assert in_quoted_speech(body, mention) is quoted


def test_a_long_sentence_yields_one_event_per_dated_place(resources: Resources) -> None:
    # why: ACLED codes each occurrence; an analysis sentence lists several with their own dates and places.
    events = long_doc_events(
        resources,
        "ISK continued its sectarian attacks into 2024, conducting an attack in January in Kabul, and a "
        "mosque bombing in Herat in May 2024.",
    )
    assert [(e["event_date"][:7], e["location"]) for e in events] == [
        ("2024-01", "Kabul"),
        ("2024-05", "Herat"),
    ]


def test_counted_attacks_stay_separate_events_after_merging(resources: Resources) -> None:
    from extraction.merge import merge_events

    events = long_doc_events(resources, "In November 2023, ISK carried out two attacks in Kabul.")
    merged = merge_events(events)
    assert len(events) == len(merged) == 2
    assert len({e["event_id_cnty"] for e in merged}) == 2


def test_arrests_are_placed_where_made_not_where_the_plot_aimed(resources: Resources) -> None:
    (event,) = long_doc_events(
        resources,
        "On March 19, 2024, Germany's law enforcement revealed that two suspects had been arrested after "
        "being instructed to carry out an attack against the Swedish parliament in Stockholm.",
    )
    assert (event["sub_event_type"], event["country"]) == ("Arrests", "Germany")


def test_a_one_paragraph_note_keeps_whole_sentence_reading(resources: Resources) -> None:
    # why: an ACLED note is one story; splitting it by phrase would invent events.
    text = "On 9 May 2020, two attacks in Kabul killed 4 people."
    events = extract_events(Document(doc_id="n", text=text), resources)
    assert len(events) == 1


def test_a_quoted_speaker_dates_nothing(resources: Resources) -> None:
    # why: 'a couple weeks ago' in a quote counts from the speech, not from the article's date.
    events = long_doc_events(
        resources,
        "In April 2024, the FBI director warned Congress about the group. \u201cNow concerning is the "
        "potential for a coordinated attack here, akin to the attack we saw at the concert hall in "
        "Moscow a couple weeks ago.\u201d",
    )
    assert events == []


def test_a_dated_phrase_about_a_potential_attack_is_no_event(resources: Resources) -> None:
    # why: a warning shared 'in early March' about 'a potential attack' is not an occurrence.
    events = long_doc_events(
        resources,
        "On March 9, 2024, two militants were killed by police in Kaluga, Russia; also in early March, "
        "the U.S. government shared information with Russia about a potential attack in Moscow.",
    )
    assert [(e["event_date"], e["location"]) for e in events] == [("2024-03-09", "Kaluga")]
