"""`eventpipe serve` with a short interval against a real local Prefect server (the scheduler
service is what fires the runs): wait, bounded, for a scheduled run to land events in DuckDB."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from flows.server import local_prefect_server

EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
WAIT_FOR_RUN_SECONDS = 120


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


def test_served_deployment_runs_on_its_schedule(corpus: Path, tmp_path: Path) -> None:
    home = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "PREFECT_RUNNER_POLL_FREQUENCY": "1",
            "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "1"}
    warehouse = tmp_path / "wh" / "events.duckdb"
    log = tmp_path / "serve.log"
    with local_prefect_server(env=home, log_file=tmp_path / "server.log") as api_url:
        env = {**home, "PREFECT_API_URL": api_url, "EVENTPIPE_RAW_DIR": str(corpus),
               "EVENTPIPE_WAREHOUSE": str(warehouse), "EVENTPIPE_EXPORT_DIR": str(tmp_path / "exports")}
        with log.open("wb") as output:
            served = subprocess.Popen([EVENTPIPE, "serve", "--interval", "5"], env=env, stdout=output,
                                      stderr=subprocess.STDOUT, start_new_session=True)
            try:
                deadline = time.monotonic() + WAIT_FOR_RUN_SECONDS
                while extracted_events(warehouse) == 0 and time.monotonic() < deadline:
                    assert served.poll() is None, log.read_text()[-2000:]
                    time.sleep(1)
            finally:
                stop(served)
    assert extracted_events(warehouse) > 0, log.read_text()[-2000:]
