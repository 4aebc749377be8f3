"""Concurrency and faults with real processes: a second run is refused while one holds the
warehouse; a run SIGKILLed inside its load transaction leaves the previous state, and the next
run completes the work (reusing the killed run's cached extractions)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.faults import PAUSE_MARKER
from flows.pipeline import pipeline_flow
from tests.flows.helpers import scalar, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")

EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
WAIT_FOR_PAUSE_SECONDS = 120


def cli_env(raw: Path, tmp_path: Path, **extra: str) -> dict[str, str]:
    """Environment of an `eventpipe` subprocess: our paths, and the harness's Prefect API."""
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "EVENTPIPE_RAW_DIR": str(raw), "EVENTPIPE_EXPORT_DIR": str(tmp_path / "exports"),
            "EVENTPIPE_WAREHOUSE": str(tmp_path / "wh" / "events.duckdb"),
            "PREFECT_API_URL": str(PREFECT_API_URL.value()), **extra}


def wait_for_pause(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT_FOR_PAUSE_SECONDS
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if PAUSE_MARKER in line:
            return
        if not line and process.poll() is not None:
            pytest.fail(f"run exited with {process.returncode} before reaching the load")
    pytest.fail("run did not reach the load in time")


def test_concurrent_run_is_refused_and_a_killed_load_leaves_the_previous_state(corpus: Path,
                                                                                 tmp_path: Path) -> None:
    warehouse = tmp_path / "wh" / "events.duckdb"
    pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    before = snapshot(warehouse)
    (corpus / "doc00.md").unlink()
    (corpus / "doc11.txt").write_text("On 6 January 2020, Al Shabaab militants attacked a police post in "
                                      "Lamu county, Kenya, killing 2 officers.\n", encoding="utf-8")

    loader = subprocess.Popen([EVENTPIPE, "run", "--quiet"], env=cli_env(corpus, tmp_path,
                              EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT="300"),
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                              start_new_session=True)
    try:
        wait_for_pause(loader)
        second = subprocess.run([EVENTPIPE, "run", "--quiet"], env=cli_env(corpus, tmp_path),
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        expected = f"another eventpipe run holds the warehouse lock (pid {loader.pid}: eventpipe run --quiet)"
        assert expected in second.stderr
    finally:
        os.killpg(loader.pid, signal.SIGKILL)
        loader.wait()

    assert snapshot(warehouse) == before
    after = pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse), export_dir=str(tmp_path / "exports"))
    assert after.documents_extracted == 0  # the killed run had cached its extraction
    assert (after.documents_new, after.documents_removed) == (1, 1)
    final = snapshot(warehouse)
    assert final != before and "doc00.md" not in {row[0] for row in final["documents"]}
    assert scalar(warehouse, "SELECT count(*) FROM runs WHERE status = 'running'") == 0
    assert scalar(warehouse, "SELECT count(*) FROM runs WHERE stats->>'error' LIKE 'interrupted%'") == 1
