"""Golden cases for event detection and typing: a real sentence, the expected typing, and why."""

from __future__ import annotations

import pytest

from extraction.event_types import classify_event, non_event_reason
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

GOLDEN = [
    ("On 10 October, more than 10 police officers exchanged fire with suspected al-Shabab militants after "
     "nearly hitting an IED at Mambore-Mkokoni area.", "Armed clash",
     "an exchange of fire between two armed sides is a clash, whatever else is mentioned"),
    ("Teachers protested over pay. Police fired tear gas. Several arrested.", "Protest with intervention",
     "teargas and arrests without lethal force are intervention"),
    ("Hundreds of matatu operators held demonstrations in the streets of Eldoret town. Police dispersed the "
     "crowd with rubber bullets.", "Protest with intervention", "dispersal with rubber bullets"),
    ("On 13 November 2019, anti-abortion protesters gathered at the KICC in central Nairobi.",
     "Peaceful protest", "a demonstration with no intervention and no violence"),
    ("A man suspected of being a thief was lynched by locals in Ngangarithi village in Nyeri town.",
     "Mob violence", "a lynching by a crowd is mob violence"),
    ("On 2 November 2023, garment workers continued demonstrations and vandalized a factory and two cars in "
     "Ashulia city.", "Violent demonstration", "demonstrators destroying property turn a protest into a riot"),
    ("In March, IS-K killed 21 people, most of them Taliban employees, at a bank in the southern city of "
     "Kandahar.", "Attack", "armed group killing unarmed people is violence against civilians"),
    ("The suicide bombing at Kabul Airport in August 2021 killed 170 people.", "Suicide bomb",
     "a suicide bombing is Explosions: Suicide bomb, not an Attack"),
    ("On 4 May 2020, the Ukrainian Forces fired IFVs and grenade launchers at the positions of the Donbass "
     "People's Militia in the area of Oleksandrivka, Donetsk.", "Shelling/artillery/missile attack",
     "grenade launchers are indirect fire, not hand grenades"),
    ("On 3 May 2020, the Ukrainian Forces fired 120mm and 82mm mortars, heavy machine guns and small arms at the "
     "positions of the Donbass People's Militia.", "Armed clash",
     "shelling during a ground battle (small arms) is one Battles event: Battles outrank Explosions"),
    ("Two Al Shabaab suspects arrested with explosive devices in Kitale town.", "Disrupted weapons use",
     "seized explosives: a disrupted weapons use, not an explosion"),
    ("Defusal: Two bombs are discovered near a church in Huruma, Nairobi and were disabled before detonation.",
     "Disrupted weapons use", "the note's label names the sub-event"),
    ("Gunmen abducted two teachers and later killed them near Mandera.", "Attack",
     "abducted then killed is an Attack (ranked above Abduction)"),
    ("Suspected Al Shabaab militants kidnapped three aid workers in Dadaab.", "Abduction/forced disappearance",
     "kidnapping without killing"),
    ("A 14-year-old girl was raped by a police officer in Kisumu.", "Sexual violence", "rape"),
    ("A grenade was hurled into a bar in Mombasa, injuring five people.", "Grenade", "a thrown grenade"),
    ("An IED planted on the road exploded under a KDF vehicle near Mandera.",
     "Remote explosive/landmine/IED", "a roadside bomb"),
    ("Warplanes carried out an airstrike on a market in the town, killing 12 civilians.", "Air/drone strike",
     "an airstrike outranks other explosions"),
    ("Police arrested a prominent opposition leader in Nairobi on 5 May 2019.", "Arrests",
     "an arrest outside a demonstration is a strategic development"),
    ("Militants torched five houses in the village overnight.", "Looting/property destruction",
     "property destroyed without a crowd or casualties"),
    ("Police shot dead three protesters with live ammunition during a demonstration in Kisumu.",
     "Excessive force against protesters", "lethal force against demonstrators"),
    ("Supporters of the Awami League and the BNP clashed in Kaliganj upazila over a land dispute.",
     "Mob violence", "clashes between party supporters are riots, not battles"),
    ("Somali forces recaptured the town of Bulo Mareer from Al Shabaab.",
     "Government regains territory", "state forces retaking a town"),
]


@pytest.mark.parametrize(("sentence", "expected", "why"), GOLDEN, ids=[g[1] + ":" + g[2][:30] for g in GOLDEN])
def test_golden_sub_event_type(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None, why
    assert typing.sub_event_type == expected, why
    assert typing.event_type == SUB_EVENT_PARENT[expected]
    assert typing.disorder_type == SUB_EVENT_DISORDER[expected]
    assert typing.trigger and typing.rule and 0 < typing.confidence <= 1


NON_EVENTS = [
    ("ISK shifted its strategy to urban warfare, resulting in 83 (2020), 353 (2021), and 217 (2022) attacks in "
     "Afghanistan, and in Pakistan's Khyber Pakhtunkhwa (KP) province.", "aggregate over years"),
    ("According to ACLED, the IEA's General Directorate of Intelligence and Special Forces conducted a total of "
     "75 operations targeting ISK throughout 2022 and 2023.", "aggregate of operations"),
    ("To lure Taliban fighters, IS-K has conducted attacks within and outside Afghanistan that undermine the "
     "Taliban's rule.", "generic statement"),
    ("In addition to attacking the Taliban, the magazine also targets other jihadist leaders, notably Abu "
     "Muhammad al-Julani.", "propaganda content"),
    ("Security experts warn that the group's messaging could further destabilize an already fragile Afghanistan.",
     "forecast"),
    ("ISK's ultimate goal could include striking the U.S. homeland, although attacks in Europe were more "
     "probable.", "speculation"),
    ("Externally, that means conducting attacks in Tajikistan, Iran, and Pakistan, as well as in Russia.",
     "habitual, no occurrence"),
    ("The group threatened to attack government buildings in Kabul.", "threat"),
    ("Will the Taliban be able to contain ISKP?", "question"),
]


@pytest.mark.parametrize(("sentence", "why"), NON_EVENTS, ids=[n[1] for n in NON_EVENTS])
def test_non_events_return_none(sentence: str, why: str) -> None:
    assert classify_event(sentence) is None, why


@pytest.mark.parametrize(("sentence", "reason"), [
    (NON_EVENTS[0][0], "aggregate"), (NON_EVENTS[2][0], "generic statement"),
    (NON_EVENTS[3][0], "propaganda or commentary"), ("What next?", "question"),
    ("On 8 May 2020, the OSCE SMM observed a total of 4 explosions involving unknown weapons near Luhanske.", None),
])
def test_non_event_reason_names_the_rule(sentence: str, reason: str | None) -> None:
    assert non_event_reason(sentence) == reason


def test_context_supplies_the_protest_for_a_police_response() -> None:
    typing = classify_event("Police fired teargas to disperse them.", context="Traders protested in Nakuru.")
    assert typing is not None and typing.sub_event_type == "Protest with intervention"
    assert classify_event("Police fired teargas to disperse them.") is None or \
        classify_event("Police fired teargas to disperse them.").event_type != "Protests"
