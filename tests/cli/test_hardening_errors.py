"""Faults the README promises one line for, as real processes: `-` and FIFOs as outputs, a lone
surrogate, a date overflow, an integer overflow, a directory at the lock path, a non-UTF-8
manifest and a full disk (RLIMIT_FSIZE: the kernel refuses to grow a file past the limit)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.connection import connect
from warehouse.importer import import_acled

DATA = Path(__file__).resolve().parent.parent / "data"
KENYA = DATA / "acled_kenya_1997_2019_sample.csv"
EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
DOC = {"doc_id": "d1", "published": "2020-01-07",
       "text": "On 6 January 2020, Al Shabaab militants attacked a police post in Lamu county, Kenya, "
               "killing 2 officers."}


def limit_file_size(limit: int) -> Callable[[], None]:
    """A preexec_fn: files of the child cannot grow beyond `limit` bytes (a full disk, in effect)."""
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def eventpipe(*argv: str, cwd: Path, stdin: bytes | None = None, fsize: int | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([EVENTPIPE, *argv], cwd=cwd, capture_output=True, input=stdin, timeout=180,
                          env={**os.environ, "EVENTPIPE_WAREHOUSE": "", **(env or {})},
                          preexec_fn=limit_file_size(fsize) if fsize else None)


def one_line(result: subprocess.CompletedProcess[bytes], command: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.startswith(f"eventpipe {command}: error: ") and err.count("\n") == 1, err
    return err


def jsonl(*docs: dict) -> bytes:
    return "".join(json.dumps(doc) + "\n" for doc in docs).encode()


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "events.duckdb"
    con = connect(path)
    import_acled(con, KENYA)
    con.close()
    return path


def test_extract_reads_stdin_and_writes_stdout(tmp_path: Path) -> None:
    result = eventpipe("extract", "--input", "-", "--output", "-", cwd=tmp_path, stdin=jsonl(DOC))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(events) == 1 and events[0]["fatalities"] == 2 and events[0]["doc_id"] == "d1"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_extract_writes_into_a_fifo_and_through_a_symlink_in_place(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_bytes(jsonl(DOC))
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = eventpipe("extract", "--input", "docs.jsonl", "--output", str(fifo), cwd=tmp_path)
    data = reader.communicate(timeout=60)[0]
    assert result.returncode == 0 and json.loads(data)["fatalities"] == 2
    assert fifo.is_fifo()
    (tmp_path / "real.jsonl").write_text("old\n")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "real.jsonl")
    linked = eventpipe("extract", "--input", "docs.jsonl", "--output", "link.jsonl", cwd=tmp_path)
    assert linked.returncode == 0
    assert (tmp_path / "link.jsonl").is_symlink()
    assert json.loads((tmp_path / "real.jsonl").read_text())["fatalities"] == 2
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["docs.jsonl", "events.fifo", "link.jsonl", "real.jsonl"]


@pytest.mark.parametrize(("line", "message"), [
    (b'{"doc_id": "d1", "text": "attack \\ud800 in Lamu"}\n',
     "row 1, column 'text': a lone surrogate escape (\\ud800-\\udfff) is not text"),
    (jsonl({**DOC, "published": "0001-01-01", "text": "Yesterday militants attacked Lamu, Kenya."}),
     "row 1, column 'published': published '0001-01-01' is outside 1900-2100"),
])
def test_extract_bad_documents_are_one_line(tmp_path: Path, line: bytes, message: str) -> None:
    (tmp_path / "docs.jsonl").write_bytes(line)
    result = eventpipe("extract", "--input", "docs.jsonl", "--output", "out.jsonl", cwd=tmp_path)
    assert message in one_line(result, "extract")
    assert not (tmp_path / "out.jsonl").exists()


def test_extract_on_a_full_disk_is_one_line_and_keeps_the_old_output(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_bytes(jsonl(*({**DOC, "doc_id": f"d{i}"} for i in range(30))))
    (tmp_path / "out.jsonl").write_text("previous\n")
    result = eventpipe("extract", "--input", "docs.jsonl", "--output", "out.jsonl", cwd=tmp_path, fsize=2000)
    assert "cannot write output: File too large" in one_line(result, "extract")
    assert (tmp_path / "out.jsonl").read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.jsonl", "out.jsonl"]


def test_an_integer_overflow_in_an_import_is_one_line_and_a_failed_run(warehouse: Path,
                                                                       tmp_path: Path) -> None:
    frame = pl.read_csv(KENYA, infer_schema=False).head(3)
    frame.with_columns(pl.lit("99999999999").alias("fatalities")).write_csv(tmp_path / "big.csv")
    result = eventpipe("import-acled", "big.csv", "--warehouse", str(warehouse), cwd=tmp_path)
    message = one_line(result, "import-acled")
    assert "file big.csv, row 1, column 'fatalities': '99999999999' is out of range" in message
    con = duckdb.connect(str(warehouse), read_only=True)
    failed = con.execute("SELECT stats->>'error' FROM runs WHERE status = 'failed'").fetchall()
    con.close()
    assert failed == [(message.removeprefix("eventpipe import-acled: error: ").strip(),)]


def test_a_directory_at_the_lock_path_is_one_line(warehouse: Path, tmp_path: Path) -> None:
    Path(str(warehouse) + ".lock").mkdir()
    result = eventpipe("import-acled", str(KENYA), "--warehouse", str(warehouse), cwd=tmp_path)
    assert "cannot open the warehouse lock file: Is a directory" in one_line(result, "import-acled")
    raw = tmp_path / "raw"
    raw.mkdir()
    run = eventpipe("run", "--quiet", "--raw-dir", str(raw), "--warehouse", str(warehouse), cwd=tmp_path)
    assert "cannot open the warehouse lock file: Is a directory" in one_line(run, "run")


def test_a_manifest_that_is_not_utf8_stops_the_run_with_one_line(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(DATA / "flows" / "corpus", raw)
    (raw / "manifest.csv").write_bytes("file,title\ndoc02.txt,Caf\xe9\n".encode("latin-1"))
    result = eventpipe("run", "--quiet", "--raw-dir", str(raw), "--warehouse", str(tmp_path / "w.duckdb"),
                       "--export-dir", str(tmp_path / "exports"), cwd=tmp_path,
                       env={"PREFECT_HOME": str(tmp_path / "prefect-home")})
    assert "manifest.csv: manifest is not UTF-8 (byte 25)" in one_line(result, "run")
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    runs = con.execute("SELECT status, stats->>'error' FROM runs").fetchall()
    con.close()
    assert runs[0][0] == "failed" and "manifest is not UTF-8" in runs[0][1]


def test_export_and_import_on_a_full_disk_are_one_line_and_leave_no_leftovers(
        warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    assert eventpipe("export", "--out", str(out), "--warehouse", str(warehouse), cwd=tmp_path).returncode == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    full = eventpipe("export", "--out", str(out), "--partition-by", "", "--warehouse", str(warehouse),
                     cwd=tmp_path, fsize=20_000)
    assert "export failed" in one_line(full, "export")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    csv = eventpipe("export", "--format", "csv", "--out", str(out), "--warehouse", str(warehouse),
                    cwd=tmp_path, fsize=20_000)
    one_line(csv, "export")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    imported = eventpipe("import-acled", str(DATA / "acled_bangladesh_2022_2024_sample.csv"), "--warehouse",
                         str(warehouse), cwd=tmp_path, fsize=4096)
    one_line(imported, "import-acled")
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 302
    con.close()
