"""`export --where` as a filter language: every accepted filter selects what the same condition
in SQL selects; everything else (SQL injection included) is one InputError, and no input crashes
the parser."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventpipe.errors import InputError
from tests.warehouse.conftest import KENYA
from warehouse.columns import EVENT_COLUMNS
from warehouse.connection import connect
from warehouse.filter import compile_filter
from warehouse.importer import import_acled


@pytest.fixture(scope="module")
def kenya(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = Path(tmp_path_factory.mktemp("filter")) / "events.duckdb"
    con = connect(path)
    import_acled(con, KENYA)
    yield con
    con.close()


def _count_filter(con: duckdb.DuckDBPyConnection, text: str) -> int:
    compiled = compile_filter(text, EVENT_COLUMNS)
    query = f"SELECT count(*) FROM events WHERE {compiled.sql}"
    return con.execute(query, list(compiled.params)).fetchone()[0]


def _count_sql(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return con.execute(f"SELECT count(*) FROM events WHERE {sql}").fetchone()[0]


@pytest.mark.parametrize(("text", "sql"), [
    ("", "true"),
    ("year >= 2010", "year >= 2010"),
    ("year >= 2010 and fatalities > 0", "year >= 2010 AND fatalities > 0"),
    ("NOT (year < 2000 OR fatalities = 0)", "NOT (year < 2000 OR fatalities = 0)"),
    ("admin1 in ('Nairobi', 'Mombasa')", "admin1 IN ('Nairobi', 'Mombasa')"),
    ("admin1 not in ('Nairobi')", "admin1 NOT IN ('Nairobi')"),
    ("year between 2005 and 2010", "year BETWEEN 2005 AND 2010"),
    ("event_date >= '2015-01-01'", "event_date >= DATE '2015-01-01'"),
    ("notes like '%police%'", "notes LIKE '%police%'"),
    ("notes ilike '%POLICE%' and not admin2 is null", "notes ILIKE '%POLICE%' AND admin2 IS NOT NULL"),
    ("admin3 is null", "admin3 IS NULL"),
    ("actor1 = 'Rioters (Kenya)' or actor1 != 'x'", "actor1 = 'Rioters (Kenya)' OR actor1 <> 'x'"),
    ('"country" = \'Kenya\'', "country = 'Kenya'"),
    ("latitude > -1.5", "latitude > -1.5"),
    ("location = 'it''s'", "location = 'it''s'"),
])
def test_a_filter_selects_what_the_same_sql_selects(kenya: duckdb.DuckDBPyConnection, text: str,
                                                    sql: str) -> None:
    assert _count_filter(kenya, text) == _count_sql(kenya, sql)


def test_values_are_bound_never_spliced() -> None:
    compiled = compile_filter("notes = 'x''); DROP TABLE events; --'", EVENT_COLUMNS)
    assert compiled.sql == '("notes" = ?)'
    assert compiled.params == ("x'); DROP TABLE events; --",)


@pytest.mark.parametrize(("text", "message"), [
    ("1=0)) TO 'a.csv' (FORMAT csv); COPY (SELECT 1) TO 'pwn.sh' --", "unexpected ';' at character 30"),
    ("true); DELETE FROM events; SELECT (1", "unexpected ';' at character 6"),
    ("1=0)) TO 'a.csv' (FORMAT csv)", "expected a column, found '1'"),
    ("true) OR (true", "expected a column, found 'true'"),
    ("year = 2020; DROP TABLE events", "unexpected ';'"),
    ("year = 2020 -- comment", "unexpected '-'"),
    ("year = 2020 /* x */", "unexpected '/'"),
    ("year = (SELECT max(year) FROM events)", "expected a value"),
    ("length(notes) > 3", "unknown column 'length'"),
    ("notes (x)", "expected an operator after a column, found '('"),
    ("read_text('/etc/passwd') is not null", "unknown column 'read_text'"),
    ("nope = 1", "unknown column 'nope'"),
    ("year = year", "expected a value ('text', a number, true or false), found 'year'"),
    ("year >= 2020 and", "ends where a column was expected"),
    ("(year = 2020", "ends where ')' was expected"),
    ("(year = 2020 2021", "expected ')', found '2021'"),
    ("year = 2020)", "unexpected ')' after a complete filter"),
    ("notes like 5", "expected a quoted pattern"),
    ("year in ()", "expected a value"),
    ("country = 'Kenya", "unexpected \"'\""),
])
def test_anything_but_a_filter_is_one_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        compile_filter(text, EVENT_COLUMNS)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert str(error.value).startswith("--where: ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("yearcountry notesandorin()'=<>!,;-0123.\"%_ ")), max_size=60))
def test_no_text_crashes_the_parser(text: str) -> None:
    try:
        compiled = compile_filter(text, EVENT_COLUMNS)
    except InputError:
        return
    assert compiled.sql.count("?") == len(compiled.params)
    assert ";" not in compiled.sql.replace("?", "")
