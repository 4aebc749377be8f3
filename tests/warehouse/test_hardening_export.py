"""Atomic exports with real processes: a reader polling the export never finds it missing or
half-written while exports replace it (pyarrow's `read_table(folder)`, which pandas' `read_parquet`
uses, and a CSV read), and leftovers of killed exports (a real kill -9) are
removed by the next export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from warehouse.connection import connect
from warehouse.importer import import_acled

DATA = Path(__file__).resolve().parent.parent / "data"
EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
SAMPLES = ("acled_kenya_1997_2019_sample.csv", "acled_bangladesh_2022_2024_sample.csv")

READER = """
import sys, time
from pathlib import Path
import polars as pl
import pyarrow.parquet as pq
folder, csv, expected, stop = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
reads = problems = 0
while not stop.exists():
    for read in (lambda: pq.read_table(folder).num_rows,
                 lambda: pl.read_csv(csv, infer_schema=False).height):
        try:
            rows = read()
        except Exception as error:
            problems += 1
            print("failed:", type(error).__name__, str(error)[:100], flush=True)
            continue
        reads += 1
        if rows != expected:
            problems += 1
            print("rows:", rows, flush=True)
print("reads", reads, "problems", problems, flush=True)
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = Path(tmp_path_factory.mktemp("export")) / "events.duckdb"
    con = connect(path)
    for sample in SAMPLES:
        import_acled(con, DATA / sample)
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    return path, total


def export(warehouse: Path, out: Path, fmt: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([EVENTPIPE, "export", "--format", fmt, "--out", str(out), "--warehouse",
                             str(warehouse)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_readers_never_see_an_export_missing_or_half_written(warehouse: tuple[Path, int],
                                                              tmp_path: Path) -> None:
    path, total = warehouse
    out = tmp_path / "exports"
    for fmt in ("parquet", "csv"):
        assert export(path, out, fmt).wait(timeout=120) == 0
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(out / "parquet"), str(out / "events.csv"),
                               str(total), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(6):
            for fmt in ("parquet", "csv"):
                process = export(path, out, fmt)
                assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    finally:
        stop.touch()
        output = reader.communicate(timeout=120)[0]
    assert output.strip().splitlines()[-1].endswith("problems 0"), output
    assert int(output.split("reads ")[-1].split()[0]) > 0
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "parquet"]


def test_leftovers_of_killed_exports_are_removed_by_the_next_export(warehouse: tuple[Path, int],
                                                                    tmp_path: Path) -> None:
    path, total = warehouse
    out = tmp_path / "exports"
    dead = subprocess.Popen(["true"])
    dead.wait()
    for name in (f".parquet.tmp-{dead.pid}-0badc0de", f".parquet.old-{dead.pid}-0badc0de"):
        (out / name / "year=2020").mkdir(parents=True)
        (out / name / "year=2020" / "data_0.parquet").write_bytes(b"PAR1 stale")
    (out / f".events.csv.tmp-{dead.pid}-0badc0de").write_text("stale, half written")
    killed = 0
    for delay in (0.3, 0.8, 1.5, 2.5):  # a real kill -9 somewhere inside an export
        process = export(path, out, "parquet")
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
    assert killed > 0
    for fmt in ("parquet", "csv"):
        assert export(path, out, fmt).wait(timeout=120) == 0
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "parquet"]
    assert pq.read_table(out / "parquet").num_rows == total  # what pandas.read_parquet(folder) does
    assert pl.read_csv(out / "events.csv", infer_schema=False).height == total
