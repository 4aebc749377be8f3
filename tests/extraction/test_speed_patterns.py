"""The superset gate of patterns with case-sensitive parts finds exactly what the plain
IGNORECASE regex finds (extraction.typing.patterns.superset_regex)."""

from __future__ import annotations

import random
import re

import pytest

from extraction.typing.cues import CUES
from extraction.typing.patterns import FoldedPattern, superset_regex

SENTENCES = [
    "Soldiers of the KDF clashed with gunmen near the border post on Tuesday.",
    "The kdf and the gsu were not named in the statement about the market.",
    "ISK claimed the bombing; Isk is also how one paper spells the group.",
    "Fighters of ISWAP attacked a military base, the army said.",
    "Residents may protest in the town square if the fee is not dropped.",
    "May 12 saw a march by teachers; they marched to the ministry.",
    "Police said the men plan to attack the convoy, and Plans were seized.",
    "The ANA and Tatmadaw units shelled positions held by rebels overnight.",
    "An IS-K cell and the ISIS-KP network were blamed for the blast.",
    "Security forces dispersed protesters with tear gas in the capital.",
    "Nothing happened in the village that week, the chief told reporters.",
    "Les manifestants à Bamako ont été dispersés par la police.",
    "Boko Haram and JAS: two names; ansar, Ansar and ANSAR are the same to the (?i:) part.",
    "He was inſtructed to attack the base at dawn.",  # 'ſ' matches 's' only under IGNORECASE
    "Gunmen killed three farmers; the İmam condemned the killing.",
    "",
]
PATTERNS = [
    r"\b(?:police\b|(?-i:KDF|GSU|ISK|IS\-K)\b|soldiers?\b)",
    r"\b(?:could|(?<!\d )(?-i:may)(?!\s+\d)|would)\b",
    r"\b(?:(?-i:march(?:ed|es)?\b)|protest(?:s|ed)?\b)",
    r"\b(?:(?-i:plan(?:s|ned|ning)?|Plans?)) to\b",
    r"\b(?:(?i:Boko Haram|Ansar)|(?-i:JAS|ISK))\b",  # inline flags: dropped on lowercased text
    r"(?-i:IS)?\b",  # empty matches: the plain finditer takes over after the first
]


def _variants(text: str, rng: random.Random) -> list[str]:
    mixed = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)
    return [text, text.upper(), text.lower(), mixed]


def _spans(pattern: FoldedPattern, text: str, plain: bool) -> tuple:
    regex = pattern.ignorecase if plain else pattern
    hit, anchored = regex.search(text), regex.match(text)
    return (
        hit.span() if hit else None,
        anchored.span() if anchored else None,
        [m.span() for m in regex.finditer(text)],
        (m.span() if (m := regex.search(text, 20)) else None),
    )


def _gated_patterns() -> list[FoldedPattern]:
    patterns = [FoldedPattern(p) for p in PATTERNS]
    patterns += [p for p in CUES.values() if isinstance(p, FoldedPattern) and p.superset is not None]
    return patterns


def test_every_case_sensitive_pattern_here_is_gated() -> None:
    patterns = _gated_patterns()
    assert all(p.folded is None and p.superset is not None for p in patterns)
    assert len(patterns) > len(PATTERNS)  # the vocabulary's cues have such patterns too


@pytest.mark.parametrize("seed", range(3))
def test_superset_gate_finds_what_the_plain_regex_finds(seed: int) -> None:
    rng = random.Random(seed)
    texts = [v for s in SENTENCES for v in _variants(s, rng)]
    for pattern in _gated_patterns():
        for text in texts:
            assert _spans(pattern, text, plain=False) == _spans(pattern, text, plain=True), (pattern, text)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?-i:[^A-Z]a)",  # a negated class: lowercasing could hide a match
        r"\b(?-i:(?!X)y)",  # a negative look-ahead
        r"\b(?:\x41bc|(?-i:Q))",  # an escape standing for a capital letter
        "\\b(?:\u017fite|(?-i:Q))",  # a letter IGNORECASE matches to 's'
    ],
)
def test_unsafe_patterns_get_no_gate(pattern: str) -> None:
    assert superset_regex(pattern) is None


def test_gate_keeps_the_case_sensitive_meaning() -> None:
    pattern = FoldedPattern(r"\b(?-i:KDF)\b")
    assert pattern.search("the KDF said") is not None
    assert pattern.search("the kdf said") is None  # the gate passes it, the plain regex decides
    assert re.search(pattern.superset, "the kdf said") is not None


def test_capitalised_word_gets_a_gate_that_keeps_its_case() -> None:
    """'(?-i:[A-Z][\\w'-]+)' (a capitalised name) is gated as any word: the gate lets 'the town'
    through on the lowercase, the plain regex still wants the capital."""
    pattern = FoldedPattern(r"\b(?:seized|captured) (?-i:[A-Z][\w'’-]+)")
    assert pattern.superset is not None
    assert [m.span() for m in pattern.finditer("Rebels SEIZED Kismayo and captured the town.")] == [(7, 21)]
    assert pattern.superset.search("captured the town") is not None
    assert pattern.search("captured the town") is None
    assert superset_regex(r"\b(?-i:[A-Z][^a-z]+)") is None  # another class after the capital
