"""Reading documents from and writing events to JSONL, the contract of `eventpipe extract`.

Input: one JSON object per line with `doc_id` and `text`, optionally `published` (YYYY-MM-DD),
`source`, `title`, `fmt` (txt/md/html) and `source_scale`. A malformed line is an `InputError`
naming the line, so a user fixes the file instead of silently losing documents. Output is written
to a temporary file next to the target and renamed into place: a failed run never leaves a
half-written file behind.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from eventpipe.errors import InputError
from extraction.document import Document
from schemas.codebook import ACLED_COLUMNS

log = logging.getLogger(__name__)

FORMATS = ("txt", "md", "html")
PROVENANCE_COLUMNS = (
    "doc_id",
    "evidence",
    "span_start",
    "span_end",
    "extractor_version",
    "confidence",
    "mentions",
)


def read_documents(path: Path) -> list[Document]:
    """All documents of a JSONL file, in file order; blank lines are skipped."""
    documents: list[Document] = []
    seen: set[str] = set()
    for line_no, line in _numbered_lines(path):
        document = parse_document(line, file=str(path), line_no=line_no)
        if document.doc_id in seen:
            raise InputError(
                f"duplicate doc_id {document.doc_id!r}", file=str(path), row=line_no, column="doc_id"
            )
        seen.add(document.doc_id)
        documents.append(document)
    return documents


def parse_document(line: str, *, file: str, line_no: int) -> Document:
    """One input line -> Document; raises InputError naming the line and field."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON ({error.msg} at column {error.colno})", file=file, row=line_no
        ) from None
    if not isinstance(obj, dict):
        raise InputError("expected a JSON object per line", file=file, row=line_no)
    return document_from(obj, file=file, line_no=line_no)


def document_from(obj: Mapping[str, object], *, file: str, line_no: int) -> Document:
    """A Document from one input object (the JSONL fields); raises InputError naming the field."""
    return Document(
        doc_id=_doc_id(obj, file, line_no),
        text=_optional_str(obj, "text", file, line_no, required=True) or "",
        published=_published(obj, file, line_no),
        source=_optional_str(obj, "source", file, line_no),
        title=_optional_str(obj, "title", file, line_no),
        fmt=_fmt(obj, file, line_no),
        source_scale=_optional_str(obj, "source_scale", file, line_no),
    )


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        handle = open(path, "rb")
    except OSError as error:
        raise InputError(f"cannot read input: {error.strerror}", file=str(path)) from None
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield line_no, raw.decode("utf-8")
            except UnicodeDecodeError:
                log.warning("%s line %d is not valid UTF-8; undecodable bytes were replaced", path, line_no)
                yield line_no, raw.decode("utf-8", errors="replace")


def _doc_id(obj: Mapping[str, object], file: str, line_no: int) -> str:
    value = obj.get("doc_id")
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise InputError("missing or empty doc_id (a string)", file=file, row=line_no, column="doc_id")
    return str(value).strip()


def _optional_str(
    obj: Mapping[str, object], key: str, file: str, line_no: int, required: bool = False
) -> str | None:
    value = obj.get(key)
    if value is None:
        if required and key not in obj:
            raise InputError(f"missing {key}", file=file, row=line_no, column=key)
        return None
    if not isinstance(value, str):
        raise InputError(
            f"{key} must be a string, got {type(value).__name__}", file=file, row=line_no, column=key
        )
    return value


def _published(obj: Mapping[str, object], file: str, line_no: int) -> date | None:
    value = _optional_str(obj, "published", file, line_no)
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(
            f"published must be a date YYYY-MM-DD, got {value!r}", file=file, row=line_no, column="published"
        ) from None


def _fmt(obj: Mapping[str, object], file: str, line_no: int) -> str:
    value = (_optional_str(obj, "fmt", file, line_no) or "txt").strip().lower()
    if value not in FORMATS:
        raise InputError(
            f"fmt must be one of {', '.join(FORMATS)}, got {value!r}", file=file, row=line_no, column="fmt"
        )
    return value


def output_record(event: Mapping[str, object]) -> dict[str, object]:
    """An event as one output object: ACLED columns in ACLED order, then provenance.

    `doc_id` is a list when the event merges mentions from several documents (the contract of
    the scorers), a plain string otherwise.
    """
    record: dict[str, object] = {column: event.get(column) for column in ACLED_COLUMNS}
    doc_ids = list(event.get("doc_ids") or [event.get("doc_id")])
    record["doc_id"] = doc_ids[0] if len(doc_ids) == 1 else doc_ids
    for column in PROVENANCE_COLUMNS[1:]:
        if column in event:
            record[column] = event[column]
    return record


def write_events(path: Path, events: Iterable[Mapping[str, object]]) -> int:
    """Write events as JSONL atomically (temp file + rename); returns the number written."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write output: {error.strerror}", file=str(path)) from None
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for event in events:
                handle.write(json.dumps(output_record(event), ensure_ascii=False, default=str) + "\n")
                count += 1
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count
