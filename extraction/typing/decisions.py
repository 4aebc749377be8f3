"""The decision procedure: ACLED's precedence over the cue families of one sentence.

Disrupted weapons use, demonstrations (extraction.typing.crowds), battles, explosions, violence
against civilians and strategic developments are tried in that order; the first decider that
fires wins, following the codebook's ranking (Battles above Explosions, a protest that turns
violent is a Riot, a person abducted and then killed is an Attack).
"""

from __future__ import annotations

import re

from extraction.typing.assertion import (
    _AT_PLACE,
    _CIV_VICTIM_AFTER,
    _CONCRETE_OBJECT,
    _DETERMINER_BEFORE,
    _SPECIFIC_DAY,
    _STRONG_ATTACK,
    _VERB_AFTER,
    _WEAK_ATTACK,
    _hedged_at,
    _is_nominal,
    _unhedged,
)
from extraction.typing.crowds import (
    _ARMED_COMMUNITY,
    _COMMUNAL_FIGHT,
    _RIVAL_GROUPS,
    Decision,
    _demonstration_decision,
)
from extraction.typing.cues import ARMED_TARGET, NOTE_PREFIX, NOTE_PREFIXES
from extraction.typing.patterns import Match, rx
from extraction.typing.territory import STATE, taker
from extraction.typing.vocabulary import DECISION_WORDS_FILE, Rank, packaged_ranks, packaged_word_lists

__all__ = ["NO_FIGHTING", "Decision", "decide"]

# The plain word lists of the deciders are data (typing/data/decision_words.toml, with examples).
_WORDS = packaged_word_lists(DECISION_WORDS_FILE)


def _prefix_decision(sentence: str) -> Decision | None:
    match = NOTE_PREFIX.match(sentence)
    if match and match.group(1).strip().casefold() in NOTE_PREFIXES:
        return NOTE_PREFIXES[match.group(1).strip().casefold()], "note prefix", "prefix"
    return None


_COMMENTARY = rx(r"\baccus\w*|\bnarrative\b|\bclaim(?:s|ed)? that\b|[\"“”]|\bwhole lives\b|\bonce\b")
_WEAK_CLASH = frozenset(_WORDS.words["weak_clash"])


_PEACEFUL_TRANSFER = rx(
    r"\bwithout (?:" + _WORDS.alternation("without") + r")\b|\bpeacefully\b|\bhanded over\b"
)
# A report that says no fighting took place (or that nothing is known of any): the codebook's
# non-violent transfer, whoever takes the place ('retook X. No confrontation was reported.').
NO_FIGHTING = rx(
    r"\bwithout (?:a |any )?(?:fight(?:ing)?|resistance|a shot|battle|violence|bloodshed"
    r"|(?:armed )?(?:confrontation|clash(?:es)?|combat))\b"
    r"|\bno (?:armed )?(?:" + _WORDS.alternation("no_fight") + r")"
    r" (?:was |were |has been |had been )?(?:" + _WORDS.alternation("happened") + r")\b"
    r"|\bno (?:" + _WORDS.alternation("no_news") + r") (?:on|of|about|as to) (?:whether )?(?:any )?"
    r"(?:fighting|clash(?:es)?|confrontations?|combat|resistance)\b"
)


# A place its holders had left ('captured an abandoned camp'): taken without fighting.
_ABANDONED = rx(
    r"\b(?:abandoned|unguarded|deserted|vacated|empty)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:camps?|encampments?|bases?|positions?|posts?|hideouts?|villages?|towns?|strongholds?)\b"
)


