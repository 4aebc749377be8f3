"""Turning extractor records and corpus entries into the frames the warehouse loads.

Pure functions with explicit schemas: an empty corpus still yields correctly typed (empty)
frames, and the column set comes from the pandera model, not from whatever keys the first record
happens to have.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from extraction.corpus import CorpusEntry
from schemas.codebook import CIVILIAN_TARGETING, CIVILIAN_TARGETING_VALUES
from schemas.extracted import ExtractedEvent
from schemas.validate import model_dtypes

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "event_id_cnty": pl.String(), "doc_id": pl.String(), "evidence": pl.String(),
    "span_start": pl.Int32(), "span_end": pl.Int32(),
}
DOCUMENT_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(), "path": pl.String(), "title": pl.String(), "source": pl.String(),
    "published": pl.Date(), "content_hash": pl.String(), "fmt": pl.String(), "n_chars": pl.Int32(),
}


def event_build_schema() -> dict[str, pl.DataType]:
    """ExtractedEvent's columns, with dates kept as ISO strings (validation parses them)."""
    return {name: (pl.String() if dtype == pl.Date() else dtype)
            for name, dtype in model_dtypes(ExtractedEvent).items()}


def events_frame(events: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """Merged events as a frame with exactly ExtractedEvent's columns (extra keys dropped).

    A column whose values do not fit the model dtype is kept as strings, so validation rejects
    the offending rows with their column named instead of this function raising.
    """
    frame = pl.DataFrame([_column(name, [event.get(name) for event in events], dtype)
                          for name, dtype in event_build_schema().items()])
    return frame.with_columns(_current_civilian_targeting())


def _current_civilian_targeting() -> pl.Expr:
    """ACLED's files write "Civilian targeting"; the extractor still says "Civilians targeted"."""
    column = pl.col("civilian_targeting")
    current = pl.when(column.is_in(CIVILIAN_TARGETING_VALUES)).then(pl.lit(CIVILIAN_TARGETING))
    return current.otherwise(column).alias("civilian_targeting")


def _column(name: str, values: list[object], dtype: pl.DataType) -> pl.Series:
    try:
        return pl.Series(name, values, dtype=dtype, strict=False)
    except (TypeError, ValueError, pl.exceptions.PolarsError):
        return pl.Series(name, [None if v is None else str(v) for v in values], dtype=pl.String())


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
