"""The speed shortcuts give the same answers as the plain regex scans they skip or replace."""

from __future__ import annotations

import re

import pytest

from extraction.dates import gate as date_gate
from extraction.fatalities.counting import count_fatalities
from extraction.reading.text import FOLD_TRAPS, strip_footnote_markers
from extraction.typing import phrases as event_phrases
from extraction.typing.assertion import _cues_in, _unhedged, non_event_reason
from extraction.typing.cues import CUES
from extraction.typing.gates import has_trigger
from extraction.typing.pattern_gates import (
    ANALYSED_MAX_CHARS,
    GATES,
    OPEN,
    GateIndex,
    StemGate,
    index_gates,
    leading_stems,
    pattern_stems,
)
from extraction.typing.patterns import FoldedPattern, _lower_literals, factor_first_letters, superset_regex
from extraction.typing.vocabulary import packaged_vocabulary

TEXTS = [
    "Police arrested three men planning attacks in Vienna and Cologne.",
    "Militants were plotting to bomb the Kraków station.",
    "Gunmen killed two villagers in Mandera on 3 May.",
    "Two suicide attacks in Kabul killed 12 people.",
    "The Longan Hotel attack and the subsequent Kabul International Airport attack killed 30.",
    "Protesters gathered in İzmir to denounce the ban.",
    "Police said the cell was “plotting” an attack in Köln.",
    "Police found the cell’s plans.",
    "Officers were İnstructed to attack the ‘base’.",
    "The bombing and the other shooting were unrelated to the ſtrike.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_mask_plot_targets_matches_the_plain_substitution(text: str) -> None:
    plain = event_phrases._PLOT_RE.sub(lambda m: " " * len(m.group(0)), text)
    assert event_phrases.mask_plot_targets(text) == plain


@pytest.mark.parametrize("text", TEXTS)
def test_occurrence_count_matches_the_plain_search(text: str) -> None:
    counted = event_phrases._COUNTED_RE.search(text)
    if counted:
        plain = event_phrases._COUNTS[counted["count"].casefold()]
    else:
        plain = 2 if event_phrases._COORDINATED_NOUNS_RE.search(text) else 1
    assert event_phrases.occurrence_count(text) == plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two suicide attacks in Kabul killed 12 people.", 2),
        ("Police dispersed the crowd in Nairobi.", 1),
        ("Planning continued in Kraków after the attack.", 1),
    ],
)
def test_occurrence_count_examples(text: str, expected: int) -> None:
    assert event_phrases.occurrence_count(text) == expected


def test_fold_traps_are_every_letter_lower_misses() -> None:
    # every non-ASCII letter that IGNORECASE matches to an ASCII letter which str.lower() misses
    traps = {
        chr(cp)
        for cp in range(128, 0x250)
        for a in "abcdefghijklmnopqrstuvwxyz"
        if re.fullmatch(a, chr(cp), re.IGNORECASE) and chr(cp).lower() != a
    }
    assert traps == set(FOLD_TRAPS)


def test_plot_gate_keeps_non_ascii_texts_on_the_regex() -> None:
    # 'ſ' (long s) matches 's' under IGNORECASE but str.lower() keeps it: the gate must not decide
    text = "He was inſtructed to attack the base."
    assert event_phrases.mask_plot_targets(text).split() == ["He", "was", "."]


@pytest.mark.parametrize("name", ["protest", "attack", "clash", "crowd", "armed_side"])
@pytest.mark.parametrize("text", TEXTS + ["İİ protests in Ankara", "KILLED by gunmen"])
def test_folded_search_finds_what_ignorecase_finds(name: str, text: str) -> None:
    pattern: FoldedPattern = CUES[name]
    hit, plain = pattern.search(text), pattern.ignorecase.search(text)
    assert (hit.span() if hit else None) == (plain.span() if plain else None)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.ignorecase.finditer(text)]


