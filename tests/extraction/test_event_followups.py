"""A sentence after an event that changes its type (extraction.typing.followups), and the engine
applying it to the event of the same report."""

from __future__ import annotations

import pytest

from extraction.document import Document
from extraction.engine import Resources, extract_events
from extraction.typing.followups import BATTLE_FOLLOWUP_RULE, battle_followup, demonstration_followup


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@pytest.mark.parametrize(
    "sentence",
    [
        "The police shot back and injured one of the attackers.",
        "The two sides exchanged heavy gunfire and Al shabaab militants withdrew from the area.",
        "Military soldiers responded with their guns.",
        "Police responded with gunfire.",
        "Government forces opened gunfire in response.",
        "Dan Na Ambassagou militiamen routed the assailants.",
        "The OSCE SMM observed a total of 12 projectiles/shots involving unknown weapons in both directions "
        "of the frontline near Kominternove.",
        "The victim had charges against him for drug trafficking.",
        "The victim had charges against him for several crimes, including drug trafficking.",
        "The victim was involved in a gang.",
    ],
)
def test_battle_followup_sees_two_armed_sides(sentence: str) -> None:
    typing = battle_followup(sentence)
    assert typing is not None and typing.sub_event_type == "Armed clash"
    assert typing.rule == BATTLE_FOLLOWUP_RULE


@pytest.mark.parametrize(
    "sentence",
    [
        "No fatalities were reported.",
        "The victim was taken to hospital.",
        "Police said they would return fire if attacked again.",
        "The motive for the attack is not clear.",
    ],
)
def test_battle_followup_ignores_sentences_without_a_second_side(sentence: str) -> None:
    assert battle_followup(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The inmates burnt official documents.", "Violent demonstration"),
        ("Chairs were burnt and property destroyed.", "Violent demonstration"),
        ("Roads were barricaded with stones and other debris.", "Violent demonstration"),
        ("Police fired teargas to disperse them.", "Protest with intervention"),
    ],
)
def test_demonstration_followup_gives_the_graver_outcome(sentence: str, expected: str) -> None:
    typing = demonstration_followup(sentence)
    assert typing is not None and typing.sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    ["They demanded higher wages.", "The demonstration lasted two hours.", "[size=no report]"],
)
def test_demonstration_followup_leaves_a_peaceful_protest_alone(sentence: str) -> None:
    assert demonstration_followup(sentence) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 May 2020, in Teotepeque, La Libertad, El Salvador, police officers were patrolling when "
            "alleged gang members approached and started shooting. The police shot back. No injuries.",
            "Armed clash",
        ),
        (
            "On 1 May 2020, Al Shabaab militants threw a hand grenade at police at a junction in Mogadishu, "
            "Banadir, Somalia. Police responded with gunfire.",
            "Armed clash",
        ),
        (
            "On 27 April 2020, prisoners demonstrated at the prison in Sapele, Delta, Nigeria, over a new "
            "policy preventing visits. The inmates burnt official documents.",
            "Violent demonstration",
        ),
        (
            "On 8 May 2020, unidentified gunmen shot dead a trader in Maiduguri, Borno, Nigeria. "
            "No fatalities among the attackers were reported.",
            "Attack",
        ),
        (
            # why: issue 12's case, a protest dispersed in the next sentence ('Peaceful protest' in
            # --explain for a record holding 'Protest with intervention')
            "On 3 March 2021, residents protested over water shortages in Kisumu, Kenya. Police fired "
            "teargas to disperse them.",
            "Protest with intervention",
        ),
        (
            "Jubilee supporters protest against the remarks of an MP in Nairobi. The protesters burnt "
            "tyres in Kiambu.",
            "Violent demonstration",
        ),
        (
            "Students of a university college protested over fees in Lodwar. Many of the students then "
            "burnt tyres and barricaded roads in Kakuma.",
            "Violent demonstration",
        ),
        (
            # codebook: territory acquired without violent interaction, whichever side takes it
            "On 4 June 2021, government forces regained control of Bria from the rebels. No confrontation "
            "was reported.",
            "Non-violent transfer of territory",
        ),
        (
            "On 4 June 2021, government forces regained control of Bria from the rebels. Two soldiers "
            "were killed.",
            "Government regains territory",
        ),
        (
            # codebook: within Battles a place taken ranks above the fighting that took it
            "On 3 May 2021, soldiers clashed with ADF rebels in Beni. The army then regained control of "
            "the town.",
            "Government regains territory",
        ),
        (
            "On 3 May 2021, soldiers clashed with ADF rebels in Beni. The rebels took control of the town.",
            "Non-state actor overtakes territory",
        ),
        (
            "On 3 May 2021, soldiers clashed with ADF rebels in Beni. Two soldiers were killed.",
            "Armed clash",
        ),
        (
            # the clause after a semicolon tells on the same protest, as the next sentence would
            "On 12 January 2020, students gathered at the university in Tehran to protest the downing of "
            "the airliner; police dispersed them.",
            "Protest with intervention",
        ),
    ],
)
def test_engine_types_a_report_by_its_following_sentence(
    resources: Resources, text: str, expected: str
) -> None:
    events = extract_events(Document(doc_id="doc", text=text), resources)
    assert events and events[0]["sub_event_type"] == expected
    # issue 12: --explain must name the sub-event type the record holds, escalated or not
    assert events[0]["explain"]["sub_event_type"].startswith(f"{expected} (confidence ")


def test_lethal_force_after_a_violent_demonstration_stays_a_violent_demonstration(
    resources: Resources,
) -> None:
    text = (
        "On 6 May 2020, traders demonstrated and burned tyres in Abraka, Delta, Nigeria. "
        "Police shot dead one protester."
    )
    events = extract_events(Document(doc_id="doc", text=text), resources)
    assert events and events[0]["sub_event_type"] == "Violent demonstration"
