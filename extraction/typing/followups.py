"""Sentences that follow an event and change its type: the rest of the same report.

ACLED codes one event per report with the highest-ranked outcome, and a note or news brief often
gives the outcome in its next sentence: 'Gunmen attacked a patrol. The police shot back.' is one
Armed clash, 'Prisoners demonstrated. The inmates burnt official documents.' one Violent
demonstration. The engine types the first sentence with extraction.typing.event_types; these functions
read a following sentence and return the graver typing it implies, or None.
"""

from __future__ import annotations

from extraction.typing.assertion import find_cues, has_hedge, non_event_reason
from extraction.typing.crowds import _demonstration_decision
from extraction.typing.decisions import NO_FIGHTING
from extraction.typing.event_types import EventTyping
from extraction.typing.gates import has_trigger
from extraction.typing.patterns import Hit, rx
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT, SubEventType

__all__ = [
    "BATTLE_FOLLOWUP_RULE",
    "DEMONSTRATION_RANK",
    "battle_followup",
    "demonstration_followup",
    "escalates",
    "followup_typing",
    "territory_followup",
]

# What a sentence after an attack says when the attacked fought back, or were themselves armed
# group members: then the report is of one Battles event (codebook: two armed, organised sides).
_FOUGHT_BACK = rx(
    r"\b(?:shot back|fired back|returned (?:the )?fire"
    r"|(?:responded|reacted|retaliated) with (?:their )?(?:guns|fire|weapons|gunfire|gunshots)"
    r"|opened (?:gun)?fire (?:in response|after the explosion)"
    r"|repell?ed (?:the )?(?:attack|assault|assailants|attackers)|routed (?:the )?(?:assailants|attackers)"
    r"|repulsed|fought back|exchanged (?:heavy )?(?:gun ?fire|fire|shots)"
    r"|in both directions|involving small arms"
    r"|(?:a |an )?(?:clash|shoot-?out|gun ?fight|fire ?fight|gun ?battle|exchange of fire)"
    r" (?:broke out|ensued"
    r"|erupted|followed)|engaged in (?:a )?(?:heavy )?(?:gun ?fire|fighting|gun ?fight|exchange of fire))\b"
)
_VICTIM_WAS_ARMED = rx(
    r"\bvictims?\b[^.;]{0,80}\b(?:drug trafficking|drug dealer|gang member"
    r"|member of (?:a |an |the )?(?:rival )?(?:gang|cartel|criminal group)|(?:was|were) armed"
    r"|involved (?:in|with) (?:a |an |the )?(?:gang|drug|criminal))\b"
)


BATTLE_FOLLOWUP_RULE = "armed response in the next sentence"


def battle_followup(sentence: str) -> EventTyping | None:
    """An Armed clash typing when a sentence that follows an Attack shows two armed sides: the
    attacked returned fire ('The police shot back') or the victim belonged to an armed group
    ('The victim was a gang member'). None otherwise; the caller decides which event it follows."""
    match = _FOUGHT_BACK.search(sentence) or _VICTIM_WAS_ARMED.search(sentence)
    if match is None or has_hedge(sentence[max(0, match.start() - 40) : match.start()]):
        return None
    return EventTyping(
        event_type=SUB_EVENT_PARENT["Armed clash"],
        sub_event_type="Armed clash",
        disorder_type=SUB_EVENT_DISORDER["Armed clash"],
        trigger=match.group(0),
        rule=BATTLE_FOLLOWUP_RULE,
        confidence=0.6,
        cues=frozenset({"clash", "armed_side"}),
    )


_PROTEST_OUTCOMES = frozenset(
    {"Excessive force against protesters", "Violent demonstration", "Protest with intervention"}
)


def demonstration_followup(sentence: str) -> EventTyping | None:
    """The typing of a sentence that continues a demonstration report ('The inmates burnt
    official documents.', 'Roads were barricaded with stones.'): the crowd is known to be
    demonstrating, so its violence or the police response refines that event. Only graver
    outcomes are returned; the caller applies them to the demonstration the sentence follows."""
    if not has_trigger(sentence) or non_event_reason(sentence):
        return None
    cues = find_cues(sentence)
    cues.setdefault("protest", Hit(sentence, 0, 0))
    decision = _demonstration_decision(cues, sentence)
    if decision is None or decision[0] not in _PROTEST_OUTCOMES:
        return None
    sub_event, rule, cue = decision
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event],
        sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event],
        trigger=cues[cue].group(0) if cue in cues else cue,
        rule=f"{rule} (demonstration reported before)",
        confidence=0.6,
        cues=frozenset(cues),
    )


TERRITORY_FOLLOWUP_RULE = "no fighting reported in the next sentence"
_TAKEN = (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY)


def territory_followup(sentence: str) -> EventTyping | None:
    """A Non-violent transfer of territory typing when a sentence that follows a taking of
    territory says no fighting took place ('No confrontation was reported.'): the codebook's
    transfer without violent interaction, whichever side takes the place. None otherwise."""
    match = NO_FIGHTING.search(sentence)
    if match is None:
        return None
    sub_event = SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event],
        sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event],
        trigger=match.group(0),
        rule=TERRITORY_FOLLOWUP_RULE,
        confidence=0.6,
        cues=frozenset({"transfer"}),
    )


# Gravest first: a protest that turns violent is one riot, one met with lethal force is excessive force.
DEMONSTRATION_RANK: tuple[SubEventType, ...] = (
    SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
    SubEventType.VIOLENT_DEMONSTRATION,
    SubEventType.PROTEST_WITH_INTERVENTION,
    SubEventType.PEACEFUL_PROTEST,
)
_STRUCK_FIRST = (  # a report of these whose targets fire back is one Battles event
    SubEventType.ATTACK,
    SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
    SubEventType.GRENADE,
)


def followup_typing(current: str, body: str, typing: EventTyping | None) -> EventTyping | None:
    """The typing a dateless sentence after an event of sub-event type `current` implies: an
    attack's targets firing back, a protest dispersed or turned violent, else its own typing."""
    if current in _STRUCK_FIRST:
        return battle_followup(body) or typing
    if current in DEMONSTRATION_RANK:
        return demonstration_followup(body) or typing
    if current in _TAKEN:
        return territory_followup(body) or typing
    return typing


def escalates(current: str, typing: EventTyping) -> bool:
    """Does `typing`, read from the rest of the report, make an event of sub-event type `current`
    graver? A protest dispersed, turned violent or fired upon is one event of the graver kind; an
    attack or shelling whose targets fired back is one Armed clash; a clash after which a side
    took the place is one territory event ('Soldiers fought JNIM in X. The army retook the town.')."""
    graver = typing.sub_event_type
    if current in _TAKEN:  # not graver but what the rest of the report says the taking was
        return typing.rule == TERRITORY_FOLLOWUP_RULE
    if current == SubEventType.ARMED_CLASH:  # the codebook ranks a place taken above the fighting
        return graver in _TAKEN
    battle = (current == SubEventType.ATTACK and graver == SubEventType.ARMED_CLASH) or (
        current in _STRUCK_FIRST[1:] and typing.rule == BATTLE_FOLLOWUP_RULE
    )
    if not battle and (current not in DEMONSTRATION_RANK or graver not in DEMONSTRATION_RANK):
        return False
    if not battle and DEMONSTRATION_RANK.index(graver) >= DEMONSTRATION_RANK.index(current):
        return False
    # the codebook's excessive force is against demonstrators who were not violent
    excessive = graver == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS
    return not (current == SubEventType.VIOLENT_DEMONSTRATION and excessive)
