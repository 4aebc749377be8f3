"""The actor dictionary: ACLED's actor names with the aliases texts use, built once from
extraction/data/actors.json, and the needle index that keeps alias matching cheap.

Each named group, party and state-force alias is a regex; a sentence is tested only against the
entries whose literal prefix heads one of its words (see `_needle_index`), so a sentence costs a
few dict lookups instead of hundreds of regex scans.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from extraction import packaged
from extraction.typing import FoldedPattern, factor_first_letters, rx

ACTORS_FILE = "actors.json"

__all__ = ["ActorDictionary", "ActorEntry", "NeedleIndex", "load_actor_dictionary"]


@dataclass(frozen=True)
class ActorEntry:
    """One named group of the dictionary."""

    name: str
    inter: int
    pattern: re.Pattern[str]
    by_country: tuple[tuple[str, str], ...] = ()
    country_suffix: bool = False
    taliban: bool = False
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class ActorDictionary:
    """Everything actor assignment needs, built once from extraction/data/actors.json."""

    groups: tuple[ActorEntry, ...]
    parties: tuple[ActorEntry, ...]
    identity_groups: tuple[tuple[str, FoldedPattern], ...]
    ethnic_pattern: re.Pattern[str]
    nationality_pattern: re.Pattern[str]
    nationalities: dict[str, str]
    state_aliases: tuple[tuple[str, re.Pattern[str]], ...]
    state_ambiguous: tuple[bool, ...]  # per state alias: a one-word alias (see _ambiguous_alias)
    state_periods: dict[str, tuple[tuple[date, str], ...]]
    countries_with_the: frozenset[str]
    gang_regions: frozenset[str]
    gang_names: dict[str, str] = field(default_factory=dict)
    group_needles: tuple[tuple[str, ...], ...] = ()  # per group: literal prefixes one of which must occur
    state_needles: tuple[tuple[str, ...], ...] = ()
    group_index: NeedleIndex = field(default_factory=dict)  # built from group_needles
    state_index: NeedleIndex = field(default_factory=dict)
    party_needles: tuple[tuple[str, ...], ...] = ()
    party_index: NeedleIndex = field(default_factory=dict)
    any_identity_group: FoldedPattern | None = None  # all identity patterns: one search rules them out
    homes: dict[str, str] = field(default_factory=dict)  # actor name (no suffix) -> its one country


_AFFILIATION = r"(?:affiliated|linked|aligned|backed|inspired|allied|led|claimed)\b"


def _alias_pattern(aliases: list[str], acronyms: list[str]) -> re.Pattern[str]:
    parts = [f"(?i:{a})" for a in aliases] + [re.escape(a) for a in acronyms]
    # 'Islamic State-affiliated militants' names the group; 'IS-K' must not match 'IS'.
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)(?!-(?!" + _AFFILIATION + r")\w)")


def _entry(raw: dict) -> ActorEntry:
    return ActorEntry(
        name=raw["name"],
        inter=int(raw.get("inter", 3)),
        pattern=_alias_pattern(raw.get("aliases", []), raw.get("acronyms", [])),
        by_country=tuple(raw.get("by_country", {}).items()),
        country_suffix=raw.get("country_suffix", False),
        taliban=raw.get("taliban", False),
        valid_from=date.fromisoformat(raw["from"]) if raw.get("from") else None,
        valid_until=date.fromisoformat(raw["until"]) if raw.get("until") else None,
    )


def _state_alias(alias: str) -> re.Pattern[str]:
    """One-word aliases ('Levies', 'Ansar', 'AFP') are also common words or other names: they
    match only as written (capitalised); multi-word names match in any case."""
    flags = 0 if " " not in alias else re.IGNORECASE
    return re.compile(r"(?<![\w-])(?:" + alias + r")(?![\w-])", flags)


def _ambiguous_alias(alias: str) -> bool:
    """A one-word alias names a foreign force only when the text also names that country."""
    return " " not in alias


_REGEX_META = re.compile(r"[\[\](){}|\\.^$]|.[?*]")


def _needle(alias: str) -> str:
    """The literal text every match of an alias regex starts with, lowercased ('' if none).

    Cut at the first regex construct; a character made optional by '?' or '*' is cut too.
    """
    meta = _REGEX_META.search(alias)
    return (alias[: meta.start()] if meta else alias).casefold()


def _needles(aliases: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which occurs in any sentence an entry can match; () means 'always check'."""
    needles = tuple(_needle(alias) for alias in aliases)
    return () if any(len(n) < 2 for n in needles) else needles


NeedleIndex = dict[str, tuple[int, ...]]  # word head (2-3 chars) -> entries to test; "" -> always test
_NEEDLE_KEY = re.compile(r"\w{1,3}")
_WORD_HEADS = re.compile(r"(?<!\w)\w\w\w?")


