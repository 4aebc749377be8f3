"""Actor aliases are data: one alias added to a copy of actors.json is found by the engine."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from extraction.actors import find_actors, load_actor_dictionary
from extraction.typing import classify_event, decisions
from extraction.typing.cues import armed_target
from extraction.typing.event_types import decide, find_cues
from extraction.typing.names import actor_names, state_force_alternation
from extraction.typing.vocabulary import load_vocabulary, packaged_vocabulary

SENTENCE = "On 3 May 2024, soldiers clashed with Katiba Serma fighters near Boni."


def _with_alias(tmp_path: Path, group: str, alias: str) -> Path:
    raw = json.loads(resources.files("extraction").joinpath("data", "actors.json").read_text("utf-8"))
    entry = next(g for g in raw["groups"] if g["name"].startswith(group))
    entry["aliases"].append(alias)
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_an_alias_is_one_data_line(tmp_path: Path) -> None:
    typing = classify_event(SENTENCE)
    assert typing is not None
    before = find_actors(SENTENCE, typing, "Mali", date(2024, 5, 3), load_actor_dictionary())
    assert "JNIM" not in (before.actor2 or "")
    actors = load_actor_dictionary(_with_alias(tmp_path, "JNIM", "katiba serma"))
    after = find_actors(SENTENCE, typing, "Mali", date(2024, 5, 3), actors)
    assert after.actor2 == "JNIM: Group for Support of Islam and Muslims"


LAKURAWA = "On 3 May 2024, soldiers attacked Lakurawa in Tangaza."


def test_typing_reads_armed_groups_from_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'soldiers attacked JNIM' is a clash because JNIM is an armed group of the dictionary; one
    data line makes Lakurawa one too, for typing as for actor assignment."""
    jnim = classify_event(LAKURAWA.replace("Lakurawa", "JNIM"))
    assert jnim is not None and jnim.sub_event_type == "Armed clash"
    before = classify_event(LAKURAWA)
    assert before is not None and before.sub_event_type == "Attack"

    raw = json.loads(resources.files("extraction").joinpath("data", "actors.json").read_text("utf-8"))
    raw["groups"].append({"name": "Lakurawa", "inter": 2, "aliases": ["lakurawa"]})  # the one line
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(raw), encoding="utf-8")

    monkeypatch.setattr(
        decisions, "ARMED_TARGET", armed_target(actor_names(json.loads(path.read_text())).armed_groups)
    )
    assert decide(find_cues(LAKURAWA), LAKURAWA)[0] == "Armed clash"
    actors = find_actors(LAKURAWA, jnim, "Nigeria", date(2024, 5, 3), load_actor_dictionary(path))
    assert actors.actor2 == "Lakurawa"


def test_a_party_added_to_the_dictionary_is_a_partisan_cue() -> None:
    """The partisan cue's party names are the dictionary's ('{parties}' in cues.toml)."""
    sentence = "APC youths clashed with PDP youths in Kano."
    assert not packaged_vocabulary().cues["partisan"].search(sentence)
    raw = json.loads(resources.files("extraction").joinpath("data", "actors.json").read_text("utf-8"))
    raw["parties"].append({"name": "APC: All Progressives Congress", "acronyms": ["APC"]})  # the one line
    vocabulary = load_vocabulary(names=actor_names(raw))
    assert vocabulary.cues["partisan"].search(sentence).group(0) == "APC"


SSPDF = "On 3 May 2024, gunmen attacked SSPDF in Yei."


def test_typing_reads_state_forces_from_the_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'gunmen attacked KDF' is a clash because KDF is a state force of the dictionary, not a word
    of the typing grammar; one data line makes South Sudan's SSPDF one too."""
    kdf = classify_event(SSPDF.replace("SSPDF", "KDF").replace("Yei", "Lamu"))
    assert kdf is not None and kdf.sub_event_type == "Armed clash"
    before = classify_event(SSPDF)
    assert before is not None and before.sub_event_type == "Attack"

    raw = json.loads(resources.files("extraction").joinpath("data", "actors.json").read_text("utf-8"))
    raw["state_forces"]["South Sudan"] = ["SSPDF"]  # the one line
    names = actor_names(raw)
    assert "SSPDF" in names.state_forces and "KDF" in names.state_forces
    monkeypatch.setattr(decisions, "ARMED_TARGET", armed_target(names.armed_groups, names.state_forces))
    assert decide(find_cues(SSPDF), SSPDF)[0] == "Armed clash"


def test_state_forces_are_read_as_actor_assignment_reads_them() -> None:
    """One-word aliases as written ('Levies' is also a word), longer names in any case."""
    alternation = state_force_alternation({"Kenya": ["KDF", "General Service Unit"], "Pakistan": ["Levies"]})
    assert alternation == "(?i:General Service Unit)|(?-i:KDF|Levies)"
    pattern = re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)
    assert pattern.search("officers of the general service unit") and pattern.search("KDF soldiers")
    assert not pattern.search("the levies were raised")
