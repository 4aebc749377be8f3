"""The place vocabulary as data: every example of words.toml reads as it says, a word is a line."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from extraction.places import Gazetteer, find_places
from extraction.places.lexicon import load_place_words, packaged_place_words

WORDS = packaged_place_words()
EXAMPLES = [(name, example) for name, examples in WORDS.examples.items() for example in examples]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _contains_a_word(text: str, words: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", folded) for word in words)


@pytest.mark.parametrize(
    ("table", "example"), EXAMPLES, ids=[f"{t}-{i}" for i, (t, _) in enumerate(EXAMPLES)]
)
def test_every_example_reads_as_it_says(gazetteer: Gazetteer, table: str, example: dict) -> None:
    text = str(example["text"])
    assert _contains_a_word(text, WORDS.tables[table]), f"{text!r} holds no word of [{table}]"
    mentions = {text[m.start : m.end]: m for m in find_places(text, gazetteer)}
    if "not_place" in example:
        assert example["not_place"] not in mentions, f"[{table}]: {example['not_place']!r} read as a place"
    if "place" in example:
        mention = mentions.get(str(example["place"]))
        assert mention is not None, f"[{table}]: {example['place']!r} not found in {sorted(mentions)}"
        for key in ("level", "cue", "landmark"):
            if key in example:
                assert getattr(mention, key) == example[key], f"[{table}] {key}: {getattr(mention, key)!r}"


def test_a_word_is_one_data_line(tmp_path: Path) -> None:
    text = resources.files("extraction.places.data").joinpath("words.toml").read_text(encoding="utf-8")
    path = tmp_path / "words.toml"
    path.write_text(text.replace("[name_levels]\nwords = '''\n", "[name_levels]\nwords = '''\nkhet\n", 1))
    assert "khet" in load_place_words(path).tables["name_levels"]


def test_a_table_without_examples_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text("[stop_words]\nwords = 'Friday'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="table 'stop_words' needs 'words' and at least one of 'examples'"):
        load_place_words(path)
