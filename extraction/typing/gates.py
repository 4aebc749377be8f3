"""Cheap gates in front of the cue regexes: which cues a sentence could match, and whether it
could report an event at all.

Both are pure speed-ups, computed from the vocabulary (the cue gates) or listed (the trigger
stems): a gate that stays closed means the full search would find nothing.
tests/extraction/test_speed_gates.py and test_event_types.py check they never change a result.
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
# Listed in the data (cues.toml, [trigger]): they decide which sentences the phrase reading sees
# too, so they are not the cue gates' union (that would change which sentences are read).
_TRIGGER_STEMS: frozenset[str] = packaged_vocabulary().trigger_stems
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
