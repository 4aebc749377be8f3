"""Faults and abuse of the pipeline's inputs, on a real corpus and real DuckDB files: a cache that
cannot lie, inputs that stay inside raw/, bad documents quarantined one by one."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from flows.pipeline import pipeline_flow
from tests.flows.helpers import scalar, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")

ATTACK = ("On 6 January 2020, Al Shabaab militants attacked a police post in Lamu county, Kenya, "
          "killing 2 officers. SECRET-OUTSIDE-RAW\n")


def run(raw: Path, tmp_path: Path):
    return pipeline_flow(raw_dir=str(raw), warehouse=str(tmp_path / "wh" / "events.duckdb"),
                         export_dir=str(tmp_path / "exports"))


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "wh" / "events.duckdb.cache").rglob("*.json"))


def test_a_cache_overwritten_with_lies_is_re_extracted_and_changes_nothing(
        corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first = run(corpus, tmp_path)
    warehouse = tmp_path / "wh" / "events.duckdb"
    before = snapshot(warehouse)
    files = cache_files(tmp_path)
    assert len(files) == 11
    with_events = [f for f in files if json.loads(f.read_text())["mentions"]]
    files[0].write_text("[]")  # used to remove that document's events silently
    files[1].write_text('{"a": 1}')  # used to crash every run
    tampered = json.loads(with_events[-1].read_text())
    tampered["mentions"][0]["fatalities"] = 1000  # the checksum is left as it was
    with_events[-1].write_text(json.dumps(tampered))
    with caplog.at_level(logging.WARNING, logger="flows.extract_cache"):
        second = run(corpus, tmp_path)
    assert second.documents_extracted == 3 and second.events_total == first.events_total
    assert snapshot(warehouse) == before
    assert caplog.text.count("cannot be trusted") == 3
    assert scalar(warehouse, "SELECT max(fatalities) FROM events") < 1000


def test_a_symlink_leaving_raw_is_skipped_with_a_warning(corpus: Path, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ATTACK, encoding="utf-8")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "leakdir").symlink_to(outside, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "doc02.txt")  # a link within raw/ is fine
    with caplog.at_level(logging.WARNING, logger="extraction.corpus"):
        summary = run(corpus, tmp_path)
    warehouse = tmp_path / "wh" / "events.duckdb"
    assert summary.documents_new == 12
    docs = {row[0] for row in snapshot(warehouse)["documents"]}
    assert "inside.txt" in docs and "leak.txt" not in docs and "leakdir/secret.txt" not in docs
    assert scalar(warehouse, "SELECT count(*) FROM events WHERE notes LIKE '%SECRET-OUTSIDE%'") == 0
    assert scalar(warehouse, "SELECT count(*) FROM event_mentions WHERE evidence LIKE '%SECRET%'") == 0
    assert "leak.txt: it is a link to" in caplog.text


def test_bad_documents_are_quarantined_and_the_run_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "bad_date.md").write_text("---\npublished: 2020-13-45\n---\n" + ATTACK, encoding="utf-8")
    (corpus / "overflow.md").write_text(
        "---\npublished: 0001-01-01\n---\nYesterday, Al Shabaab militants attacked a police post in "
        "Lamu county, Kenya, killing 2 officers.\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    manifest = corpus / "manifest.csv"
    manifest.write_text(manifest.read_text() + "doc03.md,t,s,31/12/2019,bad date in the manifest\n")
    summary = run(corpus, tmp_path)
    warehouse = tmp_path / "wh" / "events.duckdb"
    assert len(summary.documents_rejected) == 4
    assert "documents: 10 new" in summary.to_text() and "(10 extracted, 4 rejected)" in summary.to_text()
    reasons = {row[0] for row in _rejects(warehouse)}
    assert "document bad_date.md: published: published date '2020-13-45' is not YYYY-MM-DD" in reasons
    assert "document overflow.md: published: published date '0001-01-01' is outside 1900-2100" in reasons
    assert "document binary.txt: encoding: not text (binary or another encoding than UTF-8)" in reasons
    assert "document doc03.md: published: published date '31/12/2019' is not YYYY-MM-DD" in reasons
    docs = {row[0] for row in snapshot(warehouse)["documents"]}
    assert len(docs) == 10 and "doc03.md" not in docs and "doc02.txt" in docs
    assert summary.events_total > 0
    stats = json.loads(scalar(warehouse, "SELECT stats FROM runs WHERE kind = 'pipeline'"))
    assert stats["documents_rejected"] == 4


def _rejects(warehouse: Path) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT reasons FROM rejects WHERE event_id_cnty IS NULL").fetchall()
    finally:
        con.close()


def test_a_document_the_extractor_fails_on_is_quarantined_not_fatal(tmp_path: Path) -> None:
    from datetime import date

    from extraction.corpus import CorpusEntry
    from flows.tasks import ExtractionFailure, extract_entries

    text = "Yesterday, Al Shabaab militants attacked a police post in Lamu county, Kenya, killing 2.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    good = CorpusEntry("b.txt", tmp_path / "b.txt", "txt", "h2", len(text), published=date(2020, 1, 2))
    # discovery refuses such a date; this entry stands for any document that makes the engine raise
    overflow = CorpusEntry("a.txt", tmp_path / "a.txt", "txt", "h1", len(text), published=date(1, 1, 1))
    results = extract_entries([overflow, good], tmp_path / "cache", "1.0")
    assert isinstance(results["a.txt"], ExtractionFailure)
    assert "OverflowError" in results["a.txt"].reason
    assert len(results["b.txt"]) == 1
