"""The cue vocabulary, read from data: `data/cues.toml` -> compiled cues and their gates.

A domain expert edits the TOML file (one regex alternative per line, examples per cue); this
module compiles each cue exactly as the engine has always built it (`rx` over the alternatives
joined with '|', or a plain case-sensitive regex) and derives what used to be kept by hand: each
cue's gate (the word stems one of which starts a word of every match, extraction.typing.stems)
and has_trigger's stems (the union of the gates of every cue but the context cues named in
[trigger]). A cue or phrase written only in the data therefore opens its own gate and the trigger.

`packaged_vocabulary()` is read once per process (importlib.resources) and shared; `load_vocabulary`
reads any copy of the file (tests add a line to a copy and see it used).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from extraction.typing.names import ActorNames, packaged_actor_names
from extraction.typing.pattern_gates import GATES
from extraction.typing.patterns import FoldedPattern, rx
from extraction.typing.stems import word_stems
from schemas.codebook import SUB_EVENT_PARENT

VOCABULARY_PACKAGE = "extraction.typing.data"
CUES_FILE = "cues.toml"

Cue = FoldedPattern | re.Pattern[str]


@dataclass(frozen=True)
class Vocabulary:
    """Compiled cues in data order, the examples each must find, note labels and computed gates."""

    cues: dict[str, Cue]
    examples: dict[str, tuple[str, ...]]
    note_prefixes: dict[str, str]
    gates: dict[str, frozenset[str]]  # cue -> word stems; a cue with no provable gate is absent
    trigger_stems: frozenset[str]  # has_trigger's word stems (extraction.typing.gates), computed
    context_cues: frozenset[str] = frozenset()  # who took part, not what happened (never hedged)


def load_vocabulary(source: Path | Traversable | None = None, names: ActorNames | None = None) -> Vocabulary:
    """The vocabulary in `source` (a cues.toml), by default the packaged one; `{parties}`,
    `{armed_groups}` and `{state_forces}` in a pattern stand for the names of the actor
    dictionary (`names`, by default the packaged dictionary's, extraction.typing.names), so a
    party added there is a cue's too.

    Raises ValueError naming the file and the cue when an entry is malformed.
    """
    source = source or resources.files(VOCABULARY_PACKAGE).joinpath(CUES_FILE)
    names = names or packaged_actor_names()
    placeholders = {
        "{parties}": names.parties,
        "{armed_groups}": names.armed_groups,
        "{state_forces}": names.state_forces,
    }
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    cues: dict[str, Cue] = {}
    examples: dict[str, tuple[str, ...]] = {}
    for name, entry in data.get("cue", {}).items():
        patterns, found = entry.get("patterns"), entry.get("examples")
        if not patterns or not found:
            raise ValueError(f"{source}: cue {name!r} needs 'patterns' and at least one of 'examples'")
        patterns = [_with_names(pattern, placeholders) for pattern in patterns]
        cues[name] = _compile(patterns, case_sensitive=bool(entry.get("case_sensitive")))
        examples[name] = tuple(found)
    gates = {name: stems for name, cue in cues.items() if (stems := cue_stems(cue)) is not None}
    for name, stems in gates.items():  # a cue's gate is its pattern's gate too: analysed once
        if isinstance(cues[name], FoldedPattern):
            GATES.analysed(cues[name].pattern, stems)
    # every cue that can make a sentence an event opens the trigger: a sound superset by construction
    context = frozenset(data.get("trigger", {}).get("context_cues", ()))
    triggers = frozenset().union(*(stems for name, stems in gates.items() if name not in context))
    return Vocabulary(cues, examples, dict(data.get("note_prefixes", {})), gates, triggers, context)


@cache
def packaged_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package, read once per process."""
    return load_vocabulary()


def _with_names(pattern: str, placeholders: dict[str, str]) -> str:
    """The pattern with each `{parties}` / `{armed_groups}` / `{state_forces}` replaced by the
    dictionary's names."""
    for placeholder, alternation in placeholders.items():
        pattern = pattern.replace(placeholder, alternation)
    return pattern


def _compile(patterns: list[str], case_sensitive: bool) -> Cue:
    """One cue from its alternatives: the same regex whether they were one string or many lines."""
    joined = "|".join(patterns)
    return re.compile(joined) if case_sensitive else rx(joined)


def cue_stems(cue: Cue) -> frozenset[str] | None:
    """The gate of one compiled cue (None: no gate can be proved, the cue always runs)."""
    if isinstance(cue, FoldedPattern):
        return word_stems(cue.pattern, re.IGNORECASE)
    return word_stems(cue.pattern, cue.flags)


RANKS_FILE = "ranks.toml"
Rank = tuple[tuple[str, str], ...]  # (cue, sub-event type), first present cue decides


@dataclass(frozen=True)
class RankTables:
    """The decision procedure's rank tables (data/ranks.toml) and each row's example sentence."""

    ranks: dict[str, Rank]
    examples: tuple[tuple[str, str, str], ...]  # (cue, sub-event type, sentence it decides)


def load_ranks(source: Path | Traversable | None = None, cues: Iterable[str] = ()) -> RankTables:
    """The rank tables in `source` (a ranks.toml), by default the packaged one.

    Raises ValueError naming the file when a row lacks a field, names a sub-event type the codebook
    does not have, or (with `cues` given) a cue the vocabulary does not have.
    """
    source = source or resources.files(VOCABULARY_PACKAGE).joinpath(RANKS_FILE)
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    known = set(cues)
    ranks: dict[str, Rank] = {}
    examples: list[tuple[str, str, str]] = []
    for table, rows in data.items():
        for row in rows:
            cue, sub_event, example = row.get("cue"), row.get("sub_event_type"), row.get("example")
            if not (cue and sub_event and example):
                raise ValueError(f"{source}: a row of [[{table}]] needs cue, sub_event_type and example")
            if sub_event not in SUB_EVENT_PARENT or (known and cue not in known):
                raise ValueError(
                    f"{source}: [[{table}]] {cue!r} -> {sub_event!r}: unknown cue or sub-event type"
                )
            examples.append((cue, sub_event, example))
        ranks[table] = tuple((row["cue"], row["sub_event_type"]) for row in rows)
    return RankTables(ranks, tuple(examples))


@cache
def packaged_ranks() -> RankTables:
    """The rank tables shipped with the package, checked against the packaged cues."""
    return load_ranks(cues=packaged_vocabulary().cues)


NON_EVENTS_FILE = "non_events.toml"


@dataclass(frozen=True)
class NonEventWords:
    """The word lists of non_event_reason (data/non_events.toml) as regexes, with examples."""

    patterns: dict[str, str]  # list name -> r'\b(?:alternative|...)\b'
    examples: tuple[tuple[str, str, str], ...]  # (list name, sentence, reason or '' for none)


def load_non_event_words(source: Path | Traversable | None = None) -> NonEventWords:
    """The non-event word lists in `source` (a non_events.toml), by default the packaged one.

    Raises ValueError naming the file and the list when one lacks words or examples.
    """
    source = source or resources.files(VOCABULARY_PACKAGE).joinpath(NON_EVENTS_FILE)
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    patterns: dict[str, str] = {}
    examples: list[tuple[str, str, str]] = []
    for name, table in data.items():
        words, found = table.get("words"), table.get("examples")
        if not words or not found:
            raise ValueError(f"{source}: list {name!r} needs 'words' and at least one of 'examples'")
        patterns[name] = r"\b(?:" + "|".join(words) + r")\b"
        examples += [(name, example["text"], example["reason"]) for example in found]
    return NonEventWords(patterns, tuple(examples))


@cache
def packaged_non_event_words() -> NonEventWords:
    """The non-event word lists shipped with the package, read once per process."""
    return load_non_event_words()


ASSERTION_WORDS_FILE = "assertion_words.toml"
CROWD_WORDS_FILE = "crowd_words.toml"
ARMED_WORDS_FILE = "armed_words.toml"
DECISION_WORDS_FILE = "decision_words.toml"


@dataclass(frozen=True)
class WordLists:
    """Word lists that typing grammar is built around (data/assertion_words.toml,
    data/crowd_words.toml, data/armed_words.toml, data/decision_words.toml): the words of each
    list in data order, and each list's examples."""

    words: dict[str, tuple[str, ...]]  # list name -> regex alternatives
    examples: tuple[tuple[str, dict[str, str]], ...]  # (list name, {'text': ..., what it must give})

    def alternation(self, name: str) -> str:
        """The list as one regex alternation, 'a|b|c', for the grammar to wrap."""
        return "|".join(self.words[name])


def load_word_lists(filename: str, source: Path | Traversable | None = None) -> WordLists:
    """The word lists in `source`, by default the packaged file `filename`.

    Raises ValueError naming the file and the list when one lacks words or examples.
    """
    source = source or resources.files(VOCABULARY_PACKAGE).joinpath(filename)
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    words: dict[str, tuple[str, ...]] = {}
    examples: list[tuple[str, dict[str, str]]] = []
    for name, table in data.items():
        found, listed = table.get("examples"), table.get("words")
        if not listed or not found or not all(example.get("text") for example in found):
            raise ValueError(f"{source}: list {name!r} needs 'words' and examples, each with a 'text'")
        words[name] = tuple(listed)
        examples += [(name, dict(example)) for example in found]
    return WordLists(words, tuple(examples))


@cache
def packaged_word_lists(filename: str) -> WordLists:
    """A word-list file shipped with the package, read once per process."""
    return load_word_lists(filename)
