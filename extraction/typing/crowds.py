"""Demonstration decisions: protests, riots and mob violence, from the cues of one sentence.

ACLED ranks a crowd's outcomes riot > excessive force > intervention > peaceful protest, and codes
crowd violence outside a demonstration as Mob violence. The deciders here return a Decision or
None; extraction.typing.decisions applies them in the codebook's order with the other families.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.typing.assertion import _WEAK_ATTACK
from extraction.typing.names import packaged_actor_names
from extraction.typing.patterns import Match, rx
from extraction.typing.vocabulary import CROWD_WORDS_FILE, packaged_word_lists

Decision = tuple[str, str, str]  # (sub_event_type, rule name, cue name whose match is the trigger)

# The words the crowd grammar is built around are data (typing/data/crowd_words.toml, with examples).
_WORDS = packaged_word_lists(CROWD_WORDS_FILE)

_PERPETRATOR = rx(r"\b(?:" + _WORDS.alternation("perpetrators") + r")\b")
_COMMUNAL_FIGHT = rx(r"\b(?:" + _WORDS.alternation("communal_fight") + r")\b")
# Communal fighters (clan militias, raiders, warriors), not a 'community' named as a victim or a crowd.
_ARMED_COMMUNITY = rx(r"\b(?:" + _WORDS.alternation("communal_fighters") + r")\b")
_CROWD_ACTS = ("crowd_weapons", "destruction", "clash", "attack")


_RIVAL_GROUPS = rx(
    r"\b(?:" + _WORDS.alternation("rival_sides") + r") (?:political )?(?:"
    + _WORDS.alternation("rival_groups")
    + r")\b|\bsupporters of\b[^.]{0,60}\b(?:and"
    r"|with)\b[^.]{0,40}\b(?:supporters|those|"
    r"activists|members)\b|\beach ?other\b|\bwith those of\b|\bbetween (?:the )?supporters\b|\brivals\b"
)
_AGAINST_STATE = rx(
    r"\b(?:" + _WORDS.alternation("fought_state") + r")\s+"
    r"(?:\w+\s+){0,3}?(?:with|at|on)?\s*(?:the\s+)?(?:"
    + _WORDS.alternation("state_side")
    + "|"
    + packaged_actor_names().state_forces
    + r")\b"
)
_DEMO_ACTS = rx(
    r"\bbarricad\w*|\bbonfires?\b|\bburn(?:ed|t|ing) (?:car )?(?:tyres|tires)\b"
    r"|\brunning battles?\b"
    r"|\bpolice (?:line|barrier|cordon)s?\b"
)
_PROTESTERS_ATTACKED = rx(
    r"\b(?:" + _WORDS.alternation("set_upon") + r")\w*\s+(?:and\s+\w+\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:" + _WORDS.alternation("protesters") + r")"
    # 'AL members assaulted BNP members ... during BNP's demonstration': the victims are demonstrating
    r"|\b(?:" + _WORDS.alternation("hurt") + r")\w*\b[^.;]{0,120}\b(?:during|at) (?:the |their |a "
    r"|an )?(?:[\w'’-]+ ){0,2}"
    r"(?:" + _WORDS.alternation("demonstrations") + r")\b"
    r"|\b(?:" + _WORDS.alternation("hurt") + r")\w*\b[^.;]{0,80}\bas they were (?:"
    + _WORDS.alternation("protesting")
    + r")\b"
)
_SUPPORTERS = rx(r"\bsupporters of\b")
_VICTIM_SIDE = rx(r"\b(?:was|were|died|dead)\b")  # 'three people died and were found wrapped'
_LIGHT_VERB = rx(r"(?:" + _WORDS.alternation("light_verbs") + r")\b")
_DISPERSAL = rx(_WORDS.alternation("dispersal"))  # word starts: 'dispersed', 'teargas', 'batons'
# The same dispersal anywhere in the sentence, when the intervention cue matched its agent first
# ('police have used tear gas to disperse crowds'): whole words only, 'gas' alone is no dispersal.
_DISPERSAL_WORDS = rx(r"\b" + r"\b|\b".join(_WORDS.words["dispersal_words"]) + r"\b")
# A crowd reported as gathering: police acting on it (beating, arresting) is acting on an assembly.
# Violence reported beside a dispersal: the police broke up a fight or an attack, not an assembly.
_VIOLENCE_CUES = frozenset({"clash", "attack", "assault", "destruction", "mob", "looting"})
_GATHERING = rx(r"\b(?:" + _WORDS.alternation("gathering") + r")\b")
_FIREARMS = rx(r"\b(?:" + _WORDS.alternation("firearms") + r")\b")


def names_firearms(text: str) -> bool:
    """Does `text` name guns or shooting (crowd_words.toml [firearms])? Rioters, as a rule, are not
    armed with guns: a crowd that shoots may be an armed group ('MS-13 members clashed with police
    ... during the shooting')."""
    return _FIREARMS.search(text) is not None


# 'at least 18-20 assailants assaulted two journalists': a counted group of five or more people
# beating or hacking, with no firearms, is an unorganised crowd (ACLED: rioters), not an armed group.
_COUNTED_MOB = rx(
    r"\b(?:at least |around |about |some |nearly |over |more than )?(?:[5-9]|[1-9]\d{1,2})"
    r"(?:\s*(?:-|to)\s*\d+)? (?:unidentified |masked |local |angry )?(?:"
    + _WORDS.alternation("counted_people")
    + r")\b(?! (?:were|was|are|have|had|died)\b)(?:,[^,.]{0,80},)? "
    r"(?:\w+ ){0,2}?(?:" + _WORDS.alternation("mob_acts") + r")\b"
)

_ORGANISED = rx(r"\b(?:" + _WORDS.alternation("organised") + r")\b")


def _crowd_act(cues: dict[str, Match], sentence: str) -> str | None:
    """The violent act a crowd (not an armed group) commits, if any: the cue name.

    The crowd must be the subject: named before the act, not in a passive phrase, with no armed
    perpetrator named with it; firearms make it an armed group's act (ACLED: rioters are
    unorganised and, as a rule, not armed with guns).
    """
    if "crowd_weapons" in cues:
        return "crowd_weapons"
    subject = cues.get("crowd") or cues.get("partisan")
    if subject is None or _ARMED_COMMUNITY.search(sentence):
        return None
    if _FIREARMS.search(sentence) and not (_SUPPORTERS.search(sentence) or _RIVAL_GROUPS.search(sentence)):
        return None  # supporters of a party or candidate stay a crowd even when some carry guns
    for name in _CROWD_ACTS[1:]:
        act = cues.get(name)
        if act is None or act.start() < subject.start() or act.group(0).casefold() in _WEAK_ATTACK:
            continue
        if _LIGHT_VERB.match(act.group(0)) or _VICTIM_SIDE.search(act.group(0)):
            continue  # 'carried out the ... attack' names an attack, it does not show a crowd acting
        between = sentence[subject.end() : act.start()]
        after = sentence[act.end() : act.end() + 4]
        if (
            not re.search(r"\b(?:was|were|been|being)\b", between)
            and not after.startswith(" by")
            and not _PERPETRATOR.search(sentence[max(0, subject.start() - 40) : act.start()])
        ):
            return name
    return None


def _has_protest(cues: dict[str, Match]) -> bool:
    """A weak protest cue ('demanding') counts only when nothing violent is reported."""
    if "protest" in cues:
        return True
    violent = (
        "attack",
        "clash",
        "abduction",
        "sexual",
        "ied",
        "explosion",
        "shelling",
        "air",
        "grenade",
        "destruction",
        "crowd_weapons",
        "mob",
        "riot",
        "looting",
        "arrests",
        "assault",
    )
    return "protest_weak" in cues and "crowd" in cues and not any(name in cues for name in violent)


def _demonstration_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Protests and riots: a crowd acting, ranked riot > excessive force > intervention > peaceful.

    Excessive force is lethal force against a demonstration that was itself not violent. A
    riot in a demonstration is a 'Violent demonstration'; crowd violence outside one (lynching,
    village brawls, party supporters attacking each other) is 'Mob violence'.
    """
    if _armed_violence(cues) and "crowd_weapons" not in cues and "intervention" not in cues:
        return None  # a bomb or grenade at a rally is an explosion, not a demonstration
    crowd = _Crowd(_has_protest(cues), "riot" in cues, _crowd_act(cues, sentence))
    return (
        _crowd_fight_decision(cues, sentence, crowd)
        or _protest_outcome_decision(cues, crowd)
        or _crowd_without_protest_decision(cues, sentence, crowd)
    )


@dataclass(frozen=True)
class _Crowd:
    protest: bool  # a demonstration is reported
    riot: bool  # a riot word is used
    act: str | None  # the cue of a violent act the crowd itself commits


def _crowd_fight_decision(cues: dict[str, Match], sentence: str, crowd: _Crowd) -> Decision | None:
    if crowd.act in ("clash", "crowd_weapons", "attack", "destruction") and _RIVAL_GROUPS.search(sentence):
        return "Mob violence", "rival groups fighting", crowd.act
    if crowd.riot and not crowd.protest and {"attack", "civ_victim"} <= cues.keys():
        return "Mob violence", "rioters attacking people", "riot"
    if crowd.protest and crowd.act and not crowd.riot and _PROTESTERS_ATTACKED.search(sentence):
        return "Protest with intervention", "demonstrators attacked by others", crowd.act
    if crowd.protest and (crowd.riot or "riot_act" in cues or crowd.act):
        cue = "riot" if crowd.riot else "riot_act" if "riot_act" in cues else crowd.act
        return "Violent demonstration", "protest turned violent", cue or "riot"
    return None


def _protest_outcome_decision(cues: dict[str, Match], crowd: _Crowd) -> Decision | None:
    if crowd.protest and "lethal_force" in cues:
        return "Excessive force against protesters", "state lethal force on protesters", "lethal_force"
    if "mob" in cues:
        return "Mob violence", "mob attack", "mob"
    if crowd.protest and "intervention" in cues:
        return "Protest with intervention", "protest dispersed or arrested", "intervention"
    if crowd.protest:
        return "Peaceful protest", "protest", "protest" if "protest" in cues else "protest_weak"
    return None


def _crowd_without_protest_decision(cues: dict[str, Match], sentence: str, crowd: _Crowd) -> Decision | None:
    if crowd.riot:
        return "Violent demonstration", "riot", "riot"
    dispersal = cues.get("intervention")
    if (
        dispersal
        and (
            _DISPERSAL.search(dispersal.group(0))
            or _GATHERING.search(sentence)
            or (_DISPERSAL_WORDS.search(sentence) and not _VIOLENCE_CUES & cues.keys())
        )
        and not crowd.act
        and ("crowd" in cues or "partisan" in cues)
    ):
        return "Protest with intervention", "crowd dispersed", "intervention"
    if crowd.act and (
        "intervention" in cues
        or _DEMO_ACTS.search(sentence)
        # a crowd fighting the police while voicing a demand; without one it is mob violence
        or (_AGAINST_STATE.search(sentence) and "protest_weak" in cues)
    ):
        return "Violent demonstration", "crowd violence met by the police or with barricades", crowd.act
    if crowd.act:
        return "Mob violence", "crowd violence", crowd.act
    counted = _COUNTED_MOB.search(sentence)
    if counted and not _FIREARMS.search(sentence) and not _ORGANISED.search(sentence):
        return "Mob violence", "a counted group beating people", "attack" if "attack" in cues else "crowd"
    return None


def _armed_violence(cues: dict[str, Match]) -> bool:
    return any(name in cues for name in ("air", "suicide", "shelling", "ied", "chemical", "grenade")) or (
        "clash" in cues and "armed_side" in cues and "partisan" not in cues and "crowd" not in cues
    )
