"""`ExtractedEvent`: an ACLED event produced by our extractor, with its provenance."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.acled import AcledEvent
from schemas.codebook import STRATEGIC_DEVELOPMENTS

# ACLED codes every event to a place below the country. Only developments that happen to a whole
# country or group rather than somewhere (an agreement, a group's change of activity, other
# developments) may stand at country level, coded to the country's capital or centre.
COUNTRY_LEVEL_SUB_EVENTS = ("Agreement", "Change to group/activity", "Other")


class ExtractedEvent(AcledEvent):
    """AcledEvent plus where it came from: documents, evidence sentence and span, extractor."""

    doc_ids: pl.List(pl.String)
    evidence: str = pa.Field(nullable=True)
    span_start: pl.Int32 = pa.Field(ge=0)
    span_end: pl.Int32 = pa.Field(ge=0)
    extractor_version: str
    confidence: pl.Float64 = pa.Field(ge=0.0, le=1.0)

    @pa.dataframe_check
    def location_below_country_level(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """A location is named, unless the event is a Strategic development the codebook lets
        stand at country level; an event known only by its country is quarantined."""
        placed = pl.col("location").is_not_null() & (pl.col("location").str.strip_chars() != "")
        national = (pl.col("event_type") == STRATEGIC_DEVELOPMENTS) & pl.col("sub_event_type").is_in(
            list(COUNTRY_LEVEL_SUB_EVENTS)
        )
        return data.lazyframe.select((placed | national.fill_null(False)).fill_null(False))

    @pa.dataframe_check
    def span_end_not_before_span_start(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("span_end") >= pl.col("span_start")).fill_null(True))
