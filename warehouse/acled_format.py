"""Writing events as ACLED writes them: the SQL behind `eventpipe export --format csv`.

ACLED's files differ by vintage: inter codes as numbers (`1`, interaction `12`) or as text
(`State forces`, `State forces-Rebel group`), dates as `2024-08-05`, `5-Aug-24` or `31-12-19`,
one row per event (dyadic) or one row per actor (monadic, no actor2 columns). An import stores
which of these its file used (`source_*` columns, migration 0002); the export writes each choice
the user leaves open the way the exported rows came, so an imported file round-trips cell by
cell. Rows that came in different ways (or extracted events, which have no source) get the
current ACLED conventions, checked against the newest shared export (Bangladesh 2022-2024): text
labels, ISO dates, dyadic rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from eventpipe.errors import InputError
from schemas.codebook import ACLED_COLUMNS, INTER_LABELS
from schemas.dates import ACLED_FORMAT, ISO_FORMAT, WRITE_FORMATS

LABEL_STYLES: tuple[str, ...] = ("text", "numeric")
DATE_STYLES: dict[str, str] = {"iso": ISO_FORMAT, "acled": ACLED_FORMAT}
SHAPES: tuple[str, ...] = ("dyadic", "monadic")
CONVENTION = {"labels": "text", "date_format": ISO_FORMAT, "shape": "dyadic"}
ACTOR2_COLUMNS: tuple[str, ...] = ("actor2", "assoc_actor_2", "inter2")
MONADIC_COLUMNS: tuple[str, ...] = tuple(c for c in ACLED_COLUMNS if c not in ACTOR2_COLUMNS)


@dataclass(frozen=True)
class CsvStyle:
    """How one CSV export writes its rows: label style, strftime date format, shape."""

    labels: str = "text"
    date_format: str = ISO_FORMAT
    shape: str = "dyadic"

    @property
    def columns(self) -> tuple[str, ...]:
        return MONADIC_COLUMNS if self.shape == "monadic" else ACLED_COLUMNS


def resolve_style(con: duckdb.DuckDBPyConnection, row_filter: str, labels: str | None = None,
                  date_format: str | None = None, shape: str | None = None) -> CsvStyle:
    """The style of an export over `events WHERE row_filter`: the choices given, and for each
    one left open (None) the way every selected row came, or the current convention when they
    came in different ways (or have no source)."""
    _check_choice("--labels", labels, LABEL_STYLES)
    _check_choice("--date-format", date_format, tuple(DATE_STYLES))
    _check_choice("--shape", shape, SHAPES)
    shared = _shared_source(con, row_filter)
    return CsvStyle(
        labels=labels or shared["labels"],
        date_format=DATE_STYLES[date_format] if date_format else shared["date_format"],
        shape=shape or shared["shape"],
    )


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise InputError(f"{option} must be one of {', '.join(choices)}, not {value!r}", column=option)


def _shared_source(con: duckdb.DuckDBPyConnection, row_filter: str) -> dict[str, str]:
    """For labels, date format and shape: the single value all selected rows share, or the
    convention (when they differ, when a row has none, or when no row is selected)."""
    columns = {"labels": "source_labels", "date_format": "source_date_format", "shape": "source_shape"}
    parts = ", ".join(f"count(DISTINCT {c}), count({c}), any_value({c})" for c in columns.values())
    row = con.execute(f"SELECT count(*), {parts} FROM events WHERE {row_filter}").fetchone()
    total, values = row[0], row[1:]
    shared = {}
    for index, name in enumerate(columns):
        distinct, present, value = values[3 * index: 3 * index + 3]
        agree = total > 0 and distinct == 1 and present == total
        shared[name] = value if agree and _known(name, value) else CONVENTION[name]
    return shared


def _known(name: str, value: str) -> bool:
    """Only values this module can write are used (they are inlined into SQL)."""
    if name == "date_format":
        return value in WRITE_FORMATS
    return value in (LABEL_STYLES if name == "labels" else SHAPES)


def export_query(style: CsvStyle, row_filter: str) -> str:
    """SELECT of the CSV rows: ACLED's columns in ACLED's order, rendered in `style`, ordered by
    date, event id and (monadic) actor row."""
    if style.date_format not in WRITE_FORMATS:
        raise InputError(f"unknown date format {style.date_format!r}")
    rows = _monadic_rows() if style.shape == "monadic" else "SELECT *, 0 AS __part FROM picked"
    rendered = ",\n        ".join(f"{_render(column, style)} AS {column}" for column in style.columns)
    return f"""WITH picked AS (SELECT * FROM events WHERE {row_filter}),
    shaped AS ({rows})
    SELECT {rendered}
    FROM shaped ORDER BY shaped.event_date, shaped.event_id_cnty, __part"""


def _monadic_rows() -> str:
    """One row per actor: actor1's row, then actor2's (or the other way round where the source
    file had it so); every other column repeated, as in ACLED's monadic files."""
    second_first = "coalesce(source_actor2_first, false)"
    return f"""SELECT * REPLACE (0 AS inter2),
            CASE WHEN {second_first} THEN 1 ELSE 0 END AS __part FROM picked
        UNION ALL
        SELECT * REPLACE (actor2 AS actor1, assoc_actor_2 AS assoc_actor_1, inter2 AS inter1,
                          0 AS inter2),
            CASE WHEN {second_first} THEN 0 ELSE 1 END AS __part
        FROM picked WHERE actor2 IS NOT NULL AND actor2 <> ''"""


def _render(column: str, style: CsvStyle) -> str:
    """The SQL expression writing one ACLED column in `style`."""
    if column == "event_date":
        return f"strftime(shaped.event_date, '{style.date_format}')"
    if column in ("latitude", "longitude"):
        return _shortest_number(column)
    if style.labels == "text" and column in ("inter1", "inter2"):
        return _inter_label(column)
    if style.labels == "text" and column == "interaction":
        return _interaction_label()
    return f"shaped.{column}"


def _shortest_number(column: str) -> str:
    """ACLED writes coordinates without trailing zeros: `90`, `25.79`, never `90.0`."""
    value = f"shaped.{column}"
    return (f"CASE WHEN {value} = trunc({value}) THEN CAST(CAST({value} AS BIGINT) AS VARCHAR) "
            f"ELSE CAST({value} AS VARCHAR) END")


def _label_case(expression: str) -> str:
    whens = " ".join(f"WHEN {code} THEN '{label}'" for code, label in INTER_LABELS.items())
    return f"CASE {expression} {whens} END"


def _inter_label(column: str) -> str:
    """`State forces` for 1 ...; no second actor (0) is an empty cell, as in ACLED's text files."""
    return _label_case(f"shaped.{column}")


def _interaction_label() -> str:
    """`State forces-Rebel group` for 12, `Protesters only` for 60 (ACLED's text interaction)."""
    first, second = "shaped.interaction // 10", "shaped.interaction % 10"
    return (f"CASE WHEN {second} = 0 THEN {_label_case(first)} || ' only' "
            f"ELSE {_label_case(first)} || '-' || {_label_case(second)} END")
