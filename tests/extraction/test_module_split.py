"""The actor and date stages are split by job into several modules; callers keep importing from
extraction.actors and extraction.dates, so those must re-export the very same objects."""

from __future__ import annotations

import importlib
from datetime import date
from importlib import resources

import pytest

from extraction.actors.assignment import find_mentions, load_actor_dictionary
from extraction.dates.finder import DateContext, find_dates

REEXPORTS = [
    ("extraction.actors", "extraction.actor_dictionary", "ActorDictionary"),
    ("extraction.actors", "extraction.actor_dictionary", "ActorEntry"),
    ("extraction.actors", "extraction.actor_dictionary", "load_actor_dictionary"),
    ("extraction.actors", "extraction.actor_dictionary", "_candidates"),
    ("extraction.actors", "extraction.actor_mentions", "ActorMention"),
    ("extraction.actors", "extraction.actor_mentions", "TALIBAN_TAKEOVER"),
    ("extraction.actors", "extraction.actor_mentions", "find_mentions"),
    ("extraction.actors", "extraction.actor_mentions", "government_period"),
    ("extraction.actors", "extraction.actor_mentions", "state_force_name"),
    ("extraction.dates", "extraction.date_mentions", "DateContext"),
    ("extraction.dates", "extraction.date_mentions", "DateMention"),
]
SPLIT_MODULES = [
    "actors",
    "actor_dictionary",
    "actor_mentions",
    "dates",
    "date_mentions",
    "date_patterns",
    "date_absolute",
    "date_relative",
]


@pytest.mark.parametrize(("old", "new", "name"), REEXPORTS)
def test_old_module_reexports_the_same_object(old: str, new: str, name: str) -> None:
    assert getattr(importlib.import_module(old), name) is getattr(importlib.import_module(new), name)


@pytest.mark.parametrize("module", ["extraction.actors", "extraction.dates"])
def test_every_listed_public_name_exists(module: str) -> None:
    loaded = importlib.import_module(module)
    assert [name for name in loaded.__all__ if not hasattr(loaded, name)] == []


@pytest.mark.parametrize("module", SPLIT_MODULES)
def test_split_module_stays_under_the_size_limit(module: str) -> None:
    text = resources.files("extraction").joinpath(f"{module}.py").read_text("utf-8")
    assert len(text.splitlines()) <= 800


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # absolute form (date_absolute) and relative form (date_relative) through one entry point
        ("On 3 May 2020, gunmen attacked a bus.", None, [(date(2020, 5, 3), 1)]),
        ("Police said two people were shot dead yesterday.", date(2020, 5, 4), [(date(2020, 5, 3), 1)]),
        ("Two days later, rebels attacked the town.", None, []),
    ],
)
def test_find_dates_reads_both_kinds_of_form(
    sentence: str, published: date | None, expected: list[tuple[date, int]]
) -> None:
    found = find_dates(sentence, DateContext(published=published))
    assert [(m.event_date, m.time_precision) for m in found] == expected


def test_find_mentions_uses_dictionary_and_generic_vocabulary() -> None:
    """'Al Shabaab militants' is one named mention (the dictionary); 'police' a state force."""
    sentence = "Al Shabaab militants attacked a police station in Mandera."
    mentions = find_mentions(sentence, "Kenya", date(2020, 5, 3), load_actor_dictionary())
    assert [m.kind for m in mentions] == ["group", "state"]
    assert mentions[1].name.startswith("Police Forces of Kenya")
