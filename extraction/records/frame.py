"""Merged events as a polars frame in the `ExtractedEvent` shape, and validation before output.

The pandera model is the contract: every event `eventpipe extract` writes, and every event the
pipeline loads, must pass `schemas.extracted.ExtractedEvent`. `events_frame` builds the frame
with the model's dtypes (so the flows and the CLI build it the same way); `validate_events`
drops and logs the events that fail, naming the failed checks.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date

import polars as pl

from schemas.extracted import ExtractedEvent
from schemas.validate import model_dtypes, validate_frame

log = logging.getLogger(__name__)

# The contract is the pandera model: the frame's columns and dtypes are read off it, not restated.
SCHEMA: dict[str, pl.DataType] = model_dtypes(ExtractedEvent)
UNDATED_REASONS = frozenset(
    {"event_date: missing value", "year: missing value", "time_precision: missing value"}
)
# An undated brief may also name no place or country: its type, actors and fatalities still stand.
UNPLACED_REASONS = frozenset(
    {"country: missing value", "iso: missing value", "geo_precision: missing value"}
)
# ... or only its country: the codebook allows no country-level location (the pipeline quarantines it).
UNLOCATED_REASON = "location: location_below_country_level"
_INCOMPLETE = UNDATED_REASONS | UNPLACED_REASONS
EXTRACTED_COLUMNS: tuple[str, ...] = tuple(SCHEMA)


def events_frame(events: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """Merged events -> DataFrame with exactly the ExtractedEvent columns and dtypes."""
    rows = [{column: _cell(column, event.get(column)) for column in EXTRACTED_COLUMNS} for event in events]
    return pl.DataFrame(rows, schema={c: SCHEMA[c] for c in EXTRACTED_COLUMNS}, orient="row")


def mentions_frame(events: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """One row per (event, mention): event_id_cnty, doc_id, evidence, span_start, span_end."""
    rows = [
        {"event_id_cnty": event["event_id_cnty"], **mention}
        for event in events
        for mention in (event.get("mentions") or [])
    ]
    schema = {
        "event_id_cnty": pl.String(),
        "doc_id": pl.String(),
        "evidence": pl.String(),
        "span_start": pl.Int32(),
        "span_end": pl.Int32(),
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def validate_events(events: Sequence[Mapping[str, object]], allow_undated: bool = False) -> list[dict]:
    """The events that pass ExtractedEvent; each rejected one is logged with its reasons.

    With `allow_undated`, an event whose only failures are missing date fields and/or missing
    place fields (a location below the country level included) is kept: the JSONL output of
    `eventpipe extract` may carry such incomplete candidates from briefs (ACLED notes state no
    date; snippets may name no place), the warehouse never does.
    """
    if not events:
        return []
    result = validate_frame(events_frame(events), ExtractedEvent)
    rejected: set[int] = set()
    for row in result.rejects.iter_rows(named=True):
        reasons = set(str(row["reasons"]).split("; "))
        incomplete = all(r in _INCOMPLETE or r.startswith(UNLOCATED_REASON) for r in reasons)
        if allow_undated and incomplete:
            continue
        rejected.add(row["row"])
        log.warning("event %s dropped: fails the schema (%s)", row.get("event_id_cnty"), row.get("reasons"))
    return [dict(event) for i, event in enumerate(events) if i not in rejected]


def _cell(column: str, value: object) -> object:
    if column == "event_date" and isinstance(value, str):
        return date.fromisoformat(value)
    if column == "doc_ids" and value is not None:
        return [str(v) for v in value]  # type: ignore[union-attr]
    return value
