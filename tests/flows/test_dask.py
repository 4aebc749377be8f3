"""Scale-out: the same corpus gives identical warehouse contents on threads and on a 2-worker
Dask LocalCluster (extraction really runs in the worker processes: separate caches)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.pipeline import pipeline_flow
from flows.runners import build_task_runner
from tests.flows.helpers import snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_local_and_dask_runners_give_identical_events(corpus: Path, tmp_path: Path) -> None:
    results = {}
    for runner in ("local", "dask"):
        warehouse = tmp_path / runner / "events.duckdb"
        summary = pipeline_flow(raw_dir=str(corpus), warehouse=str(warehouse),
                                export_dir=str(tmp_path / runner), batch_size=3, task_runner=runner,
                                dask_workers=2)
        assert summary.documents_extracted == 11
        results[runner] = snapshot(warehouse)
    assert results["local"]["events"], "the corpus must yield events"
    assert results["dask"] == results["local"]


def test_unknown_runner_is_refused_by_name() -> None:
    from eventpipe.errors import InputError

    with pytest.raises(InputError, match="unknown task runner 'spark' \\(choose one of local, dask\\)"):
        build_task_runner("spark")
