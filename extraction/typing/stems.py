"""Word stems a regular expression needs: the gates in front of the cue regexes, computed.

`word_stems(pattern)` reads a regex's parse tree and returns lowercase letter strings such that
every match of the regex contains a word (a maximal run of a-z in the casefolded text) that starts
with one of them, or None when no such set can be proved (then the cue always runs). The engine
checks the stems against the sentence's words before it runs the regex, so a closed gate must mean
"no match": the analysis only claims what every path through the regex guarantees.

Computed when the vocabulary loads (extraction.typing.vocabulary), never kept by hand, so a cue
phrase written only in the data opens its own gate.
"""

from __future__ import annotations

from re import _constants as sre  # the stdlib regex parser: the only reader of Python's regex syntax
from re import _parser

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_MAX_STEMS = 256  # more alternatives than this at one position: stop extending (still sound)
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_NON_LETTER_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_DIGIT)

Stems = frozenset[str]
_Lead = frozenset[tuple[str, bool]]  # (letters so far, whether the word may still go on)


def word_stems(pattern: str, flags: int = 0) -> Stems | None:
    """Stems one of which starts a word of every match of `pattern`, or None if unknown.

    '\\bprotest(?:s|ed)?\\b|\\bmarch' -> {'protest', 'march'}; '\\b\\d+ arrested' -> {'arrested'}
    (a letter after a space starts a word); '\\w+ed' -> None.
    """
    return _required(list(_parser.parse(pattern, flags)), word_start=False)


def _required(items: list, word_start: bool) -> Stems | None:
    """The best stem set any required element of this sequence guarantees."""
    best: Stems | None = None
    for index, (op, av) in enumerate(items):
        candidates: list[Stems | None] = []
        if word_start:
            candidates.append(_complete(_lead(items[index:])))
        if op is sre.SUBPATTERN:
            candidates.append(_required(list(av[-1]), word_start))
        elif op is sre.BRANCH:
            candidates.append(_union(_required(list(branch), word_start) for branch in av[1]))
        elif op in _REPEATS and av[0] >= 1:
            candidates.append(_required(list(av[2]), word_start))
        for candidate in candidates:
            best = _better(best, candidate)
        word_start = _starts_word_after(op, av, word_start)
    return best


def _starts_word_after(op: object, av: object, word_start: bool) -> bool:
    """Whether a letter right after this element starts a word."""
    if op in _ZERO_WIDTH:
        return word_start
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or word_start
    if op is sre.LITERAL:
        return chr(av).lower() not in _LETTERS  # type: ignore[arg-type]
    if op is sre.IN:
        return _non_letter_class(av)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, _, body = av  # type: ignore[misc]
        ends = _ends_without_letter(list(body))
        return ends and word_start if low == 0 else ends
    if op is sre.SUBPATTERN:
        return _ends_without_letter(list(av[-1]))  # type: ignore[index]
    if op is sre.BRANCH:
        return all(_ends_without_letter(list(branch)) for branch in av[1])  # type: ignore[index]
    return False


def _ends_without_letter(items: list) -> bool:
    """Whether every match of `items` ends with a character that is not a letter (' ', '-')."""
    consuming = [(op, av) for op, av in items if op not in _ZERO_WIDTH and op is not sre.AT]
    return bool(consuming) and _starts_word_after(*consuming[-1], word_start=False)


def _non_letter_class(members: list) -> bool:
    """A character class that cannot match an a-z letter in any case (\\s, \\d, [,.;])."""
    for op, av in members:
        if op is sre.NEGATE:
            return False
        if op is sre.LITERAL and chr(av).lower() in _LETTERS:
            return False
        if op is sre.RANGE and any(chr(c).lower() in _LETTERS for c in range(av[0], av[1] + 1)):
            return False
        if op is sre.CATEGORY and av not in _NON_LETTER_CATEGORIES:
            return False
        if op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY):
            return False
    return True


def _lead(items: list) -> _Lead:
    """The letter strings a match of `items` can begin with, each marked open while the whole
    sequence so far was letters (so what follows extends the same word)."""
    states: set[tuple[str, bool]] = {("", True)}
    for op, av in items:
        opened = {text for text, still in states if still}
        if not opened:
            break
        if op in _ZERO_WIDTH:
            continue
        states = {state for state in states if not state[1]} | _extend(opened, op, av)
        if len(states) > _MAX_STEMS:
            return frozenset((text, False) for text, _ in states)
    return frozenset(states)


def _extend(opened: set[str], op: object, av: object) -> set[tuple[str, bool]]:
    """The open strings after one more element."""
    if op is sre.LITERAL:
        char = chr(av).lower()  # type: ignore[arg-type]
        return {(text + char, True) for text in opened} if char in _LETTERS else _close(opened)
    if op is sre.SUBPATTERN:
        return _concat(opened, _lead(list(av[-1])))  # type: ignore[index]
    if op is sre.BRANCH:
        return _concat(opened, frozenset().union(*(_lead(list(b)) for b in av[1])))  # type: ignore[index]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return {(text, False) for text, _ in _concat(opened, _lead(list(av[2])))}  # type: ignore[index]
    return _close(opened)


def _concat(opened: set[str], lead: _Lead) -> set[tuple[str, bool]]:
    return {(text + more, still) for text in opened for more, still in lead}


def _close(opened: set[str]) -> set[tuple[str, bool]]:
    return {(text, False) for text in opened}


def _complete(lead: _Lead) -> Stems | None:
    """Stems from a lead, or None when one path begins with no letter at all."""
    stems = frozenset(text for text, _ in lead)
    return None if "" in stems else stems


def _union(sets: object) -> Stems | None:
    found: set[str] = set()
    for stems in sets:  # type: ignore[attr-defined]
        if stems is None:
            return None
        found |= stems
    return frozenset(found)


def _better(a: Stems | None, b: Stems | None) -> Stems | None:
    """The tighter gate: longer shortest stem, then fewer stems."""
    if a is None or b is None:
        return a or b
    return min(a, b, key=lambda s: (-min(map(len, s)), len(s)))