def test_count_fatalities_cache_answers_per_text() -> None:
    first = count_fatalities("Gunmen killed two villagers in Mandera.")
    other = count_fatalities("Police dispersed the crowd; nobody was hurt.")
    assert first.count == 2
    assert other.count == 0
    assert count_fatalities("Gunmen killed two villagers in Mandera.") == first


def test_date_hint_pattern_is_lowercase() -> None:
    # could_hold_date searches lowercased ASCII sentences with this pattern without IGNORECASE
    pattern = date_gate._SENTENCE_DATE_HINT_RE.pattern
    assert pattern == pattern.lower()


@pytest.mark.parametrize(
    ("sentence", "could"),
    [
        ("Gunmen attacked the village.", False),
        ("Gunmen attacked the village LAST NIGHT.", True),
        ("Gunmen attacked the village in SEPTEMBER.", True),
        ("Gunmen attacked the village in 2020.", True),
        ("Gunmen attacked the vilſage.", False),
        ("Gunmen attacked Kraków on Monday.", True),
        ("Gunmen attacked Kraków.", False),
        ("Gunmen attacked Kraków’s BAZAAR.", False),
        ("Gunmen attacked Kraków’s market LAST WEEK.", True),
        ("İstanbul police raided a flat toDAY.", True),
        ("Police raided the flat yeſterday.", True),
    ],
)
def test_could_hold_date_agrees_with_the_plain_regex(sentence: str, could: bool) -> None:
    assert date_gate.could_hold_date(sentence) is could
    assert (date_gate._SENTENCE_DATE_HINT_RE.search(sentence) is not None) is could


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the influence5 and more", "the influence and more"),
        ("the words12, more", "the words, more"),
        ("COVID19 cases rose", "COVID19 cases rose"),
        ("F16 jets flew", "F16 jets flew"),
        ("abc5 x", "abc5 x"),
        ("a station1234 x", "a station1234 x"),
    ],
)
def test_footnote_marker_after_word(text: str, expected: str) -> None:
    assert strip_footnote_markers(text) == expected


def _folded_patterns() -> list[FoldedPattern]:
    import gc

    import extraction.engine  # noqa: F401  (every stage's patterns exist once it is imported)

    return [o for o in gc.get_objects() if isinstance(o, FoldedPattern)]


LONG_TEXTS = [
    f"{a} {b}" for a, b in zip(TEXTS, [*TEXTS[1:], TEXTS[0]], strict=True) if len(f"{a} {b}") >= 48
] + [
    "Around 200 students protested in Dhaka on Monday; police fired teargas and arrested 12.",
    "Suspected Al Shabaab militants ambushed a KDF convoy near Mandera, killing three soldiers.",
    "The army said it plans to launch an offensive against the rebels in the coming weeks.",
]


def _article_sentences(limit: int = 200) -> list[str]:
    """Sentences of the committed seed articles (raw/*.txt): real prose for the gate checks."""
    from pathlib import Path

    raw = Path(__file__).resolve().parents[2] / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if len(s) >= 48]
    return sentences[:limit]


def test_stem_gates_never_change_a_match(monkeypatch: pytest.MonkeyPatch) -> None:
    # every FoldedPattern skips texts whose words start with none of its regex's stems: the
    # gated search must find exactly what the same search without the gate finds
    patterns = _folded_patterns()
    assert len(patterns) > 50

    def spans(pattern: FoldedPattern, text: str) -> tuple[list, tuple | None, tuple | None]:
        hit, anchored = pattern.search(text), pattern.match(text)
        return (
            [m.span() for m in pattern.finditer(text)],
            hit.span() if hit else None,
            anchored.span() if anchored else None,
        )

    texts = LONG_TEXTS + _article_sentences()
    index_gates()  # every gate from the first search, the huge patterns' too
    gated = {(p.pattern, t): spans(p, t) for p in patterns for t in texts}
    assert sum(p.gate_bit != OPEN for p in patterns) > 90  # nearly all patterns are gated
    _open_every_gate(monkeypatch)
    plain = {(p.pattern, t): spans(p, t) for p in patterns for t in texts}
    assert gated == plain


