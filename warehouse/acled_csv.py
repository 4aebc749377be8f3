"""Reading an ACLED export (any vintage) into one normalised frame of AcledEvent columns.

Accepted: old numeric and new text inter/interaction codes, ACLED's date spellings, files with
or without actor2/tags/civilian_targeting/disorder_type, and *monadic* exports (no actor2
column, one row per actor: rows sharing an event_id_cnty are one event, the second row's actor
becoming actor2). Extra columns some exports carry (data_id, event_id_no_cnty, iso3, countycode,
population_*) are read and dropped: they are derivable or not part of the ACLED event.

Structural problems (missing file, empty file, non-UTF-8 bytes, malformed CSV, missing or
unknown columns, a value of the wrong type) raise one InputError naming file, row and column.
Values of the right type that break the codebook are returned as row reasons, for `rejects`.
Rows are numbered from 1 = the first record after the header.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from eventpipe.errors import InputError
from schemas.codebook import (
    ACLED_COLUMNS,
    SPELLING_FIXES,
    SUB_EVENT_DISORDER,
    inter_code,
    parse_interaction,
)
from schemas.dates import acled_date_formats, parse_acled_date
from warehouse.columns import SOURCE_FORMAT_COLUMNS

log = logging.getLogger(__name__)

OPTIONAL_COLUMNS = frozenset(
    {"disorder_type", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "tags"}
)
IGNORED_COLUMNS = frozenset(
    {
        "data_id",
        "event_id_no_cnty",
        "iso3",
        "countycode",
        "population_1km",
        "population_2km",
        "population_5km",
        "population_best",
    }
)
REQUIRED_COLUMNS = tuple(c for c in ACLED_COLUMNS if c not in OPTIONAL_COLUMNS)
INT_COLUMNS = ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp")
FLOAT_COLUMNS = ("latitude", "longitude")
RECORD = "__record"
CIVILIANS = 7  # inter code of civilians


@dataclass(frozen=True)
class AcledFile:
    """A parsed export (or batch): one row per event (ACLED columns + `__record`) and reasons."""

    events: pl.DataFrame
    reasons: pl.DataFrame  # __record, reason: codebook problems found while normalising
    rows_read: int
    monadic: bool


def read_acled_csv(path: Path) -> AcledFile:
    """Read and normalise a whole ACLED export at once (convenient for small files)."""
    batches = list(iter_acled_batches(path))
    return AcledFile(
        events=pl.concat([b.events for b in batches]),
        reasons=pl.concat([b.reasons for b in batches]),
        rows_read=sum(b.rows_read for b in batches),
        monadic=batches[0].monadic,
    )


def iter_acled_batches(path: Path, batch_size: int = 100_000) -> Iterator[AcledFile]:
    """Read and normalise an ACLED export in batches of about `batch_size` rows.

    Bounded memory for million-row files. In a monadic export the rows of the last event of a
    batch are held back and joined to the next batch, so an event is never split. Raises
    InputError (possibly after earlier batches were yielded: load them in one transaction).
    """
    path = Path(path)
    header = read_header(path)
    monadic = "actor2" not in header
    carry: pl.DataFrame | None = None
    total = 0
    for raw in _iter_strings(path, len(header), batch_size):
        raw = raw.with_row_index(RECORD, offset=total + 1)
        total += raw.height
        chunk = raw if carry is None else pl.concat([carry, raw])
        chunk, carry = _hold_back_last_event(chunk) if monadic else (chunk, None)
        if chunk.height:
            yield _normalise(chunk, header, path, monadic)
    if carry is not None and carry.height:
        yield _normalise(carry, header, path, monadic)
    if total == 0:
        raise InputError("the file has a header but no rows", file=str(path), row=1)
    log.info("read %s: %d rows%s", path, total, " (monadic)" * monadic)


def read_acled_records(records: list[dict[str, object]], source: str) -> AcledFile:
    """Normalise rows given as mappings (ACLED's API answers in JSON), exactly as a file's rows.

    Columns this reader does not know are dropped (the API may add some); missing required
    ones are an InputError naming `source`.
    """
    header = list(dict.fromkeys(key for record in records for key in record))
    known = [c for c in header if c in ACLED_COLUMNS]
    _check_columns(Path(source), known)
    values = {c: [_text(record.get(c)) for record in records] for c in known}
    raw = pl.DataFrame(values, schema={c: pl.String for c in known}).with_row_index(RECORD, offset=1)
    return _normalise(raw, known, Path(source), "actor2" not in known)


def _text(value: object) -> str | None:
    """A JSON value as the CSV cell ACLED would write (empty -> null, like the CSV reader)."""
    if value is None or value == "":
        return None
    return str(value)


def _hold_back_last_event(chunk: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split off the rows of the batch's last event (a monadic event's rows are adjacent)."""
    ids = chunk["event_id_cnty"]
    same = ids.eq_missing(ids[-1])
    keep = chunk.height - int(same.reverse().cast(pl.Int8).cum_min().sum())
    return chunk.head(keep), chunk.slice(keep)


def _normalise(chunk: pl.DataFrame, header: list[str], path: Path, monadic: bool) -> AcledFile:
    frame = _typed(chunk, path)
    frame, reasons = _map_codes(_fill_optional(frame, header))
    if monadic:
        frame, extra = merge_monadic(frame)
        reasons = pl.concat([reasons, extra])
    else:
        frame = frame.with_columns(source_shape=pl.lit("dyadic"), source_actor2_first=pl.lit(False))
    return AcledFile(
        events=frame.select(*ACLED_COLUMNS, *SOURCE_FORMAT_COLUMNS, RECORD),
        reasons=reasons,
        rows_read=chunk.height,
        monadic=monadic,
    )


def read_header(path: Path) -> list[str]:
    """The header row, checked against ACLED's columns (missing or unknown ones are errors)."""
    header = peek_header(path)
    _check_columns(path, header)
    return header


def peek_header(path: Path) -> list[str]:
    """The header row's column names, unchecked (an events export or a deletion list)."""
    if not path.exists():
        raise InputError("no such file", file=str(path))
    if not path.is_file():
        raise InputError("not a file", file=str(path))
    with path.open("rb") as handle:
        first = handle.readline()
    if not first.strip():
        raise InputError("the file is empty (no header row)", file=str(path))
    try:
        header = next(csv.reader([first.decode("utf-8-sig")]))
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start} of the header)", file=str(path)) from error
    return [name.strip() for name in header]


