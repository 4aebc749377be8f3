"""Abuse of `eventpipe sql` and `eventpipe export` as real processes on a real warehouse file:
every attack fails with one line and exit 2, and no file is written or read outside the
project's own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.connection import connect
from warehouse.importer import import_acled

DATA = Path(__file__).resolve().parent.parent / "data"
EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
KENYA_EVENTS = 302


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = Path(tmp_path_factory.mktemp("built")) / "events.duckdb"
    con = connect(path)
    import_acled(con, DATA / "acled_kenya_1997_2019_sample.csv")
    con.close()
    return path


@pytest.fixture
def warehouse(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "events.duckdb"
    path.parent.mkdir()
    shutil.copy(built, path)
    return path


def eventpipe(*argv: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([EVENTPIPE, *argv], cwd=cwd, capture_output=True, timeout=120, input=stdin,
                          env={**os.environ, "EVENTPIPE_WAREHOUSE": "", "EVENTPIPE_EXPORT_DIR": ""})


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], command: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.startswith(f"eventpipe {command}: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def count_events(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()


SQL_ATTACKS = [
    ("COPY events TO '{tmp}/stolen.csv'", "COPY statements are refused"),
    ("COPY (SELECT '#!/bin/sh') TO '{tmp}/pwn.sh' (HEADER false)", "COPY statements are refused"),
    ("EXPORT DATABASE '{tmp}/dump'", "EXPORT statements are refused"),
    ("SELECT * FROM read_csv('/etc/passwd')", "file access is disabled"),
    ("SELECT * FROM read_text('/etc/passwd')", "file access is disabled"),
    ("SELECT * FROM read_blob('/etc/passwd')", "file access is disabled"),
    ("SELECT * FROM glob('/root/*')", "file access is disabled"),
    ("SELECT * FROM read_text('{wh}.cache/**/*.json')", "file access is disabled"),
    ("SELECT * FROM read_parquet('{tmp}/*.parquet')", "file access is disabled"),
    ("ATTACH '{other}' AS o (READ_WRITE)", "ATTACH statements are refused"),
    ("ATTACH '{other}' AS o (READ_WRITE); DROP TABLE o.events", "runs exactly one statement, got 2"),
    ("SELECT 1; COPY events TO '{tmp}/x.csv'", "runs exactly one statement, got 2"),
    ("INSTALL httpfs", "LOAD statements are refused"),
    ("LOAD httpfs", "LOAD statements are refused"),
    ("SET enable_external_access = true", "SET statements are refused"),
    ("PRAGMA database_list", "PRAGMA statements are refused"),
    ("CALL checkpoint()", "CALL statements are refused"),
    ("DELETE FROM events", "tries to modify the warehouse"),
    ("DROP TABLE events", "tries to modify the warehouse"),
    ("", "runs exactly one statement, got 0"),
]


@pytest.mark.parametrize(("sql", "message"), SQL_ATTACKS, ids=[a[0][:40] for a in SQL_ATTACKS])
def test_sql_attacks_fail_with_one_line_and_touch_no_file(warehouse: Path, tmp_path: Path, sql: str,
                                                          message: str) -> None:
    other = tmp_path / "other.duckdb"
    shutil.copy(warehouse, other)
    (tmp_path / "decoy.parquet").write_bytes(b"PAR1")
    before = files_under(tmp_path)
    query = sql.format(tmp=tmp_path, wh=warehouse, other=other)
    result = eventpipe("sql", query, "--warehouse", str(warehouse), cwd=tmp_path)
    err = assert_one_line_error(result, "sql")
    assert message in err
    assert b"root:" not in result.stdout
    assert files_under(tmp_path) == before
    assert count_events(other) == count_events(warehouse) == KENYA_EVENTS


def test_allow_files_reads_files_but_still_refuses_writes(warehouse: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text("a,b\n1,2\n3,4\n")
    ok = eventpipe("sql", f"SELECT sum(a) AS s FROM read_csv('{tmp_path}/mine.csv')", "--allow-files",
                   "--format", "csv", "--warehouse", str(warehouse), cwd=tmp_path)
    assert ok.returncode == 0 and ok.stdout.decode().splitlines() == ["s", "4"]
    copy = eventpipe("sql", f"COPY events TO '{tmp_path}/x.csv'", "--allow-files",
                     "--warehouse", str(warehouse), cwd=tmp_path)
    assert "COPY statements are refused" in assert_one_line_error(copy, "sql")
    assert not (tmp_path / "x.csv").exists()


def test_sql_output_is_written_by_us_to_a_file_stdout_or_a_fifo(warehouse: Path, tmp_path: Path) -> None:
    query = "SELECT event_id_cnty, fatalities FROM events ORDER BY 1"
    to_file = eventpipe("sql", query, "--output", "r.parquet", "--warehouse", str(warehouse), cwd=tmp_path)
    assert to_file.returncode == 0 and pl.read_parquet(tmp_path / "r.parquet").height == KENYA_EVENTS

    to_stdout = eventpipe("sql", query, "--output", "-", "--warehouse", str(warehouse), cwd=tmp_path)
    assert to_stdout.returncode == 0 and to_stdout.stdout[:4] == b"PAR1"
    (tmp_path / "piped.parquet").write_bytes(to_stdout.stdout)
    assert pl.read_parquet(tmp_path / "piped.parquet").height == KENYA_EVENTS

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    to_fifo = eventpipe("sql", query, "--output", str(fifo), "--warehouse", str(warehouse), cwd=tmp_path)
    data = reader.communicate(timeout=60)[0]
    assert to_fifo.returncode == 0 and data[:4] == b"PAR1"
    assert fifo.is_fifo()
    assert {p.name for p in tmp_path.iterdir()} == {"r.parquet", "piped.parquet", "fifo", "wh"}


def test_sql_csv_of_a_nested_type_is_one_line(warehouse: Path, tmp_path: Path) -> None:
    result = eventpipe("sql", "SELECT [1, 2] AS pair, {'a': 1} AS rec", "--format", "csv",
                       "--warehouse", str(warehouse), cwd=tmp_path)
    assert "CSV cannot hold the nested type" in assert_one_line_error(result, "sql")
    as_json = eventpipe("sql", "SELECT [1, 2] AS pair", "--format", "json", "--warehouse", str(warehouse),
                        cwd=tmp_path)
    assert as_json.returncode == 0 and b"[1,2]" in as_json.stdout


WHERE_ATTACKS = [
    "1=0)) TO '{tmp}/a.csv' (FORMAT csv); COPY (SELECT '#!/bin/sh') TO '{tmp}/pwn.sh' (HEADER false); --",
    "1=0)) TO '{tmp}/a.csv' (FORMAT csv); SELECT ((1",
    "true); DELETE FROM events; SELECT (1",
    "true) OR (true",
    "year = 2020 UNION SELECT * FROM events",
    "notes = (SELECT string_agg(content) FROM read_text('/etc/passwd'))",
    "read_text('/etc/passwd') IS NOT NULL",
    "country = 'Kenya' -- ",
]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("where", WHERE_ATTACKS, ids=[w[:30] for w in WHERE_ATTACKS])
def test_export_where_injection_fails_and_writes_nothing(warehouse: Path, tmp_path: Path, where: str,
                                                         fmt: str) -> None:
    out = tmp_path / "exports"
    first = eventpipe("export", "--format", fmt, "--out", str(out), "--warehouse", str(warehouse),
                      cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = {p: p.stat().st_mtime_ns for p in files_under(tmp_path)}
    result = eventpipe("export", "--format", fmt, "--out", str(out), "--where", where.format(tmp=tmp_path),
                       "--warehouse", str(warehouse), cwd=tmp_path)
    assert assert_one_line_error(result, "export").startswith("eventpipe export: error: --where: ")
    assert {p: p.stat().st_mtime_ns for p in files_under(tmp_path)} == before
    assert not (tmp_path / "pwn.sh").exists() and count_events(warehouse) == KENYA_EVENTS


def test_export_where_filters_with_bound_values(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = eventpipe("export", "--format", "csv", "--out", str(out), "--where",
                       "admin1 in ('Nairobi', 'Mombasa') and not fatalities = 0",
                       "--warehouse", str(warehouse), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    frame = pl.read_csv(out / "events.csv", infer_schema=False)
    assert frame.height > 0 and set(frame["admin1"]) <= {"Nairobi", "Mombasa"}
    assert "0" not in set(frame["fatalities"])
