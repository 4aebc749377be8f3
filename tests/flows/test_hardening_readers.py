"""Readers and writers with real processes and a real DuckDB file: a run blocks readers only while
it loads (and then they say who holds the warehouse), an import and a run share one lock with
--wait, and a reader's open connection makes `run` wait or fail with one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.faults import LOAD_PAUSE_MARKER, PAUSE_MARKER
from flows.pipeline import pipeline_flow
from tests.flows.test_faults import EVENTPIPE, cli_env

pytestmark = pytest.mark.usefixtures("prefect_harness")

DATA = Path(__file__).resolve().parents[1] / "data"
KENYA = DATA / "acled_kenya_1997_2019_sample.csv"

NOTEBOOK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def start_run(corpus: Path, tmp_path: Path, marker: str, **hooks: str) -> subprocess.Popen[str]:
    run = subprocess.Popen([EVENTPIPE, "run", "--quiet"], env=cli_env(corpus, tmp_path, **hooks),
                           stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                           start_new_session=True)
    assert run.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = run.stderr.readline()
        if marker in line:
            return run
        if not line and run.poll() is not None:
            pytest.fail(f"run exited with {run.returncode} before {marker!r}")
    pytest.fail(f"run did not reach {marker!r}")


def eventpipe(*argv: str, tmp_path: Path, corpus: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EVENTPIPE, *argv], env=cli_env(corpus, tmp_path), capture_output=True, text=True,
                          timeout=120)


def one_line(result: subprocess.CompletedProcess[str], command: str) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"eventpipe {command}: error: ") and result.stderr.count("\n") == 1
    return result.stderr


def stop(run: subprocess.Popen[str]) -> None:
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()


def test_readers_work_while_a_run_extracts_and_an_import_is_refused_naming_the_run(
        corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "events.duckdb"
    pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    (corpus / "doc00.md").unlink()
    run = start_run(corpus, tmp_path, LOAD_PAUSE_MARKER, EVENTPIPE_TEST_PAUSE_BEFORE_LOAD="300")
    try:
        sql = eventpipe("sql", "SELECT count(*) AS n FROM events", "--format", "csv", tmp_path=tmp_path,
                        corpus=corpus)
        assert sql.returncode == 0 and int(sql.stdout.splitlines()[1]) > 0, sql.stderr
        status = eventpipe("status", tmp_path=tmp_path, corpus=corpus)
        assert status.returncode == 0
        assert f"a run or import is in progress: pid {run.pid} (eventpipe run --quiet)" in status.stdout
        export = eventpipe("export", "--format", "csv", tmp_path=tmp_path, corpus=corpus)
        assert export.returncode == 0, export.stderr
        started = time.monotonic()
        refused = eventpipe("import-acled", str(KENYA), "--wait", "2", tmp_path=tmp_path, corpus=corpus)
        assert time.monotonic() - started >= 2
        assert (f"another eventpipe run or import holds the warehouse lock: pid {run.pid} "
                "(eventpipe run --quiet)") in one_line(refused, "import-acled")
    finally:
        stop(run)


def test_an_import_waits_for_a_run_to_finish(corpus: Path, tmp_path: Path) -> None:
    run = start_run(corpus, tmp_path, LOAD_PAUSE_MARKER, EVENTPIPE_TEST_PAUSE_BEFORE_LOAD="4")
    try:
        imported = eventpipe("import-acled", str(KENYA), "--wait", "120", tmp_path=tmp_path, corpus=corpus)
        assert imported.returncode == 0, imported.stderr
        assert run.wait(timeout=120) == 0
    finally:
        if run.poll() is None:
            stop(run)
    status = eventpipe("status", tmp_path=tmp_path, corpus=corpus)
    assert "events (acled)" in status.stdout and "events (extracted)" in status.stdout


def test_while_a_run_loads_readers_wait_then_name_the_holder(corpus: Path, tmp_path: Path) -> None:
    pipeline_flow(raw_dir=str(corpus), warehouse=str(tmp_path / "wh" / "events.duckdb"),
                  export_dir=str(tmp_path / "exports"))
    (corpus / "doc00.md").unlink()
    run = start_run(corpus, tmp_path, PAUSE_MARKER, EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT="300")
    try:
        sql = eventpipe("sql", "SELECT 1", tmp_path=tmp_path, corpus=corpus)
        message = one_line(sql, "sql")
        assert "cannot read the warehouse: it is held by " f"pid {run.pid} (" in message
        assert "eventpipe run --quiet" in message
    finally:
        stop(run)


def test_a_notebook_connection_makes_run_fail_with_one_line_or_wait(corpus: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "events.duckdb"
    pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, str(warehouse), "300"],
                                stdout=subprocess.PIPE, text=True)
    try:
        assert notebook.stdout is not None and notebook.stdout.readline().strip() == "open"
        refused = eventpipe("run", "--quiet", tmp_path=tmp_path, corpus=corpus)
        message = one_line(refused, "run")
        assert f"cannot write the warehouse: it is held by pid {notebook.pid} (" in message
        assert "Traceback" not in refused.stderr
    finally:
        notebook.kill()
        notebook.wait()
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, str(warehouse), "3"],
                                stdout=subprocess.PIPE, text=True)
    assert notebook.stdout is not None and notebook.stdout.readline().strip() == "open"
    waited = eventpipe("run", "--quiet", "--wait", "60", tmp_path=tmp_path, corpus=corpus)
    assert waited.returncode == 0 and waited.stderr == ""
    notebook.wait()
