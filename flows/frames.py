"""Turning extractor records and corpus entries into the frames the warehouse loads.

Pure functions with explicit schemas: an empty corpus still yields correctly typed (empty)
frames, and the column set comes from the pandera model, not from whatever keys the first record
happens to have.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from extraction.corpus import CorpusEntry
from extraction.records import events_frame

__all__ = ["documents_frame", "events_frame", "mentions_frame"]

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "event_id_cnty": pl.String(), "doc_id": pl.String(), "evidence": pl.String(),
    "span_start": pl.Int32(), "span_end": pl.Int32(),
}
DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(), "path": pl.String(), "title": pl.String(), "source": pl.String(),
    "published": pl.Date(), "content_hash": pl.String(), "fmt": pl.String(), "n_chars": pl.Int32(),
}


def mentions_frame(events: Sequence[Mapping[str, object]], keep_ids: Iterable[str]) -> pl.DataFrame:
    """One row per (event, mention) for the events in `keep_ids` (rejected events have none)."""
    keep = set(keep_ids)
    fields = [name for name in MENTION_SCHEMA if name != "event_id_cnty"]
    rows = [{"event_id_cnty": event["event_id_cnty"], **{name: m.get(name) for name in fields}}
            for event in events if event.get("event_id_cnty") in keep
            for m in event.get("mentions") or ()]
    return pl.DataFrame(rows, schema=MENTION_SCHEMA, strict=False)


def documents_frame(entries: Sequence[CorpusEntry]) -> pl.DataFrame:
    """The corpus as the warehouse's `documents` rows."""
    rows = [{"doc_id": e.doc_id, "path": str(e.path), "title": e.title, "source": e.source,
             "published": e.published, "content_hash": e.content_hash, "fmt": e.fmt,
             "n_chars": e.n_chars} for e in entries]
    return pl.DataFrame(rows, schema=DOCUMENT_SCHEMA, strict=False)
