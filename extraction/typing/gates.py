"""Cheap gates in front of the cue regexes: which cues a sentence could match, and whether it
could report an event at all.

Both are pure speed-ups computed from the vocabulary (`CUE_KEYS`, the trigger stems): a gate that
stays closed means the full search would find nothing. tests/extraction/test_speed_gates.py and
test_event_types.py check they never change a result.
"""

from __future__ import annotations

import re

from extraction.typing.cue_keys import CUE_KEYS

# Substrings one of which every match of a cue contains (extraction.typing.cue_keys): find_cues
# skips a cue's regex when none occurs in the (casefolded) sentence. Pure speed-up; tests check it
# never changes a result.
CUE_GATES: dict[str, frozenset[str]] = {
    name: frozenset(re.findall(r"[a-z]+", key)[0] for key in keys) for name, keys in CUE_KEYS.items()
}
_GATE_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stems in CUE_GATES.values() for stem in stems}))
_WORDS = re.compile(r"[a-z]+")


def word_prefixes(folded: str) -> set[str]:
    """Every prefix (of a gate stem's length) of every word: the cue gates test against it."""
    return {word[:n] for word in set(_WORDS.findall(folded)) for n in _GATE_LENGTHS if n <= len(word)}


_STEM_CUES: dict[str, frozenset[str]] = {
    stem: frozenset(name for name, gate in CUE_GATES.items() if stem in gate)
    for stem in frozenset().union(*CUE_GATES.values())
}
_WORD_CUES: dict[str, frozenset[str]] = {}  # word -> cues it opens; a cache bounded in _cues_of
_WORD_CACHE_MAX = 100_000


def _cues_of(word: str) -> frozenset[str]:
    cues = _WORD_CUES.get(word)
    if cues is None:
        prefixes = (word[:n] for n in _GATE_LENGTHS if n <= len(word))
        cues = frozenset().union(*(_STEM_CUES.get(p, ()) for p in prefixes))
        if len(_WORD_CUES) < _WORD_CACHE_MAX:
            _WORD_CUES[word] = cues
    return cues


def gated_cues(folded: str) -> frozenset[str]:
    """Names of the gated cues whose gate opens on this (casefolded) sentence.

    Same answer as testing word_prefixes against each gate, but words are looked up in a cache
    (a corpus repeats its vocabulary), so a sentence costs one dict lookup per distinct word.
    """
    return frozenset().union(*(_cues_of(word) for word in set(_WORDS.findall(folded))))


# Word stems every event-deciding cue starts from: has_trigger's cheap superset test. A word
# triggers when one of its prefixes is a stem; a sentence with no such word cannot be an event.
_TRIGGER_STEMS: frozenset[str] = frozenset(
    """
protest demonstr rally rallie rallied march sit motorcade caravan bang pot cacerolazo denounc
calling picket chain hartal strike boycott procession gather blockade shut shutdown walk vigil
petition demand chant slogan riot rampag running unrest melee violent pelt threw throw hurl stone
molotov bomb brick stick rod mob lynch vigilante irate angry public kill shot shoot murder hack stab
behead injur wound attack assault beat tortur burn dead body bodies massacr execut slaughter gunned
bludgeon machete strangl butcher open harass gunpoint assassin raid clash exchang gun gunfight
gunbattle fire firefight shootout fight fought battle skirmish cross crossfire arms machine gunfire
engag repuls repel counter return rout forced shots bursts directions ambush offensive hit neutrali
operation storm chemical chlorine sarin mustard nerve air airstrike airstrikes drone warplane jet
helicopter aerial aircraft plane uav suicide svbied blew self shell artiller mortar rocket missile
grenade rpg projectile howitzer mlrs grad explo tank ifv anti bombard ied improvised land mine blast
detonat went recaptur retook retaken regain liberat wrest took back captur seiz overr overran rape
raped rapes raping rapist gang sexual defile sodomi abduct kidnap hostage disappear missing captive
defus disarm unexploded controlled disposal recover confiscat found discover intercept uncover foil
thwart weapon arrest detain apprehend custody rounded nabbed caught carrying possession loot torch
destroy demolish razed vandal smash ransack broke breaking damag stole robbed set sabotag cease
ceasefire truce peace signed prisoner released agreed establish withdr withdrew withdrawn handed
retreat without transfer vacated abandon recruit defect surrender merged split pledged deploy
sighted moved reinforcement mobili oath barricad bonfire chaos rowdy deflat destruction chased
police teargas tear dispers water rubber baton lathi truncheon intervened pepper blank warning
obstruct block target claimed conducted carried launched staged mounted executed perpetrated light
lit fell felled stoned looted burning dismantl impound military exercise drill patrol toxic poison
coup emergency martial dissolv suspend ousted merger joined formed came effect rioter remains head
fled evacuated displaced returned arrived repatriated deliver distribut padlock
decapitat dismember charred hijack disperse slash flog spray
hit confront died lockdown curfew firing deactivat
street death strike struck descend steal stole rustl drove driven made acid
""".split()
)
_STEM_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stem in _TRIGGER_STEMS}))
_WORD = re.compile(r"[a-z]+")


def has_trigger(sentence: str) -> bool:
    """Cheap prefilter: False means classify_event(sentence) would return None.

    Checks the prefixes of each word against a set of stems of every cue, so the engine can
    skip full typing on sentences that cannot report an event ('Notes:' labels always pass).
    """
    if ":" in sentence[:45]:
        return True
    return any(_is_trigger_word(word) for word in _WORD.findall(sentence.casefold()))


_TRIGGER_WORDS: dict[str, bool] = {}


def _is_trigger_word(word: str) -> bool:
    """Whether a prefix of the word is a trigger stem (cached per word, bounded)."""
    known = _TRIGGER_WORDS.get(word)
    if known is None:
        known = any(word[:length] in _TRIGGER_STEMS for length in _STEM_LENGTHS if length <= len(word))
        if len(_TRIGGER_WORDS) < _WORD_CACHE_MAX:
            _TRIGGER_WORDS[word] = known
    return known
