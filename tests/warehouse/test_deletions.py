"""ACLED deletion lists through `import_acled`: withdrawn events go, later re-uploads stay."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventpipe.errors import InputError
from tests.warehouse.conftest import DATA, KENYA, snapshot
from warehouse.importer import import_acled

DELETIONS = DATA / "acled_kenya_deletions_sample.csv"


def _ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT event_id_cnty FROM events").fetchall()}


def test_a_deletion_list_removes_only_events_it_is_newer_than(con: duckdb.DuckDBPyConnection) -> None:
    import_acled(con, KENYA)
    before = _ids(con)
    result = import_acled(con, DELETIONS)
    # KEN7182 was deleted after its upload; KEN7146 was re-uploaded after the deletion; KEN999999 unknown.
    assert (result.deletion_list, result.rows_read, result.stats.removed) == (True, 3, 1)
    assert before - _ids(con) == {"KEN7182"}
    runs = con.execute("SELECT kind, status FROM runs WHERE run_id = ?", [result.run_id]).fetchall()
    assert runs == [("import-acled-deletions", "success")]
    assert import_acled(con, DELETIONS).stats.removed == 0


def test_a_deletion_list_never_removes_extracted_events(con: duckdb.DuckDBPyConnection) -> None:
    import_acled(con, KENYA)
    con.execute("UPDATE events SET origin = 'extracted' WHERE event_id_cnty = 'KEN7182'")
    assert import_acled(con, DELETIONS).stats.removed == 0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("event_id_cnty,deleted_timestamp\nKEN1,yesterday\n", "row 1, column 'deleted_timestamp'"),
        ("event_id_cnty,deleted_timestamp\nKEN1,1\nken 2,1\n", "row 2, column 'event_id_cnty'"),
        ("event_id_cnty,deleted_timestamp\n", "header but no rows"),
    ],
    ids=["bad_timestamp", "bad_id", "no_rows"],
)
def test_a_bad_deletion_list_names_row_and_column_and_changes_nothing(
    con: duckdb.DuckDBPyConnection, tmp_path: Path, body: str, message: str
) -> None:
    import_acled(con, KENYA)
    before = snapshot(con)
    path = tmp_path / "deleted.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_acled(con, path)
    after = snapshot(con)
    failed = [run for run in after.pop("runs") if run[3] == "failed"]
    assert len(failed) == 1  # the failed import is logged, with its reason
    before.pop("runs")
    assert after == before
