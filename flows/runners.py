"""Choosing the task runner the extraction tasks run on: threads here, or a Dask cluster."""

from __future__ import annotations

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from eventpipe.errors import InputError

TASK_RUNNERS = ("local", "dask")


def build_task_runner(kind: str, dask_address: str | None = None, dask_workers: int = 2,
                      max_threads: int = 1) -> TaskRunner:
    """`local`: one worker thread in this process (extraction is CPU-bound pure Python: more
    threads would only contend for the GIL and share the extractor's resources). `dask`:
    prefect-dask on a remote scheduler at `dask_address`, or on a temporary LocalCluster of
    `dask_workers` single-threaded worker processes: processes are what scale extraction."""
    if kind == "local":
        return ThreadPoolTaskRunner(max_workers=max_threads)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    raise InputError(f"unknown task runner {kind!r}", column="task_runner",
                     hint=f"choose one of {', '.join(TASK_RUNNERS)}")
