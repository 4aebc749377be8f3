"""The extraction engine is laid out as stage packages (reading, dates, places, actors, typing,
fatalities, records) with a public surface each; `engine.py` only orchestrates them.

These tests keep the layout from eroding: a private name imported across a package boundary, a
module reaching into another stage's internals, or a module growing past the size limit fails
here, not in review.
"""

from __future__ import annotations

import ast
import importlib
from datetime import date
from pathlib import Path

import pytest

from extraction.actors import load_actor_dictionary
from extraction.actors.assignment import find_mentions
from extraction.dates import DateContext, find_dates

ROOT = Path(__file__).resolve().parents[2]
EXTRACTION = ROOT / "extraction"
STAGES = ["reading", "dates", "places", "actors", "typing", "fatalities", "records"]
# Library and application code held to the rule (tests may reach into the module they test).
CHECKED = [EXTRACTION, ROOT / "flows", ROOT / "eventpipe", ROOT / "warehouse", ROOT / "schemas"]
ENGINE_MAX_LINES = 400
MODULE_MAX_LINES = 500


def owner(module: str) -> str:
    """The unit a dotted module belongs to: 'extraction.places.mentions' -> 'extraction.places',
    'extraction.engine' -> 'extraction.engine', 'flows.tasks' -> 'flows'."""
    parts = module.split(".")
    if parts[0] == "extraction" and len(parts) > 1:
        return ".".join(parts[:2])
    return parts[0]


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def cross_package_imports(source: str, module: str) -> list[tuple[str, str, str]]:
    """(module imported from, name, why) for each import of `source` (the text of `module`) that
    breaks the layout: an underscore name from another package, or another stage's submodule
    instead of its package surface."""
    here = owner(module)
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if not node.module.startswith("extraction") or owner(node.module) == here:
            continue
        for alias in node.names:
            if alias.name.startswith("_"):
                found.append((node.module, alias.name, "private name"))
        if node.module.count(".") > 1 and node.module.split(".")[1] in STAGES:
            found.append((node.module, "*", "a stage's submodule, not its package surface"))
    return found


def python_files() -> list[Path]:
    return sorted(p for folder in CHECKED for p in folder.rglob("*.py"))


def test_the_import_check_sees_a_violation() -> None:
    """The checker itself: a private name from another stage is reported, one from the same
    stage is not, and neither is a public name from another stage's surface."""
    source = (
        "from extraction.places.mentions import _fold_word\n"
        "from extraction.typing.cues import _x\n"
        "from extraction.places import Place\n"
    )
    assert cross_package_imports(source, "extraction.typing.probe") == [
        ("extraction.places.mentions", "_fold_word", "private name"),
        ("extraction.places.mentions", "*", "a stage's submodule, not its package surface"),
    ]


def test_no_private_name_or_stage_internals_cross_a_package() -> None:
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in python_files()
        if (found := cross_package_imports(path.read_text("utf-8"), module_name(path)))
    }
    assert offenders == {}


@pytest.mark.parametrize("stage", STAGES)
def test_every_listed_public_name_exists(stage: str) -> None:
    loaded = importlib.import_module(f"extraction.{stage}")
    assert loaded.__all__, "each stage lists its public surface"
    assert [name for name in loaded.__all__ if not hasattr(loaded, name)] == []


def test_engine_only_orchestrates() -> None:
    assert len((EXTRACTION / "engine.py").read_text("utf-8").splitlines()) <= ENGINE_MAX_LINES


def test_no_extraction_module_is_over_the_size_limit() -> None:
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text("utf-8").splitlines()) for p in EXTRACTION.rglob("*.py")
    }

    assert {name: n for name, n in sizes.items() if n > MODULE_MAX_LINES} == {}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # absolute form (dates.absolute) and relative form (dates.relative) through one entry point
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