# An armed side's member attacked when not fighting is a civilian target (ACLED codes Attack).
_UNARMED_TARGET = rx(
    r"\b(?:civilian|former|retired)\s+(?:[\w-]+\s+){0,2}?(?:" + _WORDS.alternation("armed_members") + r")\b"
    r"|\b(?:police|army|military) (?:informants?|spokesm[ae]n|wi(?:fe|ves)|famil(?:y|ies))\b"
)
_OFF_DUTY = rx(r"\boff-?duty\b")
# The armed-target match ends at its armed word ('shot dead a police'): the window reaches a word
# past it, so 'a police informant' and 'an army wife' are read as the unarmed people they are.
_KIN_REACH = 12
# A gang member or drug trafficker shot by others: violence between armed criminal groups.
_ARMED_VICTIM = rx(
    r"\b(?:an?|one|two|three|the) (?:alleged |suspected |presumed |known )?(?:[\w-]+ )?"
    r"(?:drug (?:dealers?|traffickers?)"
    r"|gang ?members?|cartel members?|gangsters?|members? of (?:an? |the )?(?:rival )?(?:gang|cartel"
    r"|criminal (?:group|gang|organi[sz]ation)))\s+(?:[\w-]+\s+){0,4}?(?:was|were)\s+(?:\w+\s+)?"
    r"(?:" + _WORDS.alternation("victim_harm") + r")\b"
    r"|\b(?:killed|shot|attacked|murdered) by (?:\w+ )?rival gang"
    r"|\b(?:attacked|shot|killed|stabbed|murdered|shot and killed|shot dead) (?:an?|one|two|the) (?:alleged "
    r"|suspected |presumed |known )?(?:drug (?:dealers?|traffickers?)|gang ?members?|members? (?:of|from) "
    r"(?:an? |the )?(?:rival )?(?:gang|cartel|criminal))"
)


def _battle_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Battles: two armed, organised sides. Ranked regains > overtakes > armed clash."""
    territory = _territory_decision(cues, sentence)
    if territory:
        return territory
    if _unorganised_rivals(cues, sentence):
        return "Mob violence", "rival groups of civilians fighting", "clash"
    weak = cues.get("clash") is not None and cues["clash"].group(0).casefold() in _WEAK_CLASH
    if "clash" in cues and (
        not weak
        or _COMMUNAL_FIGHT.search(sentence)
        or re.search(r"\bbetween\b", sentence)
        or ("armed_side" in cues and not _COMMENTARY.search(sentence))
    ):
        return "Armed clash", "clash between armed groups", "clash"
    if "clash" in cues and "armed_side" not in cues and _RIVAL_GROUPS.search(sentence):
        return "Mob violence", "rival groups fighting", "clash"  # 'CNL and CNDD-FDD fought each other'
    if _ARMED_VICTIM.search(sentence) and ("attack" in cues or "assault" in cues) and not _explosive(cues):
        return "Armed clash", "armed group member attacked", "attack" if "attack" in cues else "assault"
    if "armed_side" not in cues or _explosive(cues):
        return None
    target = next(
        (
            m
            for m in ARMED_TARGET.finditer(sentence)
            if not _nominal_target(sentence, m) and not _hedged_at(sentence, m.start())
        ),
        None,
    )
    if target and not _unarmed_target(sentence, target):
        return "Armed clash", "attack on armed actors", "assault" if "assault" in cues else "armed_side"
    return None


def _territory_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """A place taken: without fighting a transfer; a recapture is the government's; a capture is
    an armed group's unless state forces are named as its taker (typing.territory)."""
    territory = "regains" in cues or "overtakes" in cues
    if territory and _ABANDONED.search(sentence):  # nobody held it: nobody fought for it
        cue = "transfer" if "transfer" in cues else "regains" if "regains" in cues else "overtakes"
        return "Non-violent transfer of territory", "abandoned place taken", cue
    if territory and ("armed_side" in cues or "transfer" in cues) and NO_FIGHTING.search(sentence):
        cue = "regains" if "regains" in cues else "overtakes"
        return "Non-violent transfer of territory", "territory taken without fighting", cue
    # fighting reported with the taking says armed sides took part, named or not ('following
    # clashes, the place was retaken')
    armed = "armed_side" in cues or "clash" in cues
    if "regains" in cues and armed:  # 'retook' by an armed group measured GRT too
        return "Government regains territory", "recapture", "regains"
    if "overtakes" in cues and "transfer" in cues and _PEACEFUL_TRANSFER.search(sentence):
        return "Non-violent transfer of territory", "territory taken without fighting", "transfer"
    if "overtakes" in cues and armed:
        if taker(sentence, cues["overtakes"]) == STATE:
            return "Government regains territory", "capture by state forces", "overtakes"
        return "Non-state actor overtakes territory", "capture of territory", "overtakes"
    return None


# Groups said to be armed, or fighting over herds and pasture, are organised (communal) militias.
_ARMED_OR_PASTORAL = rx(r"\barmed\b|\b(?:" + _WORDS.alternation("pastoral") + r")\b")
# Who the rival groups are: civilians or party supporters, not just 'two groups'.
_CIVILIAN_GROUP = rx(r"\b(?:" + _WORDS.alternation("civilian_groups") + r")\b")


