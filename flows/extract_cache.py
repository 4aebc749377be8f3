"""Per-document extraction results, cached on disk by (doc id, content hash, extractor version).

Why our own cache rather than only Prefect's result cache: it must be shared by every task runner
(threads, Dask workers on other machines with a shared folder), survive Prefect server resets,
and be inspectable (one JSON file per document). A document whose bytes, metadata or the
extractor version changed gets a new key, so a stale result is never reused. Writes are atomic
(temp file + rename), so a run killed mid-write leaves either the old state or the new file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extraction.corpus import CorpusEntry


def cache_dir_for(warehouse: Path, extractor_version: str) -> Path:
    """The cache folder of one warehouse and extractor version (next to the DuckDB file)."""
    return warehouse.with_name(warehouse.name + ".cache") / "extract" / extractor_version


def cache_key(entry: CorpusEntry, extractor_version: str) -> str:
    """Stable key: the doc id is part of it because mentions carry their doc id."""
    raw = f"{entry.doc_id}\0{entry.content_hash}\0{extractor_version}".encode()
    return hashlib.sha256(raw).hexdigest()


def read_cached(cache_dir: Path, entry: CorpusEntry, extractor_version: str) -> list[dict] | None:
    """The cached mentions of `entry`, or None on a miss (or an unreadable cache file)."""
    path = _path(cache_dir, entry, extractor_version)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def write_cached(cache_dir: Path, entry: CorpusEntry, extractor_version: str,
                 mentions: list[dict]) -> list[dict]:
    """Store `mentions` and return them as they will be read back (JSON types).

    Returning the round-tripped form means a fresh run and a cached run hand identical values
    (str dates, lists not tuples) to the merge.
    """
    text = to_json(mentions)
    path = _path(cache_dir, entry, extractor_version)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
    return json.loads(text)


def to_json(mentions: list[dict]) -> str:
    """Canonical JSON of mentions (dates and other non-JSON values as strings)."""
    return json.dumps(mentions, ensure_ascii=False, sort_keys=True, default=str)


def drop_other_versions(warehouse: Path, extractor_version: str) -> None:
    """Delete the cache folders of other extractor versions of this warehouse (never reused)."""
    current = cache_dir_for(warehouse, extractor_version)
    if current.parent.is_dir():
        for other in current.parent.iterdir():
            if other.is_dir() and other != current:
                shutil.rmtree(other, ignore_errors=True)


def prune(cache_dir: Path, keep: Iterable[CorpusEntry], extractor_version: str) -> int:
    """Delete cache files of documents no longer in the corpus (or of their old contents)."""
    if not cache_dir.is_dir():
        return 0
    wanted = {_path(cache_dir, entry, extractor_version) for entry in keep}
    removed = 0
    for path in cache_dir.glob("*/*.json"):
        if path not in wanted:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _path(cache_dir: Path, entry: CorpusEntry, extractor_version: str) -> Path:
    key = cache_key(entry, extractor_version)
    return cache_dir / key[:2] / f"{key}.json"
