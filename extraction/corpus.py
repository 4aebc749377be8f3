"""Document discovery: which files under a raw folder are documents, and what we know about them.

A corpus is a folder of `.txt`, `.md` and `.html` files (searched recursively). Metadata (title,
source, publication date, source scale) comes from YAML-ish front matter at the top of a file
(`---` / `key: value` lines / `---`) and from an optional `manifest.csv` in the folder (columns
`file,title,source,published,notes`, optionally `source_scale`); where both give a value the
manifest wins, because it is the curated list.

`content_hash` covers the file's bytes *and* its metadata, so editing the manifest (say, fixing a
publication date that anchors relative dates) counts as a change and the document is re-extracted.
Plain Python, no Prefect: the flows call it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventpipe.errors import InputError
from extraction.document import Document

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
METADATA_KEYS: tuple[str, ...] = ("title", "source", "published", "source_scale")
FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True)
class CorpusEntry:
    """One discovered document: where it is, what it is, and its change-detection hash.

    Small and picklable on purpose: this, not the text, is what flows pass between tasks.
    """

    doc_id: str
    path: Path
    fmt: str
    content_hash: str
    n_chars: int
    title: str | None = None
    source: str | None = None
    published: date | None = None
    source_scale: str | None = None


def discover(raw_dir: Path) -> list[CorpusEntry]:
    """All documents under `raw_dir`, sorted by doc_id (the path relative to `raw_dir`)."""
    if not raw_dir.is_dir():
        raise InputError("raw folder does not exist or is not a folder", file=str(raw_dir))
    manifest = read_manifest(raw_dir / MANIFEST_NAME)
    entries = [_entry(raw_dir, path, manifest) for path in _document_paths(raw_dir)]
    unknown = set(manifest) - {entry.doc_id for entry in entries}
    for name in sorted(unknown):
        logger.warning("manifest.csv lists %s, which is not in %s", name, raw_dir)
    return entries


def load_document(entry: CorpusEntry) -> Document:
    """The `Document` the extractor reads: the file's text without its front matter."""
    _, body = split_front_matter(_read_text(entry.path))
    return Document(doc_id=entry.doc_id, text=body, published=entry.published, source=entry.source,
                    title=entry.title, fmt=entry.fmt, source_scale=entry.source_scale)


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """`manifest.csv` as {file: {metadata key: value}}; empty when there is no manifest.

    Empty cells are dropped so they do not override front matter.
    """
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if "file" not in (reader.fieldnames or []):
            raise InputError("manifest has no 'file' column", file=str(path), column="file",
                             hint="expected columns: file,title,source,published,notes")
        rows: dict[str, dict[str, str]] = {}
        for number, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            if not name:
                raise InputError("empty file name", file=str(path), row=number, column="file")
            meta = {key: (row.get(key) or "").strip() for key in METADATA_KEYS}
            _parse_published(meta.get("published"), file=str(path), row=number)
            rows[name] = {key: value for key, value in meta.items() if value}
    return rows


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `---\\nkey: value\\n---\\n` front matter off the top of `text`.

    Only simple `key: value` lines are understood (quotes around values are dropped); text without
    a closing fence is returned unchanged, so a document that merely starts with a rule survives.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == FRONT_MATTER_FENCE:
            meta = dict(_parse_meta_line(line) for line in lines[1:end] if ":" in line)
            return meta, "".join(lines[end + 1:])
    return {}, text


def _parse_meta_line(line: str) -> tuple[str, str]:
    key, _, value = line.partition(":")
    return key.strip().lower(), value.strip().strip("'\"")


def _document_paths(raw_dir: Path) -> list[Path]:
    paths = [path for path in raw_dir.rglob("*")
             if path.is_file() and path.suffix.lower() in FORMATS
             and not any(part.startswith(".") for part in path.relative_to(raw_dir).parts)]
    return sorted(paths, key=lambda path: path.relative_to(raw_dir).as_posix())


def _entry(raw_dir: Path, path: Path, manifest: dict[str, dict[str, str]]) -> CorpusEntry:
    doc_id = path.relative_to(raw_dir).as_posix()
    data = path.read_bytes()
    front, body = split_front_matter(_decode(data, path))
    meta = {key: front[key] for key in METADATA_KEYS if front.get(key)}
    meta.update(manifest.get(doc_id, {}))
    published = _parse_published(meta.get("published"), file=str(path), row=None)
    return CorpusEntry(
        doc_id=doc_id, path=path, fmt=FORMATS[path.suffix.lower()],
        content_hash=_hash(data, meta), n_chars=len(body), title=meta.get("title"),
        source=meta.get("source"), published=published, source_scale=meta.get("source_scale"),
    )


def _hash(data: bytes, meta: dict[str, str]) -> str:
    digest = hashlib.sha256(data)
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return digest.hexdigest()


def _parse_published(value: str | None, *, file: str, row: int | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD", file=file, row=row,
                         column="published") from None


def _read_text(path: Path) -> str:
    return _decode(path.read_bytes(), path)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        logger.warning("%s is not valid UTF-8; undecodable bytes replaced", path)
        return data.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class CorpusDiff:
    """How the corpus on disk differs from the documents a warehouse last stored (by doc id)."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def diff_corpus(entries: list[CorpusEntry], stored_hashes: dict[str, str]) -> CorpusDiff:
    """Compare discovered entries with `stored_hashes` ({doc_id: content_hash})."""
    current = {entry.doc_id: entry.content_hash for entry in entries}
    return CorpusDiff(
        new=tuple(d for d in current if d not in stored_hashes),
        changed=tuple(d for d, h in current.items() if d in stored_hashes and stored_hashes[d] != h),
        unchanged=tuple(d for d, h in current.items() if stored_hashes.get(d) == h),
        removed=tuple(sorted(d for d in stored_hashes if d not in current)),
    )