def _needle_index(needle_lists: Iterable[tuple[str, ...]]) -> NeedleIndex:
    """Entries by the first 2-3 word characters of their needles.

    Every alias match starts a word, so an entry can match only if one of its keys heads a word
    of the sentence: a sentence costs a few dict lookups instead of a scan per entry.
    """
    index: dict[str, set[int]] = {}
    for k, needles in enumerate(needle_lists):
        keys = [m.group(0) if (m := _NEEDLE_KEY.match(n)) else "" for n in needles]
        for key in keys if needles and all(len(key) >= 2 for key in keys) else [""]:
            index.setdefault(key, set()).add(k)
    return {key: tuple(sorted(entries)) for key, entries in index.items()}


_HEADS: list = ["", frozenset()]  # the last sentence's word heads (three indexes look it up)


def _word_heads(folded: str) -> frozenset[str]:
    if folded != _HEADS[0]:
        heads = set(_WORD_HEADS.findall(folded))
        _HEADS[0], _HEADS[1] = folded, frozenset(heads | {head[:2] for head in heads} | {""})
    return _HEADS[1]


def _candidates(folded: str, index: NeedleIndex) -> list[int]:
    """Entries whose key heads a word of the sentence: the set intersection runs in C over the
    (few) index keys instead of a Python loop over the (many) word heads."""
    keys = _word_heads(folded).intersection(index)
    if len(keys) == 1:
        return list(index[next(iter(keys))])
    return sorted({k for key in keys for k in index[key]})


@cache
def load_actor_dictionary(source: Path | None = None) -> ActorDictionary:
    """Read the packaged actor dictionary once (cached: it is immutable), or a copy at `source`
    (an edited actors.json: tests add an alias to a copy and see the engine use it)."""
    raw = packaged.read_json(ACTORS_FILE) if source is None else json.loads(source.read_text("utf-8"))
    return packaged.parse(ACTORS_FILE, lambda: _dictionary_from(raw))


def _dictionary_from(raw: dict) -> ActorDictionary:
    nationalities = raw["nationalities"]
    names = sorted(nationalities, key=len, reverse=True)
    groups = tuple(_entry(g) for g in raw["groups"])
    state_aliases = tuple(
        (country, _state_alias(alias))
        for country, aliases in raw["state_forces"].items()
        for alias in aliases
    )
    group_needles = tuple(_needles(g.get("aliases", []) + g.get("acronyms", [])) for g in raw["groups"])
    state_needles = tuple(_needles([alias]) for aliases in raw["state_forces"].values() for alias in aliases)
    party_needles = tuple(_needles(p.get("aliases", []) + p.get("acronyms", [])) for p in raw["parties"])
    return ActorDictionary(
        groups=groups,
        group_needles=group_needles,
        state_needles=state_needles,
        group_index=_needle_index(group_needles),
        state_index=_needle_index(state_needles),
        parties=tuple(_entry({**p, "inter": 3}) for p in raw["parties"]),
        party_needles=party_needles,
        party_index=_needle_index(party_needles),
        identity_groups=tuple((name, rx(rf"\b(?:{pattern})\b")) for name, pattern in raw["identity_groups"]),
        any_identity_group=rx(r"\b(?:" + "|".join(pattern for _, pattern in raw["identity_groups"]) + r")\b"),
        # names factored by first letter: `re` tries ~20 groups per word, not ~100 names (same matches)
        ethnic_pattern=re.compile(r"\b(" + factor_first_letters("|".join(raw["ethnic_groups"])) + r")s?\b"),
        nationality_pattern=re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
        ),
        nationalities=nationalities,
        state_aliases=state_aliases,
        state_ambiguous=tuple(
            _ambiguous_alias(alias) for aliases in raw["state_forces"].values() for alias in aliases
        ),
        state_periods={
            country: tuple((date.fromisoformat(start), label) for start, label in periods)
            for country, periods in raw["state_periods"].items()
        },
        countries_with_the=frozenset(raw["countries_with_the"]),
        gang_regions=frozenset(raw["gang_regions"]),
        gang_names=raw.get("gang_names", {}),
        homes=_homes(raw),
    )


def _homes(raw: dict) -> dict[str, str]:
    """Actor name -> home country: named groups and parties with a 'home', and the ethnic
    militias of groups that live in one country ('Kikuyu Ethnic Militia' -> Kenya)."""
    homes = {e["name"]: e["home"] for e in [*raw["groups"], *raw["parties"]] if e.get("home")}
    homes.update({f"{name} Ethnic Militia": home for name, home in raw.get("ethnic_homes", {}).items()})
    return homes
