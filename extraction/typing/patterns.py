"""Folded regex patterns: the matching machinery every cue, gate and actor pattern is built on.

A `FoldedPattern` is a case-insensitive regex that searches a lowercased copy of the text when
that is safe (much faster in `re` than IGNORECASE on long alternations), with its top-level
alternatives factored under one word boundary and, in every alternation, the alternatives that
share a first letter factored under it (`factor_first_letters`). `rx` builds one; `Match` is what
its searches return.

Every FoldedPattern is also gated by the word stems its regex needs (`pattern_gates`, indexed
together for all patterns when resources load): a text's words are read once into a mask of the
patterns that can match it, and a pattern whose bit is not in it is not run at all. So the many
cue, hedge and non-event patterns a sentence meets cost one AND each, not one scan each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from extraction.typing.pattern_gates import (
    GATED_MIN_CHARS,
    GATES,
    OPEN,
    closing,
    structure,
    top_level_alternatives,
)


def factor_boundary(pattern: str) -> str:
    """'\\ba|\\bb' -> '\\b(?:a|b)': the same language, but `re` tests the word boundary once per
    position instead of once per alternative (cue alternations have dozens: a 3-5x speed-up).

    Each run of consecutive alternatives that start with the boundary is factored on its own
    ('\\ba|\\bb|\\(c\\)|\\bd|\\be' -> '\\b(?:a|b)|\\(c\\)|\\b(?:d|e)'): the alternatives keep their
    order, so a search tries the same ones in the same order and finds the same match. A run of
    one is left as it is."""
    parts = top_level_alternatives(pattern)
    runs: list[list[str]] = []
    for part in parts:
        bounded = part.startswith(r"\b")
        if bounded and runs and runs[-1][0].startswith(r"\b"):
            runs[-1].append(part)
        else:
            runs.append([part])
    if len(runs) == len(parts):
        return pattern
    return "|".join(run[0] if len(run) == 1 else r"\b(?:" + "|".join(p[2:] for p in run) + ")"
                    for run in runs)


_QUANTIFIERS = ("?", "*", "+", "{")


def factor_first_letters(pattern: str) -> str:
    """'\\b(?:police|policem[ae]n|troops)' -> '\\b(?:p(?:olice|olicem[ae]n)|troops)': in every
    alternation (the pattern's own and each non-capturing group's), consecutive alternatives
    that start with the same literal letter or digit are factored under it.

    For a case-sensitive regex (the lowercased ones FoldedPattern runs) it is the same language
    with the same matches: at any position only the alternatives starting with the character
    there can match, and they are still tried in their order. `re` tests each alternative's first
    character in turn, so the actor alternations (hundreds of names) are tried ~2x faster.
    Not for IGNORECASE regexes ('P' and 'p' would be two groups), nor inside '(?i:'.
    """
    return "|".join(_factored([_factor_groups(part) for part in top_level_alternatives(pattern)]))


def _factor_groups(part: str) -> str:
    """`part` with the alternatives of each non-capturing group at its top level factored."""
    out, k = [], 0
    for index, char, depth in structure(part):
        if char == "(" and depth == 1 and index >= k and part.startswith("(?:", index):
            end = index + closing(part[index:])
            out += [part[k:index], "(?:", factor_first_letters(part[index + 3 : end]), ")"]
            k = end + 1
    return "".join(out) + part[k:]


def _factored(alternatives: list[str]) -> list[str]:
    """Runs of alternatives that start with a plain literal, each grouped by that character
    (in first-seen order, each group's alternatives in their order); the others stay in place."""
    out: list[str] = []
    run: dict[str, list[str]] = {}  # first character -> what follows it in each alternative
    for part in [*alternatives, ""]:
        if part[:1].isascii() and part[:1].isalnum() and part[1:2] not in _QUANTIFIERS:
            run.setdefault(part[0], []).append(part[1:])
            continue
        out += [first + (ends[0] if len(ends) == 1 else _group(ends)) for first, ends in run.items()]
        run = {}
        out.append(part)
    return out[:-1]


def _group(alternatives: list[str]) -> str:
    return "(?:" + "|".join(alternatives) + ")"


class Hit:
    """A match of a FoldedPattern: offsets and text of the original (not the lowercased) string."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("a Hit keeps the whole match only")
        return self._text[self._start : self._end]

    def __repr__(self) -> str:
        return f"<Hit {self.span()} {self.group(0)!r}>"


Match = Hit | re.Match[str]


def _lower_literals(pattern: str) -> str:
    """The pattern with its literal letters lowercased (escapes such as \\S or \\B kept as is)."""
    out, k = [], 0
    while k < len(pattern):
        if pattern[k] == "\\":
            out.append(pattern[k : k + 2])
            k += 2
        else:
            out.append(pattern[k].lower())
            k += 1
    return "".join(out)


_LOWERED: list[str] = ["", ""]


def _lowered(text: str) -> str:
    """text.lower(), remembered for the last text (the cues scan the same sentence many times)."""
    if text is not _LOWERED[0]:
        _LOWERED[0], _LOWERED[1] = text, text.lower()
    return _LOWERED[1]


_SPAN = re.Match.span
# What a case-sensitive part ('(?-i:KDF|ISK)') may hold for the superset gate: literal letters,
# digits and quotes, groups, alternation and optional parts; no class, look-around, repeat or
# escape whose meaning could change under lowercasing.
_PLAIN_CASED_PART = re.compile(r"(?:[A-Za-z0-9 '|?:()]|\\[-b.'s])*")
_CASED_PART = re.compile(r"\(\?-i:")
# '(?-i:[A-Z][\w'-]+)', a capitalised word: on lowercase text its capital is a small letter
_CAPITALISED_PART = re.compile(r"\(\?-i:\[A-Z\](\[(?:\\w|['’.-])+\][+*]?)\)")
_LOWER_UNSAFE = re.compile(r"\\[xuUN0-9]")  # escapes that may stand for a capital letter
# Letters IGNORECASE matches to an ASCII letter that lowercasing does not turn into it ('ſ', the
# Kelvin sign): a pattern holding one is not gated (other non-ASCII letters never meet ASCII text).
_INLINE_CASE = ("(?i:", "(?-i:")
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def superset_regex(pattern: str) -> re.Pattern[str] | None:
    """For a pattern with case-sensitive parts ('(?-i:KDF)': it cannot be folded), its regex
    with lowercased literals and no IGNORECASE: wherever the IGNORECASE pattern matches an ASCII
    text, this one matches the text's lowercase at the same offsets (it also lets 'kdf' through).
    A capitalised word ('(?-i:[A-Z][\\w'-]+)') becomes any word starting with a letter. None when
    that cannot be vouched for (another class, a look-around or escape in a case-sensitive part)."""
    if _LOWER_UNSAFE.search(pattern) or any(trap in pattern for trap in _CASE_TRAPS):
        return None
    pattern = _CAPITALISED_PART.sub(r"(?:[a-z]\1)", pattern)
    for part in _CASED_PART.finditer(pattern):
        close = closing(pattern[part.start() :])
        if close < 0 or not _PLAIN_CASED_PART.fullmatch(pattern, part.end(), part.start() + close):
            return None
    lowered = _lower_literals(pattern)
    # the inline case flags are moot on lowercased text, and `re` is ~3x slower inside '(?i:'
    flagged = [k for k, char, _ in structure(lowered) if char == "(" and lowered.startswith(_INLINE_CASE, k)]
    for k in reversed(flagged):
        lowered = lowered[:k] + "(?:" + lowered[lowered.index(":", k) + 1 :]
    try:
        return re.compile(_factor_letters(lowered))
    except re.error:
        return None


def _factor_letters(pattern: str) -> str:
    """factor_first_letters where it is safe: not across inline flags ('(?i:' in a case-sensitive
    regex), which it would have to read."""
    return pattern if "(?i" in pattern else factor_first_letters(pattern)


class FoldedPattern:
    """A case-insensitive regex that runs case-sensitively on the lowercased text.

    Python's `re` is 3-4x slower with IGNORECASE on long alternations; searching the lowercased
    string with a lowercased pattern gives the same matches (offsets are kept: texts whose
    lowercase changes length, and patterns with case-sensitive parts, use the plain IGNORECASE
    regex). Matches are Hits carrying the original text.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        self.folded = None if "(?-i" in pattern else re.compile(_factor_letters(_lower_literals(pattern)))
        self.superset = superset_regex(pattern) if self.folded is None else None
        self.gate_bit = OPEN  # its bit in pattern_gates.GATES once indexed; OPEN: never closed
        GATES.add(self)

    def _closed(self, text: str) -> bool:
        """Whether the word-stem gate proves `text` holds no match (then no search is needed)."""
        if len(text) < GATED_MIN_CHARS:
            return False
        mask = GATES.texts.get(text)  # the index's memo of recent texts, read here: ~200k calls per MB
        if mask is None:
            mask = GATES.mask(text)
        return not mask & self.gate_bit

    def _target(self, text: str) -> str | None:
        if self.folded is None:
            return None
        low = _lowered(text)
        return low if len(low) == len(text) else None

    def search(self, text: str, pos: int = 0) -> Match | None:
        # _closed and _target inlined: the cue searches are the engine's most frequent call
        if len(text) >= GATED_MIN_CHARS:
            mask = GATES.texts.get(text)
            if not (GATES.mask(text) if mask is None else mask) & self.gate_bit:
                return None
        if self.folded is None:
            if self.superset is not None and text.isascii():
                return self._gated_search(text, pos)
            return self.ignorecase.search(text, pos)
        if text is _LOWERED[0]:
            low = _LOWERED[1]
        else:
            low = _LOWERED[1] = text.lower()
            _LOWERED[0] = text
        if len(low) != len(text):
            return self.ignorecase.search(text, pos)
        m = self.folded.search(low, pos)
        return Hit(text, *m.span()) if m else None

    def match(self, text: str, pos: int = 0) -> Match | None:
        if self._closed(text):
            return None
        low = self._target(text)
        if low is None:
            if self.superset is not None and text.isascii() and not self.superset.match(_lowered(text), pos):
                return None
            return self.ignorecase.match(text, pos)
        m = self.folded.match(low, pos)  # type: ignore[union-attr]
        return Hit(text, *m.span()) if m else None

    def finditer(self, text: str) -> Iterator[Match]:
        if len(text) >= GATED_MIN_CHARS:  # _closed inlined (the second most frequent call)
            mask = GATES.texts.get(text)
            if not (GATES.mask(text) if mask is None else mask) & self.gate_bit:
                return
        low = self._target(text)
        if low is None:
            if self.superset is not None and text.isascii():
                yield from self._gated_finditer(text)
                return
            yield from self.ignorecase.finditer(text)
            return
        for span in map(_SPAN, self.folded.finditer(low)):  # type: ignore[union-attr]
            yield Hit(text, *span)

    def _gated_search(self, text: str, pos: int) -> re.Match[str] | None:
        """ignorecase.search(text, pos) of an ASCII text, tried only where the superset regex
        matches the lowercased text: the leftmost position where the plain regex matches is one
        of them, and the plain regex's match there is what its search returns."""
        low, find, match = _lowered(text), self.superset.search, self.ignorecase.match  # type: ignore[union-attr]
        while (candidate := find(low, pos)) is not None:
            found = match(text, candidate.start())
            if found is not None:
                return found
            pos = candidate.start() + 1
        return None

    def _gated_finditer(self, text: str) -> Iterator[re.Match[str]]:
        """ignorecase.finditer(text) of an ASCII text through _gated_search: each search goes on
        where the last match ended; after an empty match the plain finditer takes over."""
        pos = 0
        while (found := self._gated_search(text, pos)) is not None:
            if found.end() == found.start():
                yield from self.ignorecase.finditer(text, found.start())
                return
            yield found
            pos = found.end()

    def sub(self, repl: Callable[[Match], str], text: str) -> str:
        pieces, last = [], 0
        for m in self.finditer(text):
            pieces += [text[last : m.start()], repl(m)]
            last = m.end()
        return "".join(pieces) + text[last:] if pieces else text

    def split(self, text: str) -> list[str]:
        return self.ignorecase.split(text)


def rx(pattern: str) -> FoldedPattern:
    return FoldedPattern(factor_boundary(pattern))
