"""`AcledEvent`: the contract of one ACLED event record (pandera, polars backend).

Columns are ACLED's 31 export columns in ACLED's order. Column checks come from the codebook;
cross-field rules are `dataframe_check`s returning one boolean per row (null-safe: a missing
value is reported by its own column check, not twice). Validate collected DataFrames with
`lazy=True` (see `schemas.validate`): LazyFrames skip data checks.
"""

from __future__ import annotations

from datetime import date

import pandera.polars as pa
import polars as pl

from schemas.codebook import (
    ACCEPTED_REGIONS,
    CIVILIAN_TARGETING_VALUES,
    DISORDER_TYPES,
    EVENT_ID_PATTERN,
    EVENT_TYPES,
    GEO_PRECISIONS,
    INTER_LABELS,
    SUB_EVENT_DISORDER,
    SUB_EVENT_PARENT,
    TIME_PRECISIONS,
    VALID_INTERACTIONS,
    country_iso_numeric,
)

# Cross-field check -> the column its failure is reported under, then the columns whose values
# the reason shows (so a reject says what disagreed with what).
CHECK_COLUMNS: dict[str, tuple[str, ...]] = {
    "sub_event_type_belongs_to_event_type": ("sub_event_type", "event_type"),
    "disorder_type_matches_sub_event_type": ("disorder_type", "sub_event_type"),
    "year_is_year_of_event_date": ("year", "event_date"),
    "interaction_agrees_with_inter_codes": ("interaction", "inter1", "inter2"),
    "inter2_zero_without_actor2": ("inter2", "actor2"),
    "iso_agrees_with_country": ("iso", "country"),
    "event_date_not_in_future": ("event_date",),
    "span_end_not_before_span_start": ("span_end", "span_start"),
    "location_below_country_level": ("location", "country", "event_type", "sub_event_type"),
}


class AcledEvent(pa.DataFrameModel):
    """One row per ACLED event, ACLED's column names, types and codebook values."""

    event_id_cnty: str = pa.Field(str_matches=EVENT_ID_PATTERN.pattern)
    event_date: pl.Date
    year: pl.Int32 = pa.Field(ge=1900, le=2100)
    time_precision: pl.Int32 = pa.Field(isin=list(TIME_PRECISIONS))
    disorder_type: str = pa.Field(isin=list(DISORDER_TYPES))
    event_type: str = pa.Field(isin=list(EVENT_TYPES))
    sub_event_type: str = pa.Field(isin=list(SUB_EVENT_PARENT))
    actor1: str = pa.Field(str_length={"min_value": 1})
    assoc_actor_1: str = pa.Field(nullable=True)
    inter1: pl.Int32 = pa.Field(isin=list(INTER_LABELS))
    actor2: str = pa.Field(nullable=True)
    assoc_actor_2: str = pa.Field(nullable=True)
    inter2: pl.Int32 = pa.Field(isin=[0, *INTER_LABELS])
    interaction: pl.Int32 = pa.Field(isin=sorted(VALID_INTERACTIONS))
    civilian_targeting: str = pa.Field(nullable=True, isin=list(CIVILIAN_TARGETING_VALUES))
    iso: pl.Int32 = pa.Field(ge=0, le=999)
    region: str = pa.Field(nullable=True, isin=list(ACCEPTED_REGIONS))
    country: str
    admin1: str = pa.Field(nullable=True)
    admin2: str = pa.Field(nullable=True)
    admin3: str = pa.Field(nullable=True)
    location: str = pa.Field(nullable=True)
    latitude: pl.Float64 = pa.Field(nullable=True, ge=-90, le=90)
    longitude: pl.Float64 = pa.Field(nullable=True, ge=-180, le=180)
    geo_precision: pl.Int32 = pa.Field(isin=list(GEO_PRECISIONS))
    source: str = pa.Field(nullable=True)
    source_scale: str = pa.Field(nullable=True)
    notes: str = pa.Field(nullable=True)
    fatalities: pl.Int32 = pa.Field(ge=0)
    tags: str = pa.Field(nullable=True)
    timestamp: pl.Int64 = pa.Field(ge=0)

    class Config:
        strict = False  # provenance and helper columns may ride along
        ordered = False

    @pa.dataframe_check
    def sub_event_type_belongs_to_event_type(cls, data: pa.PolarsData) -> pl.LazyFrame:
        parent = pl.col("sub_event_type").replace_strict(SUB_EVENT_PARENT, default=None)
        return data.lazyframe.select((parent.is_null() | (parent == pl.col("event_type"))).fill_null(True))

    @pa.dataframe_check
    def disorder_type_matches_sub_event_type(cls, data: pa.PolarsData) -> pl.LazyFrame:
        expected = pl.col("sub_event_type").replace_strict(SUB_EVENT_DISORDER, default=None)
        return data.lazyframe.select(
            (expected.is_null() | (expected == pl.col("disorder_type"))).fill_null(True)
        )

    @pa.dataframe_check
    def year_is_year_of_event_date(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("event_date").dt.year() == pl.col("year")).fill_null(True))

    @pa.dataframe_check
    def interaction_agrees_with_inter_codes(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Lower code first; a one-sided event (inter2 = 0) is inter1 * 10."""
        low = pl.min_horizontal("inter1", "inter2")
        high = pl.max_horizontal("inter1", "inter2")
        expected = pl.when(low == 0).then(high * 10).otherwise(low * 10 + high)
        return data.lazyframe.select((expected == pl.col("interaction")).fill_null(True))

    @pa.dataframe_check
    def inter2_zero_without_actor2(cls, data: pa.PolarsData) -> pl.LazyFrame:
        has_actor2 = pl.col("actor2").is_not_null() & (pl.col("actor2").str.strip_chars() != "")
        return data.lazyframe.select((has_actor2 == (pl.col("inter2") != 0)).fill_null(True))

    @pa.dataframe_check
    def iso_agrees_with_country(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The ISO numeric code of the country name (unknown names are not judged here)."""
        names = data.lazyframe.select(pl.col("country").unique().drop_nulls()).collect()["country"]
        mapping = {name: country_iso_numeric(name) for name in names}
        expected = pl.col("country").replace_strict(mapping, default=None, return_dtype=pl.Int32)
        return data.lazyframe.select((expected.is_null() | (expected == pl.col("iso"))).fill_null(True))

    @pa.dataframe_check
    def event_date_not_in_future(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("event_date") <= pl.lit(date.today())).fill_null(True))
