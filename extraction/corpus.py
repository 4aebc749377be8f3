"""Document discovery: which files under a raw folder are documents, and what we know about them.

A corpus is a folder of `.txt`, `.md` and `.html` files (searched recursively). Metadata (title,
source, publication date, source scale) comes from YAML-ish front matter at the top of a file
(`---` / `key: value` lines / `---`) and from an optional `manifest.csv` in the folder (columns
`file,title,source,published,notes`, optionally `source_scale`); where both give a value the
manifest wins, because it is the curated list.

`content_hash` covers the file's bytes *and* its metadata, so editing the manifest (say, fixing a
publication date that anchors relative dates) counts as a change and the document is re-extracted.
Inputs stay inside the raw folder: a symlink whose target leaves it is skipped with a warning,
and a manifest row whose path leaves it is refused. A document that cannot be read as intended
(bad front-matter date, bad bytes, an unreadable file) is quarantined as a `DocumentReject`
with its file, field and reason, and the rest of the corpus goes on.

Plain Python, no Prefect: the flows call it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from eventpipe.errors import InputError
from extraction.document import Document

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
METADATA_KEYS: tuple[str, ...] = ("title", "source", "published", "source_scale")
FRONT_MATTER_FENCE = "---"
# Above this share of undecodable bytes a "text" file is quarantined rather than extracted.
MAX_REPLACED_SHARE = 0.01
# Relative dates ("yesterday") are computed from `published`: near date.min or date.max they
# overflow, and no news text was published there.
PUBLISHED_RANGE = (date(1900, 1, 1), date(2100, 12, 31))


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


@dataclass(frozen=True)
class DocumentReject:
    """A document left out of the run: which file, which field (or 'file'), and why."""

    doc_id: str
    field: str
    reason: str

    def describe(self) -> str:
        return f"document {self.doc_id}: {self.field}: {self.reason}"


@dataclass(frozen=True)
class Corpus:
    """The documents of a raw folder that can be extracted, and those quarantined."""

    entries: list[CorpusEntry]
    rejected: list[DocumentReject]


def discover(raw_dir: Path) -> list[CorpusEntry]:
    """All good documents under `raw_dir`, sorted by doc_id (the path relative to `raw_dir`)."""
    return discover_corpus(raw_dir).entries


def discover_corpus(raw_dir: Path) -> Corpus:
    """Documents under `raw_dir` sorted by doc_id, and the ones quarantined (see DocumentReject).

    Raises InputError only for what concerns the whole corpus: a missing folder, an unreadable
    manifest or a manifest path that leaves the folder.
    """
    if not raw_dir.is_dir():
        raise InputError("raw folder does not exist or is not a folder", file=str(raw_dir))
    manifest = read_manifest(raw_dir / MANIFEST_NAME)
    entries: list[CorpusEntry] = []
    rejected: list[DocumentReject] = []
    for path in _document_paths(raw_dir):
        try:
            entries.append(_entry(raw_dir, path, manifest))
        except InputError as error:
            doc_id = path.relative_to(raw_dir).as_posix()
            rejected.append(DocumentReject(doc_id, error.column or "file", error.message))
            logger.warning("quarantined %s: %s", doc_id, error.message)
    unknown = set(manifest) - {entry.doc_id for entry in entries} - {r.doc_id for r in rejected}
    for name in sorted(unknown):
        logger.warning("manifest.csv lists %s, which is not in %s", name, raw_dir)
    return Corpus(entries, rejected)


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
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"manifest is not UTF-8 (byte {error.start + 1})", file=str(path),
                         hint="save it as UTF-8") from None
    except OSError as error:
        raise InputError(f"cannot read the manifest: {error.strerror or error}", file=str(path)) from None
    return _parse_manifest(text, path)


def _parse_manifest(text: str, path: Path) -> dict[str, dict[str, str]]:
    try:
        return _manifest_rows(csv.DictReader(io.StringIO(text, newline="")), path)
    except csv.Error as error:
        raise InputError(f"manifest is not valid CSV ({error})", file=str(path)) from None


def _manifest_rows(reader: csv.DictReader, path: Path) -> dict[str, dict[str, str]]:
    """Rows by file name. A bad published date is not checked here: it quarantines only its
    own document (see discover_corpus)."""
    if "file" not in (reader.fieldnames or []):
        raise InputError("manifest has no 'file' column", file=str(path), column="file",
                         hint="expected columns: file,title,source,published,notes")
    rows: dict[str, dict[str, str]] = {}
    for number, row in enumerate(reader, start=2):
        name = _manifest_name(row.get("file"), path, number)
        meta = {key: (row.get(key) or "").strip() for key in METADATA_KEYS}
        rows[name] = {key: value for key, value in meta.items() if value}
    return rows


def _manifest_name(value: object, path: Path, number: int) -> str:
    """The manifest's `file` as a doc id; a path that could leave the raw folder is refused."""
    name = str(value or "").strip()
    if not name:
        raise InputError("empty file name", file=str(path), row=number, column="file")
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise InputError(f"path {name!r} leaves the raw folder", file=str(path), row=number,
                         column="file", hint="manifest paths are relative to the raw folder")
    return PurePosixPath(*parts).as_posix()


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
             if path.suffix.lower() in FORMATS
             and not any(part.startswith(".") for part in path.relative_to(raw_dir).parts)
             and path.is_file() and _stays_inside(raw_dir, path)]
    return sorted(paths, key=lambda path: path.relative_to(raw_dir).as_posix())


def _stays_inside(raw_dir: Path, path: Path) -> bool:
    """False (with a warning) for a file reached through a symlink that leaves `raw_dir`."""
    root = raw_dir.resolve()
    target = path.resolve()
    if target == root or root in target.parents:
        return True
    logger.warning("skipped %s: it is a link to %s, outside %s", path, target, raw_dir)
    return False


def _entry(raw_dir: Path, path: Path, manifest: dict[str, dict[str, str]]) -> CorpusEntry:
    doc_id = path.relative_to(raw_dir).as_posix()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", file=str(path), column="file") from None
    front, body = split_front_matter(_decode(data, path))
    meta = {key: front[key] for key in METADATA_KEYS if front.get(key)}
    meta.update(manifest.get(doc_id, {}))
    published = _parse_published(meta.get("published"), file=str(path), row=None)
    _check_text(body, path)
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
        published = date.fromisoformat(value)
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD", file=file, row=row,
                         column="published") from None
    if not PUBLISHED_RANGE[0] <= published <= PUBLISHED_RANGE[1]:
        raise InputError(f"published date {value!r} is outside {PUBLISHED_RANGE[0].year}-"
                         f"{PUBLISHED_RANGE[1].year}", file=file, row=row, column="published")
    return published


def _check_text(body: str, path: Path) -> None:
    """Refuse a document that is mostly undecodable bytes (a binary file with a text suffix)."""
    bad = body.count("\ufffd")
    if bad > MAX_REPLACED_SHARE * max(len(body), 1) or "\x00" in body:
        raise InputError("not text (binary or another encoding than UTF-8)", file=str(path),
                         column="encoding")


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
