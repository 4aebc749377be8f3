"""Per-document extraction results, cached on disk by (doc id, content hash, extractor version).

Why our own cache rather than only Prefect's result cache: it must be shared by every task runner
(threads, Dask workers on other machines with a shared folder), survive Prefect server resets,
and be inspectable (one JSON file per document). A document whose bytes, metadata or the
extractor version changed gets a new key, so a stale result is never reused. Writes are atomic
(temp file + rename), so a run killed mid-write leaves either the old state or the new file.

The cache is not trusted: each file is an envelope recording the document id and hash, the
extractor and model versions and a SHA-256 of its payload, and `read_cached` checks all of them.
A file that fails any check (truncated, `[]`, `{"a": 1}`, hand-edited fatalities) is a miss with a
warning: the document is re-extracted and the file rewritten, and a run never crashes on it.
The checksum catches corruption and careless edits, not a forger who recomputes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extraction.corpus import CorpusEntry

logger = logging.getLogger(__name__)

CACHE_FORMAT = 2
MODEL_VERSION: str | None = None  # the slot for a learned model's version; rules only for now


def cache_dir_for(warehouse: Path, extractor_version: str) -> Path:
    """The cache folder of one warehouse and extractor version (next to the DuckDB file)."""
    return warehouse.with_name(warehouse.name + ".cache") / "extract" / extractor_version


def cache_key(entry: CorpusEntry, extractor_version: str) -> str:
    """Stable key: the doc id is part of it because mentions carry their doc id."""
    raw = f"{entry.doc_id}\0{entry.content_hash}\0{extractor_version}".encode()
    return hashlib.sha256(raw).hexdigest()


def read_cached(cache_dir: Path, entry: CorpusEntry, extractor_version: str,
                warn: bool = True) -> list[dict] | None:
    """The cached mentions of `entry`, or None on a miss or a cache file that fails its checks
    (with a warning, unless `warn` is False because the caller already gave it)."""
    path = _path(cache_dir, entry, extractor_version)
    try:
        envelope = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:  # ValueError: bad JSON or bad UTF-8
        problem: str | None = f"unreadable ({type(error).__name__})"
    else:
        problem = check_envelope(envelope, entry, extractor_version)
    if problem is None:
        return envelope["mentions"]
    if warn:
        logger.warning("cache entry %s of %s cannot be trusted (%s); re-extracting", path,
                       entry.doc_id, problem)
    return None


def check_envelope(envelope: object, entry: CorpusEntry, extractor_version: str) -> str | None:
    """What is wrong with a cache file's content for `entry`, or None when it can be trusted."""
    if not isinstance(envelope, dict) or envelope.get("format") != CACHE_FORMAT:
        return "not a cache entry of this format"
    expected = {"doc_id": entry.doc_id, "content_hash": entry.content_hash,
                "extractor_version": extractor_version, "model_version": MODEL_VERSION}
    for key, value in expected.items():
        if envelope.get(key) != value:
            return f"{key} is {envelope.get(key)!r}, expected {value!r}"
    mentions = envelope.get("mentions")
    if not isinstance(mentions, list) or not all(isinstance(m, dict) for m in mentions):
        return "mentions are not a list of records"
    if envelope.get("checksum") != checksum(to_json(mentions)):
        return "checksum does not match its mentions"
    return None


def checksum(payload: str) -> str:
    """SHA-256 of the canonical JSON of a payload."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()





def write_cached(cache_dir: Path, entry: CorpusEntry, extractor_version: str,
                 mentions: list[dict]) -> list[dict]:
    """Store `mentions` and return them as they will be read back (JSON types).

    Returning the round-tripped form means a fresh run and a cached run hand identical values
    (str dates, lists not tuples) to the merge.
    """
    text = to_json(mentions)
    envelope = {"format": CACHE_FORMAT, "doc_id": entry.doc_id, "content_hash": entry.content_hash,
                "extractor_version": extractor_version, "model_version": MODEL_VERSION,
                "checksum": checksum(text)}
    body = json.dumps(envelope, ensure_ascii=False, sort_keys=True)[:-1] + f', "mentions": {text}}}'
    path = _path(cache_dir, entry, extractor_version)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
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
