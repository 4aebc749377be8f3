"""Which actor mention initiates an event: the order actor1, actor2, ... are read from a sentence.

Text order, corrected by voice ('killed by gunmen'), possession ('the Taliban's capital'), joint
subjects ('Police and KDF soldiers attacked Al Shabaab') and attribution ('gunmen believed to be
Al Shabaab'). Kept apart from extraction.actors.assignment, which names the roles.
"""

from __future__ import annotations

import re

from extraction.actors.mentions import ActorMention

__all__ = ["AGENT_BEFORE", "initiator_first"]

AGENT_BEFORE = re.compile(r"\bby (?:\w+ ){0,3}$", re.IGNORECASE)


def initiator_first(mentions: list[ActorMention], sentence: str) -> list[ActorMention]:
    """The mentions, the initiator first and its target next."""
    return _named_first(_ordered(mentions, sentence), sentence)


_POSSESSIVE = re.compile(r"['’]s?\s")


def _ordered(mentions: list[ActorMention], sentence: str) -> list[ActorMention]:
    """Initiator first: a mention introduced by 'by' (passive voice) is the agent; a possessive
    ('the Taliban's spiritual capital') qualifies something else and comes last; the ally in a
    joint subject ('Police and KDF soldiers attacked Al Shabaab') comes after the side they fought."""
    agents = [m for m in mentions if AGENT_BEFORE.search(sentence[max(0, m.start - 30) : m.start])]
    owners = [m for m in mentions if m not in agents and _POSSESSIVE.match(sentence, m.end)]
    ordered = agents + [m for m in mentions if m not in agents and m not in owners] + owners
    if (
        len(ordered) > 2
        and not agents
        and _joint(sentence, ordered[0], ordered[1])
        and not _joint(sentence, ordered[1], ordered[2])  # 'A, B and C clashed': all one subject
    ):
        ordered[1], ordered[2] = ordered[2], ordered[1]
    return ordered


def _joint(sentence: str, first: ActorMention, second: ActorMention) -> bool:
    """'Turkish forces and the Syrian National Army', 'FAMa/Wagner': nothing but a conjunction."""
    return _JOINT_SUBJECT.fullmatch(sentence, first.end, second.start) is not None


_JOINT_SUBJECT = re.compile(r"\s*(?:/\s*|(?:,|and|,\s*and|along with|together with|backed by)\s+)(?:the\s+)?")


_ATTRIBUTED_BEFORE = re.compile(
    r"\b(?:suspect(?:ed|s)?|believed|assumed|thought|said|reported(?:ly)?|links?|linked|affiliated|members?"
    r"|belong(?:s|ed|ing)?|comprising|includ(?:e|ed|ing)|loyal|allied)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
_ATTRIBUTED_AFTER = re.compile(
    r"\W*(?:(?:has|have|had|was|were|is|are)\s+)?(?:claimed|blamed|suspected|accused|took\s+responsibility)\b",
    re.IGNORECASE,
)


def _named_first(ordered: list[ActorMention], sentence: str) -> list[ActorMention]:
    """'Gunmen believed to be members of Al Shabaab killed three', 'gunmen attacked a bus; Al
    Shabaab claimed the attack': an armed group the text names as the perpetrator replaces the
    unidentified attackers. Not when the unidentified group is the agent of a passive ('suspected
    Al Shabaab returnees were shot dead by gunmen'): the named group is then the victim."""
    if (
        not ordered
        or ordered[0].kind != "unidentified"
        or AGENT_BEFORE.search(sentence[max(0, ordered[0].start - 30) : ordered[0].start])
    ):
        return ordered
    named = next((m for m in ordered if m.kind == "group" and _is_attributed(sentence, m)), None)
    if named is None:
        return ordered
    return [named, *(m for m in ordered if m is not named and m.kind != "unidentified")]


def _is_attributed(sentence: str, mention: ActorMention) -> bool:
    """Whether the text attributes the event to the mention ('suspected to be', 'claimed')."""
    before = sentence[max(0, mention.start - 45) : mention.start]
    return bool(_ATTRIBUTED_BEFORE.search(before) or _ATTRIBUTED_AFTER.match(sentence, mention.end))
