"""The engine end to end on real sentences: golden records, context rules and odd input."""

from __future__ import annotations

import dataclasses
import logging
from datetime import date

import pytest

from extraction.dates import could_hold_date
from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.reading import documents as document_reading
from extraction.reading import split_clauses
from extraction.reading.text import prepare_text
from extraction.records import Mention, with_explained
from extraction.version import EXTRACTOR_VERSION
from schemas.codebook import ACLED_COLUMNS


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


def extract(resources: Resources, text: str, **meta: object) -> list[Mention]:
    return extract_events(Document(doc_id="doc", text=text, **meta), resources)


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        (
            "On 21 March 2024, a suicide bomber blew himself up outside a bank in Kandahar city, Kandahar "
            "province, "
            "Afghanistan, killing 21 people.",
            {
                "event_date": "2024-03-21",
                "time_precision": 1,
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Suicide bomb",
                "country": "Afghanistan",
                "iso": 4,
                "admin1": "Kandahar",
                "location": "Kandahar",
                "region": "Caucasus and Central Asia",
            },
            "the seed corpus' Kandahar bank bombing, stated in one sentence",
        ),
        (
            "On 9 May 2020, Al shabaab militants attacked Jubaland security forces in the vicinity of "
            "Bar-Sanguun "
            "village (Kismaayo, Lower Juba). After heavy gunfire from both sides, Al shabaab militants "
            "claimed to "
            "have killed two soldiers and injured five others.",
            {
                "event_date": "2020-05-09",
                "event_type": "Battles",
                "country": "Somalia",
                "admin1": "Lower Juba",
                "actor1": "Al Shabaab",
                "fatalities": 2,
            },
            "an ACLED note: the fatalities come from the sentence after the event sentence",
        ),
        (
            "On 9 May 2020, in Sao Goncalo, Rio de Janeiro, the Military Police carried out an operation "
            "against "
            "drug trafficking in the Chumbada community. A shoot-out broke out and two suspects died.",
            {"event_date": "2020-05-09", "country": "Brazil", "event_type": "Battles"},
            "the typed sentence has no date: it inherits the scene-setting sentence's date",
        ),
    ],
)
def test_golden_records(resources: Resources, text: str, expected: dict, why: str) -> None:
    events = extract(resources, text, source="Test source")
    assert len(events) == 1, why
    event = events[0]
    assert {key: event[key] for key in expected} == expected, why
    assert event["source"] == "Test source"
    assert set(ACLED_COLUMNS) - {"event_id_cnty", "timestamp"} <= set(event)


def test_provenance_spans_point_at_the_evidence_in_the_prepared_text(resources: Resources) -> None:
    text = "Markets were calm.\n\nOn 3 January 2024, two bombs exploded in Kerman, Iran, killing 95 people."
    (event,) = extract(resources, text)
    prepared = prepare_text(text).text
    assert prepared[event["span_start"] : event["span_end"]].strip() == event["evidence"]
    assert event["doc_id"] == "doc" and event["extractor_version"] == EXTRACTOR_VERSION
    assert 0 < event["confidence"] <= 1
    for field in ("event_type", "event_date", "location", "actor1", "fatalities"):
        assert event["explain"][field]
    assert "'3 January 2024'" in event["explain"]["event_date"]


def test_a_sentence_without_a_date_yields_no_event_in_a_dated_document(resources: Resources) -> None:
    # why: ACLED needs at least the month; the publication date alone does not date a background event.
    text = (
        "On 2 May 2024, officials met in Kabul.\n\nIS-K militants attacked a Taliban checkpoint in Kandahar."
    )
    assert extract(resources, text, published=date(2024, 6, 1)) == []


def test_a_commentary_sentence_does_not_lend_its_date(resources: Resources) -> None:
    text = (
        "In a video released on 8 June 2017 by Amaq News, a militant praised the group. "
        "Militants attacked a police post in Tehran."
    )
    assert extract(resources, text) == []


