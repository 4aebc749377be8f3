"""ACLED's date spellings, parsed with vectorised polars expressions.

Exports use ISO `2024-08-05` today and `9-May-20`, `21 March 2020` or `31-12-19` in older
files. Each format is gated by a regular expression so that a day-first date is never read as
a year (`31-12-19` is not the year 31).
"""

from __future__ import annotations

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
