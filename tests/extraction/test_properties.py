"""Properties: arbitrary unicode never makes the engine raise, and what it emits fits the schema."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.merge import merge_events
from extraction.records.frame import events_frame, validate_events
from schemas.extracted import ExtractedEvent
from schemas.validate import validate_frame

FRAGMENTS = [
    "On 9 May 2020, ",
    "On 21 March 2024, ",
    "in Kandahar city (Kandahar), ",
    "in Nairobi, ",
    "police arrested five protesters ",
    "a suicide bomber blew himself up ",
    "Al Shabaab militants attacked ",
    "killing 21 people. ",
    "2 fatalities. ",
    "protesters marched ",
    "in Dhaka ",
    "; and in Kabul, ",
    "\n\n",
    "Taliban ",
    "the next day ",
    "yesterday ",
    "IS-K ",
    "an airstrike hit ",
    "\u202e",
    "\x00",
]
ACTIONS = [
    "Al Shabaab militants attacked a police post",
    "police fired teargas at protesters",
    "an IS-K suicide bomber blew himself up",
    "protesters marched peacefully",
    "rioters burned tyres",
    "unidentified gunmen abducted two traders",
    "the army shelled positions of rebels",
    "police arrested five suspects",
]
PLACES = ["Kandahar", "Nairobi", "Dhaka", "Mogadishu", "Kabul", "Kisumu", "Peshawar", "Rangpur", "Tehran"]
event_sentence = st.builds(
    lambda day, action, place, killed, noise: (
        f"On {day.day} {day:%B %Y}, {action} in {place}, killing {killed} people.{noise} "
    ),
    st.dates(min_value=date(1997, 1, 1), max_value=date(2024, 12, 31)),
    st.sampled_from(ACTIONS),
    st.sampled_from(PLACES),
    st.integers(0, 300),
    st.text(max_size=8),
)
eventish = st.lists(event_sentence | st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=8).map(
    "".join
)
published = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31))
fmt = st.sampled_from(["txt", "md", "html"])


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400) | eventish, day=published, kind=fmt)
def test_any_text_never_raises_and_mentions_are_well_formed(
    resources: Resources, text: str, day: date | None, kind: str
) -> None:
    mentions = extract_events(Document(doc_id="d", text=text, published=day, fmt=kind), resources)
    for mention in mentions:
        assert 0 <= mention["span_start"] <= mention["span_end"]
        assert 0.0 <= mention["confidence"] <= 1.0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(eventish, min_size=1, max_size=3), day=published)
def test_every_complete_event_passes_the_schema_and_the_rest_fail_only_on_date_or_place(
    resources: Resources, texts: list[str], day: date | None
) -> None:
    # why: a brief may yield an incomplete candidate (no stated date, or no resolvable place);
    # every other event must be storable as it is.
    mentions = [
        m
        for i, text in enumerate(texts)
        for m in extract_events(Document(doc_id=f"d{i}", text=text, published=day), resources)
    ]
    events = merge_events(mentions)
    # a country alone is no location (codebook): such an event is incomplete too
    complete = [e for e in events if e["event_date"] is not None and e["location"] is not None]
    result = validate_frame(events_frame(complete), ExtractedEvent) if complete else None
    assert result is None or result.rejects.height == 0, result.rejects.to_dicts()
    assert len(validate_events(events, allow_undated=True)) == len(events)
