"""Lineage: each stored extracted event keeps its per-field evidence; rejects keep their text."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import pipeline_flow
from report import build_report
from tests.report.test_report import read_payload

pytestmark = pytest.mark.usefixtures("prefect_harness")
UNDATED_BRIEF = "Police fired tear gas at protesters in Kisumu, Kenya.\n"


def _run(raw: Path, tmp_path: Path) -> Path:
    warehouse = tmp_path / "wh" / "events.duckdb"
    pipeline_flow(raw_dir=str(raw), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    return warehouse


def test_events_keep_their_evidence_and_rejects_their_document(corpus: Path, tmp_path: Path) -> None:
    (corpus / "brief.txt").write_text(UNDATED_BRIEF, encoding="utf-8")
    warehouse = _run(corpus, tmp_path)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        events = con.execute(
            "SELECT event_id_cnty, event_date FROM events WHERE origin = 'extracted'").fetchall()
        lineage = con.execute("SELECT event_id_cnty, field, reason FROM event_lineage").fetchall()
        reject = con.execute("""SELECT doc_id, evidence, explain, reasons FROM rejects
            WHERE source_file IS NULL AND doc_id = 'brief.txt'""").fetchall()
    finally:
        con.close()
    by_event: dict[str, dict[str, str]] = {}
    for event_id, field, reason in lineage:
        by_event.setdefault(event_id, {})[field] = reason
    assert set(by_event) == {event_id for event_id, _ in events}
    for event_id, event_date in events:
        fields = by_event[event_id]
        assert {"event_type", "sub_event_type", "event_date", "location", "actor1",
                "fatalities"} <= set(fields)
        assert fields["event_type"].startswith("rule ")
        assert event_date.isoformat() in fields["event_date"] or "sentence before" in fields["event_date"]
    assert len(reject) == 1
    doc_id, evidence, explain, reasons = reject[0]
    assert "tear gas" in evidence
    assert json.loads(explain)["event_date"] == "no date in the text: undated"
    assert "event_date" in reasons


def test_lineage_follows_the_corpus_and_reaches_the_report(corpus: Path, tmp_path: Path) -> None:
    warehouse = _run(corpus, tmp_path)
    (corpus / "doc00.md").unlink()
    _run(corpus, tmp_path)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        orphans = con.execute("""SELECT count(*) FROM event_lineage WHERE event_id_cnty NOT IN
            (SELECT event_id_cnty FROM events WHERE origin = 'extracted')""").fetchall()[0][0]
        assert orphans == 0
        build_report(con, tmp_path / "r.html")
    finally:
        con.close()
    payload = read_payload((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert payload["n"] > 0
    assert all("event_type: rule " in text for text in payload["explain"])