def test_a_note_without_any_date_yields_an_undated_event(resources: Resources) -> None:
    # why: ACLED notes often leave the date to their event_date column; the type and place still count.
    (event,) = extract(resources, "Police shot dead two robbery suspects in Kisumu.")
    assert event["event_date"] is None and event["year"] is None
    assert event["country"] == "Kenya"
    assert event["explain"]["event_date"] == "no date in the text: undated"


def test_a_dateless_news_brief_takes_its_publication_date_at_week_precision(resources: Resources) -> None:
    # why: wire snippets often tell an event without naming its day ('..., police said.'); ACLED
    # codes it to the report's date at a lower precision instead of losing it.
    text = "Gunmen torched a market in Kisumu overnight, police said."
    (event,) = extract(resources, text, published=date(2023, 5, 10))
    assert (event["event_date"], event["time_precision"], event["year"]) == ("2023-05-10", 2, 2023)
    assert event["explain"]["event_date"] == "'the publication date' -> 2023-05-10 (precision 2)"
    assert event["country"] == "Kenya"


def test_a_publication_date_only_dates_briefs_that_name_no_date(resources: Resources) -> None:
    # why: a brief that dates one event leaves a dateless sentence undatable, as before.
    text = "On 3 May 2023, police arrested a trader in Kisumu. Gunmen torched a market in Nakuru."
    events = extract(resources, text, published=date(2023, 5, 10))
    assert [(e["event_date"], e["time_precision"]) for e in events] == [("2023-05-03", 1)]


def test_a_publication_date_does_not_make_an_event(resources: Resources) -> None:
    text = "Analysts expect armed groups in Kenya to recruit more young men from the camps."
    assert extract(resources, text, published=date(2023, 5, 10)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen torch market in Kisumu\n\nGunmen torched a market in Kisumu overnight, police said.",
        "Kenya: market torched\nGunmen torched a market in Kisumu overnight, police said. No one was hurt.",
    ],
)
def test_a_news_item_under_its_headline_is_one_brief_story(resources: Resources, text: str) -> None:
    # why: fetched news items carry their headline on a line of its own; it retells the story, so
    # the item is still a brief (dated by publication) and the headline yields no second event.
    (event,) = extract(resources, text, published=date(2023, 5, 10))
    assert (event["event_date"], event["time_precision"], event["location"]) == ("2023-05-10", 2, "Kisumu")
    assert event["span_start"] > text.index("\n")


def test_a_sentence_on_its_own_line_is_no_headline(resources: Resources) -> None:
    # a first line that ends a sentence starts a long document's first paragraph, not a headline
    text = "Gunmen torched a market in Kisumu, police said.\nProtesters marched through Nairobi."
    assert extract(resources, text, published=date(2023, 5, 10)) == []


def test_an_article_with_a_publication_date_still_needs_dates(resources: Resources) -> None:
    # why: in a long piece, dateless sentences are background, not the day's news.
    text = "Gunmen torched a market in Kisumu, police said.\n\nProtesters marched through Nairobi."
    assert extract(resources, text, published=date(2023, 5, 10)) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2020, militants shot dead three civilians in Qwertyville.",  # dated, unknown place
        "Angry residents lynched a suspected thief in Qwertyville.",  # neither date nor place
    ],
)
def test_a_brief_with_no_resolvable_place_keeps_its_event_without_a_place(
    resources: Resources, text: str
) -> None:
    # why: a note or snippet tells one story; when neither it nor its metadata names a known place
    # its type still stands, and the empty place columns make the schema quarantine it.
    (event,) = extract(resources, text)
    assert event["event_type"] is not None
    assert (event["country"], event["iso"], event["latitude"]) == (None, None, None)


