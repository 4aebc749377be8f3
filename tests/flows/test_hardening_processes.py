"""Processes, for real: the temporary Prefect server dies with a killed `eventpipe run` (SIGKILL
and SIGTERM), a SIGTERMed run ends with one line and is recorded as failed, a SIGKILLed one is
shown as interrupted by `status` and its flow run is marked Crashed in Prefect by the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from flows.pipeline import pipeline_flow
from tests.flows.helpers import scalar
from tests.flows.test_faults import EVENTPIPE, cli_env, wait_for_pause

pytestmark = pytest.mark.usefixtures("prefect_harness")


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_dead(pid: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.2)
    return False


def own_server_env(corpus: Path, tmp_path: Path) -> dict[str, str]:
    """No PREFECT_API_URL: `eventpipe run` starts its temporary server (in its own PREFECT_HOME)."""
    env = cli_env(corpus, tmp_path, EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT="300",
                  PREFECT_HOME=str(tmp_path / "prefect-home"))
    env.pop("PREFECT_API_URL")
    return env


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_the_temporary_server_dies_with_its_run(corpus: Path, tmp_path: Path, signum: int) -> None:
    run = subprocess.Popen([EVENTPIPE, "run", "--quiet"], env=own_server_env(corpus, tmp_path),
                           stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    servers: list[int] = []
    try:
        wait_for_pause(run)
        servers = [pid for pid in children(run.pid)
                   if b"uvicorn" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(servers) == 1
        os.kill(run.pid, signum)
        run.wait(timeout=60)
        assert wait_dead(servers[0]), "the temporary Prefect server outlived its run"
    finally:
        for pid in [run.pid, *servers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    if signum == signal.SIGTERM:
        rest = run.stderr.read() if run.stderr else ""
        assert run.returncode == 130 and rest.endswith("\neventpipe run: interrupted\n")
        assert "Traceback" not in rest and "Error logging to API" not in rest
        warehouse = tmp_path / "wh" / "events.duckdb"
        assert scalar(warehouse, "SELECT status FROM runs WHERE kind = 'pipeline'") == "failed"


def test_a_killed_run_is_interrupted_in_status_and_crashed_in_prefect(corpus: Path, tmp_path: Path) -> None:
    from prefect import get_client

    warehouse = tmp_path / "wh" / "events.duckdb"
    run = subprocess.Popen([EVENTPIPE, "run", "--quiet"], env=cli_env(
        corpus, tmp_path, EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT="300"),
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        wait_for_pause(run)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    status = subprocess.run([EVENTPIPE, "status", "--warehouse", str(warehouse)], capture_output=True,
                            text=True, timeout=60)
    assert status.returncode == 0 and " interrupted " in status.stdout.splitlines()[2]
    flow_run_id = scalar(warehouse, "SELECT stats->>'flow_run_id' FROM runs WHERE status = 'running'")
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(flow_run_id).state.is_running()

    pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(flow_run_id).state.is_crashed()
    status = subprocess.run([EVENTPIPE, "status", "--warehouse", str(warehouse)], capture_output=True,
                            text=True, timeout=60)
    lines = status.stdout.splitlines()
    assert " success " in lines[2] and " interrupted " in lines[3]
