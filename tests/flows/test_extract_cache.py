"""The per-document extraction cache: keyed by doc id, content hash and extractor version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extraction.corpus import CorpusEntry
from flows.extract_cache import cache_dir_for, drop_other_versions, prune, read_cached, write_cached

ENTRY = CorpusEntry(doc_id="a.txt", path=Path("a.txt"), fmt="txt", content_hash="h1", n_chars=3)
MENTIONS = [{"doc_id": "a.txt", "event_date": "2020-01-01", "fatalities": 2, "explain": {"x": "y"}}]


def test_round_trip_returns_what_is_read_back(tmp_path: Path) -> None:
    written = write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    assert written == MENTIONS == read_cached(tmp_path, ENTRY, "1.0")


@pytest.mark.parametrize("changed", [
    {"content_hash": "h2"}, {"doc_id": "b.txt"},
])
def test_a_changed_document_misses(tmp_path: Path, changed: dict[str, str]) -> None:
    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    assert read_cached(tmp_path, replace(ENTRY, **changed), "1.0") is None


def test_a_new_extractor_version_misses(tmp_path: Path) -> None:
    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    assert read_cached(tmp_path, ENTRY, "1.1") is None


def test_a_corrupt_file_is_a_miss(tmp_path: Path) -> None:
    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    next(tmp_path.glob("*/*.json")).write_text("{truncated")
    assert read_cached(tmp_path, ENTRY, "1.0") is None


def test_prune_keeps_only_current_documents(tmp_path: Path) -> None:
    other = replace(ENTRY, doc_id="b.txt")
    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    write_cached(tmp_path, other, "1.0", [])
    assert prune(tmp_path, [ENTRY], "1.0") == 1
    assert read_cached(tmp_path, ENTRY, "1.0") == MENTIONS and read_cached(tmp_path, other, "1.0") is None


def test_cache_lives_next_to_the_warehouse() -> None:
    assert cache_dir_for(Path("w/events.duckdb"), "0.1") == Path("w/events.duckdb.cache/extract/0.1")


def test_other_extractor_versions_are_dropped(tmp_path: Path) -> None:
    warehouse = tmp_path / "events.duckdb"
    old, new = cache_dir_for(warehouse, "0.9"), cache_dir_for(warehouse, "1.0")
    write_cached(old, ENTRY, "0.9", MENTIONS)
    write_cached(new, ENTRY, "1.0", MENTIONS)
    drop_other_versions(warehouse, "1.0")
    assert not old.exists() and read_cached(new, ENTRY, "1.0") == MENTIONS
