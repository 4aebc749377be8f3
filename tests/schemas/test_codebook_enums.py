"""Codebook names are enums (schemas.codebook) whose members behave exactly like the strings
they replace, and the lookup tables are built from them."""

from __future__ import annotations

import json

import polars as pl
import pytest

from extraction.typing import EventTyping
from schemas.codebook import EVENT_TYPES, INTER_LABELS, SUB_EVENT_PARENT, EventType, InterLabel, SubEventType


def test_members_compare_hash_and_serialise_as_their_names() -> None:
    assert SubEventType.PEACEFUL_PROTEST == "Peaceful protest"
    assert {"Peaceful protest": 1}[SubEventType.PEACEFUL_PROTEST] == 1
    assert json.dumps([EventType.RIOTS, InterLabel.STATE_FORCES]) == '["Riots", "State forces"]'
    assert f"{SubEventType.ARMED_CLASH}" == "Armed clash"
    assert pl.Series([SubEventType.ATTACK]).to_list() == ["Attack"]


def test_the_tables_hold_every_member_once() -> None:
    assert list(EVENT_TYPES) == [t.value for t in EventType]
    assert sorted(SUB_EVENT_PARENT) == sorted(s.value for s in SubEventType)
    assert list(INTER_LABELS.values()) == [label.value for label in InterLabel]
    assert list(INTER_LABELS) == list(range(1, 9))


def test_a_misspelt_member_fails_at_once() -> None:
    with pytest.raises(AttributeError):
        SubEventType.PEACEFULL_PROTEST  # noqa: B018


@pytest.mark.parametrize(
    ("event_type", "sub_event_type"),
    [("Protests", "Peacefull protest"), ("Riots", "Peaceful protest")],
)
def test_a_rule_typing_outside_the_codebook_fails_where_it_is_built(
    event_type: str, sub_event_type: str
) -> None:
    with pytest.raises(ValueError, match="not a codebook typing"):
        EventTyping(event_type, sub_event_type, "Demonstrations", "protest", "some rule", 0.5)
