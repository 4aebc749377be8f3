"""Actor aliases are data: one alias added to a copy of actors.json is found by the engine."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

from extraction.actors import find_actors, load_actor_dictionary
from extraction.typing import classify_event

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
