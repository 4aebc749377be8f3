"""Shared fixtures of the flow tests: one Prefect test harness per session, small corpora."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "data" / "flows" / "corpus"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect server and database for the whole session (starting one costs ~5 s).

    Flow-run heartbeats are off as in `eventpipe run`: stopping their thread costs up to 1 s per
    flow run.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with (prefect_test_harness(server_startup_timeout=60),
          temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})):
        yield


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the 11-document test corpus."""
    return Path(shutil.copytree(CORPUS, tmp_path / "raw"))
