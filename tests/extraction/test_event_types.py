"""Golden cases for event detection and typing: a real sentence, the expected typing, and why."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from extraction.actors.assignment import find_actors, load_actor_dictionary
from extraction.typing.event_types import (
    CUE_GATES,
    CUES,
    classify_event,
    find_cues,
    has_trigger,
    non_event_reason,
    word_prefixes,
)
from extraction.typing.gates import gated_cues
from extraction.typing.patterns import FoldedPattern, factor_boundary
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

GOLDEN = [
    (
        "Two herders were found wounded from KDF raids on their village.",
        "Attack",
        "'from' names who did it: a state force that wounds civilians is not attacked (armed target)",
    ),
    (
        "Militants kill civilian they suspected of informing soldiers.",
        "Attack",
        "an armed side in a new clause ('they suspected ... soldiers') is not the object of the killing",
    ),
    (
        "Two traders were beaten by Mungiki members - the same traders were attacked a week earlier.",
        "Attack",
        "a lone dash is a clause break: the named group is not the subject of 'were attacked'",
    ),
    (
        "On 10 October, more than 10 police officers exchanged fire with suspected al-Shabab militants after "
        "nearly hitting an IED at Mambore-Mkokoni area.",
        "Armed clash",
        "an exchange of fire between two armed sides is a clash, whatever else is mentioned",
    ),
    (
        "Teachers protested over pay. Police fired tear gas. Several arrested.",
        "Protest with intervention",
        "teargas and arrests without lethal force are intervention",
    ),
    (
        "Hundreds of matatu operators held demonstrations in the streets of Eldoret town. Police dispersed "
        "the "
        "crowd with rubber bullets.",
        "Protest with intervention",
        "dispersal with rubber bullets",
    ),
    (
        "On 13 November 2019, anti-abortion protesters gathered at the KICC in central Nairobi.",
        "Peaceful protest",
        "a demonstration with no intervention and no violence",
    ),
    (
        "A man suspected of being a thief was lynched by locals in Ngangarithi village in Nyeri town.",
        "Mob violence",
        "a lynching by a crowd is mob violence",
    ),
    (
        "On 2 November 2023, garment workers continued demonstrations and vandalized a factory and two "
        "cars in "
        "Ashulia city.",
        "Violent demonstration",
        "demonstrators destroying property turn a protest into a riot",
    ),
    (
        "In March, IS-K killed 21 people, most of them Taliban employees, at a bank in the southern city of "
        "Kandahar.",
        "Attack",
        "armed group killing unarmed people is violence against civilians",
    ),
    (
        "The suicide bombing at Kabul Airport in August 2021 killed 170 people.",
        "Suicide bomb",
        "a suicide bombing is Explosions: Suicide bomb, not an Attack",
    ),
    (
        "On 4 May 2020, the Ukrainian Forces fired IFVs and grenade launchers at the positions of the "
        "Donbass "
        "People's Militia in the area of Oleksandrivka, Donetsk.",
        "Shelling/artillery/missile attack",
        "grenade launchers are indirect fire, not hand grenades",
    ),
    (
        "On 3 May 2020, the Ukrainian Forces fired 120mm and 82mm mortars, heavy machine guns and small "
        "arms at the "
        "positions of the Donbass People's Militia.",
        "Armed clash",
        "shelling during a ground battle (small arms) is one Battles event: Battles outrank Explosions",
    ),
    (
        "Two Al Shabaab suspects arrested with explosive devices in Kitale town.",
        "Disrupted weapons use",
        "seized explosives: a disrupted weapons use, not an explosion",
    ),
    (
        "Defusal: Two bombs are discovered near a church in Huruma, Nairobi and were disabled before "
        "detonation.",
        "Disrupted weapons use",
        "the note's label names the sub-event",
    ),
    (
        "Gunmen abducted two teachers and later killed them near Mandera.",
        "Attack",
        "abducted then killed is an Attack (ranked above Abduction)",
    ),
    (
        "Suspected Al Shabaab militants kidnapped three aid workers in Dadaab.",
        "Abduction/forced disappearance",
        "kidnapping without killing",
    ),
    ("A 14-year-old girl was raped by a police officer in Kisumu.", "Sexual violence", "rape"),
    ("A grenade was hurled into a bar in Mombasa, injuring five people.", "Grenade", "a thrown grenade"),
    (
        "An IED planted on the road exploded under a KDF vehicle near Mandera.",
        "Remote explosive/landmine/IED",
        "a roadside bomb",
    ),
    (
        "Warplanes carried out an airstrike on a market in the town, killing 12 civilians.",
        "Air/drone strike",
        "an airstrike outranks other explosions",
    ),
    (
        "Police arrested a prominent opposition leader in Nairobi on 5 May 2019.",
        "Arrests",
        "an arrest outside a demonstration is a strategic development",
    ),
    (
        "Militants torched five houses in the village overnight.",
        "Looting/property destruction",
        "property destroyed without a crowd or casualties",
    ),
    (
        "Police shot dead three protesters with live ammunition during a demonstration in Kisumu.",
        "Excessive force against protesters",
        "lethal force against demonstrators",
    ),
    (
        "Teachers marched to parliament in Harare and soldiers fired bullets at them.",
        "Excessive force against protesters",
        "live fire at a demonstration that was not violent: excessive force (codebook)",
    ),
    (
        "Two students blocking the road in Conakry were seriously injured when gendarmes shot at them.",
        "Excessive force against protesters",
        "demonstrators seriously injured by state forces' shooting: excessive force (codebook)",
    ),
    (
        "Police fired rubber bullets to disperse traders protesting in Mombasa.",
        "Protest with intervention",
        "rubber bullets disperse a crowd: an intervention, not excessive force",
    ),
    (
        "Military forces took control of the village of Kitshanga after clashes with M23 rebels.",
        "Government regains territory",
        "state forces taking a place: the government regains territory, whatever the verb (codebook)",
    ),
    (
        "Russian troops captured the village of Robotyne after fighting with Ukrainian forces.",
        "Non-state actor overtakes territory",
        "forces named by their nationality may be a foreign state's: its taking is an overtaking (codebook)",
    ),
    (
        "Soldiers reoccupied the locality of Kibirizi after the rebels fled under fire.",
        "Government regains territory",
        "a place occupied again by state forces",
    ),
    (
        "Members of a vigilante group killed three herders in Zamfara.",
        "Attack",
        "a vigilante group is organised (a militia), not an unorganised mob: its killing is an Attack",
    ),
    (
        "Supporters of the Awami League and the BNP clashed in Kaliganj upazila over a land dispute.",
        "Mob violence",
        "clashes between party supporters are riots, not battles",
    ),
    (
        "Somali forces recaptured the town of Bulo Mareer from Al Shabaab.",
        "Government regains territory",
        "state forces retaking a town",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected", "why"), GOLDEN, ids=[g[1] + ":" + g[2][:30] for g in GOLDEN]
)
def test_golden_sub_event_type(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None, why
    assert typing.sub_event_type == expected, why
    assert typing.event_type == SUB_EVENT_PARENT[expected]
    assert typing.disorder_type == SUB_EVENT_DISORDER[expected]
    assert typing.trigger and typing.rule and 0 < typing.confidence <= 1


NON_EVENTS = [
    (
        "ISK shifted its strategy to urban warfare, resulting in 83 (2020), 353 (2021), and 217 (2022) "
        "attacks in "
        "Afghanistan, and in Pakistan's Khyber Pakhtunkhwa (KP) province.",
        "aggregate over years",
    ),
    (
        "According to ACLED, the IEA's General Directorate of Intelligence and Special Forces conducted a "
        "total of "
        "75 operations targeting ISK throughout 2022 and 2023.",
        "aggregate of operations",
    ),
    (
        "To lure Taliban fighters, IS-K has conducted attacks within and outside Afghanistan that "
        "undermine the "
        "Taliban's rule.",
        "generic statement",
    ),
    (
        "In addition to attacking the Taliban, the magazine also targets other jihadist leaders, notably Abu "
        "Muhammad al-Julani.",
        "propaganda content",
    ),
    (
        "Security experts warn that the group's messaging could further destabilize an already fragile "
        "Afghanistan.",
        "forecast",
    ),
    (
        "ISK's ultimate goal could include striking the U.S. homeland, although attacks in Europe were more "
        "probable.",
        "speculation",
    ),
    (
        "Externally, that means conducting attacks in Tajikistan, Iran, and Pakistan, as well as in Russia.",
        "habitual, no occurrence",
    ),
    ("The group threatened to attack government buildings in Kabul.", "threat"),
    ("Will the Taliban be able to contain ISKP?", "question"),
]


@pytest.mark.parametrize(("sentence", "why"), NON_EVENTS, ids=[n[1] for n in NON_EVENTS])
def test_non_events_return_none(sentence: str, why: str) -> None:
    assert classify_event(sentence) is None, why


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (NON_EVENTS[0][0], "aggregate"),
        (NON_EVENTS[2][0], "generic statement"),
        (NON_EVENTS[3][0], "propaganda or commentary"),
        ("What next?", "question"),
        (
            "On 8 May 2020, the OSCE SMM observed a total of 4 explosions involving unknown weapons near "
            "Luhanske.",
            None,
        ),
    ],
)
def test_non_event_reason_names_the_rule(sentence: str, reason: str | None) -> None:
    assert non_event_reason(sentence) == reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # a date's day or year before a plural event word counts nothing
        ("Lawyers marched in Kassala on 28 June 2022 and called for June 30 nationwide "
         "demonstrations.", None),
        ("Residents marched in Managua for the mothers of those killed during the 2018 protests.", None),
        ("Unions called for 2 February nationwide demonstrations.", None),
        # a real count still is an aggregate, also right after a date
        ("On 30 June 353 attacks were recorded across the country.", "aggregate"),
        ("Police recorded 1,200 protests nationwide last year.", "aggregate"),
        # a fire that ravaged or gutted something, with nobody who set it, is an accident
        ("A fire gutted the main market in Onitsha overnight.", "accident or disaster"),
        ("Rioters started a fire that destroyed the market.", None),
    ],
)
def test_a_date_is_no_count_and_a_fire_is_no_attack(sentence: str, reason: str | None) -> None:
    assert non_event_reason(sentence) == reason


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("In Madaripur, BNP members brought out a black-flag procession.", "Peaceful protest"),
        ("Activists brought out a procession in Sylhet against price hikes.", "Peaceful protest"),
        ("Devotees took out a religious procession in Patna.", None),
        ("They also demanded the release of jailed opposition leaders held in custody.", "Peaceful protest"),
        ("Police arrested five activists who demanded the release of prisoners.", "Arrests"),
        ("Hospital patients blocked (means unspecified) the main road in Kosti.", "Peaceful protest"),
        ("The regional offices of the party were ravaged by unknown men.", "Looting/property destruction"),
    ],
)
def test_processions_release_demands_and_ravaged_offices(sentence: str, sub_event_type: str | None) -> None:
    typing = classify_event(sentence)
    assert (typing.sub_event_type if typing else None) == sub_event_type


# Written in wire-news style (not quoted from a source): the held-out set has news snippets, so
# the rules must read news phrasing as well as ACLED's notes.
NEWS_STYLE = [
    (
        "Israeli airstrikes killed at least 20 people in Gaza City on Tuesday, health officials said.",
        "Air/drone strike",
    ),
    (
        "A suicide bomber blew himself up inside a mosque in Peshawar on Friday, killing 59 worshippers.",
        "Suicide bomb",
    ),
    (
        "Russian forces shelled the city of Kharkiv overnight, damaging several residential buildings.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Houthi rebels fired a ballistic missile at Saudi Arabia's Jazan province.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A roadside bomb struck a military convoy in Helmand, killing three soldiers.",
        "Remote explosive/landmine/IED",
    ),
    ("Gunmen stormed a village in Zamfara state and killed 30 residents.", "Attack"),
    (
        "Boko Haram insurgents abducted 276 schoolgirls from their dormitory in Chibok.",
        "Abduction/forced disappearance",
    ),
    ("Thousands of people marched through Santiago on Sunday demanding pension reform.", "Peaceful protest"),
    (
        "Police fired tear gas and water cannon to disperse protesters in Nairobi.",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on demonstrators in Khartoum, killing 12.",
        "Excessive force against protesters",
    ),
    ("Protesters set fire to a police station and looted shops in the city centre.", "Violent demonstration"),
    ("A mob lynched a man accused of blasphemy in Sialkot.", "Mob violence"),
    ("Government troops recaptured the town of Palma from insurgents.", "Government regains territory"),
    (
        "M23 rebels seized control of the town of Bunagana after heavy fighting.",
        "Non-state actor overtakes territory",
    ),
    ("Fighting broke out between the army and RSF in Khartoum.", "Armed clash"),
    ("Police arrested the opposition leader at his home in Kampala.", "Arrests"),
    ("Bomb disposal experts defused an explosive device found near the market.", "Disrupted weapons use"),
    ("The government and the rebels signed a ceasefire agreement in Doha.", "Agreement"),
    ("Workers went on strike at the port of Mombasa over unpaid wages.", "Peaceful protest"),
    ("The army said it killed 15 militants in an operation in North Waziristan.", "Armed clash"),
    ("Protesters blocked the highway with burning tyres.", "Violent demonstration"),
]


NEWS_STYLE += [
    (
        "Government helicopters dropped barrel bombs containing chlorine on Saraqeb, injuring dozens.",
        "Chemical weapon",
    ),
    ("The two armed factions announced their merger into a single coalition.", "Change to group/activity"),
    ("The military junta dissolved parliament and suspended the constitution.", "Other"),
    ("Hamas released four Israeli hostages in exchange for 200 Palestinian prisoners.", "Agreement"),
    ("A hand grenade was thrown into a crowd at a political rally, wounding 15 people.", "Grenade"),
    ("Rioters torched cars and looted shops after the verdict.", "Violent demonstration"),
    ("Villagers beat to death two men accused of stealing cattle.", "Mob violence"),
    ("A ceasefire between the army and the rebels came into effect on Monday.", "Agreement"),
    ("Two suicide bombers attacked a Shia mosque in Kunduz, killing 50.", "Suicide bomb"),
    ("Residents of Stari Grad protested against construction work in their area.", "Peaceful protest"),
    ("In May 2021 gunmen killed five villagers in Zamfara.", "Attack"),  # 'May' the month is no modal
    ("Al Shabaab fighters attack Fino, Mandera. Four police and one reservist killed.", "Armed clash"),
    ("Israeli forces arrested three Palestinians during a raid in Jenin camp.", "Arrests"),
    ("Police raided a radio station in Gulu and detained four presenters.", "Arrests"),  # harmless raid
    ("Soldiers raided a village, beat residents and arrested ten men.", "Attack"),  # the raid hurt people
    (
        "The Taliban took control of Kabul without resistance as government forces withdrew.",
        "Non-violent transfer of territory",
    ),
    ("Army troops retook the town of Mora without a fight.", "Non-violent transfer of territory"),
    (
        "Russian warplanes carried out airstrikes on the outskirts of Maarrat Misreen, Idleb.",
        "Air/drone strike",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), NEWS_STYLE, ids=[n[1] + ":" + n[0][:25] for n in NEWS_STYLE]
)
def test_news_style_sentences(sentence: str, expected: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected


NEWS_NON_EVENTS = [
    "Alongside government officials and security forces, ISK attacked minorities, rival clerics, "
    "and foreigners.",
    "Since its inception, it has featured ample content directly attacking the Islamic State as a whole.",
    "The UN said 1,200 civilians were killed in attacks across the country in 2022.",
    "The peace talks are expected to resume next week.",
    "The report says the number of protests doubled last year.",
    "Opposition leaders have vowed to hold mass demonstrations if the election is rigged.",
    "The president said the army would crush the rebels.",
    "Critics argue that the crackdown on protesters violates the constitution.",
    "The government banned all rallies ahead of the vote.",
    "Residents fear that the fighting will resume once the rainy season ends.",
    "Taliban fighters regularly detain journalists who criticise the regime.",
    "The militant group released a video threatening further attacks.",
    "Human rights groups have documented hundreds of killings since the coup.",
]


@pytest.mark.parametrize("sentence", NEWS_NON_EVENTS, ids=[n[:40] for n in NEWS_NON_EVENTS])
def test_news_style_non_events(sentence: str) -> None:
    assert classify_event(sentence) is None


def test_context_supplies_the_protest_for_a_police_response() -> None:
    typing = classify_event("Police fired teargas to disperse them.", context="Traders protested in Nakuru.")
    assert typing is not None and typing.sub_event_type == "Protest with intervention"
    assert (
        classify_event("Police fired teargas to disperse them.") is None
        or classify_event("Police fired teargas to disperse them.").event_type != "Protests"
    )


# ---------------------------------------------------------------- real data: regression floors
DATA = Path(__file__).resolve().parents[1] / "data"
RAW = Path(__file__).resolve().parents[2] / "raw"
SAMPLES = sorted(DATA.glob("acled_*_sample.csv"))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“])", text) if s.strip()]


def _notes(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if row.get("notes") and row.get("event_type")]


def _all_sentences() -> list[str]:
    sentences = [s for path in SAMPLES for row in _notes(path) for s in _sentences(row["notes"])]
    return sentences + [s for path in sorted(RAW.glob("*.txt")) for s in _sentences(path.read_text("utf-8"))]


def _first_event(note: str):
    parts = _sentences(note)
    for k, sentence in enumerate(parts):
        typing = classify_event(sentence, " ".join(parts[:k] + parts[k + 1 :]))
        if typing:
            return sentence, typing
    return note, None


# Floors a little under the accuracy measured on these samples (rows, so a monadic file's second
# rows count against actor1): a regression guard; targets are measured by bench/score_typing_actors.py.
FLOORS = {
    "acled_2020_other_regions_sample.csv": (0.92, 0.89, 0.76),
    "acled_bangladesh_2022_2024_sample.csv": (0.89, 0.85, 0.73),
    "acled_kenya_1997_2019_sample.csv": (0.77, 0.74, 0.65),
}


@pytest.mark.parametrize("path", [p for p in SAMPLES if p.name in FLOORS], ids=lambda p: p.name)
def test_accuracy_on_real_acled_notes_stays_above_floor(path: Path) -> None:
    rows = _notes(path)
    hits = [0, 0, 0]
    actors = load_actor_dictionary()
    for row in rows:
        sentence, typing = _first_event(row["notes"])
        if typing is None:
            continue
        assigned = find_actors(sentence, typing, row["country"], date(int(row["year"]), 6, 15), actors)
        hits[0] += typing.event_type == row["event_type"]
        hits[1] += typing.sub_event_type == row["sub_event_type"]
        hits[2] += assigned.actor1.split("(")[0].strip() == row["actor1"].split("(")[0].strip()
    accuracy = [h / len(rows) for h in hits]
    assert all(a >= floor for a, floor in zip(accuracy, FLOORS[path.name], strict=True)), accuracy


def test_seed_articles_rarely_yield_events() -> None:
    """The seed articles are mostly analysis and propaganda descriptions: few sentences are events."""
    sentences = [s for path in sorted(RAW.glob("*.txt")) for s in _sentences(path.read_text("utf-8"))]
    typed = [s for s in sentences if classify_event(s)]
    assert sentences and len(typed) / len(sentences) < 0.1


def test_has_trigger_never_drops_an_event_sentence() -> None:
    missed = [s for s in _all_sentences() if classify_event(s) and not has_trigger(s)]
    assert missed == []


def test_cue_gates_never_hide_a_match() -> None:
    """The word-stem gates are only a speed-up: a cue that matches always passes its gate."""
    hidden = [
        (name, s)
        for s in _all_sentences()
        for name, gate in CUE_GATES.items()
        if CUES[name].search(s) and word_prefixes(s.casefold()).isdisjoint(gate)
    ]
    assert hidden == []


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("Gunmen threatened to kill the chief.", set(), {"attack"}),
        ("Police could arrest the leaders.", set(), {"arrests"}),
        ("The attacks in 2021 were deadly.", set(), {"attack", "assault"}),
        ("Al Shabaab attacks Mandera, killing four quarry workers.", {"attack"}, set()),
        # a day's possessive dates one occurrence; another possessive stays a reference
        ("The toll from Sunday's bombing of a market rose to 40.", {"ied"}, set()),
        ("The group's bombing of markets drew condemnation.", set(), {"ied"}),
    ],
)
def test_hedged_and_nominal_triggers_do_not_count(sentence: str, present: set, absent: set) -> None:
    cues = find_cues(sentence)
    assert present <= cues.keys() and not (absent & cues.keys())


# ---------------------------------------------------------------- second wave: confusions and misses
@pytest.mark.parametrize(
    ("sentence", "expected", "why"),
    [
        (
            "In 2023, Tajik and Uzbek nationals were arrested in a series of operations in Austria and "
            "Germany "
            "in December, reportedly planning to conduct attacks on behalf of ISK.",
            "Arrests",
            "'a series of operations' says how the arrests were made, it is no aggregate",
        ),
        (
            "Following the January 3, 2024, attack in Kerman, Iran, the cells involved were linked to ISK.",
            "Attack",
            "a bare 'attack' pinned to a day and a place reports one (subordinate mention of a real attack)",
        ),
        (
            "Two months later, on May 20, this attack was followed by a third attack in the Taliban's "
            "spiritual "
            "capital, Kandahar, targeting police forces, as per al-Muhajir's strategy.",
            "Armed clash",
            "a dated attack on police is an event even in a sentence about strategy",
        ),
        (
            "On 1 May 2020, the OSCE SMM observed a total of 87 projectiles/explosions involving unknown "
            "weapons "
            "in both directions of the frontline near Zaitseve.",
            "Armed clash",
            "fire in both directions is two sides exchanging fire: Battles outrank Shelling",
        ),
        (
            "On 6 May 2024, students and teachers of Dhaka university burned effigy of Israel's PM and "
            "staged a "
            "protest on campus.",
            "Peaceful protest",
            "burning an effigy is a peaceful protest act",
        ),
        (
            "On 12 February 2023, students staged a human chain protest at the highway over the prior "
            "killing "
            "of a student in a clash with other students.",
            "Peaceful protest",
            "a clash named in the grievance ('in a clash') is another event",
        ),
        (
            "Several people were injured after demonstrators protesting against a roadside court in Embu "
            "town "
            "clashed with police.",
            "Violent demonstration",
            "the grievance ends where the crowd's own act begins",
        ),
        (
            "On 29 July 2023, members of Awami League assaulted the members of BNP using sticks in Gabtoli "
            "area, Dhaka city, during BNP's demonstration demanding resignation of the government.",
            "Protest with intervention",
            "demonstrators attacked by others during their demonstration",
        ),
        (
            "A NASA senatorial aspirant is attacked by a crowd and deeply cut by a machete.",
            "Mob violence",
            "violence whose agent is a crowd is mob violence",
        ),
        (
            "Two groups of demonstrators in Kilifi clashed outside the police station over the governor.",
            "Mob violence",
            "two crowds fighting each other is mob violence, not a demonstration",
        ),
        ("SLDF attacks civilians at Endebess.", "Attack", "an acronym subject makes 'attacks' a verb"),
        (
            "As reported on 28 April 2020, in Ciudad Victoria, members of the Gulf Cartel delivered boxes "
            "with "
            "food to families as a financial help.",
            "Change to group/activity",
            "an armed group's non-violent activity",
        ),
        (
            "On 7 May 2020, in Barquisimeto, Lara state, 90 Venezuelan migrants returned from Ecuador.",
            "Other",
            "a counted group of migrants moving is ACLED's 'Other'",
        ),
        (
            "On 4 May 2020, around 150 merchants gathered in the City Hall to demand the reopening of shops.",
            "Peaceful protest",
            "a crowd gathered somewhere to demand something",
        ),
        (
            "Residents blocked the Mombasa-Lunga Lunga road on Friday after one person died in an accident "
            "involving two matatus.",
            "Peaceful protest",
            "an accident as the grievance of a crowd does not make the crowd's act a mishap",
        ),
        ("Muslims attack a group of Christians on a mission trip.", "Attack", "'attack' with an object"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_second_wave_typing(sentence: str, expected: str, why: str) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == expected, why


@pytest.mark.parametrize(
    "sentence",
    [
        "But now increasingly concerning is the potential for a coordinated attack here in the homeland, "
        "akin "
        "to the ISIS-K attack we saw at the Russia Concert Hall a couple weeks ago.",
        "An attack in Paris would be devastating.",
        "Over the past decade, millions of residents have fled the region.",
        "Opposition leaders attack the budget.",
        "Heavy rains killed 12 people in floods in Mombasa.",
        "A bus crash killed 10 passengers on the highway.",
        "The court sentenced the man to death for murder.",
        "The minister shot down the proposal on Tuesday.",
        "The striker attacked the goal twice in the second half.",
    ],
)
def test_forecasts_comparisons_mishaps_and_idioms_are_not_events(sentence: str) -> None:
    assert classify_event(sentence) is None


# ---------------------------------------------------------------- speed-ups never change a result
def test_folded_patterns_match_like_ignorecase_regexes() -> None:
    """Cues run case-sensitively on lowercased text: same spans as the IGNORECASE regex."""
    sentences = _all_sentences() + ["İstanbul police teargassed protesters in Kadıköy."]
    folded = {name: p for name, p in CUES.items() if isinstance(p, FoldedPattern)}
    assert len(folded) > 20
    for name, pattern in folded.items():
        for s in sentences:
            fast = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(s)]
            slow = [(m.start(), m.end(), m.group(0)) for m in pattern.ignorecase.finditer(s)]
            assert fast == slow, (name, s)


@pytest.mark.parametrize(
    ("pattern", "factored"),
    [
        (r"\bab|\bcd\b", r"\b(?:ab|cd\b)"),
        (r"\bab|cd", r"\bab|cd"),
        (r"\b(?:a|b)|\b[|]x", r"\b(?:(?:a|b)|[|]x)"),
        (r"\bone", r"\bone"),
        (r"\ba|\bb|\(c\)|\bd|\be", r"\b(?:a|b)|\(c\)|\b(?:d|e)"),  # each run on its own
        (r"x|\ba|\bb", r"x|\b(?:a|b)"),
        (r"\ba|y|\bb", r"\ba|y|\bb"),  # runs of one: unchanged
    ],
)
def test_factor_boundary_factors_each_run_of_bounded_alternatives(pattern: str, factored: str) -> None:
    assert factor_boundary(pattern) == factored


def test_factored_runs_find_the_same_matches() -> None:
    """A run factored apart from an unbounded alternative keeps the order the alternatives are
    tried in: the same spans, here with a bracket alternative that can start where a run can."""
    pattern = r"\bin (?:19|20)\d\d\b|\((?:19|20)\d\d\)|\b(?:a|in) total\b|\bsince\b|\(|\bin\b"
    factored = factor_boundary(pattern)
    assert factored != pattern
    for s in [*_all_sentences(), "In total (2021) in 2020 since (in a total) x(in total)"]:
        expected = [m.span() for m in re.finditer(pattern, s, re.IGNORECASE)]
        assert [m.span() for m in re.finditer(factored, s, re.IGNORECASE)] == expected, s


def test_word_cache_gating_agrees_with_prefix_gating() -> None:
    for s in _all_sentences():
        folded = s.casefold()
        prefixes = word_prefixes(folded)
        expected = {name for name, gate in CUE_GATES.items() if not prefixes.isdisjoint(gate)}
        assert gated_cues(folded) == expected, s


# Not ACLED material (issue 9, item 6): ordinary crime, industrial accidents, counts over a period.
@pytest.mark.parametrize(
    ("sentence", "reason", "why"),
    [
        (
            "Thieves broke into a warehouse in Lilongwe overnight and made off with bags of fertiliser.",
            "crime without a political actor",
            "theft with no political actor and no violence",
        ),
        (
            "On 14 February 2022, in Eldoret town (Uasin Gishu), police arrested two men for selling "
            "counterfeit maize seed to farmers.",
            "crime without a political actor",
            "an arrest for an ordinary offence is no Arrests event",
        ),
        (
            "An explosion at a fertiliser factory in Chittagong killed four workers on Tuesday; the fire "
            "service blamed a faulty boiler.",
            "accident or disaster",
            "an industrial accident: nobody caused it",
        ),
        (
            "On 30 March 2023, in Kolwezi (Lualaba), an artisanal mine collapsed, killing 8 miners.",
            "accident or disaster",
            "a mine collapse",
        ),
        (
            "Since 2019, more than 3,000 people have been abducted by armed groups in northwest Nigeria.",
            "aggregate",
            "a count over years",
        ),
        (
            "The monitoring group said it recorded 87 protests in Pakistan in March.",
            "aggregate",
            "a monitor's tally",
        ),
        (
            "On 27 July 2020, several people threw rocks at the police in North Jakarta when the police were "
            "arresting an alleged thief.",
            None,
            "a crowd's violence around a theft is still an event (mob violence)",
        ),
        (
            "Armed robbers shot dead a shopkeeper in Kano on Monday.",
            None,
            "violent crime stays an event, as ACLED codes it",
        ),
    ],
)
def test_crime_accidents_and_tallies_are_no_events(sentence: str, reason: str | None, why: str) -> None:
    assert non_event_reason(sentence) == reason, why


# Codebook (issue 9, item 5): an organised armed group attacking a post, convoy or patrol is a
# Battle whether or not the report mentions return fire; an off-duty soldier is an unarmed victim.
@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("On 3 May 2021, Al Shabaab militants attacked a police post in Mandera, killing two officers.",
         "Armed clash"),
        ("On 3 May 2021, gunmen ambushed an army convoy near Diffa, killing five soldiers.", "Armed clash"),
        ("On 3 May 2021, JNIM fighters attacked a military patrol near Djibo.", "Armed clash"),
        ("On 3 May 2021, militants shot dead an off-duty soldier in Peshawar.", "Attack"),
        # the word after the armed one decides: an informant or a soldier's wife fights no one
        ("On 3 May 2021, gunmen shot dead a police informant in Kisumu.", "Attack"),
        ("On 3 May 2021, gunmen shot dead an army wife in Kisumu.", "Attack"),
        ("On 3 May 2021, gunmen shot dead a police officer in Kisumu.", "Armed clash"),
    ],
)
def test_an_attack_on_an_armed_post_convoy_or_patrol_is_an_armed_clash(
    sentence: str, sub_event_type: str
) -> None:
    typing = classify_event(sentence)
    assert typing is not None and typing.sub_event_type == sub_event_type


def test_people_captured_near_a_base_are_no_territory_taken() -> None:
    """The codebook's territory types are about a location: the place must be what was captured,
    not a word further on ('captured two soldiers near the army base')."""
    typing = classify_event("Militants captured two soldiers near the army base of Tessit.")
    assert typing is None or typing.sub_event_type != "Non-state actor overtakes territory"
    taken = classify_event("JNIM militants overran the military camp of Boulkessi.")
    assert taken is not None and taken.sub_event_type == "Non-state actor overtakes territory"


def test_a_vehicle_that_plunged_into_a_ravine_is_an_accident() -> None:
    assert non_event_reason("A bus plunged into a ravine in Himachal Pradesh, killing 12 passengers.") == (
        "accident or disaster"
    )
    assert non_event_reason("Gunmen forced a bus off the road and killed 12 passengers in Kohistan.") is None
