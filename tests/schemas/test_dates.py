"""ACLED's date spellings, parsed without guessing a year from a day."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemas.dates import parse_acled_date


def _parse(values: list[str | None]) -> list[date | None]:
    return pl.DataFrame({"d": values}, schema={"d": pl.String}).select(parse_acled_date("d"))["d"].to_list()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-08-05", date(2024, 8, 5)),
        ("9-May-20", date(2020, 5, 9)),
        ("21 March 2020", date(2020, 3, 21)),
        ("31-12-19", date(2019, 12, 31)),  # day-first, not the year 31
        ("09-12-09", date(2009, 12, 9)),
        ("1-Jan-97", date(1997, 1, 1)),  # two-digit years from 69 are 19xx
        (" 2024-08-05 ", date(2024, 8, 5)),
    ],
)
def test_acled_formats(text: str, expected: date) -> None:
    assert _parse([text]) == [expected]


@pytest.mark.parametrize("text", ["31-02-19", "May 9 2020", "2024/13/01", "", "yesterday", None])
def test_unparseable_is_null(text: str | None) -> None:
    assert _parse([text]) == [None]


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2068, 12, 31)))
def test_every_spelling_round_trips(day: date) -> None:
    spellings = [day.isoformat(), f"{day.day}-{day:%b-%y}", f"{day.day} {day:%B %Y}", f"{day:%d-%m-%y}"]
    assert _parse(spellings) == [day] * 4