def _open_every_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain path: every pattern's bit is the one each text's mask holds, no gate closes."""
    for pattern in _folded_patterns():
        monkeypatch.setattr(pattern, "gate_bit", OPEN)


def test_a_cue_pattern_is_gated_by_its_vocabulary_gate() -> None:
    index_gates()
    gates = packaged_vocabulary().gates
    folded = [name for name, cue in CUES.items() if isinstance(cue, FoldedPattern)]
    assert all(GATES.stems_of[CUES[name].pattern] == gates[name] for name in folded if name in gates)


def test_only_huge_patterns_skip_the_full_analysis() -> None:
    small = r"(?:\d )?\bkill"  # leading stems fail (an optional group first): the analysis finds it
    huge = small + r"|\bxxxxxxxxx\d" * 1200
    assert len(huge) > ANALYSED_MAX_CHARS
    assert pattern_stems(small) == {"kill"}
    assert pattern_stems(small + r"|\bxxxxxxxxx\d" * 3) == {"kill", "xxxxxxxxx"}
    assert pattern_stems(huge) is None


def _plain_open(stems: frozenset[str] | None, text: str) -> bool:
    """A gate as its definition reads: open when a word (a-z run of the lowercased text) starts
    with one of the stems; always open without stems or on a text that is not ASCII."""
    words = re.findall(r"[a-z]+", text.lower())
    return stems is None or not text.isascii() or any(word.startswith(tuple(stems)) for word in words)


def test_the_gate_index_opens_exactly_the_plain_gates() -> None:
    # one pass over a text's words (the index's mask) gives each pattern's gate as testing the
    # pattern's own stems (its analysis, or its cue's gate) against the text's words would
    patterns = _folded_patterns()
    index_gates()
    texts = [*TEXTS, *LONG_TEXTS, *_article_sentences(60), "Kraków ſtrike", "the"]
    for text in texts:
        mask = GATES.mask(text)
        for pattern in patterns:
            assert bool(mask & pattern.gate_bit) == _plain_open(GATES.stems_of[pattern.pattern], text), (
                pattern.pattern[:60],
                text,
            )


def test_a_pattern_built_after_the_index_is_gated_at_its_first_search() -> None:
    index = GateIndex()
    late = StemGate.__new__(StemGate)
    late.stems, late.gate_bit = frozenset({"ambush", "raid"}), OPEN
    assert index.mask("nothing to see here") & late.gate_bit  # not indexed: open
    index.add(late)
    assert late.gate_bit == OPEN
    assert not index.mask("nothing to see here") & late.gate_bit  # indexed on the next mask
    assert index.mask("the raiders left") & late.gate_bit
    assert index.mask("an ambush in the hills") & late.gate_bit


def _plain_cues(sentence: str) -> dict[str, tuple[int, int]]:
    """find_cues without any gate: every cue searched (the weak-attack upgrade as find_cues does it)."""
    from extraction.typing import assertion

    found = {}
    for name, pattern in CUES.items():
        match = pattern.search(sentence) if name in assertion._DESCRIPTORS else _unhedged(pattern, sentence)
        if match:
            found[name] = match
    if "attack" in found and found["attack"].group(0).casefold() in assertion._WEAK_ATTACK:
        strong = _unhedged(assertion._STRONG_ATTACK, sentence)
        if strong:
            found["attack"] = strong
    return {name: match.span() for name, match in found.items()}


def test_gated_cue_search_finds_what_the_plain_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [*TEXTS, *LONG_TEXTS, *_article_sentences()]
    index_gates()
    gated = {s: {name: m.span() for name, m in _cues_in.__wrapped__(s).items()} for s in sentences}
    _open_every_gate(monkeypatch)
    assert gated == {s: _plain_cues(s) for s in sentences}
    assert any(gated.values())


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (r"\b(?:attack(?:ed|s)?|gunm[ae]n|shot\b)", {"attack", "gunm", "shot"}),
        (r"\bIFVs?\b|\btear ?-?gas", {"ifv", "tear"}),
        (r"\b(?:(?:an?|the) (?:suspected )?gang)", {"a", "the"}),
        (r"\b(?:police )?officers?\b", {"police", "officer"}),  # either reading starts the word
        (r"\b(?<!\ba )(?:clash(?:ed|es)?|pelt\w*)", {"clash", "pelt"}),  # look-behinds take no letter
        (r"\b(?:x)? attack", None),  # skipped, the optional group leaves a space first
        (r"attack", None),  # no word boundary: may start inside a word
        (r"\b\d+ killed", None),
    ],
)
def test_leading_stems(pattern: str, stems: set[str] | None) -> None:
    found = leading_stems(pattern)
    assert (set(found) if found is not None else None) == stems


REASON_TEXTS = [
    *TEXTS,
    "Police arrested three men planning attacks in Vienna and Cologne?",
    "There were 353 attacks in the province in 2021.",
    "Thieves stole bags of fertiliser from a warehouse in Lilongwe.",
]


@pytest.mark.parametrize("text", REASON_TEXTS)
def test_remembered_non_event_reason_is_the_plain_one(text: str) -> None:
    plain = non_event_reason.__wrapped__(text)
    assert non_event_reason(text) == plain
    assert non_event_reason(text) == plain  # and again, remembered


def plain_has_trigger(sentence: str) -> bool:
    """has_trigger as its docstring defines it: a 'Label:' opening, or a word one of whose
    prefixes is a trigger stem."""
    words = re.findall(r"[a-z]+", sentence.casefold())
    stems = packaged_vocabulary().trigger_stems
    return ":" in sentence[:45] or any(word[:n] in stems for word in words for n in range(1, len(word) + 1))


@pytest.mark.parametrize("text", [*REASON_TEXTS, "Notes: none.", "The weather was mild all week in town."])
def test_has_trigger_is_the_plain_prefix_test(text: str) -> None:
    assert has_trigger(text) == plain_has_trigger(text)
    assert has_trigger(text) == plain_has_trigger(text)  # and again, the word table filled


@pytest.mark.parametrize(
    ("pattern", "factored"),
    [
        (r"\b(?:police|policem[ae]n|troops|tanks)\b", r"\b(?:p(?:olice|olicem[ae]n)|t(?:roops|anks))\b"),
        (r"ab|a+b|ac|ad", r"ab|a+b|a(?:c|d)"),  # a quantified first letter ends the run: order kept
        (r"(?:a|ab)x", r"(?:a(?:|b))x"),
        (r"x(?P<n>a|ab)(?:c|cd|e)", r"x(?P<n>a|ab)(?:c(?:|d)|e)"),  # capturing groups untouched
        (r"(?<!\ba )(?:one|two)", r"(?<!\ba )(?:one|two)"),
    ],
)
def test_factor_first_letters(pattern: str, factored: str) -> None:
    assert factor_first_letters(pattern) == factored


def _plain_lowered(pattern: FoldedPattern) -> re.Pattern[str] | None:
    """The regex FoldedPattern runs on lowercased text, compiled without factoring."""
    if pattern.folded is not None:
        return re.compile(_lower_literals(pattern.pattern))
    if pattern.superset is None:
        return None
    import extraction.typing.patterns as patterns

    original = patterns._factor_letters
    try:
        patterns._factor_letters = lambda text: text
        return superset_regex(pattern.pattern)
    finally:
        patterns._factor_letters = original


def test_factored_regexes_match_as_the_plain_ones() -> None:
    # the same matches, groups included, of every pattern's lowercased regex on real prose
    texts = [t.lower() for t in [*TEXTS, *LONG_TEXTS, *_article_sentences()]]
    checked = 0
    for pattern in _folded_patterns():
        fast, plain = pattern.folded or pattern.superset, _plain_lowered(pattern)
        if fast is None or plain is None:
            continue
        checked += fast.pattern != plain.pattern
        for text in texts:
            assert [m.regs for m in fast.finditer(text)] == [m.regs for m in plain.finditer(text)], (
                pattern.pattern[:60],
                text,
            )
    assert checked > 50
