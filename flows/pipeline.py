"""The `pipeline` flow: discover -> extract (only what changed) -> merge -> validate -> load -> export.

Large task inputs (mentions, frames) are wrapped in `quote` so Prefect does not walk them
looking for upstream futures: that walk cost ~10 s per 10,000 documents.

Incremental by construction: per-document extraction results are cached by (doc id, content hash,
extractor version), so only new or changed documents are extracted; then ALL documents' mentions
are merged and the warehouse is synced to that full set in one transaction. Hence a document
removed from the raw folder has its events (and mentions, and document row) DELETED on the next
run, a changed one has its events updated, and a rerun with nothing changed writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.utilities.annotations import quote

from eventpipe.errors import WarehouseLocked
from eventpipe.lock import warehouse_lock
from extraction.corpus import CorpusEntry, diff_corpus
from extraction.learned.model import model_label, resolve_model_dir
from extraction.version import EXTRACTOR_VERSION
from flows.extract_cache import cache_dir_for, drop_other_versions, prune, read_cached
from flows.faults import PauseBeforeCommit
from flows.frames import documents_frame, events_frame, mentions_frame
from flows.lineage import lineage_frame, traceable_rejects
from flows.progress import report
from flows.queries import close_interrupted_runs, extracted_total, stored_hashes
from flows.runners import build_task_runner
from flows.summary import PipelineSummary
from flows.tasks import (
    discover_task,
    export_task,
    extract_batch_task,
    load_task,
    merge_task,
    validate_task,
)
from warehouse.connection import connect
from warehouse.export import PARQUET_DIR
from warehouse.runs import finish_run, start_run

ARTIFACT_KEY = "eventpipe-pipeline-summary"


@flow(name="pipeline", validate_parameters=False)
def pipeline_flow(raw_dir: str = "raw", warehouse: str = "warehouse/events.duckdb",
                  export_dir: str = "exports", batch_size: int = 50, task_runner: str = "local",
                  dask_address: str | None = None, dask_workers: int = 2,
                  pause_before_commit: float = 0.0, skip_if_locked: bool = False,
                  model: str = "default") -> PipelineSummary | None:
    """Bring the warehouse's extracted events in line with the documents in `raw_dir`.

    Holds the warehouse run lock throughout (a concurrent run fails fast with a clear message).
    With `skip_if_locked` (served, scheduled runs) a run that finds the lock held logs one line
    and returns None instead: the run holding it does the work.
    `pause_before_commit` is a test hook (seconds to sleep inside the load transaction).
    `model` is the typing model ('default', 'none' or a directory); the run's row records it.
    """
    model_dir = resolve_model_dir(model)
    with ExitStack() as held:
        try:
            held.enter_context(warehouse_lock(Path(warehouse)))
        except WarehouseLocked as locked:
            if not skip_if_locked:
                raise
            get_run_logger().warning("skipped: %s", locked.message)
            return None
        con = connect(Path(warehouse))
        try:
            close_interrupted_runs(con)
            run_id = start_run(con, "pipeline", raw_dir, model=model_label(model_dir))
            try:
                summary = _run(con, run_id, raw_dir, warehouse, export_dir, batch_size,
                               (task_runner, dask_address, dask_workers), pause_before_commit,
                               str(model_dir) if model_dir else "none")
            except BaseException as error:
                finish_run(con, run_id, "failed", {"error": str(error)[:500]})
                raise
            finish_run(con, run_id, "success", summary.stats())
        finally:
            con.close()
    create_markdown_artifact(markdown=summary.to_markdown(), key=ARTIFACT_KEY,
                             description=f"eventpipe pipeline run {summary.run_id}")
    get_run_logger().info("pipeline run %s: %s", summary.run_id, summary.to_text().replace("\n", "; "))
    return summary


def _run(con: duckdb.DuckDBPyConnection, run_id: str, raw_dir: str, warehouse: str, export_dir: str,
         batch_size: int, runner: tuple[str, str | None, int], pause: float, model: str) -> PipelineSummary:
    summary = PipelineSummary(run_id=run_id)
    version = extraction_version(model)
    cache_dir = cache_dir_for(Path(warehouse), version)
    with _timed(summary, "discover"):
        entries = discover_task(raw_dir)
        _count_documents(summary, entries, stored_hashes(con))
    with _timed(summary, "extract"):
        by_doc, summary.documents_extracted = extract_all(entries, cache_dir, batch_size, runner, model)
    with _timed(summary, "merge"):
        mentions = [m for entry in entries for m in by_doc[entry.doc_id]]
        events = merge_task(quote(mentions))
        summary.mentions = len(mentions)
    with _timed(summary, "validate"):
        result = validate_task(quote(events_frame(events)))
        summary.rejects = list(result.rejects.select("event_id_cnty", "reasons").iter_rows())
    with _timed(summary, "load"):
        load_con = PauseBeforeCommit(con, pause) if pause > 0 else con
        kept = result.valid["event_id_cnty"]
        stats = load_task(quote(load_con), quote(result.valid), quote(mentions_frame(events, kept)),
                          quote(documents_frame(entries)), quote(traceable_rejects(events, result.rejects)),
                          run_id, quote(lineage_frame(events, kept)))
        _count_events(summary, stats, extracted_total(con))
    with _timed(summary, "export"):
        summary.export_path = export_task(quote(con), str(Path(export_dir) / PARQUET_DIR))
    prune(cache_dir, entries, version)
    drop_other_versions(Path(warehouse), version)
    return summary


def extraction_version(model: str) -> str:
    """The extractor version the cache is keyed by: with a model, also the model's identity, so
    choosing another model re-extracts every document."""
    folder = None if model == "none" else Path(model)
    return EXTRACTOR_VERSION if folder is None else f"{EXTRACTOR_VERSION}+{model_label(folder)}"


def extract_all(entries: list[CorpusEntry], cache_dir: Path, batch_size: int,
                runner: tuple[str, str | None, int],
                model: str = "none") -> tuple[dict[str, list[dict]], int]:
    """({doc_id: mentions} for every entry, number of documents extracted now).

    Cache hits are read here; misses are extracted in batches on the chosen task runner (no
    runner is started when nothing needs extracting)."""
    version = extraction_version(model)
    by_doc = {entry.doc_id: read_cached(cache_dir, entry, version) for entry in entries}
    misses = [entry for entry in entries if by_doc[entry.doc_id] is None]
    if not misses:
        return by_doc, 0
    batches = [misses[i:i + max(1, batch_size)] for i in range(0, len(misses), max(1, batch_size))]
    kind, address, workers = runner
    done = 0
    report(0, len(misses))
    with build_task_runner(kind, address, workers) as task_runner:
        futures = [task_runner.submit(extract_batch_task, parameters={
            "entries": batch, "cache_dir": str(cache_dir), "version": version, "model": model})
            for batch in batches]
        for batch, future in zip(batches, futures, strict=True):
            by_doc.update(future.result())
            done += len(batch)
            report(done, len(misses))
    return by_doc, len(misses)


def _count_documents(summary: PipelineSummary, entries: list[CorpusEntry], stored: dict[str, str]) -> None:
    diff = diff_corpus(entries, stored)
    summary.documents_new = len(diff.new)
    summary.documents_changed = len(diff.changed)
    summary.documents_unchanged = len(diff.unchanged)
    summary.documents_removed = len(diff.removed)


def _count_events(summary: PipelineSummary, stats: object, total: int) -> None:
    summary.events_added = stats.added
    summary.events_updated = stats.updated
    summary.events_removed = stats.removed
    summary.events_unchanged = stats.unchanged
    summary.events_total = total


@contextmanager
def _timed(summary: PipelineSummary, step: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.timings[step] = round(time.perf_counter() - start, 3)
