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


def _cache_file(cache_dir: Path) -> Path:
    return next(cache_dir.glob("*/*.json"))


def _tamper_fatalities(text: str) -> str:
    return text.replace('"fatalities": 2', '"fatalities": 200')


@pytest.mark.parametrize(("content", "problem"), [
    (lambda text: "[]", "not a cache entry of this format"),
    (lambda text: '{"a": 1}', "not a cache entry of this format"),
    (lambda text: "null", "not a cache entry of this format"),
    (lambda text: text[: len(text) // 2], "unreadable (JSONDecodeError)"),
    (lambda text: "\udcff", "unreadable"),
    (_tamper_fatalities, "checksum does not match its mentions"),
    (lambda text: text.replace('"content_hash": "h1"', '"content_hash": "h9"'), "content_hash is 'h9'"),
    (lambda text: text.replace('"model_version": null', '"model_version": "m2"'), "model_version is 'm2'"),
    (lambda text: text.replace('"mentions": [', '"mentions": [1, '),
     "mentions are not a list of records"),
], ids=["empty-list", "object", "null", "truncated", "bad-utf8", "fatalities", "hash", "model",
        "not-records"])
def test_an_entry_that_fails_its_checks_is_a_miss_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, content, problem: str) -> None:
    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    path = _cache_file(tmp_path)
    changed = content(path.read_text(encoding="utf-8"))
    path.write_bytes(changed.encode("utf-8", "surrogateescape"))
    with caplog.at_level("WARNING", logger="flows.extract_cache"):
        assert read_cached(tmp_path, ENTRY, "1.0") is None
    assert f"cannot be trusted ({problem}" in caplog.text and "re-extracting" in caplog.text


def test_an_entry_records_what_it_was_made_from(tmp_path: Path) -> None:
    import json

    write_cached(tmp_path, ENTRY, "1.0", MENTIONS)
    envelope = json.loads(_cache_file(tmp_path).read_text(encoding="utf-8"))
    assert {k: envelope[k] for k in ("doc_id", "content_hash", "extractor_version", "model_version")} == {
        "doc_id": "a.txt", "content_hash": "h1", "extractor_version": "1.0", "model_version": None}
    assert len(envelope["checksum"]) == 64 and envelope["mentions"] == MENTIONS
