"""Prefect tasks: each wraps one library call and adds only a name, retries and caching.

Tasks receive paths, ids and small picklable records (`CorpusEntry`), never DataFrames, so they
can be shipped to Dask workers and their inputs hash cheaply.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from eventpipe.errors import InputError
from extraction.corpus import Corpus, CorpusEntry, discover_corpus, load_document
from flows.extract_cache import read_cached, write_cached
from schemas.extracted import ExtractedEvent
from schemas.validate import ValidationResult, validate_frame
from warehouse.load import LoadStats, sync_extracted

logger = logging.getLogger(__name__)

# What one document can raise without the rest of the run being wrong (e.g. a relative date
# that overflows the calendar): that document is quarantined, the others go on.
DOCUMENT_FAULTS = (ArithmeticError, ValueError, UnicodeError, RecursionError, InputError, OSError)


@dataclass(frozen=True)
class ExtractionFailure:
    """Stands in for a document's mentions when extracting it failed (picklable for Dask)."""

    field: str
    reason: str


@cache
def _resources(model: str = "none") -> object:
    """The extractor's resources (gazetteer, dictionaries, the typing model), loaded once per
    process/worker; `model` is a model directory or 'none'."""
    from extraction.engine import Resources

    return Resources.load(model=model)


def extract_entries(entries: list[CorpusEntry], cache_dir: Path, version: str,
                    model: str = "none") -> dict[str, list[dict] | ExtractionFailure]:
    """{doc_id: mentions} for `entries`, from the cache or by running the extractor.

    Every fresh result is written to the cache before it is returned, so a run killed later
    (say, during the load) does not redo this work. A document the extractor fails on gets an
    ExtractionFailure instead of mentions.
    """
    results: dict[str, list[dict] | ExtractionFailure] = {}
    for entry in entries:
        cached = read_cached(cache_dir, entry, version, warn=False)  # the flow has warned already
        if cached is None:
            cached = _extract_one(entry, cache_dir, version, model)
        results[entry.doc_id] = cached
    return results


def _extract_one(entry: CorpusEntry, cache_dir: Path, version: str,
                 model: str = "none") -> list[dict] | ExtractionFailure:
    from extraction.engine import extract_events

    try:
        mentions = [m.as_record() for m in extract_events(load_document(entry), _resources(model))]
    except DOCUMENT_FAULTS as error:
        logger.warning("quarantined %s: extraction failed: %s", entry.doc_id, error)
        return ExtractionFailure("text", f"extraction failed: {type(error).__name__}: {error}"[:300])
    return write_cached(cache_dir, entry, version, mentions)


@task(name="discover-documents", cache_policy=NO_CACHE)
def discover_task(raw_dir: str) -> Corpus:
    """Walk the raw folder (documents, manifest, front matter, content hashes, quarantine)."""
    return discover_corpus(Path(raw_dir))


@task(name="extract-batch", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch_task(entries: list[CorpusEntry], cache_dir: str, version: str,
                       model: str = "none") -> dict[str, list[dict] | ExtractionFailure]:
    """Extract one batch of documents; results are cached per document by
    (doc id, content hash, extractor version + model) in `cache_dir` (see flows.extract_cache)."""
    return extract_entries(entries, Path(cache_dir), version, model)


@task(name="merge-events", cache_policy=NO_CACHE)
def merge_task(mentions: list[dict]) -> list[dict]:
    """Cross-document merge of all mentions into events with stable ids."""
    from extraction.merge import merge_events

    return merge_events(mentions)


@task(name="validate-events", cache_policy=NO_CACHE)
def validate_task(events: pl.DataFrame) -> ValidationResult:
    """pandera validation: valid rows go on, invalid ones become rejects with reasons."""
    return validate_frame(events, ExtractedEvent)


@task(name="load-warehouse", cache_policy=NO_CACHE)
def load_task(con: duckdb.DuckDBPyConnection, events: pl.DataFrame, mentions: pl.DataFrame,
              documents: pl.DataFrame, rejects: pl.DataFrame, run_id: str,
              lineage: pl.DataFrame | None = None) -> LoadStats:
    """Make the warehouse's extracted events (and their lineage) equal to this corpus, in one
    transaction."""
    return sync_extracted(con, events, mentions, documents, rejects, run_id, lineage)


@task(name="export-parquet", cache_policy=NO_CACHE)
def export_task(warehouse: str, out_dir: str) -> str:
    """Write the hive-partitioned Parquet export (atomic swap) and return its folder.

    Reads through a sandboxed read-only connection that may write only the export folder."""
    from warehouse.connection import connect_reader
    from warehouse.export import export_parquet, staging_dir

    Path(out_dir).parent.mkdir(parents=True, exist_ok=True)
    con = connect_reader(Path(warehouse), writable_dirs=[staging_dir(Path(out_dir))])
    try:
        result = export_parquet(con, Path(out_dir))
    finally:
        con.close()
    return str(getattr(result, "path", out_dir))
