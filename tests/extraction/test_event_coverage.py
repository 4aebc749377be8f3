"""Third wave of event typing: ACLED-note sentences that used to yield no event or the wrong
kind, and look-alike sentences that must stay non-events (forecasts, idioms, history)."""

from __future__ import annotations

import pytest

from extraction.typing.event_types import _mask_separate, classify_event


@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "Around 5 May 2020, Mozambique's military re-captured Quissanga (Cabo Delgado) after it was "
            "taken over by Islamic militants.",
            "Government regains territory",
            "'re-captured' spelled with a hyphen",
        ),
        (
            "On 3 May 2020, the military forces of Mozambique bombed Islamic militant bases in forests in "
            "the Mbau area.",
            "Air/drone strike",
            "a state military 'bombed' its targets: from the air",
        ),
        (
            "On 8 May 2020, the Ukrainian Forces fired anti-aircraft guns at the positions of the militia "
            "in the area of Spartak, Donetsk.",
            "Shelling/artillery/missile attack",
            "anti-aircraft guns are heavy weapons fired from a distance",
        ),
        (
            "On 29 April 2020, Al Shabaab militants exchanged gun fire amongst each other in Af Cad village.",
            "Armed clash",
            "'gun fire' in two words",
        ),
        (
            "On 28 April 2020, the FARDC launched a new offensive against a position of the CODECO militia "
            "in the village of Korogo.",
            "Armed clash",
            "an offensive against an armed group's position",
        ),
        (
            "On 3 May 2020, CNL and CNDD-FDD fought each other in Rukore hill (Ntega, Kirundo).",
            "Mob violence",
            "two party groups fighting each other with no armed side named",
        ),
        (
            "On 6 May 2020, a number of residents burned tires and barricaded roads in Kati.",
            "Violent demonstration",
            "burning tires (American spelling) and barricades",
        ),
        (
            "On 2 May 2020, police in Burgersfort are accused of assaulting a taxi driver for not wearing "
            "his face mask.",
            "Attack",
            "'assaulting' a civilian",
        ),
        (
            "On 4 May 2020, in Itaugua, residents of Las Mercedes neighborhood hit a man suspected of "
            "comitting robberies in the region.",
            "Mob violence",
            "residents hitting a suspect",
        ),
        (
            "Around 4 May 2020, in Leon de los Aldama, three people died and were found wrapped in blankets.",
            "Attack",
            "bodies found wrapped: a killing",
        ),
        (
            "On 28 April 2020, in Patzuaro, Normal school students blocked with two vehicles the Siglo XXI "
            "highway at kilometre 65.",
            "Peaceful protest",
            "a highway blocked by students",
        ),
        (
            "On 7 May 2020, in Punucapa, unidentified perpetrators set on fire heavy machinery and other "
            "tools that belonged to a logging company.",
            "Looting/property destruction",
            "property set on fire",
        ),
        (
            "On 1 May 2020, a car of a town councillor was set on fire in Reni, Odessa.",
            "Looting/property destruction",
            "a car set on fire (passive)",
        ),
        (
            "On 9 May 2020, military forces seized three boats with Colombian military insignia.",
            "Looting/property destruction",
            "boats seized",
        ),
        (
            "On 8 May 2020, the government declared a coronavirus lockdown on the capital.",
            "Change to group/activity",
            "a lockdown or curfew declared",
        ),
        (
            "On 29 April 2020, in Teresina, Piaui, a gang member was killed by two rival gang members.",
            "Armed clash",
            "violence between members of armed gangs",
        ),
        (
            "On 29 April 2020, presumed JNIM militants shot dead a civilian school guard in Logobou.",
            "Attack",
            "a civilian guard is no armed side",
        ),
        (
            "On 5 May 2020, Al shabaab militants shot and killed a police officer (assumed off-duty) in "
            "Mogadishu.",
            "Attack",
            "an off-duty officer is not fighting",
        ),
        (
            "On 29 April 2020, the OSCE SMM observed a total of 14 explosions/shots involving mortars near "
            "Novovyboeve.",
            "Shelling/artillery/missile attack",
            "impacts involving heavy weapons, in one direction",
        ),
        (
            "On 4 July 2019, military forces gained control of Dhuboy without violence.",
            "Non-violent transfer of territory",
            "a place taken without violence is a transfer",
        ),
        (
            "On 9 July 2019, rebel forces fired 120mm at the army positions near Horlivka.",
            "Shelling/artillery/missile attack",
            "a calibre fired is artillery, not small arms",
        ),
        (
            "On 14 September 2023, party supporters protested in Kinshasa after their leader was sentenced "
            "(coded separately).",
            "Peaceful protest",
            "only the clause naming the separately coded event is set aside",
        ),
        (
            "On 8 June 2020, workers protested in Bandung, demanding their bonus, which is usually paid "
            "before Ied Fitr.",
            "Peaceful protest",
            "a habit in a relative clause is the noun's, and 'Ied' is Eid, no IED",
        ),
        (
            "On 7 April 2022, artillery units shelled the chemical plant outside Sievierodonetsk.",
            "Shelling/artillery/missile attack",
            "a plant shelled is no industrial accident",
        ),
        (
            "On 2 October 2023, likely ISGS militants lobbed mortar rounds at the army base in Menaka.",
            "Shelling/artillery/missile attack",
            "'likely' before the perpetrator attributes, it does not hedge",
        ),
        (
            "Indigenous groups occupied a ranch in Mato Grosso do Sul, demanding the demarcation of their "
            "land.",
            "Peaceful protest",
            "an occupation to press a demand",
        ),
        (
            "On 2 April 2022, residents who were moved against their will organized a protest in Luhansk.",
            "Peaceful protest",
            "'against their will' is a noun, no modal",
        ),
        (
            "On 7 May 2020, residents clashed with the police in Mal, denouncing power and water cuts.",
            "Violent demonstration",
            "a crowd fighting the police while voicing a demand",
        ),
        (
            "On 18 March 2023, locals clashed with police officers when they tried to arrest an accused in "
            "Borogaon area.",
            "Mob violence",
            "a crowd fighting the police with no demonstration aim",
        ),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_third_wave_typing(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected, why


@pytest.mark.parametrize(
    "sentence",
    [
        "On 8 May 2020, the army said it plans to launch a new offensive against militant positions in "
        "Cabo Delgado.",
        "On 5 December 2021, the commander said the army will intensify its offensive against jihadists.",
        "On 1 June 2020, the police chief warned that gangs might attack police stations.",
        "On 5 May 2020, the finance ministry said the pandemic hit the tourism sector hard.",
        "On 9 September 2021, the opposition said the government had destroyed democracy and called for a "
        "boycott of the elections.",
        "On 2 February 2023, archaeologists discovered the remains of an ancient settlement near Luxor.",
        "On 1 May 2020, there was no armed clash around Kyar Nyo Kan village, according to villagers.",
        "On 9 May 2020, no one was killed in Gao.",
        # the ninth round's cues, where their words mean something else
        "On 3 May 2021, the film bombed at the box office in Mumbai.",
        "On 3 May 2021, the row over the budget blew up in parliament.",
        "On 3 May 2021, the two leaders had an encounter with the press in Tashkent.",
        "On 3 May 2021, fans poured onto the streets of Buenos Aires to celebrate the victory.",
        "On 3 May 2021, the company fired 200 workers at its plant in Dhaka.",
        "On 3 May 2021, the army said it will launch operations against the rebels next month.",
        "On 3 May 2021, shop owners removed goods from the flooded market in Dhaka.",
        "On 3 May 2021, the minister set off for Geneva to attend the talks.",
        "On 3 May 2021, the pandemic caused a work stoppage at the car factory in Pune.",
        "On 3 May 2021, the convoy took the street to the airport in Kabul.",
    ],
)
def test_look_alikes_stay_non_events(sentence: str) -> None:
    assert classify_event(sentence) is None


def test_many_separately_coded_tags_each_blank_only_their_clause() -> None:
    # why: each tag blanks back to its own clause in one pass (a quadratic version took 13 s on a
    # note of 2,000 tags); the protest the sentence reports survives every tag after it
    text = "On 3 May 2021, students rallied in Dhaka" + " after a raid (coded separately)" * 500 + "."
    masked = _mask_separate(text)
    assert len(masked) == len(text)
    assert "coded" not in masked and "raid" not in masked
    assert masked.startswith("On 3 May 2021, students rallied in Dhaka after ")
    typing = classify_event(text)
    assert typing is not None and typing.sub_event_type == "Peaceful protest"
