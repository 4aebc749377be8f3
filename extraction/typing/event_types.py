"""Event detection and typing: does a sentence report an ACLED event, and of which sub-event type?

Rules are keyword cues grounded in ACLED's codebook, not a trained model: a cue is a named regex
('teargas', 'airstrike', 'lynched', ...), and a small decision procedure turns the set of cues found
in a sentence into one sub-event type, following ACLED's ranking (Battles above Explosions, an
airstrike during a ground battle is Battles; a protest that turns violent is a Riot; a person
abducted and then killed is an Attack). Sentences that describe no concrete occurrence (forecasts,
threats, propaganda releases, conferences, aggregates over months or years, habitual statements)
are rejected with None, because a false event costs analysts more than a missed one.

This module is the entry point (classify_event) and the protest context (grievances, neighbouring
sentences); which triggers count is extraction.typing.assertion, the decision procedure is
extraction.typing.decisions (demonstrations: extraction.typing.crowds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extraction.typing.assertion import _unhedged, find_cues, non_event_reason
from extraction.typing.cues import CUES
from extraction.typing.decisions import _CONFIDENCE, _prefix_decision, decide
from extraction.typing.gates import CUE_GATES, has_trigger, word_prefixes
from extraction.typing.patterns import Match, rx
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

__all__ = [
    "CUES",
    "CUE_GATES",
    "EventTyping",
    "classify_event",
    "decide",
    "find_cues",
    "has_trigger",
    "mask_grievances",
    "non_event_reason",
    "word_prefixes",
]


@dataclass(frozen=True)
class EventTyping:
    """The typing of one event mention, with what justified it (for --explain).

    `cues` holds every cue name found in the sentence; the actor module reads it (for instance
    'intervention' tells it the police are actor2 of a protest). With the learned model in the
    loop (extraction.typing.learned) `confidence` is its calibrated probability, `model_top` its
    likeliest classes and `rules_verdict` what the rules alone said; `stated_confidence` is then
    the policy's probability before the calibration map, which merge ranks mentions by (the map,
    read to three decimals, can tie two mentions the probabilities tell apart).
    """

    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: str
    rule: str
    confidence: float
    cues: frozenset[str] = field(default_factory=frozenset)
    model_top: tuple[tuple[str, float], ...] = ()
    rules_verdict: str | None = None
    stated_confidence: float | None = None  # None: the rules alone, `confidence` is the rank

    def __post_init__(self) -> None:
        # A misspelt codebook name in a rule would otherwise flow into records and fail the
        # schema far from its cause; here it fails where the rule builds its typing.
        if SUB_EVENT_PARENT.get(self.sub_event_type) != self.event_type:
            raise ValueError(f"not a codebook typing: {self.event_type!r} / {self.sub_event_type!r}")


# A trigger preceded (in the same clause) by one of these reports no occurrence.


_CONTEXT_CUES = ("intervention", "lethal_force", "riot_act", "crowd_weapons")
_GRIEVANCE = rx(
    r"\b(?:after (?=(?:a|an|the|police|security)\b)|against"
    r"|over(?!\s+(?:\d|a (?:dozen|hundred|thousand)|several|hundreds|thousands|dozens|two|three"
    r"|four|five|ten|twenty|fifty)\b)|condemning|denouncing|demanding|to demand|in response to|in the wake of"
    r"|accusing"
    r"|calling for|justice for|in solidarity with|"
    r"following|a day after|days after)\b[^.;]*?(?=[.;]|$|,\s*(?:and|then|before|while|but)\b)"
)
_SEPARATE = re.compile(r"\((?:coded|recorded) (?:separately|as a separate event)\)", re.IGNORECASE)
# Where the clause naming the separately coded event starts: a punctuation mark or a word that
# subordinates it ('protested after their leader was sentenced (coded separately)').
_SEPARATE_START = re.compile(
    r"[,.;]|\b(?:after|following|when|while|amid|over|against|because|since|as|for)\b", re.IGNORECASE
)
_VIOLENT_CUES = (
    "riot",
    "riot_act",
    "crowd_weapons",
    "destruction",
    "attack",
    "clash",
    "assault",
    "mob",
    "lethal_force",
    "ied",
    "explosion",
    "shelling",
    "air",
    "grenade",
    "abduction",
    "sexual",
    "looting",
    "suicide",
    "lethal_force",  # 'protest over the killing of two men by police': the grievance, not this event
)


_BACKGROUND = rx(
    r"\b(?:following|a day after|days after|amid|ahead of|in the wake of|in response to"
    r"|over (?:their |his |her )?"
    r"participation in|for (?:joining|supporting|participating in)|in support of|supporting|to join"
    r"|on (?:their |his )?way to"
    r"|calling for)\b[^.;]*?(?=[.;]|$"
    r"|,\s*(?:and|then"
    r"|before|while|but)\b)"
)


# Where a grievance ends: the crowd's own act ('protesters against the court clashed with police').
_GRIEVANCE_END = rx(
    # not in a relative clause: 'demanding arrest of the accused who threw acid' is still the grievance
    r"\b(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bof )(?<!\bwho )(?<!\bwhich )"
    r"(?:clash(?:ed|es)?|engag(?:ed|e|es)|burn(?:ed|t|s)?"
    r"|set (?:ablaze|fire|on fire)|pelt\w*|threw"
    r"|hurl(?:ed|s)?|block(?:ed|s)?|barricad(?:ed|es)|loot(?:ed|s)|vandali[sz](?:ed|es)|destroy(?:ed|s)"
    r"|storm(?:ed|s)|chased|(?:turn(?:ed|s)|became) (?:violent|chaotic|riotous)|running battles?)\b(?! of\b)"
)


def _mask_grievance(match: Match) -> str:
    text = match.group(0)
    end = _GRIEVANCE_END.search(text, 1)
    kept = text[end.start() :] if end else ""
    return " " * (len(text) - len(kept)) + kept


def mask_grievances(text: str) -> str:
    """Blank out what a protest is about ('against the assault on a leader (coded separately)').

    Violence named as a grievance is another event; it must not make the protest a riot.
    Offsets are kept (blanked with spaces) so trigger spans stay valid.
    """
    return _GRIEVANCE.sub(_mask_grievance, _mask_separate(text))


def _mask_separate(text: str) -> str:
    """Blank the clauses naming an event coded separately (the regex runs only when one may)."""
    if "separate" not in text.casefold():
        return text
    boundaries = [m.end() for m in _SEPARATE_START.finditer(text)]
    pieces: list[str] = []
    done = index = start = 0  # one pass: each tag blanks back to the last boundary before it
    for tag in _SEPARATE.finditer(text):
        while index < len(boundaries) and boundaries[index] <= tag.start():
            start, index = boundaries[index], index + 1
        start = max(start, done)
        pieces += [text[done:start], " " * (tag.end() - start)]
        done = tag.end()
    return "".join(pieces) + text[done:]


# 'They also demanded the release of jailed opposition leaders': the detention is what a
# demand is about, not an arrest this sentence reports.
_RELEASE_DEMAND = rx(
    r"\b(?:demand(?:ed|ing|s)?|call(?:ed|ing|s)? for|sought|seeking|urg(?:ed|ing|es))"
    r" (?:the )?(?:immediate |unconditional )?release of\b[^.;]*"
)


def _drop_demanded_release(cues: dict[str, Match], sentence: str) -> None:
    """Drop an arrests cue found only inside a demand for someone's release."""
    if "arrests" in cues and (demand := _RELEASE_DEMAND.search(sentence)):
        start, end = demand.span()
        blanked = sentence[:start] + " " * (end - start) + sentence[end:]
        match = _unhedged(CUES["arrests"], blanked)
        if match:
            cues["arrests"] = match
        else:
            del cues["arrests"]