def test_an_article_with_no_resolvable_place_yields_no_placeless_event(resources: Resources) -> None:
    # why: only a brief may leave its place open; in a long article such a mention is dropped.
    filler = "Analysts discussed the group's propaganda at length in the report. " * 40
    text = f"{filler}\n\nOn 9 May 2020, militants shot dead three civilians in Qwertyville."
    assert extract(resources, text) == []


def test_clauses_with_their_own_date_and_place_are_separate_events(resources: Resources) -> None:
    text = (
        "On 5 May 2020, police shot dead two protesters in Nairobi; and on 6 May 2020, rioters burned "
        "tyres in Kisumu."
    )
    events = extract(resources, text)
    assert [(e["event_date"], e["location"]) for e in events] == [
        ("2020-05-05", "Nairobi"),
        ("2020-05-06", "Kisumu"),
    ]


@pytest.mark.parametrize(
    ("body", "parts"),
    [
        (
            "Police arrested two men in Kabul; and in Herat, gunmen killed a cleric.",
            ["Police arrested two men in Kabul", "in Herat, gunmen killed a cleric."],
        ),
        (
            "Gunmen attacked a bus and in Kabul a bomb exploded.",
            ["Gunmen attacked a bus", "in Kabul a bomb exploded."],
        ),
        ("Protesters marched and chanted slogans.", ["Protesters marched and chanted slogans."]),
    ],
)
def test_split_clauses(body: str, parts: list[str]) -> None:
    assert [c.text for c in split_clauses(body, 100)] == parts


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("", "is empty"),
        ("   \n\t ", "is empty"),
        ("\x00\x01\x02\x03" * 200, "looks binary"),
        ("\ufffd\ufffd abc \ufffd" * 100, "looks binary"),
        (
            "Der Präsident sprach gestern lange über die Wirtschaft, die Schulen und die Zukunft des Landes, "
            "während draußen viele Menschen warteten.",
            "does not look like English",
        ),
    ],
)
def test_odd_input_gives_a_warning_and_no_events(
    resources: Resources, caplog: pytest.LogCaptureFixture, text: str, warning: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="extraction.engine"):
        assert extract(resources, text) == []
    assert warning in caplog.text


@pytest.mark.parametrize(
    "text",
    [
        "POLICE OFFICER DIES WHEN SUSPECTED MILITANTS SHOOT HIM DURING ROUTINE PATROL ALONG HIGHWAY",
        "Youths riot outside polling centre; police open fire, killing one rioter, injuring several others",
        "Traders stage protest over new market levies; county officers arrest several protesters near stalls",
    ],
)
def test_headline_style_english_is_english(
    resources: Resources, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    """Notes written like headlines (few articles, often all caps) are English: no language warning."""
    with caplog.at_level(logging.WARNING, logger="extraction"):
        extract(resources, text)
    assert "does not look like English" not in caplog.text


def test_a_text_with_no_events_yields_none(resources: Resources) -> None:
    text = (
        "On 3 May 2019, the weather in Nairobi was sunny. The markets were busy and schools reopened "
        "after the holiday."
    )
    assert extract(resources, text) == []


def test_resources_are_loaded_once(resources: Resources) -> None:
    assert Resources.load() is resources


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "On 5 May 2020, residents protested in Kisumu over water shortages. Police fired teargas to "
            "disperse "
            "them.",
            "Protest with intervention",
        ),
        (
            "On 5 May 2020, traders demonstrated in Nakuru against new taxes. The protesters later pelted "
            "police "
            "with stones and burned tyres.",
            "Violent demonstration",
        ),
    ],
)
def test_a_protest_escalated_by_the_next_sentence_is_one_graver_event(
    resources: Resources, text: str, sub_event_type: str
) -> None:
    # why: ACLED codes a protest that is dispersed or turns violent as one event of the graver type.
    (event,) = extract(resources, text)
    assert event["sub_event_type"] == sub_event_type
    assert "escalated by the next sentence" in event["explain"]["event_type"]


