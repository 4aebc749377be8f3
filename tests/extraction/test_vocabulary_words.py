"""The word lists typing grammar is built around are data (typing/data/assertion_words.toml,
crowd_words.toml, armed_words.toml, decision_words.toml): every example holds a word of its list
and reads as it says, a word is a line."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from extraction.typing import classify_event, non_event_reason
from extraction.typing.assertion import find_cues
from extraction.typing.vocabulary import (
    ARMED_WORDS_FILE,
    ASSERTION_WORDS_FILE,
    CROWD_WORDS_FILE,
    DECISION_WORDS_FILE,
    load_word_lists,
    packaged_word_lists,
)

FILES = (ASSERTION_WORDS_FILE, CROWD_WORDS_FILE, ARMED_WORDS_FILE, DECISION_WORDS_FILE)
EXAMPLES = [
    (filename, name, example)
    for filename in FILES
    for name, example in packaged_word_lists(filename).examples
]


def _holds_a_word(words: tuple[str, ...], text: str) -> bool:
    """A word of the list, matched as the grammar does (case-insensitive, whole words)."""
    return any(re.search(rf"\b(?:{word})\b", text, re.IGNORECASE) for word in words)


@pytest.mark.parametrize(
    ("filename", "name", "example"), EXAMPLES, ids=[f"{f.split('_')[0]}-{n}" for f, n, _ in EXAMPLES]
)
def test_every_example_reads_as_it_says(filename: str, name: str, example: dict[str, str]) -> None:
    text = example["text"]
    assert _holds_a_word(packaged_word_lists(filename).words[name], text), f"{text!r} holds no [{name}] word"
    if "sub_event_type" in example:
        typing = classify_event(text)
        assert (typing.sub_event_type if typing else "") == example["sub_event_type"]
    if "reason" in example:
        assert (non_event_reason(text) or "") == example["reason"]
    cues = find_cues(text)
    if "without_cue" in example:
        assert example["without_cue"] not in cues
    if "with_cue" in example:
        assert example["with_cue"] in cues
        if "trigger" in example:
            assert cues[example["with_cue"]].group(0) == example["trigger"]


def test_every_list_is_used_by_the_grammar() -> None:
    """A list the Python grammar never names would be edited for nothing."""
    source = "".join(
        resources.files("extraction.typing").joinpath(module).read_text(encoding="utf-8")
        for module in ("assertion.py", "crowds.py", "cues.py", "decisions.py", "territory.py")
    )
    for filename in FILES:
        for name in packaged_word_lists(filename).words:
            assert f'"{name}"' in source, f"[{name}] of {filename} is not read by the grammar"


def test_a_grammar_word_is_one_data_line(tmp_path: Path) -> None:
    text = resources.files("extraction.typing.data").joinpath(CROWD_WORDS_FILE).read_text(encoding="utf-8")
    path = tmp_path / CROWD_WORDS_FILE
    path.write_text(text.replace("[firearms]\nwords = [\n", "[firearms]\nwords = [\n    'machetes?',\n", 1))
    lists = load_word_lists(CROWD_WORDS_FILE, path)
    assert lists.words["firearms"][0] == "machetes?"
    assert re.search(lists.alternation("firearms"), "youths armed with machetes")


def test_a_list_without_examples_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text("[firearms]\nwords = ['guns?']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="list 'firearms' needs 'words' and examples"):
        load_word_lists("words.toml", path)
