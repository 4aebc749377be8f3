"""`eventpipe serve` with a short interval against a real local Prefect server (the scheduler
service is what fires the runs): wait, bounded, for a scheduled run to land events in DuckDB."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.flows.test_lock import HOLD

EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
WAIT_FOR_RUN_SECONDS = 180
WAIT_FOR_SERVER_SECONDS = 300
WAIT_FOR_STOP_SECONDS = 240


def extracted_events(warehouse: Path) -> int:
    """Extracted events in the warehouse, 0 while it does not exist or a run holds it."""
    if not warehouse.exists():
        return 0
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return int(con.execute("SELECT count(*) FROM events WHERE origin = 'extracted'").fetchone()[0])
    except duckdb.Error:
        return 0
    finally:
        con.close()


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_for(condition: Callable[[], object], seconds: float, served: subprocess.Popen[bytes],
              log: Path) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        assert served.poll() is None, log.read_text()[-3000:]
        time.sleep(1)
    raise AssertionError(f"timed out; log:\n{log.read_text()[-3000:]}")


def test_serve_shows_its_ui_logs_runs_and_stops_cleanly_on_sigterm(corpus: Path, tmp_path: Path) -> None:
    """`eventpipe serve` as a user runs it (no PREFECT_API_URL): it starts a local server with
    Prefect's UI at the address it prints, scheduled runs land events and log to the terminal,
    and SIGTERM stops everything with no traceback or warning."""
    warehouse = tmp_path / "wh" / "events.duckdb"
    log = tmp_path / "serve.log"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_RUNNER_POLL_FREQUENCY": "1",
           "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "1",
           "EVENTPIPE_RAW_DIR": str(corpus), "EVENTPIPE_WAREHOUSE": str(warehouse),
           "EVENTPIPE_EXPORT_DIR": str(tmp_path / "exports")}
    env.pop("PREFECT_API_URL", None)
    with log.open("wb") as output:
        served = subprocess.Popen([EVENTPIPE, "serve", "--interval", "20"], env=env, stdout=output,
                                  stderr=subprocess.STDOUT, start_new_session=True)
        try:
            ui = _wait_for(lambda: re.search(r"Prefect UI at (http://127\.0\.0\.1:\d+)", log.read_text()),
                           WAIT_FOR_SERVER_SECONDS, served, log).group(1)
            with urllib.request.urlopen(ui, timeout=30) as page:
                assert page.status == 200 and b"<html" in page.read(2000).lower()
            _wait_for(lambda: extracted_events(warehouse), WAIT_FOR_RUN_SECONDS, served, log)
            flow_done = re.compile(r"Flow run '[^']+' - Finished in state Completed\(\)")  # not a task's
            _wait_for(lambda: flow_done.search(log.read_text()), 60, served, log)
            os.kill(served.pid, signal.SIGTERM)  # the main process only, as a service manager does
            assert served.wait(timeout=WAIT_FOR_STOP_SECONDS) == 0  # a run being started may finish first
        finally:
            stop(served)
    text = log.read_text()
    assert "Flow run" in text and "pipeline run" in text  # served runs log to the terminal
    assert "eventpipe serve: stopped" in text
    assert "Traceback" not in text and "never awaited" not in text and "Warning" not in text, text[-3000:]
    with pytest.raises(OSError):
        urllib.request.urlopen(ui, timeout=5)  # the local server is gone too


def test_an_overlapping_run_skips_itself_with_one_line(
    prefect_harness: None, corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from flows.pipeline import pipeline_flow

    warehouse = tmp_path / "events.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "x"),
                               skip_if_locked=True)
    finally:
        holder.kill()
        holder.wait()
    assert result is None and not warehouse.exists()
    # Prefect's run logger writes to the terminal, and propagates once a harness has configured it.
    logged = (capfd.readouterr().err + "\n" + caplog.text).splitlines()
    skipped = {line[line.index("skipped"):] for line in logged if "skipped" in line}
    assert len(skipped) == 1 and next(iter(skipped)).startswith(
        f"skipped: another eventpipe run or import holds the warehouse lock: pid {holder.pid} (")
    assert "Traceback" not in "\n".join(logged)