def test_an_article_without_any_date_yields_no_undated_events(resources: Resources) -> None:
    # why: only a brief note may leave its date to metadata; an undated article reports nothing codable.
    text = (
        "Police shot dead two robbery suspects in Kisumu.\n\nProtesters later marched through Nairobi "
        "and rioters burned tyres in Kisumu."
    )
    assert extract(resources, text) == []


def test_a_huge_document_is_read_piece_by_piece_with_consistent_spans(
    resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    # why: a 50 MB text is prepared in pieces; spans must point into the pieces joined by a blank line.
    monkeypatch.setattr(document_reading, "CHUNK_CHARS", 400)
    paragraph = (
        "On 21 March 2024, a suicide bomber blew himself up outside a bank in Kandahar city, "
        "killing 21 people. Markets reopened the next week.\n\n"
    )
    text = paragraph * 8
    events = extract(resources, text)
    pieces = document_reading._chunks(text)
    prepared = document_reading.PIECE_JOINER.join(prepare_text(text[a:b]).text for a, b in pieces)
    assert len(events) == 8
    for event in events:
        assert prepared[event["span_start"] : event["span_end"]].strip() == event["evidence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 12 December 2023, Tajik and Uzbek nationals were arrested in a series of operations in "
            "Austria and "
            "Germany.",
            [("Austria", None, 0), ("Germany", None, 0)],
        ),
        (
            "On 5 May 2020, police shot dead 5 protesters in Nairobi, Mombasa and Kisumu.",
            [("Kenya", "Nairobi", 3), ("Kenya", "Mombasa", 1), ("Kenya", "Kisumu", 1)],
        ),
        (
            "On 5 May 2020, police shot dead 5 protesters in Nairobi and Police Commander Otieno "
            "defended them.",
            [("Kenya", "Nairobi", 5)],
        ),
    ],
)
def test_one_event_per_coordinated_place_with_the_toll_split(
    resources: Resources, text: str, expected: list[tuple]
) -> None:
    # why: ACLED's unit is one location; a total over several places is split evenly, remainder first.
    events = extract(resources, text)
    assert [(e["country"], e["location"], e["fatalities"]) for e in events] == expected


@pytest.mark.parametrize(
    ("source", "country"),
    [
        ("Daily Nation (Kenya)", "Kenya"),
        ("OSCE SMM-Ukraine", "Ukraine"),
        ("Kenyan Television NTV", "Kenya"),
    ],
)
def test_the_source_gives_the_country_when_the_text_names_none(
    resources: Resources, source: str, country: str
) -> None:
    # why: ACLED notes often name only a village the gazetteer lacks; the source still says the
    # country, and the village the text names stays the location, coded at country level.
    (event,) = extract(
        resources, "On 9 May 2020, police shot dead a robbery suspect in Qwertyville.", source=source
    )
    assert (event["country"], event["location"], event["geo_precision"]) == (country, "Qwertyville", 3)
    assert event["latitude"] is None


def test_a_later_clause_takes_its_own_country_not_the_first_clause_place(resources: Resources) -> None:
    # why: '..., and in January 2024, the Interior Ministry of Tajikistan claimed a bomb attack' is not in
    # the Kyrgyz town the first clause names.
    text = (
        "In December 2023, Kyrgyzstan security services arrested two ISK members in the city of "
        "Jalalabad, Kyrgyzstan, and in January 2024, the Interior Ministry of Tajikistan said a bomb "
        "exploded at a party office."
    )
    events = extract(resources, text, published=date(2024, 6, 1))
    assert [(e["event_date"][:7], e["country"]) for e in events] == [
        ("2023-12", "Kyrgyzstan"),
        ("2024-01", "Tajikistan"),
    ]


