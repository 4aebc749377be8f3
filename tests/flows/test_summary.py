"""The run summary as terminal text and as the Prefect markdown artifact."""

from __future__ import annotations

from flows.summary import MAX_REJECTS_SHOWN, PipelineSummary


def summary(rejects: int = 0) -> PipelineSummary:
    return PipelineSummary(run_id="r1", documents_new=2, documents_changed=1, documents_unchanged=7,
                           documents_removed=1, documents_extracted=3, events_added=4, events_updated=1,
                           events_removed=2, events_unchanged=9, events_total=14,
                           rejects=[(f"AFG{i}", "event_date: missing value | x") for i in range(rejects)],
                           export_path="exports/parquet", timings={"extract": 1.25, "load": 0.5})


def test_text_has_documents_events_rejects_export_and_elapsed() -> None:
    text = summary(rejects=1).to_text()
    assert "documents: 2 new, 1 changed, 7 unchanged, 1 removed (3 extracted)" in text
    assert "events:    4 added, 1 updated, 2 removed, 14 extracted events in the warehouse" in text
    assert "rejects:   1\n  AFG0: event_date: missing value | x" in text
    assert "export:    exports/parquet" in text and "elapsed:   1.8 s (run r1)" in text


def test_text_shows_wall_time_with_start_up() -> None:
    text = PipelineSummary(run_id="r2", timings={"extract": 0.3, "load": 0.1}, wall_seconds=8.4).to_text()
    assert "elapsed:   8.4 s wall (start-up 8.0 s, pipeline 0.4 s) (run r2)" in text


def test_markdown_tables_escape_pipes_and_cap_rejects() -> None:
    markdown = summary(rejects=MAX_REJECTS_SHOWN + 3).to_markdown()
    assert "| 2 | 1 | 7 | 1 | 3 |" in markdown and "| 4 | 1 | 2 | 9 | 14 |" in markdown
    assert "| AFG0 | event_date: missing value \\| x |" in markdown
    assert f"AFG{MAX_REJECTS_SHOWN}" not in markdown and "... and 3 more" in markdown
    assert "| extract | 1.25 |" in markdown


def test_stats_are_flat_json_values() -> None:
    stats = summary(rejects=2).stats()
    assert stats["rejects"] == 2 and stats["elapsed"] == 1.75 and stats["documents_new"] == 2
