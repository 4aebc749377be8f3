"""Word-stem gates for every FoldedPattern: one pass over a text's words opens them all at once.

A pattern's gate is a set of lowercase stems one of which starts a word (a maximal a-z run of the
lowercased text) in every match. The gates of all patterns are indexed together (`GateIndex`:
stem -> bit mask of patterns), so a text's words are read once into one mask of the patterns that
can match it, and a pattern whose bit is missing is not run at all: one AND per search, not one
set test over the pattern's stems. The stems are computed from each pattern (`pattern_stems`)
when resources load, never kept by hand: a cue phrase added to the vocabulary opens its own gate.

Only ASCII texts are gated (their lowercase is their casefold and IGNORECASE maps no other
letter onto an ASCII one there); others are searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extraction.typing.stems import word_stems

GATED_MIN_CHARS = 48  # shorter texts (look-behind windows) are searched directly: gating costs more
# Longer patterns get only the cheap leading-stem gate: the full analysis of the armed-target
# grammar (29k characters) costs 0.1 s per process and its gate closes on ~1 search in 20 a sentence
# meets (0.3 per note), so it would not pay back within the 0.5 s a resources load may take.
ANALYSED_MAX_CHARS = 10_000
_MAX_PREFIX = 24
_WORD = re.compile(r"[a-z]+")
_OPTIONAL = ("?", "*", "{")
_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")
OPEN = 1  # the bit every text's mask holds: a pattern with no gate, or one not indexed yet, has it


class GateIndex:
    """Every FoldedPattern's gate in one table: stem -> bit mask of the patterns it opens.

    A text's mask (`mask`) is the OR over its distinct words of each word's mask, and each word's
    mask the OR of the masks of its prefixes that are stems: one pass over the words, and then a
    pattern's gate is one AND (`FoldedPattern._closed`). Patterns register when they are built
    (`add`); their stems are computed by `build`, which `Resources.load` calls once the actor
    dictionary's patterns exist (and `mask` calls for any pattern built after that), so no gate
    is analysed while text is being read. Words' and recent texts' masks are remembered (bounded).
    """

    # a sentence's texts (itself, its masked copies, its hedge windows, the context of the next
    # sentence) come back after dozens of others: keeping 16 recomputed a third of the masks
    _TEXTS_KEPT = 256
    _WORDS_KEPT = 100_000

    def __init__(self) -> None:
        self.pending: list[object] = []  # FoldedPatterns not indexed yet
        self.stems_of: dict[str, frozenset[str] | None] = {}  # pattern text -> its stems
        self.stem_bits: dict[str, int] = {}
        self.lengths: tuple[int, ...] = ()
        self.words: dict[str, int] = {}
        self.texts: dict[str, int] = {}
        self.next_bit = 1

    def analysed(self, pattern: str, stems: frozenset[str] | None) -> None:
        """Record the stems of a pattern analysed elsewhere (the vocabulary's cue gates), so
        `build` does not analyse it again."""
        self.stems_of.setdefault(pattern, stems)

    def add(self, pattern: object) -> None:
        """Register a FoldedPattern or a StemGate: it stays open (bit OPEN) until the next build
        indexes it."""
        self.pending.append(pattern)

    def build(self) -> None:
        """Compute the stems of every pattern registered since the last build and index them."""
        pending, self.pending = self.pending, []
        for pattern in pending:
            if isinstance(pattern, StemGate):
                stems = pattern.stems
            else:
                text = pattern.pattern  # type: ignore[attr-defined]
                if text not in self.stems_of:
                    self.stems_of[text] = pattern_stems(text)
                stems = self.stems_of[text]
            if stems is None:
                continue
            self.next_bit <<= 1
            for stem in stems:
                self.stem_bits[stem] = self.stem_bits.get(stem, 0) | self.next_bit
            pattern.gate_bit = self.next_bit  # type: ignore[attr-defined]
        if pending:
            self.lengths = tuple(sorted({len(stem) for stem in self.stem_bits}))
            self.words.clear()
            self.texts.clear()

    def mask(self, text: str) -> int:
        """The bits of the patterns whose gate opens on `text` (all of them, -1, when the text is
        not ASCII: its lowercase need not be what IGNORECASE compares)."""
        if self.pending:
            self.build()
        found = self.texts.get(text)
        if found is None:
            found = -1 if not text.isascii() else self._words_mask(text)
            if len(self.texts) >= self._TEXTS_KEPT:
                self.texts.clear()
            self.texts[text] = found
        return found

    def _words_mask(self, text: str) -> int:
        found, words, known = OPEN, self.words, self.words.get
        for word in set(_WORD.findall(text.lower())):
            bits = known(word)
            if bits is None:
                bits = self._word_mask(word)
                if len(words) < self._WORDS_KEPT:
                    words[word] = bits
            found |= bits
        return found

    def _word_mask(self, word: str) -> int:
        bits, get = 0, self.stem_bits.get
        for n in self.lengths:
            if n > len(word):
                break
            bits |= get(word[:n], 0)
        return bits


GATES = GateIndex()


def index_gates() -> None:
    """Analyse and index the gate of every pattern built so far: `Resources.load` calls it once
    the actor dictionary's patterns exist, so no text waits for a gate's analysis."""
    GATES.build()


class StemGate:
    """A gate known by its stems (a cue's, computed by the vocabulary), indexed with the patterns'."""

    __slots__ = ("gate_bit", "stems")

    def __init__(self, stems: frozenset[str] | None) -> None:
        self.stems, self.gate_bit = stems, OPEN
        GATES.add(self)


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


def pattern_stems(pattern: str) -> frozenset[str] | None:
    """The stems one of which starts a word of every match of `pattern`, or None (no gate).

    The leading letters of each alternative after a word boundary first (cheap, and it covers
    the cue alternations); else the full regex analysis of `stems.word_stems` (not for a pattern
    longer than ANALYSED_MAX_CHARS)."""
    stems = leading_stems(pattern)
    if stems is None and len(pattern) <= ANALYSED_MAX_CHARS:
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
