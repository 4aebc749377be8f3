"""Who took a place: the codebook's territory sub-event types turn on the taker, not on the verb.

Government regains territory is state forces (or their affiliates) taking a place through
fighting; Non-state actor overtakes territory is an armed group, or a foreign state's forces,
taking one. 'Captured' and 'took control of' say only that a place changed hands: 'the army
captured the town' is the government regaining it. The decision procedure
(extraction.typing.decisions) asks `taker` who took a place a capture verb reports; a recapture
stays the government's whoever is named (measured: 'retook' with an armed group named is still
mostly coded Government regains territory).
"""

from __future__ import annotations

import re

from extraction import packaged
from extraction.typing.names import ACTORS_FILE, alias_alternation, packaged_actor_names
from extraction.typing.patterns import Match, rx
from extraction.typing.vocabulary import DECISION_WORDS_FILE, packaged_word_lists

__all__ = ["STATE", "NON_STATE", "taker"]

STATE = "state"
NON_STATE = "non-state"
_WORDS = packaged_word_lists(DECISION_WORDS_FILE)
_EXTERNAL_INTER = 8  # the dictionary's external forces fight beside a government (AMISOM, Wagner)


def _alternation(*parts: str) -> str:
    return "|".join(p for p in parts if p)


def _taker_patterns() -> tuple[object, object]:
    groups = packaged.read_json(ACTORS_FILE).get("groups", [])
    external = alias_alternation([g for g in groups if g.get("inter") == _EXTERNAL_INTER])
    armed = alias_alternation([g for g in groups if g.get("inter") != _EXTERNAL_INTER])
    state = _alternation(_WORDS.alternation("state_takers"), packaged_actor_names().state_forces, external)
    non_state = _alternation(_WORDS.alternation("non_state_takers"), armed)
    return rx(r"\b(?:" + state + r")\b"), rx(r"\b(?:" + non_state + r")\b")


_STATE_SIDE, _NON_STATE_SIDE = _taker_patterns()
_REACH = 160  # how far before the verb its subject may be named (one clause of a note)
_PASSIVE_BY = re.compile(r"\s*(?:[\w-]+\s+){0,2}?by\s+", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BREAK = re.compile(r"[.;,]")
_NATIONALITY = re.compile(r"\b[A-Z][a-z]+(?:ian|ean|ese|an|i)\s+$")


def taker(sentence: str, verb: Match) -> str | None:
    """STATE, NON_STATE or None: the side the sentence names as taking the place `verb` reports.

    The subject is the first side named after the last comma before the verb ('On 3 May, JNIM
    attacked the army and took the town': JNIM), else the first one earlier in the sentence
    ('Soldiers, backed by militias, retook the town'); a passive's agent comes first."""
    before = sentence[max(0, verb.start() - _REACH) : verb.start()]
    passive = _PASSIVE_BY.match(sentence, verb.end()) if _PASSIVE_AUX.search(before) else None
    if passive:
        side = _first_side(sentence[passive.end() : passive.end() + 60])
        if side:
            return side
    breaks = [m.end() for m in _BREAK.finditer(before)]
    clause = before[breaks[-1] :] if breaks else before
    return _first_side(clause) or _first_side(before)


def _first_side(text: str) -> str | None:
    """The side named first in `text`; on a tie the longer name ('pro-government militia' is the
    state's side, 'militia' alone an armed group). A state's forces named by their nationality
    ('Russian troops') may be a foreign state's, whose taking the codebook counts as a non-state
    actor overtaking territory: they name no side here."""
    state = next((m for m in _STATE_SIDE.finditer(text) if not _NATIONALITY.search(text, 0, m.start())), None)
    non_state = _NON_STATE_SIDE.search(text)
    if state and (non_state is None or state.start() <= non_state.start()):
        return STATE
    return NON_STATE if non_state else None
