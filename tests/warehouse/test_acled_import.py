"""`import_acled` on the real ACLED samples and on bad input (one clear error, nothing written)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from eventpipe.errors import InputError
from tests.warehouse.conftest import BANGLADESH, KENYA, OTHER_REGIONS, snapshot
from warehouse.acled_csv import iter_acled_batches, read_acled_csv
from warehouse.importer import import_acled


def _event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, object]:
    cursor = con.execute("SELECT * FROM events WHERE event_id_cnty = ?", [event_id])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


@pytest.mark.parametrize(
    ("sample", "rows", "events", "rejected"),
    [
        (OTHER_REGIONS, 298, 298, 1),  # one row has no event_id_cnty: a real defect
        (BANGLADESH, 440, 309, 0),  # monadic: 131 events have two actor rows
        (KENYA, 302, 302, 0),
    ],
    ids=["other_regions", "bangladesh_monadic", "kenya"],
)
def test_real_exports_import(
    con: duckdb.DuckDBPyConnection, sample: Path, rows: int, events: int, rejected: int
) -> None:
    result = import_acled(con, sample)
    assert (result.rows_read, result.events, result.stats.rejected) == (rows, events, rejected)
    assert result.stats.added == events - rejected
    assert (
        con.execute("SELECT count(*) FROM events WHERE origin = 'acled'").fetchone()[0] == events - rejected
    )
    stored = con.execute(
        "SELECT count(*), min(reasons) FROM rejects WHERE run_id = ?", [result.run_id]
    ).fetchone()
    assert stored[0] == rejected
    assert con.execute("SELECT status FROM runs WHERE run_id = ?", [result.run_id]).fetchone() == ("success",)


def test_missing_id_reject_names_its_row_and_reason(con: duckdb.DuckDBPyConnection) -> None:
    result = import_acled(con, OTHER_REGIONS)
    assert result.rejects.rows() == [(298, None, "event_id_cnty: missing value")]


def test_monadic_rows_become_one_dyadic_event(con: duckdb.DuckDBPyConnection) -> None:
    """BGD28065: row 1 'Rioters (Bangladesh)' (Rioters), row 2 the civilians; text codes -> numbers."""
    import_acled(con, BANGLADESH)
    event = _event(con, "BGD28065")
    assert (event["actor1"], event["inter1"]) == ("Rioters (Bangladesh)", 5)
    assert (event["actor2"], event["inter2"], event["interaction"]) == ("Civilians (Bangladesh)", 7, 57)
    assert event["civilian_targeting"] == "Civilian targeting"  # as the file spells it
    assert event["event_date"] == date(2024, 8, 5)
    assert (event["source_labels"], event["source_date_format"], event["source_shape"]) == (
        "text", "%-d-%b-%y", "monadic")
    one_sided = _event(con, "BGD28031")
    assert (one_sided["actor2"], one_sided["inter2"], one_sided["interaction"]) == (None, 0, 50)


def test_old_exports_get_dates_regions_and_disorder_type(con: duckdb.DuckDBPyConnection) -> None:
    """Old region names are kept as the file has them (an export must write them back)."""
    import_acled(con, OTHER_REGIONS)
    import_acled(con, KENYA)
    assert con.execute("SELECT count(*) FROM events WHERE region = 'South-Eastern Asia'").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM events WHERE region = 'Southeast Asia'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events WHERE disorder_type IS NULL").fetchone()[0] == 0
    kenya = _event(con, "KEN7182")  # '31-12-19' in the file
    assert (kenya["event_date"], kenya["year"], kenya["inter1"], kenya["interaction"]) == (
        date(2019, 12, 31),
        2019,
        1,
        17,
    )


def test_monadic_events_are_never_split_across_batches() -> None:
    whole = read_acled_csv(BANGLADESH).events
    batched = pl.concat([b.events for b in iter_acled_batches(BANGLADESH, batch_size=7)])
    assert batched.sort("event_id_cnty").equals(whole.sort("event_id_cnty"))


def test_reimporting_the_same_file_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    import_acled(con, KENYA)
    before = snapshot(con)["events"]
    again = import_acled(con, KENYA)
    assert (again.stats.added, again.stats.updated, again.stats.unchanged) == (0, 0, 302)
    assert snapshot(con)["events"] == before


def test_newer_export_updates_by_id_and_timestamp(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    import_acled(con, KENYA)
    rows = pl.read_csv(KENYA, infer_schema=False)
    first_id = rows["event_id_cnty"][0]
    revised = rows.head(3).with_columns(
        pl.when(pl.col("event_id_cnty") == first_id)
        .then(pl.lit("7"))
        .otherwise("fatalities")
        .alias("fatalities"),
        pl.when(pl.col("event_id_cnty") == first_id)
        .then(pl.lit("1900000000"))
        .otherwise("timestamp")
        .alias("timestamp"),
    )
    stale = rows.slice(1, 1).with_columns(pl.lit("99").alias("fatalities"), pl.lit("1").alias("timestamp"))
    path = tmp_path / "revised.csv"
    pl.concat([revised.slice(0, 1), stale, revised.slice(2, 1)]).write_csv(path)
    result = import_acled(con, path)
    assert (result.stats.updated, result.stats.unchanged) == (1, 2)
    assert (_event(con, first_id)["fatalities"], _event(con, first_id)["timestamp"]) == (7, 1900000000)
    assert _event(con, rows["event_id_cnty"][1])["fatalities"] != 99  # an older version never wins


HEADER = KENYA.read_text(encoding="utf-8").splitlines()[0]
ROW = KENYA.read_text(encoding="utf-8").splitlines()[1]


def _replace_cell(row: str, index: int, value: str) -> str:
    import csv
    import io

    cells = next(csv.reader([row]))
    cells[index] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


BAD_FILES = [
    ("empty", b"", "the file is empty"),
    ("header_only", (HEADER + "\n").encode(), "row 1: the file has a header but no rows"),
    (
        "missing_column",
        (HEADER.replace(",fatalities", "") + "\n").encode(),
        "column 'fatalities': required ACLED column is missing from the header",
    ),
    (
        "extra_column",
        (HEADER + ",mood\n" + ROW + ",happy\n").encode(),
        "column 'mood': unknown column in the header",
    ),
    (
        "wrong_type",
        (
            HEADER
            + "\n"
            + ROW
            + "\n"
            + _replace_cell(ROW, HEADER.split(",").index("latitude"), "north")
            + "\n"
        ).encode(),
        "row 2, column 'latitude': 'north' is not a number",
    ),
    (
        "bad_date",
        (HEADER + "\n" + _replace_cell(ROW, 4, "someday") + "\n").encode(),
        "row 1, column 'event_date': 'someday' is not a date",
    ),
    (
        "non_utf8",
        (HEADER + "\n" + ROW + "\n" + ROW.replace("Kenya", "K\xe9nya", 1) + "\n").encode("latin-1"),
        "row 2: not UTF-8 text (line 3 of the file)",
    ),
    (
        "too_many_fields",
        (HEADER + "\n" + ROW + "\n" + ROW + ",x,y\n").encode(),
        "row 2: malformed CSV: 34 fields where the header has 32",
    ),
    (
        "unterminated_quote",
        (HEADER + "\n" + ROW + "\n" + ROW[:40] + ',"never closed\n').encode(),
        "malformed CSV",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"), [(c, m) for _, c, m in BAD_FILES], ids=[name for name, _, _ in BAD_FILES]
)
def test_bad_input_is_one_clear_error_and_writes_nothing(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, content: bytes, message: str
) -> None:
    import_acled(con, KENYA)
    before = snapshot(con)
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        import_acled(con, path)
    assert str(error.value).startswith(f"file {path}")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert snapshot(con) == before


def test_a_missing_path_is_an_error(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"file .*nope\.csv: no such file"):
        import_acled(con, tmp_path / "nope.csv")


def _monadic_rows(*rows: tuple[str | None, str, str, str, str]) -> pl.DataFrame:
    """Monadic rows (event_id_cnty, event_type, sub_event_type, actor1, inter1) on a real template."""
    template = read_acled_csv(BANGLADESH).events.head(1)
    return pl.concat(
        template.with_columns(
            pl.lit(event_id, dtype=pl.String).alias("event_id_cnty"),
            pl.lit(event_type).alias("event_type"),
            pl.lit(sub_event_type).alias("sub_event_type"),
            pl.lit(actor).alias("actor1"),
            pl.lit(inter, dtype=pl.Int32).alias("inter1"),
            pl.lit(None, dtype=pl.Int32).alias("inter2"),
        )
        for event_id, event_type, sub_event_type, actor, inter in rows
    )


def test_monadic_merge_puts_civilians_second_and_keeps_idless_rows_apart() -> None:
    from warehouse.acled_csv import merge_monadic

    vac = ("Violence against civilians", "Attack")
    rows = _monadic_rows(
        ("BGD1", *vac, "Civilians (Bangladesh)", 7),
        ("BGD1", *vac, "Police Forces of Bangladesh (2024-)", 1),
        (None, "Riots", "Mob violence", "Rioters (Bangladesh)", 5),
        (None, "Riots", "Mob violence", "Rioters (Bangladesh)", 5),
        ("BGD2", "Riots", "Mob violence", "Rioters (Bangladesh)", 5),
        ("BGD2", "Riots", "Mob violence", "Rioters (Bangladesh)", 5),
        ("BGD2", "Riots", "Mob violence", "Protesters (Bangladesh)", 6),
    )
    merged, extra = merge_monadic(rows)
    assert merged.select("event_id_cnty", "actor1", "inter1", "actor2", "inter2").rows() == [
        ("BGD1", "Police Forces of Bangladesh (2024-)", 1, "Civilians (Bangladesh)", 7),
        (None, "Rioters (Bangladesh)", 5, None, 0),
        (None, "Rioters (Bangladesh)", 5, None, 0),
        ("BGD2", "Rioters (Bangladesh)", 5, "Rioters (Bangladesh)", 5),
    ]
    assert extra["reason"].to_list() == ["event_id_cnty: more than two actor rows in a monadic export"]
