"""`ExtractedEvent`: an ACLED event produced by our extractor, with its provenance."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.acled import AcledEvent


class ExtractedEvent(AcledEvent):
    """AcledEvent plus where it came from: documents, evidence sentence and span, extractor."""

    doc_ids: pl.List(pl.String)
    evidence: str = pa.Field(nullable=True)
    span_start: pl.Int32 = pa.Field(ge=0)
    span_end: pl.Int32 = pa.Field(ge=0)
    extractor_version: str
    confidence: pl.Float64 = pa.Field(ge=0.0, le=1.0)

    @pa.dataframe_check
    def span_end_not_before_span_start(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("span_end") >= pl.col("span_start")).fill_null(True))
