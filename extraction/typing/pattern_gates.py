"""Word-stem gates for every FoldedPattern: one pass over a sentence's words, one set test per pattern.

A pattern's gate is a set of lowercase stems one of which starts a word (a maximal a-z run of the
lowercased text) in every match. A sentence's word prefixes are collected once (`word_prefixes`),
and a pattern whose stems are all missing from them cannot match, so its regex is not run. The
stems are computed from the pattern itself the first time it searches (`pattern_stems`), never
kept by hand: a cue phrase added to the vocabulary opens its own gate.

Only ASCII texts are gated (their lowercase is their casefold and IGNORECASE maps no other
letter onto an ASCII one there); others are searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from extraction.typing.stems import word_stems

GATED_MIN_CHARS = 48  # shorter texts (look-behind windows) are searched directly: gating costs more
UNKNOWN = object()  # a pattern's gate, not computed yet
_MAX_PREFIX = 24
HUGE_PATTERN_CHARS = 2_000  # longer patterns take stems.word_stems a noticeable time (0.15 s for 20k)
GATE_AFTER_SEARCHES = 200  # so their gate is computed once they were searched this often
_WORD = re.compile(r"[a-z]+")
PREFIXES: dict[str, frozenset[str]] = {}  # recent texts -> every prefix of every word (bounded)
_PREFIXES_KEPT = 16
_PREFIXES_OF: dict[str, tuple[str, ...]] = {}  # word -> its prefixes (bounded)
_WORDS_KEPT = 100_000
_OPTIONAL = ("?", "*", "{")
_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")


def top_level_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level '|' (outside groups and character classes)."""
    parts, start = [], 0
    for k, char, depth in structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
    return [*parts, pattern[start:]]


def structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each '(', ')' and '|' of a regex that is not
    escaped or inside a character class: the one scanner both splitting and group matching use."""
    depth, k, in_class = 0, 0, False
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield k, char, depth
        k += 1


def word_prefixes(text: str) -> frozenset[str] | None:
    """Every prefix of every word (a-z run) of the lowercased text, or None for a text the gates
    cannot judge (not ASCII). The last few texts are remembered (a sentence meets dozens of
    patterns in a row), and each word's prefixes too (a corpus repeats its vocabulary)."""
    found = PREFIXES.get(text)
    if found is None:
        if not text.isascii():
            return None
        parts = []
        for word in set(_WORD.findall(text.lower())):
            prefixes = _PREFIXES_OF.get(word)
            if prefixes is None:
                prefixes = tuple(word[:n] for n in range(1, min(len(word), _MAX_PREFIX) + 1))
                if len(_PREFIXES_OF) < _WORDS_KEPT:
                    _PREFIXES_OF[word] = prefixes
            parts.append(prefixes)
        found = frozenset(chain.from_iterable(parts))
        if len(PREFIXES) >= _PREFIXES_KEPT:
            PREFIXES.clear()
        PREFIXES[text] = found
    return found


def pattern_stems(pattern: str) -> frozenset[str] | None:
    """The stems one of which starts a word of every match of `pattern`, or None (no gate).

    The leading letters of each alternative after a word boundary first (cheap, and it covers
    the cue alternations); else the full regex analysis of `stems.word_stems`."""
    stems = leading_stems(pattern)
    if stems is None:
        try:
            stems = word_stems(pattern, re.IGNORECASE)
        except (re.error, TypeError, ValueError, RecursionError):
            stems = None
    if not stems or any(len(stem) > _MAX_PREFIX for stem in stems):
        return None
    return stems


def leading_stems(pattern: str, at_word_start: bool = False) -> frozenset[str] | None:
    """'\\b(?:attack(?:ed|s)?|gunm[ae]n|shot\\b)' -> {'attack', 'gunm', 'shot'}: the literal
    letters each top-level alternative starts with right after a word boundary and any
    look-arounds (a group of alternatives is read the same way); None when an alternative
    starts otherwise."""
    stems: set[str] = set()
    for part in top_level_alternatives(pattern):
        start = at_word_start
        if part.startswith(r"\b"):
            part, start = part[2:], True
        if not start:
            return None
        while part.startswith(_LOOKAROUNDS):  # zero-width: the word still starts after them
            end = closing(part)
            if end < 0:
                return None
            part = part[end + 1 :]
        if part.startswith("(?:"):
            end = closing(part)
            inner = leading_stems(part[3:end], True) if end > 0 else None
            after = part[end + 1 : end + 2]
            if after in ("?", "*"):  # '(?:police )?officers': either reading starts the word
                rest = part[end + 2 :].lstrip("?+")
                inner = None if inner is None or not rest else _union(inner, leading_stems(rest, True))
            if inner is None or after == "{":
                return None
            stems |= inner
            continue
        k = 0
        while k < len(part) and part[k].isascii() and part[k].isalpha():
            k += 1
        stem = part[:k - 1] if part[k : k + 1] in _OPTIONAL else part[:k]
        if not stem:
            return None
        stems.add(stem.lower())
    return frozenset(stems)


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def closing(part: str) -> int:
    """Index of the ')' closing the group `part` starts with, -1 if none."""
    return next((k for k, char, depth in structure(part) if char == ")" and depth == 0), -1)
