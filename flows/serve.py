"""`eventpipe serve`: the pipeline (and export) as Prefect deployments served from this process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventpipe.settings import Settings
from warehouse.export import PARQUET_DIR

PIPELINE_DEPLOYMENT = "eventpipe-pipeline"
EXPORT_DEPLOYMENT = "eventpipe-export"


def pipeline_parameters(settings: Settings, pause_before_commit: float = 0.0) -> dict[str, object]:
    """The pipeline flow's parameters from settings; paths absolute, so a served run does not
    depend on the directory its worker process happens to start in."""
    params: dict[str, object] = {
        "raw_dir": str(Path(settings.raw_dir).resolve()),
        "warehouse": str(Path(settings.warehouse).resolve()),
        "export_dir": str(Path(settings.export_dir).resolve()),
        "batch_size": settings.batch_size,
        "task_runner": settings.task_runner,
        "dask_address": settings.dask_address,
        "dask_workers": settings.dask_workers,
    }
    if pause_before_commit:
        params["pause_before_commit"] = pause_before_commit
    return params


def serve_deployments(settings: Settings, interval: float | None = None,
                      announce: Callable[[str], None] | None = None) -> None:
    """Register the deployments and serve them until SIGINT (Ctrl-C) or SIGTERM (blocks).

    The pipeline runs on `settings.schedule_cron` (default hourly), or every `interval` seconds
    when given; the export deployment has no schedule (trigger it from the UI or the CLI).
    Needs a Prefect server with a scheduler at PREFECT_API_URL. A scheduled run that finds
    another run holding the warehouse skips itself with one log line (`skip_if_locked`). On a
    signal the runner stops polling, cancels runs in progress and pauses the schedules, and this
    returns normally: no traceback, no un-awaited coroutine.
    """
    import asyncio

    asyncio.run(_serve_until_signalled(build_deployments(settings, interval), announce or print))


def build_deployments(settings: Settings, interval: float | None = None) -> list[object]:
    """The served deployments: `pipeline/eventpipe-pipeline` (scheduled), `export/eventpipe-export`."""
    from flows.acled import export_flow
    from flows.pipeline import pipeline_flow

    schedule: dict[str, object] = {"interval": interval} if interval else {"cron": settings.schedule_cron}
    pipeline = pipeline_flow.to_deployment(
        name=PIPELINE_DEPLOYMENT, parameters={**pipeline_parameters(settings), "skip_if_locked": True},
        **schedule)
    export = export_flow.to_deployment(name=EXPORT_DEPLOYMENT, parameters={
        "warehouse": str(Path(settings.warehouse).resolve()),
        "out": str((Path(settings.export_dir) / PARQUET_DIR).resolve())})
    return [pipeline, export]


async def _serve_until_signalled(deployments: list[object], announce: Callable[[str], None]) -> None:
    import asyncio
    import signal

    from prefect.runner import Runner

    runner = Runner(pause_on_shutdown=True)
    for deployment in deployments:
        await runner.add_deployment(deployment)
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    # Runner.start() installs its own SIGTERM handler, which stops the runner from inside the
    # event loop's thread and leaves `Runner.astop` un-awaited; route it to our event instead.
    runner.handle_sigterm = lambda *_: loop.call_soon_threadsafe(stopping.set)
    loop.add_signal_handler(signal.SIGINT, stopping.set)
    started = asyncio.create_task(runner.start())
    announce("serving " + ", ".join(f"{d.flow_name}/{d.name}" for d in deployments)
             + "; Ctrl-C or SIGTERM stops")
    waiting = asyncio.create_task(stopping.wait())
    await asyncio.wait({started, waiting}, return_when=asyncio.FIRST_COMPLETED)
    if not started.done():
        announce("stopping: cancelling runs in progress and pausing the schedules")
        await runner.astop()
    waiting.cancel()
    await started
    loop.remove_signal_handler(signal.SIGINT)
