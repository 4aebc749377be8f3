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

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.utilities.annotations import quote

from eventpipe.errors import EventpipeError, WarehouseError, WarehouseLocked
from eventpipe.lock import warehouse_lock
from extraction.corpus import CorpusEntry, DocumentReject, diff_corpus
from extraction.learned.model import model_label, resolve_model_dir
from extraction.version import EXTRACTOR_VERSION
from flows.crashed import mark_crashed_flow_runs
from flows.extract_cache import cache_dir_for, drop_other_versions, prune, read_cached
from flows.faults import PauseBeforeCommit, pause_before_load
from flows.frames import document_rejects_frame, documents_frame, events_frame, mentions_frame
from flows.lineage import lineage_frame, traceable_rejects
from flows.progress import report
from flows.queries import close_interrupted_runs, extracted_total, stored_hashes
from flows.runners import build_task_runner
from flows.summary import PipelineSummary
from flows.tasks import (
    ExtractionFailure,
    discover_task,
    export_task,
    extract_batch_task,
    load_task,
    merge_task,
    validate_task,
)
from warehouse.connection import WRITER_WAIT_SECONDS, connect_writer
from warehouse.export import PARQUET_DIR
from warehouse.runs import finish_run, start_run

logger = logging.getLogger(__name__)
T = TypeVar("T")

ARTIFACT_KEY = "eventpipe-pipeline-summary"


@flow(name="pipeline", validate_parameters=False)
def pipeline_flow(raw_dir: str = "raw", warehouse: str = "warehouse/events.duckdb",
                  export_dir: str = "exports", batch_size: int = 50, task_runner: str = "local",
                  dask_address: str | None = None, dask_workers: int = 2,
                  pause_before_commit: float = 0.0, skip_if_locked: bool = False, wait: float = 0.0,
                  pause_before_load: float = 0.0, model: str = "default") -> PipelineSummary | None:
    """Bring the warehouse's extracted events in line with the documents in `raw_dir`.

    Holds the warehouse run lock throughout (a concurrent run or import fails fast with a clear
    message, or waits up to `wait` seconds), but DuckDB's write connection only for the short
    writes (run start, load, run end): readers can query while documents are extracted.
    With `skip_if_locked` (served, scheduled runs) a run that finds the lock held logs one line
    and returns None instead: the run holding it does the work.
    `pause_before_commit` and `pause_before_load` are test hooks (seconds to sleep inside the load
    transaction, or before the load with no connection held).
    `model` is the typing model ('default', 'none' or a directory); the run's row records it.
    """
    model_dir = resolve_model_dir(model)
    path = Path(warehouse)
    flow_run_id = _current_flow_run_id()
    with ExitStack() as held:
        try:
            held.enter_context(warehouse_lock(path, wait_seconds=wait))
        except WarehouseLocked as locked:
            if not skip_if_locked:
                raise
            get_run_logger().warning("skipped: %s", locked.message)
            return None
        label = model_label(model_dir)
        run_id, crashed = _write(path, wait, lambda con: _start(con, raw_dir, flow_run_id, label))
        _mark_crashed(crashed)
        try:
            summary = _run(run_id, raw_dir, path, export_dir, batch_size,
                           (task_runner, dask_address, dask_workers),
                           (pause_before_load, pause_before_commit), wait,
                           str(model_dir) if model_dir else "none")
        except BaseException as error:
            _record_failure(path, run_id, error)
            raise
        _write(path, wait, lambda con: finish_run(con, run_id, "success", summary.stats()))
    create_markdown_artifact(markdown=summary.to_markdown(), key=ARTIFACT_KEY,
                             description=f"eventpipe pipeline run {summary.run_id}")
    get_run_logger().info("pipeline run %s: %s", summary.run_id, summary.to_text().replace("\n", "; "))
    return summary