def _check_columns(path: Path, header: list[str]) -> None:
    for name in REQUIRED_COLUMNS:
        if name not in header:
            raise InputError("required ACLED column is missing from the header", file=str(path), column=name)
    for name in header:
        if name not in ACLED_COLUMNS and name not in IGNORED_COLUMNS:
            raise InputError(
                "unknown column in the header (not an ACLED export column)", file=str(path), column=name
            )
    duplicated = {name for name in header if header.count(name) > 1}
    if duplicated:
        raise InputError(
            "the column appears twice in the header", file=str(path), column=sorted(duplicated)[0]
        )


def _iter_strings(path: Path, width: int, batch_size: int) -> Iterator[pl.DataFrame]:
    """All cells as strings, batch by batch; on a parse error, find the first bad record."""
    try:
        for frame in pl.scan_csv(path, infer_schema=False).collect_batches(chunk_size=batch_size):
            frame = frame.rename({name: name.strip().lstrip("\ufeff") for name in frame.columns})
            yield frame.drop([c for c in frame.columns if c in IGNORED_COLUMNS])
    except pl.exceptions.PolarsError as error:
        _diagnose(path, width)
        raise InputError(f"malformed CSV: {str(error).splitlines()[0]}", file=str(path)) from error


def _diagnose(path: Path, width: int) -> None:
    """Slow path, only after polars failed: raise an InputError for the first bad record."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (line {line} of the file)", file=str(path), row=line - 1) from error
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for number, record in enumerate(reader):
            if number and record and len(record) != width:
                raise InputError(
                    f"malformed CSV: {len(record)} fields where the header has {width}",
                    file=str(path),
                    row=number,
                )
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", file=str(path), row=reader.line_num) from error


def _typed(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    """Dates, integers and floats parsed; the first unparseable value is an InputError."""
    exprs = [parse_acled_date("event_date").alias("event_date")]
    for name in INT_COLUMNS:
        number = pl.col(name).str.strip_chars().cast(pl.Float64, strict=False)
        dtype = pl.Int64 if name == "timestamp" else pl.Int32
        exprs.append(pl.when(number == number.round()).then(number).cast(dtype).alias(name))
    exprs += [pl.col(n).str.strip_chars().cast(pl.Float64, strict=False).alias(n) for n in FLOAT_COLUMNS]
    typed = frame.with_columns(exprs).with_columns(
        acled_date_formats(frame["event_date"]).alias("source_date_format")
    )
    for name in ("event_date", *INT_COLUMNS, *FLOAT_COLUMNS):
        lost = typed[name].is_null() & frame[name].is_not_null()
        if lost.any():
            first = int(lost.arg_true()[0])
            value, record = frame[name][first], frame[RECORD][first]
            kind = "a date" if name == "event_date" else "a number"
            raise InputError(f"{value!r} is not {kind}", file=str(path), row=record, column=name)
    return typed


def _fill_optional(frame: pl.DataFrame, header: list[str]) -> pl.DataFrame:
    """Columns an export may lack: no actor2 -> null; disorder_type from the sub-event type."""
    missing = [c for c in OPTIONAL_COLUMNS if c not in header]
    frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(c) for c in missing)
    fixed = {c: _fix_spelling(c) for c in ("event_type", "sub_event_type", "disorder_type")}
    derived = pl.col("sub_event_type").replace_strict(SUB_EVENT_DISORDER, default=None)
    return frame.with_columns(**fixed).with_columns(
        pl.coalesce(pl.col("disorder_type"), derived).alias("disorder_type")
    )


def _fix_spelling(column: str) -> pl.Expr:
    return pl.col(column).str.to_lowercase().replace_strict(SPELLING_FIXES, default=pl.col(column))


def _map_codes(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """inter1/inter2/interaction (numbers or labels) as numeric codes, and which of the two the
    file used (`source_labels`). Region and civilian_targeting keep the file's spelling.

    Mapping tables are built over the distinct values only, so this stays vectorised.
    """
    reasons = []
    numeric = pl.col("interaction").str.strip_chars().str.contains(r"^\d+(\.0)?$")
    exprs = [pl.when(numeric).then(pl.lit("numeric")).otherwise(pl.lit("text")).alias("source_labels")]
    for name, parse in (("inter1", inter_code), ("inter2", inter_code), ("interaction", parse_interaction)):
        mapping = {v: parse(v) for v in frame[name].unique().drop_nulls().to_list()}
        unknown = [v for v, code in mapping.items() if code is None]
        if unknown:
            bad = frame.filter(pl.col(name).is_in(unknown))
            reasons.append(
                bad.select(RECORD, pl.format("{}: unknown code '{}'", pl.lit(name), name).alias("reason"))
            )
        exprs.append(pl.col(name).replace_strict(mapping, default=None, return_dtype=pl.Int32).alias(name))
    mapped = frame.with_columns(exprs).with_columns(
        pl.when(pl.col("actor2").is_null())
        .then(pl.col("inter2").fill_null(0))
        .otherwise("inter2")
        .alias("inter2")
    )
    empty = pl.DataFrame(schema={RECORD: pl.UInt32, "reason": pl.String})
    return mapped, pl.concat([empty, *[r.cast({RECORD: pl.UInt32}) for r in reasons]])


def merge_monadic(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One event per event_id_cnty: the first row's actor is actor1, the second's actor2.

    In Violence against civilians the civilians are always actor2, whatever the row order. Rows
    without an id stay separate (they are rejected later); a third row for the same event cannot
    be placed and is reported as a reason.
    """
    rank = pl.int_range(pl.len()).over("event_id_cnty")
    ranked = frame.with_columns(
        pl.when(pl.col("event_id_cnty").is_null()).then(0).otherwise(rank).alias("__rank")
    )
    second = ranked.filter(pl.col("__rank") == 1).select(
        "event_id_cnty",
        pl.col("actor1").alias("__actor2"),
        pl.col("assoc_actor_1").alias("__assoc2"),
        pl.col("inter1").alias("__inter2"),
    )
    merged = (
        ranked.filter(pl.col("__rank") == 0)
        .join(second, on="event_id_cnty", how="left", maintain_order="left")
        .with_columns(
            pl.col("__actor2").alias("actor2"),
            pl.col("__assoc2").alias("assoc_actor_2"),
            pl.col("__inter2").fill_null(0).alias("inter2"),
        )
        .drop("__rank", "__actor2", "__assoc2", "__inter2")
        .with_columns(source_shape=pl.lit("monadic"))
    )
    extra = ranked.filter(pl.col("__rank") >= 2).select(
        pl.col(RECORD).cast(pl.UInt32),
        pl.lit("event_id_cnty: more than two actor rows in a monadic export").alias("reason"),
    )
    return _civilians_as_actor2(merged), extra


def _civilians_as_actor2(frame: pl.DataFrame) -> pl.DataFrame:
    swap = (
        (pl.col("event_type") == "Violence against civilians")
        & (pl.col("inter1") == CIVILIANS)
        & ~pl.col("inter2").is_in([0, CIVILIANS])
    ).fill_null(False)
    pairs = (("actor1", "actor2"), ("assoc_actor_1", "assoc_actor_2"), ("inter1", "inter2"))
    frame = frame.with_columns(swap.alias("source_actor2_first"))
    return frame.with_columns(
        expr
        for one, two in pairs
        for expr in (
            pl.when(swap).then(pl.col(two)).otherwise(pl.col(one)).alias(one),
            pl.when(swap).then(pl.col(one)).otherwise(pl.col(two)).alias(two),
        )
    )