def _drop_grievance_cues(cues: dict[str, Match], sentence: str) -> None:
    """Keep only the protest and violence cues that lie outside what the protest is about.

    A protest word only in background ('following anti-government demonstrations') does not
    count; 'teargas against protesters' keeps its protest (the masking of 'against ...' applies
    to violence only).
    """
    searched = _mask_separate(sentence)  # the text find_cues read
    masked = mask_grievances(sentence)
    background = _BACKGROUND.sub(lambda m: " " * len(m.group(0)), searched)
    for name in ("protest", *_VIOLENT_CUES) if "protest" in cues else _VIOLENT_CUES:
        text = background if name == "protest" else masked
        # Nothing blanked: the search would repeat find_cues (except 'attack', which find_cues may
        # have upgraded to a stronger verb and which is re-read here as the first asserted match).
        if name in cues and (text != searched or name == "attack"):
            match = _unhedged(CUES[name], text)
            if match:
                cues[name] = match
            else:
                del cues[name]


def _add_context_cues(cues: dict[str, Match], context: str) -> None:
    """A demonstration is typed by everything reported about it in the neighbouring sentences.

    ACLED codes one event per crowd, place and day with the highest-ranked outcome; news and
    notes often give the police response or the violence in the next sentence. Context cues
    only refine a sentence that itself reports a protest (or a police response to one).
    """
    if "protest" in cues:
        context = mask_grievances(context)
        for name in _CONTEXT_CUES:
            if name not in cues:
                match = _unhedged(CUES[name], context)
                if match:
                    cues[name] = match
    elif "intervention" in cues:
        match = _unhedged(CUES["protest"], context)
        if match:
            cues["protest"] = match


# An attack or shelling answered by fire in the same report is one Battles event (codebook ranking).
_BATTLE_IN_CONTEXT = frozenset({"Attack", "Shelling/artillery/missile attack"})


# The engine types the same sentence more than once (as a sentence, as its only clause, as a
# phrase with no date to blank): typing is pure, so recent answers are reused.
_TYPING_CACHE_SIZE = 512


def classify_event(sentence: str, context: str = "") -> EventTyping | None:
    """Type the event a sentence reports, or None when it reports no event.

    `context` is optional surrounding text (the neighbouring sentences of the same paragraph):
    for a protest it supplies the police response or the crowd's violence reported next to it
    (see _add_context_cues); it never creates an event on its own.
    """
    return _classify_cached(sentence, context)


@lru_cache(maxsize=_TYPING_CACHE_SIZE)
def _classify_cached(sentence: str, context: str) -> EventTyping | None:
    if non_event_reason(sentence):
        return None
    decision = _prefix_decision(sentence)
    cues = find_cues(_mask_separate(sentence))
    if "protest" in cues or "riot" in cues:
        _drop_grievance_cues(cues, sentence)
    _drop_demanded_release(cues, sentence)
    if context:
        _add_context_cues(cues, context)
    decision = decision or decide(cues, sentence)
    if decision is None:
        return None
    if context and decision[0] in _BATTLE_IN_CONTEXT and _unhedged(CUES["clash"], context):
        decision = ("Armed clash", "fighting reported with it", "clash")
        cues.setdefault("clash", _unhedged(CUES["clash"], context))  # type: ignore[arg-type]
    sub_event, rule, cue = decision
    trigger = cues[cue].group(0) if cue in cues else sentence.split(":", 1)[0]
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event],
        sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event],
        trigger=trigger,
        rule=rule,
        confidence=_CONFIDENCE.get(rule, 0.65),
        cues=frozenset(cues),
    )
