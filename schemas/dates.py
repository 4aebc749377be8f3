"""ACLED's date spellings, parsed with vectorised polars expressions.

Exports use ISO `2024-08-05` today and `9-May-20`, `21 March 2020` or `31-12-19` in older
files. Each format is gated by a regular expression so that a day-first date is never read as
a year (`31-12-19` is not the year 31).
"""

from __future__ import annotations

import re

import polars as pl

# (shape of the text, strftime format); two-digit years follow chrono: 69-99 -> 19xx, else 20xx.
DATE_FORMATS: tuple[tuple[str, str], ...] = (
    (r"^\d{4}-\d{1,2}-\d{1,2}$", "%Y-%m-%d"),
    (r"^\d{1,2}-[A-Za-z]{3}-\d{2}$", "%d-%b-%y"),
    (r"^\d{1,2}-[A-Za-z]{3}-\d{4}$", "%d-%b-%Y"),
    (r"^\d{1,2} [A-Za-z]+ \d{4}$", "%d %B %Y"),
    (r"^\d{1,2}-\d{1,2}-\d{2}$", "%d-%m-%y"),
    (r"^\d{1,2}/\d{1,2}/\d{4}$", "%d/%m/%Y"),
)


def parse_acled_date(column: str | pl.Expr) -> pl.Expr:
    """Expression parsing ACLED date text into pl.Date; null where no format fits."""
    text = (pl.col(column) if isinstance(column, str) else column).str.strip_chars()
    return pl.coalesce(
        [
            pl.when(text.str.contains(shape)).then(text.str.to_date(fmt, strict=False))
            for shape, fmt in DATE_FORMATS
        ]
    )


# The strftime format that writes a date back the way each shape spells it: (zero-padded,
# unpadded). Padding is only visible on single-digit days or months; see `acled_date_format`.
_WRITE_FORMATS: tuple[tuple[str, str], ...] = (
    ("%Y-%m-%d", "%Y-%-m-%-d"),
    ("%d-%b-%y", "%-d-%b-%y"),
    ("%d-%b-%Y", "%-d-%b-%Y"),
    ("%d %B %Y", "%-d %B %Y"),
    ("%d-%m-%y", "%-d-%-m-%y"),
    ("%d/%m/%Y", "%-d/%-m/%Y"),
)
# When no row of a batch shows the padding: ISO and numeric day-month dates are padded in ACLED's
# files (`2024-08-05`, `31-12-19`), month-name dates are not (`5-Aug-24`).
_PADDED_BY_DEFAULT: tuple[bool, ...] = (True, False, False, False, True, True)
WRITE_FORMATS: frozenset[str] = frozenset(f for pair in _WRITE_FORMATS for f in pair)
ISO_FORMAT = "%Y-%m-%d"
ACLED_FORMAT = "%-d-%b-%y"  # the `5-Aug-24` of ACLED's 2020 and 2022-2024 downloads


def acled_date_formats(texts: pl.Series) -> pl.Series:
    """Per date text, the strftime format that writes the date back exactly as the text has it.

    `31-12-19` could be padded or not; such rows take the padding the other rows of the same
    shape show (`05-11-19`: padded), else the usual one for that shape. Null where no format fits.
    """
    counts = texts.str.strip_chars().value_counts()
    shapes = {text: _shape_and_padding(text) for text in counts[texts.name or ""].drop_nulls()}
    votes: dict[tuple[int, bool], int] = {}
    for text, n in counts.iter_rows():
        shape, padded = shapes.get(text, (None, None))
        if shape is not None and padded is not None:
            votes[shape, padded] = votes.get((shape, padded), 0) + n
    formats = {}
    for text, (shape, padded) in shapes.items():
        if shape is None:
            continue
        if padded is None:
            padded = _majority(votes, shape)
        formats[text] = _WRITE_FORMATS[shape][0 if padded else 1]
    return texts.str.strip_chars().replace_strict(formats, default=None, return_dtype=pl.String)


def _shape_and_padding(text: str) -> tuple[int | None, bool | None]:
    """Which DATE_FORMATS shape `text` has, and whether it zero-pads (None: cannot tell)."""
    for index, (pattern, _) in enumerate(DATE_FORMATS):
        if re.match(pattern, text):
            numbers = re.findall(r"\d+", text)
            parts = numbers[1:3] if index == 0 else numbers[: (1 if index in (1, 2, 3) else 2)]
            if any(part.startswith("0") for part in parts):
                return index, True
            if any(len(part) < 2 for part in parts):
                return index, False
            return index, None
    return None, None


def _majority(votes: dict[tuple[int, bool], int], shape: int) -> bool:
    padded, bare = votes.get((shape, True), 0), votes.get((shape, False), 0)
    return padded > bare if padded != bare else _PADDED_BY_DEFAULT[shape]
