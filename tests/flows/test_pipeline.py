"""The pipeline flow end to end on a small real corpus, in process against a Prefect test harness."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from flows.pipeline import ARTIFACT_KEY, pipeline_flow
from flows.progress import reporting_progress
from tests.flows.helpers import scalar, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(raw: Path, tmp_path: Path, **options: object):
    return pipeline_flow(raw_dir=str(raw), warehouse=str(tmp_path / "wh" / "events.duckdb"),
                         export_dir=str(tmp_path / "exports"), **options)


def test_first_run_loads_and_exports_and_a_rerun_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with reporting_progress(lambda done, total: calls.append((done, total))):
        first = run(corpus, tmp_path, batch_size=4)
    warehouse = tmp_path / "wh" / "events.duckdb"
    assert (first.documents_new, first.documents_extracted) == (11, 11)
    assert first.events_added > 0 and first.events_total == first.events_added
    assert calls[0] == (0, 11) and calls[-1] == (11, 11) and len(calls) == 4  # 3 batches of <= 4
    exported = pl.read_parquet(tmp_path / "exports" / "parquet" / "**" / "*.parquet", hive_partitioning=True)
    assert exported.height == first.events_total
    before = snapshot(warehouse)
    second = run(corpus, tmp_path)
    assert (second.documents_unchanged, second.documents_extracted) == (11, 0)
    assert (second.events_added, second.events_updated, second.events_removed) == (0, 0, 0)
    assert snapshot(warehouse) == before
    assert scalar(warehouse, "SELECT count(*) FROM runs WHERE kind = 'pipeline' AND status = 'success'") == 2


def test_removed_and_changed_documents_update_the_warehouse(corpus: Path, tmp_path: Path) -> None:
    first = run(corpus, tmp_path)
    warehouse = tmp_path / "wh" / "events.duckdb"
    gone = {row[0] for row in snapshot(warehouse)["mentions"] if row[1] == "doc00.md"}
    assert gone, "the test needs doc00.md to yield an event"
    (corpus / "doc00.md").unlink()
    (corpus / "doc02.txt").write_text("On 4 January 2020, police fired tear gas at protesters in Kisumu "
                                      "town, Kisumu county, Kenya.\n", encoding="utf-8")
    second = run(corpus, tmp_path)
    assert (second.documents_removed, second.documents_changed, second.documents_extracted) == (1, 1, 1)
    assert second.events_removed >= len(gone)
    after = snapshot(warehouse)
    assert {row[0] for row in after["documents"]} == {e for e in (p.name for p in corpus.iterdir())
                                                      if e != "manifest.csv"}
    assert not gone & {row[0] for row in after["events"]}
    assert second.events_total == first.events_total - second.events_removed + second.events_added


def latest_artifact(key: str) -> str:
    """The newest artifact with `key`, read over the REST API (3.8.8's client sends nulls its own
    server rejects in /artifacts/filter)."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    response = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter", timeout=30,
                          json={"artifacts": {"key": {"any_": [key]}}, "sort": "UPDATED_DESC", "limit": 1})
    response.raise_for_status()
    found = response.json()
    return str(found[0]["data"]) if found else ""


def test_the_run_summary_is_a_prefect_artifact(corpus: Path, tmp_path: Path) -> None:
    summary = run(corpus, tmp_path)
    markdown = latest_artifact(ARTIFACT_KEY)
    assert f"eventpipe run `{summary.run_id}`" in markdown
    assert "| new | changed | unchanged | removed | extracted |" in markdown


def test_a_missing_raw_folder_fails_the_run_with_its_message(tmp_path: Path) -> None:
    from eventpipe.errors import InputError

    with pytest.raises(InputError, match="raw folder does not exist or is not a folder"):
        run(tmp_path / "missing", tmp_path)
    assert scalar(tmp_path / "wh" / "events.duckdb", "SELECT status FROM runs") == "failed"
