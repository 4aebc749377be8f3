"""Lazy validation: every failing row with every reason, split into valid rows and rejects.

Values are first cast to the model's dtypes (a value that cannot be cast is one reason), then
the pandera model runs with `lazy=True` on a collected DataFrame so data checks really run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache

import pandera.polars as pa
import polars as pl

from eventpipe.errors import InputError
from schemas.acled import CHECK_COLUMNS

log = logging.getLogger(__name__)

REJECT_SCHEMA: dict[str, pl.DataType] = {
    "row": pl.Int64(),
    "event_id_cnty": pl.String(),
    "reasons": pl.String(),
}
_MAX_SHOWN = 60


@dataclass(frozen=True)
class ValidationResult:
    """`valid`: the rows that passed, cast to the model dtypes; `rejects`: row, event_id_cnty, reasons."""

    valid: pl.DataFrame
    rejects: pl.DataFrame


@cache
def model_dtypes(model: type[pa.DataFrameModel]) -> dict[str, pl.DataType]:
    """Column -> polars dtype of a model, in the model's column order."""
    return {name: column.dtype.type for name, column in model.to_schema().columns.items()}


def validate_frame(df: pl.DataFrame, model: type[pa.DataFrameModel]) -> ValidationResult:
    """Validate `df` against `model`; never raises for bad rows, only for a missing column."""
    missing = [name for name in model_dtypes(model) if name not in df.columns]
    if missing:
        raise InputError("required column is missing", column=missing[0])
    cast, cast_failures = _cast_to_model(df, model)
    failures = pl.concat([cast_failures, _check_failures(cast, model)])
    if failures.height == 0:
        return ValidationResult(valid=cast, rejects=pl.DataFrame(schema=REJECT_SCHEMA))
    reasons = (
        failures.group_by("row")
        .agg(pl.col("reason").unique(maintain_order=True).str.join("; ").alias("reasons"))
        .sort("row")
    )
    bad = pl.Series(reasons["row"]).cast(pl.UInt32)
    ids = cast["event_id_cnty"].gather(bad) if "event_id_cnty" in cast.columns else None
    rejects = reasons.select(
        pl.col("row").cast(pl.Int64), pl.Series("event_id_cnty", ids, dtype=pl.String), "reasons"
    )
    valid = cast.with_row_index("__row").filter(~pl.col("__row").is_in(bad.implode())).drop("__row")
    log.info("validated %d rows against %s: %d rejected", df.height, model.__name__, rejects.height)
    return ValidationResult(valid=valid, rejects=rejects)


def _cast_to_model(df: pl.DataFrame, model: type[pa.DataFrameModel]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cast every model column non-strictly; a non-null value that becomes null is a failure."""
    exprs, failures = [], []
    for name, dtype in model_dtypes(model).items():
        if df.schema[name] == dtype:
            continue
        expr = _cast_expr(name, df.schema[name], dtype)
        exprs.append(expr)
        lost = df.select(pl.arg_where(pl.col(name).is_not_null() & expr.is_null()).alias("row"))
        if lost.height:
            failures.append(lost.with_columns(pl.lit(f"{name}: not a valid {dtype}").alias("reason")))
    cast = df.with_columns(exprs) if exprs else df
    empty = pl.DataFrame(schema={"row": pl.UInt32(), "reason": pl.String()})
    return cast, pl.concat([empty, *[f.cast({"row": pl.UInt32}) for f in failures]])


def _cast_expr(name: str, source: pl.DataType, target: pl.DataType) -> pl.Expr:
    if target == pl.Date() and source == pl.String():
        return pl.col(name).str.to_date("%Y-%m-%d", strict=False)
    if target.is_integer() and source.is_float():  # a plain cast would truncate 1.5 to 1
        column = pl.col(name)
        return pl.when(column == column.round()).then(column).cast(target, strict=False)
    return pl.col(name).cast(target, strict=False)


def _check_failures(df: pl.DataFrame, model: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Run the model lazily and turn pandera's failure_cases into (row, reason) pairs."""
    empty = pl.DataFrame(schema={"row": pl.UInt32(), "reason": pl.String()})
    try:
        model.validate(df, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return empty
    schema_level = cases.filter(pl.col("index").is_null())
    if schema_level.height:
        first = schema_level.row(0, named=True)
        raise InputError(f"does not fit the schema: {first['check']}", column=first["column"])
    rows = [(int(c["index"]), _reason(c)) for c in cases.iter_rows(named=True)]
    return pl.concat([empty, pl.DataFrame(rows, schema=empty.schema, orient="row")])


def _shown_values(failure_case: object, columns: tuple[str, ...]) -> str:
    """' (got interaction=21, inter1=1, inter2=2)' from the failing row pandera serialises as JSON."""
    try:
        row = json.loads(str(failure_case))
    except ValueError:
        return ""
    if not isinstance(row, dict):
        return ""
    shown = ", ".join(f"{c}={row[c]}" for c in columns if c in row)
    return f" (got {shown[: _MAX_SHOWN * 2]})" if shown else ""


def _reason(case: dict[str, object]) -> str:
    """'column: check (got value)'; cross-field checks are reported under their main column."""
    check = str(case["check"])
    if case["schema_context"] == "DataFrameSchema":
        columns = CHECK_COLUMNS.get(check, (str(case["column"]),))
        return f"{columns[0]}: {check}{_shown_values(case['failure_case'], columns)}"
    if check == "not_nullable":
        return f"{case['column']}: missing value"
    name = check.split("(", 1)[0] if len(check) > _MAX_SHOWN else check
    value = str(case["failure_case"])
    return f"{case['column']}: {name} (got {value[:_MAX_SHOWN]!r})"
