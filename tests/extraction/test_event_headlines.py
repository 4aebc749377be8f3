"""Headline-style and note-style reports (present tense, no auxiliary, no date): detection and typing.

Real sentences of the kind ACLED's older East African notes use ('Bandits strike Sololo area,
steal cattle'), each with the sub-event an analyst codes and why; plus near misses that must stay
non-events, so the added vocabulary cannot turn commentary into false alarms.
"""

from __future__ import annotations

import pytest

from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.typing.event_types import classify_event

HEADLINES = [
    (
        "Pokot raid Turkana villages near Lokori",
        "Attack",
        "a community's raid on a named people is an attack",
    ),
    (
        "Police lob teargas canisters to disperse violent residents of Simba Chai who were protesting.",
        "Violent demonstration",
        "a crowd called violent makes the demonstration violent",
    ),
    (
        "Marule clan attacks herdsman",
        "Attack",
        "a clan is the subject of a bare 'attacks' with a person as object",
    ),
    ("Bandits strike Sololo area, steal cattle", "Attack", "armed raiders 'strike' a place"),
    ("Ethiopian raiders steal 3,000 cattle", "Attack", "livestock raiding is violence against herders"),
    ("Residents stone two suspected robbers to death.", "Mob violence", "killing 'to death' by a crowd"),
    (
        "12 suspected witches burned to death in Nyamira.",
        "Mob violence",
        "suspected witches burned: mob justice",
    ),
    ("Suburban Nairobi residents set a suspected thief alight.", "Mob violence", "a suspect set alight"),
    (
        "Political candidates supporters attack a human rights observer",
        "Attack",
        "an observer is a person the attack targets",
    ),
    (
        "Herders, illegally trespassing on land, injure a police officer and burn homes in Miteta.",
        "Attack",
        "present-tense 'injure' and 'burn homes'",
    ),
    (
        "Striking Mombasa county workers took to the streets over payment of their salary arrears.",
        "Peaceful protest",
        "'took to the streets' is a demonstration",
    ),
    (
        "Residents of Emsoo ward have demonstrated against the building of a planned training institute.",
        "Peaceful protest",
        "'have demonstrated against' is a protest, not a showing",
    ),
    (
        "Jubilee supporters barricaded the roads in Limuru.",
        "Violent demonstration",
        "a crowd barricading roads demonstrates (barricades make it violent)",
    ),
    (
        "Kenyan police have used tear gas in an attempt to disperse crowds of opposition supporters in "
        "Kawangware.",
        "Protest with intervention",
        "a crowd dispersed with tear gas, the cue matched its agent first",
    ),
    (
        "Machakos University College students protest over absentee lecturers. Six arrests reported.",
        "Protest with intervention",
        "counted arrests at a protest",
    ),
    (
        "On 13 October, police shot at protesters who had converged to march in Siaya.",
        "Protest with intervention",
        "police shooting at protesters (no one hit) intervene",
    ),
    (
        "Mombasa county government chief inspector of Logistic and Planning is shot and killed.",
        "Attack",
        "a capitalised 'Planning' is a name, not a plan that hedges",
    ),
    (
        "Unknown gunmen sprayed a vehicle belonging to Kilome MP Harun Mwau with bullets on City Hall Way.",
        "Attack",
        "'sprayed ... with bullets' across a long object",
    ),
    ("Attackers poured acid on five officials at the liaison office.", "Attack", "an acid attack"),
    (
        "Al Shabaab militants destroyed an electricity pylon near Gamba, causing a blackout.",
        "Looting/property destruction",
        "infrastructure destroyed by an armed group",
    ),
    (
        "On 1 May 2020, in El Alto, a group of citizens who had blocked the Puente Vela sector to demand "
        "national elections were dispersed by Military and Police forces.",
        "Protest with intervention",
        "blocking a place to demand something is a protest",
    ),
    (
        "On 7 April 2023, locals staged a human chain at Bakchar village, demanding arrest of the accused "
        "who threw acid on a house.",
        "Peaceful protest",
        "violence in a relative clause of the grievance is the grievance, not the crowd's act",
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), HEADLINES, ids=[h[2][:40] for h in HEADLINES])
def test_headline_typing(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None, why
    assert typing.sub_event_type == expected, why


NEAR_MISSES = [
    "The Ministry of Planning said it will strike a deal with donors next year.",
    "Opposition leaders attack the budget.",
    "Residents have demonstrated their support for the new road in a survey.",
    "Police plan to disperse any crowds that gather on Sunday.",
    "Traders said thieves could steal cattle if the fence is not repaired.",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES, ids=[s[:40] for s in NEAR_MISSES])
def test_near_misses_are_not_events(sentence: str) -> None:
    assert classify_event(sentence) is None


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 May 2019, students protest over a strict head teacher in Kisumu; police disperse "
            "protesters without incident.",
            "Protest with intervention",
        ),
        (
            "On 4 May 2019, Lari residents protest recent thefts of cows in Kiambu; police break up the "
            "protest with teargas.",
            "Protest with intervention",
        ),
    ],
)
def test_later_clause_escalates_the_same_demonstration(
    text: str, expected: str, resources: Resources
) -> None:
    events = extract_events(Document(doc_id="d", text=text), resources)
    assert events, text
    assert events[0]["sub_event_type"] == expected
