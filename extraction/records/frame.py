"""Merged events as a polars frame in the `ExtractedEvent` shape, and validation before output.

The pandera model is the contract: every event `eventpipe extract` writes, and every event the
pipeline loads, must pass `schemas.extracted.ExtractedEvent`. `events_frame` builds the frame
with the model's columns (the CLI, the flows and the API build it with this one function); `validate_events`
drops and logs the events that fail, naming the failed checks.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import polars as pl

from schemas.codebook import CIVILIAN_TARGETING, CIVILIAN_TARGETING_VALUES
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
EXTRACTED_COLUMNS: tuple[str, ...] = tuple(SCHEMA)


def event_build_schema() -> dict[str, pl.DataType]:
    """ExtractedEvent's columns, with dates kept as ISO strings (validation parses them, and names
    the rows whose date is not one)."""
    return {name: (pl.String() if dtype == pl.Date() else dtype) for name, dtype in SCHEMA.items()}


def events_frame(events: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """Events as a frame with exactly ExtractedEvent's columns (extra keys dropped): the one frame
    builder of the CLI (`eventpipe extract`), the pipeline flow and the Python API.

    A column whose values do not fit the model dtype is kept as strings, so validation rejects
    the offending rows with their column named instead of this function raising.
    """
    columns = event_build_schema().items()
    frame = pl.DataFrame([_column(name, [e.get(name) for e in events], dtype) for name, dtype in columns])
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
    place fields is kept: the JSONL output of `eventpipe extract` may carry such incomplete
    candidates from briefs (ACLED notes state no date; snippets may name no place), the
    warehouse never does.
    """
    if not events:
        return []
    result = validate_frame(events_frame(events), ExtractedEvent)
    rejected: set[int] = set()
    for row in result.rejects.iter_rows(named=True):
        reasons = set(str(row["reasons"]).split("; "))
        incomplete = reasons <= UNDATED_REASONS | UNPLACED_REASONS
        if allow_undated and incomplete:
            continue
        rejected.add(row["row"])
        log.warning("event %s dropped: fails the schema (%s)", row.get("event_id_cnty"), row.get("reasons"))
    return [dict(event) for i, event in enumerate(events) if i not in rejected]
