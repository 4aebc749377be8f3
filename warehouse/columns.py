"""Column lists and DuckDB-compatible polars dtypes of the warehouse tables.

The `events` table is ACLED's 31 columns in ACLED's order followed by PROVENANCE_COLUMNS; a
contract test checks this module against the DDL and against `schemas.acled.AcledEvent`.
"""

from __future__ import annotations

import polars as pl

from schemas.codebook import ACLED_COLUMNS

PROVENANCE_COLUMNS: tuple[str, ...] = ("origin", "extractor_version", "confidence", "run_id")
EVENT_COLUMNS: tuple[str, ...] = (*ACLED_COLUMNS, *PROVENANCE_COLUMNS)
# How an imported ACLED row was written (migration 0002), so that an export writes it back the
# same way: 'text' | 'numeric' inter labels, the strftime format of its event_date, 'dyadic' |
# 'monadic', and whether a monadic file listed actor2's row first. NULL for extracted events.
SOURCE_FORMAT_COLUMNS: tuple[str, ...] = (
    "source_labels", "source_date_format", "source_shape", "source_actor2_first",
)
STORED_EVENT_COLUMNS: tuple[str, ...] = (*EVENT_COLUMNS, *SOURCE_FORMAT_COLUMNS)
# Columns whose change makes a stored event "changed" (run_id only says who wrote it last).
EVENT_COMPARE_COLUMNS: tuple[str, ...] = tuple(
    c for c in STORED_EVENT_COLUMNS if c not in ("event_id_cnty", "run_id")
)

MENTION_COLUMNS: tuple[str, ...] = ("event_id_cnty", "doc_id", "evidence", "span_start", "span_end")
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "path",
    "title",
    "source",
    "published",
    "content_hash",
    "fmt",
    "n_chars",
    "run_id",
)
DOCUMENT_COMPARE_COLUMNS: tuple[str, ...] = DOCUMENT_COLUMNS[1:-1]
# doc_id, evidence and explain (JSON) trace an extraction reject to its text (migration 0004).
REJECT_COLUMNS: tuple[str, ...] = ("row", "event_id_cnty", "reasons", "doc_id", "evidence", "explain")
LINEAGE_COLUMNS: tuple[str, ...] = ("event_id_cnty", "field", "reason")

_INT_COLUMNS = {
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "fatalities",
    "span_start",
    "span_end",
    "n_chars",
}
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
_DATE_COLUMNS = {"event_date", "published"}


def polars_dtype(column: str) -> pl.DataType:
    """The polars dtype a warehouse column is staged with."""
    if column == "timestamp" or column == "row":
        return pl.Int64()
    if column in _INT_COLUMNS:
        return pl.Int32()
    if column in _FLOAT_COLUMNS:
        return pl.Float64()
    if column in _DATE_COLUMNS:
        return pl.Date()
    if column == "source_actor2_first":
        return pl.Boolean()
    return pl.String()


def stage_frame(df: pl.DataFrame, columns: tuple[str, ...], **constants: object) -> pl.DataFrame:
    """`df` reduced to `columns` in order, cast to the staging dtypes.

    Missing columns become nulls and `constants` (e.g. origin='acled') fill whole columns. ISO
    date strings are parsed; anything else is cast strictly, so a bad value fails loudly here
    instead of half-way through a load.
    """
    exprs = []
    for name in columns:
        dtype = polars_dtype(name)
        if name in constants:
            expr = pl.lit(constants[name], dtype=dtype)
        elif name not in df.columns:
            expr = pl.lit(None, dtype=dtype)
        elif dtype == pl.Date() and df.schema[name] == pl.String():
            expr = pl.col(name).str.to_date("%Y-%m-%d")
        else:
            expr = pl.col(name).cast(dtype)
        exprs.append(expr.alias(name))
    return df.select(exprs)
