"""`eventpipe serve`: the pipeline (and export) as Prefect deployments served from this process."""

from __future__ import annotations

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


def serve_deployments(settings: Settings, interval: float | None = None) -> None:
    """Register the deployments and serve them until interrupted (blocks).

    The pipeline runs on `settings.schedule_cron` (default hourly), or every `interval` seconds
    when given; the export deployment has no schedule (trigger it from the UI or the CLI).
    Needs a Prefect server with a scheduler at PREFECT_API_URL.
    """
    from prefect import serve

    from flows.acled import export_flow
    from flows.pipeline import pipeline_flow

    schedule: dict[str, object] = {"interval": interval} if interval else {"cron": settings.schedule_cron}
    pipeline = pipeline_flow.to_deployment(name=PIPELINE_DEPLOYMENT, parameters=pipeline_parameters(settings),
                                           **schedule)
    export = export_flow.to_deployment(name=EXPORT_DEPLOYMENT, parameters={
        "warehouse": str(Path(settings.warehouse).resolve()),
        "out": str((Path(settings.export_dir) / PARQUET_DIR).resolve())})
    serve(pipeline, export)
