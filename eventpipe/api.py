"""The Python API for notebooks: extract events from text, get a frame, query the warehouse.

    import eventpipe
    events = eventpipe.extract("On 3 May 2020, gunmen attacked a bus in Mandera, Kenya.")
    frame = eventpipe.extract_frame([{"doc_id": "a", "text": "...", "published": "2024-05-03"}])
    con = eventpipe.connect()        # read-only DuckDB connection to the configured warehouse

Each call does what the matching command does (`eventpipe extract`, `eventpipe sql`) with the
same library functions: extraction, cross-document merge, the one frame builder and the
ExtractedEvent validation. The gazetteer and actor tables load once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventpipe.errors import InputError

if TYPE_CHECKING:
    import duckdb
    import polars as pl

    from extraction.document import Document

__all__ = ["connect", "extract", "extract_frame"]


def extract(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    fmt: str = "txt",
    doc_id: str = "text",
) -> list[dict[str, object]]:
    """The events one text reports, as `eventpipe extract` writes them: ACLED's columns in
    ACLED's order, then provenance (`doc_id`, `evidence`, spans, `confidence`, `mentions`).

    `published` (a date or 'YYYY-MM-DD') anchors relative dates ('yesterday'); without it a
    brief that states no date yields its events undated (`event_date` None), as the CLI does.
    """
    from extraction.jsonl import document_from

    fields = {"doc_id": doc_id, "text": text, "published": _iso(published), "source": source,
              "title": title, "fmt": fmt}
    document = document_from({k: v for k, v in fields.items() if v is not None}, file="<text>", line_no=1)
    return _output(_events([document], allow_incomplete=True))


def extract_frame(docs: Iterable[Document | Mapping[str, object] | str]) -> pl.DataFrame:
    """Events of many documents, merged across them, as a polars DataFrame with exactly the
    `ExtractedEvent` columns and dtypes (dates as dates). Only events that pass the schema are
    in it, as in the warehouse: an undated or unplaced brief's events are left out.

    A document is an `extraction.document.Document`, a mapping with the JSONL input fields
    (`doc_id`, `text`, `published`, `source`, `title`, `fmt`) or a plain text.
    """
    from extraction.records import events_frame
    from schemas.extracted import ExtractedEvent
    from schemas.validate import validate_frame

    events = _events(_documents(docs), allow_incomplete=False)
    return validate_frame(events_frame(events), ExtractedEvent).valid


def connect(warehouse: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection to the warehouse (`EVENTPIPE_WAREHOUSE`, else the default
    `warehouse/events.duckdb`, or `warehouse` if given): tables `events`, `event_mentions`,
    `documents`, `rejects`, `runs` and the views. Close it when done."""
    from eventpipe.settings import Settings
    from warehouse.connection import connect as open_warehouse

    settings = Settings.load({"warehouse": warehouse})
    return open_warehouse(Path(settings.warehouse), read_only=True)


def _events(documents: list[Document], allow_incomplete: bool) -> list[dict]:
    from extraction.engine import Resources, extract_events
    from extraction.merge import merge_events
    from extraction.records import validate_events

    resources = Resources.load()
    mentions = [mention for document in documents for mention in extract_events(document, resources)]
    return validate_events(merge_events(mentions), allow_undated=allow_incomplete)


def _documents(docs: Iterable[Document | Mapping[str, object] | str]) -> list[Document]:
    from extraction.document import Document
    from extraction.jsonl import document_from

    documents = []
    for number, doc in enumerate(docs, start=1):
        if isinstance(doc, Document):
            documents.append(doc)
        elif isinstance(doc, str):
            documents.append(Document(doc_id=f"doc{number}", text=doc))
        elif isinstance(doc, Mapping):
            documents.append(document_from({"doc_id": f"doc{number}", **doc}, file="<docs>", line_no=number))
        else:
            raise InputError(f"a document is a Document, a mapping or a text, not {type(doc).__name__}",
                             row=number)
    return documents


def _output(events: list[dict]) -> list[dict[str, object]]:
    from extraction.jsonl import output_record

    return [output_record(event) for event in events]


def _iso(published: date | str | None) -> str | None:
    return published.isoformat() if isinstance(published, date) else published