def _unorganised_rivals(cues: dict[str, Match], sentence: str) -> bool:
    """'two groups of villagers clashed', 'rival supporters fought': groups of civilians or party
    supporters fighting each other are rioters (Mob violence), not organised armed groups, even
    with guns; clan or ethnic fighters and named armed actors stay Battles."""
    return (
        "clash" in cues
        and "armed_side" not in cues
        and ("crowd" in cues or "partisan" in cues)
        and _RIVAL_GROUPS.search(sentence) is not None
        and _ARMED_COMMUNITY.search(sentence) is None
        and _ARMED_OR_PASTORAL.search(sentence) is None
        and _CIVILIAN_GROUP.search(sentence) is not None
    )


def _unarmed_target(sentence: str, match: Match) -> bool:
    """'shot dead a civilian school guard', 'a former military officer was shot', an off-duty
    soldier: the armed word names no one fighting back."""
    return bool(
        _UNARMED_TARGET.search(sentence[max(0, match.start() - 12) : match.end() + _KIN_REACH])
        or _OFF_DUTY.search(sentence)
    )


def _nominal_target(sentence: str, match: Match) -> bool:
    verb = re.compile(r"[\w-]+").match(sentence, match.start())
    return verb is not None and _is_nominal(sentence, verb)


def _explosive(cues: dict[str, Match]) -> bool:
    return any(n in cues for n in ("chemical", "air", "suicide", "shelling", "ied", "grenade", "explosion"))


# ACLED's precedence among the explosive cues: data (typing/data/ranks.toml [[explosion]]).
_EXPLOSION_RANK: Rank = packaged_ranks().ranks["explosion"]


_THROWN = rx(r"\b(?:threw|thrown|throwing|throws?|hurled|hurling|hurls?|lobbed|tossed)\b")
_ABOVE_GRENADE = ("chemical", "air", "suicide", "shelling")


def _explosion_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """The highest-ranked explosive cue names the type; a bomb thrown by hand is the codebook's
    Grenade, though the bomb word alone reads as a remote explosive."""
    grenade = cues.get("grenade")
    if grenade and _THROWN.match(grenade.group(0)) and not any(c in cues for c in _ABOVE_GRENADE):
        return "Grenade", "thrown bomb", "grenade"
    for cue, sub_event in _EXPLOSION_RANK:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    return None


def _weak_attack_on_people(cues: dict[str, Match], sentence: str) -> bool:
    """A weak trigger ('attack', 'shot', 'raid') counts with an armed side or an abduction, or with
    people named as its target; a bare 'attack' needs people as its object ('attack villagers',
    'an attack on farmers'): 'opposition leaders attack the budget' is criticism."""
    if {"abduction", "armed_side"} & cues.keys():
        return True
    victim, trigger = cues.get("civ_victim"), cues["attack"]
    if victim is None:
        return False
    if trigger.group(0).casefold() not in ("attack", "attacks"):
        return True
    return _object_victim(sentence, trigger.end())  # people only as the subject: criticism


_OBJECT_GAP = 25  # 'attack two unarmed villagers': the object follows within a few words
_NOT_OBJECT = re.compile(r"\b(?:as|of|for|over|about)\b")


def _object_victim(sentence: str, after: int) -> bool:
    """People as the object of 'attack', not people further on ('attack the budget as a
    betrayal of farmers' criticises a budget)."""
    victim = _CIV_VICTIM_AFTER.search(sentence, after)
    if victim is None or victim.start() - after > _OBJECT_GAP:
        return False
    return not _NOT_OBJECT.search(sentence[after : victim.start()])


def _attack_reported(match: Match, sentence: str) -> bool:
    """A bare 'attack' reports one when it is a verb with an object ('assailants attack Pandanguo
    location') or a noun pinned to a place and a day ('the January 3, 2024, attack in Kerman')."""
    # 'Matheniko raid Turkana cattle': a community's raid on a named people or place is an attack
    if match.group(0).casefold() not in ("attack", "attacks", "attacked", "raid", "raids", "raided"):
        return False
    determined = _DETERMINER_BEFORE.search(sentence[max(0, match.start() - 25) : match.start()])
    if _VERB_AFTER.match(sentence, match.end()) and not determined:
        # a concrete target: a named place or group, people, or a place named after it
        return bool(_CONCRETE_OBJECT.match(sentence, match.end()) or _AT_PLACE.search(sentence, match.end()))
    return bool(_AT_PLACE.match(sentence, match.end()) and _SPECIFIC_DAY.search(sentence))


