"""The rarer sub-event types out of region: the tags ACLED opens strategic-development notes with,
lethal force on a demonstration, and who took a place (sentences written for these tests)."""

from __future__ import annotations

import pytest

from extraction.typing.event_types import classify_event


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Interception: On 3 May 2023, air defence shot down four drones over the port city.",
         "Disrupted weapons use"),
        ("Detonation: On 9 June 2021, soldiers blew up a roadside device they had found near the bridge.",
         "Disrupted weapons use"),
        ("Displacement: On 4 April 2022, about 300 families left the village after days of shelling.",
         "Other"),
        ("Other: On 12 March 2022, residents found two bodies buried near the school.", "Other"),
        ("Strikes: On 5 July 2022, bus drivers stopped work nationwide over the price of fuel.", "Other"),
        ("Property destruction: On 2 May 2020, unknown men burned a school in the village.",
         "Looting/property destruction"),
        ("Security measures: On 7 August 2021, the governor imposed a curfew on the district.",
         "Change to group/activity"),
        ("Change to armed group: On 1 October 2020, two militia factions announced their merger.",
         "Change to group/activity"),
    ],
)
def test_a_strategic_development_tag_names_the_sub_event(sentence: str, expected: str) -> None:
    """ACLED's analysts open a strategic development's note with a tag naming what happened; the
    tag, not the words after it (a drone, shelling, a burned school), names the sub-event."""
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected
    assert typing.rule == "note prefix"


def test_an_unknown_tag_is_not_a_note_prefix() -> None:
    typing = classify_event("Breaking: On 3 May 2023, rebels shelled the town.")
    assert typing is not None and typing.rule != "note prefix"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 3 May 2022, residents marched in the town. Soldiers opened fire on the marchers, wounding four.",
         "Excessive force against protesters"),
        ("On 3 May 2022, troops shot protesters in the market town, injuring two of them.",
         "Excessive force against protesters"),
        ("Traders protested in the town centre; one demonstrator was killed by police.",
         "Excessive force against protesters"),
        # tear gas and rubber bullets disperse: intervention, not lethal force
        ("Police fired tear gas at the protesters, injuring two.", "Protest with intervention"),
        ("Residents held a rally in the town; soldiers fired in the air, and two people were injured in the "
         "stampede.", "Protest with intervention"),
        # the killing is what the protest is about, not what happened at it
        ("Students protested in the capital over the killing of two youths by police last week.",
         "Peaceful protest"),
    ],
)
def test_lethal_force_on_a_demonstration(sentence: str, expected: str) -> None:
    """The codebook's excessive force is lethal force or serious injury against demonstrators
    (firearms, people killed or wounded), not a dispersal; a killing named as the grievance is an
    earlier event."""
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 4 May 2022, following clashes, the rebels occupied Riverton, Eastern province.",
         "Non-state actor overtakes territory"),
        ("On 9 June 2024, after fighting the army, the rebels overtook Lakeside (North district).",
         "Non-state actor overtakes territory"),
        ("On 2 May 2021, the militia took the town after a day of fighting.",
         "Non-state actor overtakes territory"),
        # fighting reported with the taking: armed sides took part, even unnamed
        ("On 3 March 2020, after heavy clashes the locality was retaken.", "Government regains territory"),
    ],
)
def test_a_place_taken_in_fighting_is_territory(sentence: str, expected: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2023, the raiders seized goats and cattle in the village of Lakeside.",
        "On 3 May 2023, soldiers captured Omar, a commander of the group, near the camp.",
        "A bus overtook a lorry and crashed near the town.",
    ],
)
def test_what_a_capture_verb_takes_must_be_the_place(sentence: str) -> None:
    """Livestock seized in a village, a person captured, a vehicle overtaken: no place changed hands."""
    typing = classify_event(sentence)
    assert typing is None or "territory" not in typing.sub_event_type


def test_a_surrender_is_an_agreement() -> None:
    """The codebook counts surrenders among agreements; a surrender reported with fighting stays a
    battle (Battles rank above Strategic developments)."""
    typing = classify_event("On 4 May 2020, 25 members of the armed group surrendered to the army.")
    assert typing is not None and typing.sub_event_type == "Agreement"
    fought = classify_event("On 4 May 2020, soldiers clashed with rebels; two rebels surrendered.")
    assert fought is not None and fought.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 3 May 2019, unidentified men threw bombs at the municipal building in the town.", "Grenade"),
        ("A bomb hidden in a parked car exploded near the municipal building.",
         "Remote explosive/landmine/IED"),
        ("On 3 May 2019, militants fired rockets at the camp and threw a bomb at its gate.",
         "Shelling/artillery/missile attack"),
    ],
)
def test_a_bomb_thrown_by_hand_is_a_grenade(sentence: str, expected: str) -> None:
    """The codebook's Grenade is an explosive thrown by hand; a planted bomb is a remote explosive,
    and shelling still ranks above both."""
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 May 2019, soldiers captured an unguarded rebel camp near the town.",
        "On 23 February 2019, the army said its men had recovered an abandoned camp of the rebels.",
    ],
)
def test_a_place_its_holders_had_left_is_taken_without_fighting(sentence: str) -> None:
    """An abandoned or unguarded camp taken is the codebook's non-violent transfer of territory."""
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == "Non-violent transfer of territory"
