"""The cue vocabulary as data: every example finds its cue, gates are computed, a line is enough."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from extraction.typing import classify_event, non_event_reason
from extraction.typing.gates import CUE_GATES, gated_cues, has_trigger
from extraction.typing.stems import word_stems
from extraction.typing.vocabulary import (
    load_non_event_words,
    load_ranks,
    load_vocabulary,
    packaged_non_event_words,
    packaged_ranks,
    packaged_vocabulary,
)

VOCABULARY = packaged_vocabulary()
EXAMPLES = [(name, text) for name, texts in VOCABULARY.examples.items() for text in texts]


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_every_example_finds_its_cue_through_its_gate(name: str, example: str) -> None:
    assert VOCABULARY.cues[name].search(example), f"{name!r} does not find its example {example!r}"
    if name in CUE_GATES:
        assert name in gated_cues(example.casefold()), f"the gate of {name!r} stays closed on {example!r}"
    assert has_trigger(example), f"has_trigger misses {example!r}: is {name!r} a context cue?"


def test_every_cue_has_a_computed_gate() -> None:
    # a cue whose gate cannot be proved runs on every sentence: a slow-down worth noticing
    assert set(VOCABULARY.gates) == set(VOCABULARY.cues)


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (r"\bprotest(?:s|ed)?\b|\bmarch", {"protest", "march"}),
        (r"\b\d+ (?:\w+ )?(?:were )?arrested\b", {"arrested"}),  # a letter after a space starts a word
        (r"\bre-?captur(?:e|ed)\b", {"re"}),  # the optional hyphen may end the word
        (r"\b(?:t(?:ook|ake)|pour(?:ed)?) (?:in)?to the streets", {"streets"}),  # the longest stem wins
        (r"\banti-tank\b", {"anti"}),
        (r"\b(?=bomb)(?<!crude )bombs?\b", {"bomb"}),  # lookarounds consume nothing
        (r"\w+ed\b", None),  # no word start can be proved
        (r"\bkill|\d+ dead", {"kill", "dead"}),
        (r"\bkill|\d+", None),  # one alternative without letters: no gate
    ],
)
def test_word_stems(pattern: str, stems: set[str] | None) -> None:
    found = word_stems(pattern, re.IGNORECASE)
    assert (None if found is None else set(found)) == stems


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    """The packaged cues.toml with one line changed, written to tmp_path."""
    text = resources.files("extraction.typing.data").joinpath("cues.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "cues.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_cue_phrase_is_one_data_line_and_opens_its_own_gate(tmp_path: Path) -> None:
    sentence = "Gunmen waylaid two traders on the Garissa road."
    assert not VOCABULARY.cues["assault"].search(sentence)
    first = "patterns = [\n    '\\bambush"
    path = _copy_with(tmp_path, first, first.replace("'", "'\\bwaylaid\\b',\n    '", 1))
    vocabulary = load_vocabulary(path)
    assert vocabulary.cues["assault"].search(sentence).group(0) == "waylaid"
    assert "waylaid" in vocabulary.gates["assault"]


def test_a_new_cue_written_only_in_the_data_is_compiled_and_gated(tmp_path: Path) -> None:
    path = _copy_with(
        tmp_path,
        "[note_prefixes]",
        "[cue.cyber]\nexamples = ['Hackers defaced the ministry website.']\n"
        "patterns = ['\\bdefac(?:ed|ing)\\b']\n\n[note_prefixes]",
    )
    vocabulary = load_vocabulary(path)
    assert vocabulary.gates["cyber"] == {"defaced", "defacing"}
    assert vocabulary.cues["cyber"].search(vocabulary.examples["cyber"][0])


def test_a_cue_without_examples_is_refused(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, "[note_prefixes]", "[cue.empty]\npatterns = ['\\bfoo']\n\n[note_prefixes]")
    with pytest.raises(ValueError, match="cue 'empty' needs 'patterns' and at least one of 'examples'"):
        load_vocabulary(path)


def test_trigger_stems_are_the_gates_of_the_deciding_cues() -> None:
    context = VOCABULARY.context_cues
    assert context == {"civ_victim", "armed_side", "crowd", "partisan"}
    expected = frozenset().union(*(stems for name, stems in VOCABULARY.gates.items() if name not in context))
    assert VOCABULARY.trigger_stems == expected


def test_a_new_cue_opens_the_trigger_by_itself(tmp_path: Path) -> None:
    path = _copy_with(
        tmp_path,
        "[note_prefixes]",
        "[cue.cyber]\nexamples = ['Hackers defaced the ministry website.']\n"
        "patterns = ['\\bdefac(?:ed|ing)\\b']\n\n[note_prefixes]",
    )
    assert {"defaced", "defacing"} <= load_vocabulary(path).trigger_stems
    assert "defaced" not in VOCABULARY.trigger_stems


RANK_EXAMPLES = packaged_ranks().examples


@pytest.mark.parametrize(("cue", "sub_event", "example"), RANK_EXAMPLES)
def test_every_rank_row_decides_its_example(cue: str, sub_event: str, example: str) -> None:
    typing = classify_event(example)
    assert typing is not None, f"{example!r} is not typed"
    assert (typing.sub_event_type, typing.rule) == (sub_event, f"{cue} cue")


def test_a_rank_row_with_a_sub_event_type_outside_the_codebook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ranks.toml"
    path.write_text(
        '[[explosion]]\ncue = "air"\nsub_event_type = "Air strike"\nexample = "x"\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match="'air' -> 'Air strike': unknown cue or sub-event type"):
        load_ranks(path)


NON_EVENT_EXAMPLES = packaged_non_event_words().examples


@pytest.mark.parametrize(("name", "sentence", "reason"), NON_EVENT_EXAMPLES)
def test_every_non_event_example_gets_its_reason(name: str, sentence: str, reason: str) -> None:
    assert re.search(packaged_non_event_words().patterns[name], sentence, re.IGNORECASE), f"no [{name}] word"
    assert (non_event_reason(sentence) or "") == reason


def test_a_non_event_word_is_one_data_line(tmp_path: Path) -> None:
    text = resources.files("extraction.typing.data").joinpath("non_events.toml").read_text(encoding="utf-8")
    path = tmp_path / "non_events.toml"
    path.write_text(text.replace("[mishap]\nwords = [\n", "[mishap]\nwords = [\n    'avalanches?',\n", 1))
    assert re.search(load_non_event_words(path).patterns["mishap"], "An avalanche buried the road.")
