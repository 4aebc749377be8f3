"""Cheap gates in front of the cue regexes: which cues a sentence could match, and whether it
could report an event at all.

Both are pure speed-ups computed from the vocabulary (the cue gates, and the trigger stems as
their union over the cues that can make an event): a gate that stays closed means the full search
would find nothing. find_cues reads the cue gates through the gate index (extraction.typing.
pattern_gates), with every pattern's gate, in one pass over a sentence's words; `gated_cues` asks
the cue gates alone. tests/extraction/test_speed_gates.py and test_event_types.py
check they never change a result.
"""

from __future__ import annotations

import re

from extraction.typing.vocabulary import packaged_vocabulary

# Word stems one of which starts a word of every match of a cue, computed from the cue's regex when
# the vocabulary loads (extraction.typing.stems): find_cues skips a cue's regex when no word of the
# (casefolded) sentence starts with one. Pure speed-up; tests check it never changes a result.
CUE_GATES: dict[str, frozenset[str]] = packaged_vocabulary().gates
_GATE_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stems in CUE_GATES.values() for stem in stems}))
_WORDS = re.compile(r"[a-z]+")


def word_prefixes(folded: str) -> set[str]:
    """Every prefix (of a gate stem's length) of every word: the cue gates test against it."""
    return {word[:n] for word in set(_WORDS.findall(folded)) for n in _GATE_LENGTHS if n <= len(word)}


_STEM_CUES: dict[str, frozenset[str]] = {
    stem: frozenset(name for name, gate in CUE_GATES.items() if stem in gate)
    for stem in frozenset().union(*CUE_GATES.values())
}
# Word stems every event-deciding cue starts from: has_trigger's cheap superset test. A word
# triggers when one of its prefixes is a stem; a sentence with no such word cannot be an event.
# Computed when the vocabulary loads (the gates of every cue but the context cues, cues.toml
# [trigger]); they decide which sentences the phrase and follow-up readers see too.
_TRIGGER_STEMS: frozenset[str] = packaged_vocabulary().trigger_stems
_STEM_LENGTHS: tuple[int, ...] = tuple(sorted({len(stem) for stem in _TRIGGER_STEMS}))

_WORD_CACHE_MAX = 100_000
_WORD_INFO: dict[str, tuple[frozenset[str], bool]] = {}  # word -> (cues it opens, triggers?); bounded


def _word_info(word: str) -> tuple[frozenset[str], bool]:
    """What one word does: the cue gates it opens and whether it is a trigger word (cached)."""
    info = _WORD_INFO.get(word)
    if info is None:
        prefixes = (word[:n] for n in _GATE_LENGTHS if n <= len(word))
        cues = frozenset().union(*(_STEM_CUES.get(p, ()) for p in prefixes))
        trigger = any(word[:n] in _TRIGGER_STEMS for n in _STEM_LENGTHS if n <= len(word))
        info = (cues, trigger)
        if len(_WORD_INFO) < _WORD_CACHE_MAX:
            _WORD_INFO[word] = info
    return info


def gated_cues(folded: str) -> frozenset[str]:
    """Names of the gated cues whose gate opens on this (casefolded) sentence.

    Same answer as testing word_prefixes against each gate, but words are looked up in a cache
    (a corpus repeats its vocabulary), so a sentence costs one dict lookup per distinct word.
    """
    return frozenset().union(*(_word_info(word)[0] for word in set(_WORDS.findall(folded))))


def has_trigger(sentence: str) -> bool:
    """Cheap prefilter: False means classify_event(sentence) would return None.

    Checks the prefixes of each word against a set of stems of every cue, so the engine can
    skip full typing on sentences that cannot report an event ('Notes:' labels always pass).
    """
    if ":" in sentence[:45]:
        return True
    # stops at the first trigger word: most sentences of an article are never typed, so their
    # cue gates are not needed (the word table still fills once per word for both questions).
    # A loop reading the table directly: every sentence of every article passes here.
    known = _WORD_INFO.get
    for word in _WORDS.findall(sentence.casefold()):
        if (known(word) or _word_info(word))[1]:
            return True
    return False