@pytest.mark.parametrize(
    ("sentence", "could"),
    [
        ("On 9 May 2020, police fired.", True),
        ("The next day, gunmen returned.", True),
        ("Two months later, a bomb exploded.", True),
        ("Yesterday, protesters marched.", True),
        ("That same day, rioters burned tyres.", True),
        ("Police fired teargas at protesters.", False),
    ],
)
def test_the_date_gate_lets_every_date_form_through(sentence: str, could: bool) -> None:
    assert could_hold_date(sentence) is could


def test_repeated_values_of_a_document_are_stored_once_and_explain_dicts_stay_apart(
    resources: Resources,
) -> None:
    """A huge document repeats actors, dates and explanations: one shared object per value keeps
    its memory in budget, while mentions stay immutable (a change makes a new mention, so a
    shared value is never edited under another mention)."""
    sentence = (
        "On 9 May 2020, Govt soldiers opened fire on a civilian vehicle near Dhuusamarreeb town, Somalia."
    )
    first, second = extract(resources, f"{sentence}\n\n{sentence}")
    assert first["actor1"] == second["actor1"] and first["actor1"] is second["actor1"]
    assert first["explain"]["event_type"] is second["explain"]["event_type"]
    assert first["span_start"] != second["span_start"]
    with pytest.raises(TypeError):
        first["explain"]["event_type"] = "edited"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.fatalities = 3  # type: ignore[misc]
    edited = with_explained(first, event_type="edited")
    assert edited["explain"]["event_type"] == "edited" and first["explain"]["event_type"] != "edited"


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("On 12 June 2020, gunmen shot at a bus near Garissa (Garissa); two killed, three injured.", 2),
        ("On 12 June 2020, unidentified gunmen shot at a bus near Garissa (Garissa). Nobody was hurt.", 0),
    ],
    ids=["toll_in_a_trailing_clause", "no_toll"],
)
def test_a_one_event_brief_takes_its_toll_from_the_whole_text(
    resources: Resources, text: str, fatalities: int
) -> None:
    # why: ACLED notes and news briefs state the toll after the event clause ('...; two killed').
    (event,) = extract(resources, text)
    assert event["fatalities"] == fatalities


def test_a_nationality_of_the_victims_does_not_move_the_event_abroad(resources: Resources) -> None:
    # why: 'Two Nigerien traders were killed' says who died, not where: the sentence before
    # placed the operation in Mali, and a nationality adjective must not veto that place.
    text = (
        "On 3 March 2023, soldiers carried out a search operation at a gold mining camp in Anefis "
        "(Tessalit, Kidal). Two Nigerien traders were killed."
    )
    events = extract(resources, text)
    assert [(e["country"], e["location"]) for e in events] == [("Mali", "Anefis")]


def test_a_country_after_in_and_a_compass_adjective_outranks_the_attackers_nationality(
    resources: Resources,
) -> None:
    # why: 'in northeastern Kenya' places the event; 'Somali' only says who the attackers were.
    text = "On 2 May 2020, Somali fighters overran a border post in northeastern Kenya and wounded a guard."
    assert [e["country"] for e in extract(resources, text)] == ["Kenya"]


def test_replaced_mention_equals_dataclasses_replace(resources: Resources) -> None:
    """Mention.replaced (the fast copy the records stage uses) gives what dataclasses.replace
    gives, read-only explain included, and refuses a field a Mention does not have."""
    (event,) = extract(resources, "On 5 May 2020, police shot dead two protesters in Kisumu town (Kisumu).")
    changes = {"fatalities": 7, "explain": {**event.explain, "fatalities": "a test"}, "occurrence": 2}
    fast, slow = event.replaced(**changes), dataclasses.replace(event, **changes)
    assert fast == slow and fast.as_record() == slow.as_record()
    assert fast is not event and event.fatalities == 2 and event.get("occurrence") is None
    with pytest.raises(TypeError):
        fast.explain["fatalities"] = "edited"  # type: ignore[index]
    with pytest.raises(TypeError, match="no field 'fatality'"):
        event.replaced(fatality=1)
