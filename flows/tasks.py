"""Prefect tasks: each wraps one library call and adds only a name, retries and caching.

Tasks receive paths, ids and small picklable records (`CorpusEntry`), never DataFrames, so they
can be shipped to Dask workers and their inputs hash cheaply.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import duckdb
import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from extraction.corpus import CorpusEntry, discover, load_document
from flows.extract_cache import read_cached, write_cached
from schemas.extracted import ExtractedEvent
from schemas.validate import ValidationResult, validate_frame
from warehouse.load import LoadStats, sync_extracted

logger = logging.getLogger(__name__)


@cache
def _resources(model: str = "none") -> object:
    """The extractor's resources (gazetteer, dictionaries, the typing model), loaded once per
    process/worker; `model` is a model directory or 'none'."""
    from extraction.engine import Resources

    return Resources.load(model=model)


def extract_entries(
    entries: list[CorpusEntry], cache_dir: Path, version: str, model: str = "none"
) -> dict[str, list[dict]]:
    """{doc_id: mentions} for `entries`, from the cache or by running the extractor.

    Every fresh result is written to the cache before it is returned, so a run killed later
    (say, during the load) does not redo this work.
    """
    from extraction.engine import extract_events

    results: dict[str, list[dict]] = {}
    for entry in entries:
        cached = read_cached(cache_dir, entry, version)
        if cached is None:
            mentions = [m.as_record() for m in extract_events(load_document(entry), _resources(model))]
            cached = write_cached(cache_dir, entry, version, mentions)
        results[entry.doc_id] = cached
    return results


@task(name="discover-documents", cache_policy=NO_CACHE)
def discover_task(raw_dir: str) -> list[CorpusEntry]:
    """Walk the raw folder (documents, manifest, front matter, content hashes)."""
    return discover(Path(raw_dir))


@task(name="extract-batch", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract_batch_task(
    entries: list[CorpusEntry], cache_dir: str, version: str, model: str = "none"
) -> dict[str, list[dict]]:
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
def export_task(con: duckdb.DuckDBPyConnection, out_dir: str) -> str:
    """Write the hive-partitioned Parquet export (atomic swap) and return its folder."""
    from warehouse.export import export_parquet

    Path(out_dir).parent.mkdir(parents=True, exist_ok=True)
    result = export_parquet(con, Path(out_dir))
    return str(getattr(result, "path", out_dir))