def _write(warehouse: Path, wait: float, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run `work` on a write connection held only for its duration (readers hold the file for
    moments, so the connection is retried for a few seconds at least)."""
    con = connect_writer(warehouse, wait_seconds=max(wait, WRITER_WAIT_SECONDS))
    try:
        return work(con)
    except duckdb.Error as error:  # e.g. a full disk: one line for people, the cause chained
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise WarehouseError(f"writing the warehouse failed: {first}", file=str(warehouse)) from error
    finally:
        con.close()


def _current_flow_run_id() -> str | None:
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    return str(context.flow_run.id) if context and context.flow_run else None


def _mark_crashed(flow_run_ids: list[str]) -> None:
    """Flow runs of killed runs of this warehouse become Crashed (bookkeeping: never fatal)."""
    if not flow_run_ids:
        return
    try:
        mark_crashed_flow_runs(flow_run_ids)
    except Exception as error:  # noqa: BLE001 - API or network trouble must not stop the run
        logger.warning("could not mark crashed flow runs: %s", str(error).splitlines()[0][:200])


def _start(con: duckdb.DuckDBPyConnection, raw_dir: str, flow_run_id: str | None,
           model: str) -> tuple[str, list[str]]:
    """(this run's id, flow run ids of the runs that were killed before finishing)."""
    crashed = close_interrupted_runs(con)
    return start_run(con, "pipeline", raw_dir, {"flow_run_id": flow_run_id}, model=model), crashed


def _record_failure(warehouse: Path, run_id: str, error: BaseException) -> None:
    """Mark the run failed with its one-line reason; if even that fails, the next run will
    mark it interrupted."""
    reason = str(error).splitlines()[0][:500] if str(error) else type(error).__name__
    try:
        _write(warehouse, 0.0, lambda con: finish_run(con, run_id, "failed", {"error": reason}))
    except (EventpipeError, duckdb.Error, OSError) as second:
        logger.warning("could not record run %s as failed: %s", run_id, second)


def _run(run_id: str, raw_dir: str, warehouse: Path, export_dir: str, batch_size: int,
         runner: tuple[str, str | None, int], pauses: tuple[float, float], wait: float,
         model: str) -> PipelineSummary:
    summary = PipelineSummary(run_id=run_id)
    version = extraction_version(model)
    cache_dir = cache_dir_for(warehouse, version)
    with _timed(summary, "discover"):
        corpus = discover_task(raw_dir)
        entries = corpus.entries
        _count_documents(summary, entries, _write(warehouse, wait, stored_hashes))
    with _timed(summary, "extract"):
        by_doc, summary.documents_extracted = extract_all(entries, cache_dir, batch_size, runner,
                                                          model, version)
        rejected = corpus.rejected + [DocumentReject(doc_id, failure.field, failure.reason)
                                      for doc_id, failure in by_doc.items()
                                      if isinstance(failure, ExtractionFailure)]
        entries = [entry for entry in entries if not isinstance(by_doc[entry.doc_id], ExtractionFailure)]
        summary.documents_rejected = [reject.describe() for reject in rejected]
    with _timed(summary, "merge"):
        mentions = [m for entry in entries for m in by_doc[entry.doc_id]]
        events = merge_task(quote(mentions))
        summary.mentions = len(mentions)
    with _timed(summary, "validate"):
        result = validate_task(quote(events_frame(events)))
        summary.rejects = list(result.rejects.select("event_id_cnty", "reasons").iter_rows())
    pause_load, pause = pauses
    if pause_load > 0:
        pause_before_load(pause_load)
    with _timed(summary, "load"):
        kept = result.valid["event_id_cnty"]
        frames = (result.valid, mentions_frame(events, kept), documents_frame(entries),
                  document_rejects_frame(rejected, traceable_rejects(events, result.rejects)))
        lineage = lineage_frame(events, kept)

        def load(con: duckdb.DuckDBPyConnection) -> tuple[object, int]:
            load_con = PauseBeforeCommit(con, pause) if pause > 0 else con
            stats = load_task(quote(load_con), *(quote(frame) for frame in frames), run_id, quote(lineage))
            return stats, extracted_total(con)

        _count_events(summary, *_write(warehouse, wait, load))
    with _timed(summary, "export"):
        summary.export_path = export_task(str(warehouse), str(Path(export_dir) / PARQUET_DIR))
    prune(cache_dir, entries, version)
    drop_other_versions(warehouse, version)
    return summary


def extraction_version(model: str) -> str:
    """The extractor version the cache is keyed by: with a model, also the model's identity, so
    choosing another model re-extracts every document."""
    folder = None if model == "none" else Path(model)
    return EXTRACTOR_VERSION if folder is None else f"{EXTRACTOR_VERSION}+{model_label(folder)}"


def extract_all(entries: list[CorpusEntry], cache_dir: Path, batch_size: int,
                runner: tuple[str, str | None, int], model: str = "none",
                version: str | None = None) -> tuple[dict[str, list[dict] | ExtractionFailure], int]:
    """({doc_id: mentions or ExtractionFailure} for every entry, number of documents extracted now).

    Cache hits are read here; misses are extracted in batches on the chosen task runner (no
    runner is started when nothing needs extracting). `version` is `extraction_version(model)`,
    passed in by a caller that already has it: it hashes the model's files."""
    version = version or extraction_version(model)
    by_doc: dict = {entry.doc_id: read_cached(cache_dir, entry, version) for entry in entries}
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