_RAID_WORDS = frozenset(_WORDS.words["raid_words"])
_HARM = rx(r"\bkill\w*|\bdead\b|\bdied\b|\bshot\b|\bhurt\b|\bbeat\w*|\bcasualt")
_SEIZED = rx(r"\b(?:" + _WORDS.alternation("seized") + r")\b")


def _property_raid(cues: dict[str, Match], sentence: str) -> bool:
    """A raid that seizes property ('raided the offices ... and seized computers') with nobody
    killed, hurt or beaten: ACLED codes the seizure (Looting/property destruction), not an Attack."""
    return ("seizure" in cues or _SEIZED.search(sentence) is not None) and _harmless_raid(cues, sentence)


def _harmless_raid(cues: dict[str, Match], sentence: str) -> bool:
    """A raid ('raided', 'stormed') with nobody killed, hurt or beaten: what it did decides the
    event (the detentions of 'raided the offices and detained six journalists' are Arrests)."""
    return (
        "attack" in cues
        and cues["attack"].group(0).casefold() in _RAID_WORDS
        and _unhedged(_STRONG_ATTACK, sentence) is None
        and _HARM.search(sentence) is None
    )


def _civilian_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Violence against civilians, ranked sexual violence > attack > abduction."""
    if "sexual" in cues:
        return "Sexual violence", "sexual violence", "sexual"
    weak = "attack" in cues and cues["attack"].group(0).casefold() in _WEAK_ATTACK
    if "arrests" in cues and (weak or _harmless_raid(cues, sentence)):
        return None  # a raid to arrest people is an Arrests event
    if _property_raid(cues, sentence):
        return None  # a raid that seizes property and hurts no one: Looting/property destruction
    if "agreement" in cues and not ({"attack", "sexual"} & cues.keys()):
        return None  # hostages released in an exchange: an Agreement, not an abduction
    if "attack" in cues and (
        not weak or _weak_attack_on_people(cues, sentence) or _attack_reported(cues["attack"], sentence)
    ):
        return "Attack", "violence against unarmed people", "attack"
    if "abduction" in cues:
        return "Abduction/forced disappearance", "abduction", "abduction"
    return None


# ... and among the strategic-development cues (ranks.toml [[strategic]]).
_STRATEGIC_ORDER: Rank = packaged_ranks().ranks["strategic"]


# word starts of the destruction cue's match ('vandalised', 'set ablaze'), not whole words
_PROPERTY_DAMAGE = re.compile(_WORDS.alternation("property_damage"), re.IGNORECASE)


def _strategic_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    if _property_raid(cues, sentence):
        return "Looting/property destruction", "raid seizing property", "attack"
    for cue, sub_event in _STRATEGIC_ORDER:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    damage = cues.get("destruction")
    if damage and "civ_victim" in cues and _PROPERTY_DAMAGE.match(damage.group(0)):
        return "Looting/property destruction", "property destruction", "destruction"
    return None


_DEFUSED = r"\b(?:" + _WORDS.alternation("defused") + ")"  # word starts: 'defused', 'defusing'


def _disrupted_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """A seized bomb or foiled attack: nothing went off and nobody was hurt."""
    if "disrupted" in cues and not ({"attack", "clash", "explosion"} & cues.keys()):
        return "Disrupted weapons use", "weapons seized or defused", "disrupted"
    if "disrupted" in cues and re.search(_DEFUSED, sentence, re.IGNORECASE):
        return "Disrupted weapons use", "weapons defused", "disrupted"
    return None


_DECIDERS = (
    _disrupted_decision,
    _demonstration_decision,
    _battle_decision,
    _explosion_decision,
    _civilian_decision,
    _strategic_decision,
)
_CONFIDENCE = {
    "note prefix": 0.9,
    "protest": 0.8,
    "clash between armed groups": 0.75,
    "attack on armed actors": 0.6,
    "violence against unarmed people": 0.7,
}


def decide(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Apply the deciders in ACLED's precedence order; the first one that fires wins."""
    for decider in _DECIDERS:
        decision = decider(cues, sentence)
        if decision:
            return decision
    return None
