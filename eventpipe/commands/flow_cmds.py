"""`eventpipe run`, `eventpipe serve`, `eventpipe status`: the orchestration commands.

Prefect is imported only inside the handlers, after its environment is set (quiet logging, no
telemetry), so the other commands stay fast and Prefect's logging obeys `--quiet`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from eventpipe.errors import InputError
from eventpipe.lock import lock_path, warehouse_lock
from eventpipe.settings import Settings

PAUSE_ENV = "EVENTPIPE_TEST_PAUSE_BEFORE_COMMIT"
DEFAULT_STATUS_RUNS = 10
SERVE_STARTUP_SECONDS = 300.0  # a long-lived server may take its time to start on a busy machine


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add run, serve and status to the `eventpipe` parser."""
    run = subparsers.add_parser("run", help="run the pipeline once: raw/ -> warehouse -> Parquet",
                                description="Extract events from new or changed documents in the raw "
                                            "folder, sync them into the warehouse, export Parquet.")
    _add_settings_flags(run)
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait up to SECONDS for another run to release the warehouse "
                          "(default: fail at once)")
    run.set_defaults(handler=run_pipeline)

    serve = subparsers.add_parser("serve", help="serve the pipeline on a schedule (Prefect deployments)",
                                  description="Register Prefect deployments and run the pipeline on a cron "
                                              "schedule until interrupted. Without PREFECT_API_URL a local "
                                              "Prefect server is started for the duration.")
    _add_settings_flags(serve)
    serve.add_argument("--cron", dest="schedule_cron", metavar="CRON",
                       help="cron schedule (default: EVENTPIPE_SCHEDULE_CRON or hourly '0 * * * *')")
    serve.add_argument("--interval", type=float, metavar="SECONDS",
                       help="run every SECONDS instead of on the cron schedule")
    serve.set_defaults(handler=serve_pipeline)

    status = subparsers.add_parser("status", help="last runs and row counts of the warehouse",
                                   description="Show the last runs and table counts (read-only).")
    status.add_argument("--warehouse", type=Path, help="DuckDB file (default: EVENTPIPE_WAREHOUSE)")
    status.add_argument("--runs", type=int, default=DEFAULT_STATUS_RUNS, help="how many runs to show")
    status.set_defaults(handler=show_status)


def _add_settings_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw-dir", type=Path,
                        help="folder of documents (default: EVENTPIPE_RAW_DIR or raw)")
    parser.add_argument("--warehouse", type=Path, help="DuckDB file (default: EVENTPIPE_WAREHOUSE)")
    parser.add_argument("--export-dir", type=Path,
                        help="export folder (default: EVENTPIPE_EXPORT_DIR or exports)")
    parser.add_argument("--task-runner", choices=("local", "dask"), help="where extraction tasks run")
    parser.add_argument("--dask-address", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--dask-workers", type=int, help="workers of the local Dask cluster (default 2)")
    parser.add_argument("--batch-size", type=int, help="documents per extraction task (default 50)")
    parser.add_argument("--model", metavar="DIR",
                        help="typing model: a directory from `eventpipe train`, 'default' (the packaged "
                             "model) or 'none' (rules alone); default: EVENTPIPE_MODEL or 'default'")


def load_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment, overridden by the flags given on the command line."""
    names = ("raw_dir", "warehouse", "export_dir", "task_runner", "dask_address", "dask_workers",
             "batch_size", "schedule_cron", "model")
    return Settings.load({name: getattr(args, name, None) for name in names})


def prepare_prefect(verbose: bool, quiet: bool = False) -> None:
    """Prefect reads its settings at import: set them first. Telemetry off (no network here);
    Prefect's own INFO logs only with -v, so the progress bar and summary stay readable;
    `quiet` leaves errors only (ours and Prefect's)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if quiet:
        os.environ["PREFECT_LOGGING_LEVEL"] = "ERROR"
        logging.getLogger().setLevel(logging.ERROR)
    elif not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def run_pipeline(args: argparse.Namespace) -> int:
    """Run the pipeline flow once and print what it did.

    Order matters for start-up time: take the lock (fail fast), start Prefect's temporary server
    (unless PREFECT_API_URL is set) so it boots while Prefect and the pipeline are imported, then
    run the flow. Flow-run heartbeats are off: they detect crashed runs of workers, and stopping
    their thread costs up to a second at the end of a foreground run.
    """
    settings = load_settings(args)
    _check_model(settings.model)
    if not Path(settings.raw_dir).is_dir():
        raise InputError("raw folder does not exist", file=str(settings.raw_dir),
                         hint="set EVENTPIPE_RAW_DIR or pass --raw-dir")
    prepare_prefect(args.verbose, args.quiet)
    pause = float(os.environ.get(PAUSE_ENV) or 0)
    with warehouse_lock(Path(settings.warehouse), wait_seconds=args.wait), _prefect_api() as wait_for_api:
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        from flows.pipeline import pipeline_flow
        from flows.progress import reporting_progress
        from flows.serve import pipeline_parameters

        wait_for_api()
        with (temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
              _progress_bar(enabled=not args.quiet and sys.stderr.isatty()) as callback,
              reporting_progress(callback)):
            summary = pipeline_flow(**pipeline_parameters(settings, pause))
    if not args.quiet:
        summary.wall_seconds = _seconds_since_process_start()
        print(summary.to_text())
    return 0


def _check_model(choice: str) -> None:
    """A --model / EVENTPIPE_MODEL that names no model fails here, in one line, before any work."""
    from extraction.learned import ModelError
    from extraction.learned.model import resolve_model_dir

    try:
        resolve_model_dir(choice)
    except ModelError as error:
        hint = "pass a directory written by `eventpipe train`, 'default' or 'none'"
        raise InputError(str(error), hint=hint) from error


def _seconds_since_process_start() -> float | None:
    """Wall time of this command so far, interpreter start-up and imports included."""
    import psutil

    try:
        return time.time() - psutil.Process().create_time()
    except psutil.Error:
        return None


@contextmanager
def _prefect_api() -> Iterator[Callable[[], None]]:
    """Use PREFECT_API_URL if set; else start the temporary server now (see flows.server)."""
    if os.environ.get("PREFECT_API_URL"):
        yield lambda: None
        return
    from flows.server import temporary_api_server

    with temporary_api_server() as (api_url, wait):
        os.environ["PREFECT_API_URL"] = api_url
        try:
            yield wait
        finally:
            os.environ.pop("PREFECT_API_URL", None)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[object]:
    """A rich progress bar on stderr fed by the flow's `report(done, total)` calls."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("extracting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True, console=None) as progress:
        task_id = progress.add_task("extract", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task_id, completed=done, total=total)

        yield update


def serve_pipeline(args: argparse.Namespace) -> int:
    """Serve the deployments; start a local Prefect server (with its UI) when none is configured.

    Served runs log at INFO (to this terminal and to Prefect) unless --quiet; Ctrl-C and SIGTERM
    stop serving cleanly (see flows.serve.serve_deployments).
    """
    settings = load_settings(args)
    if not args.verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "ERROR" if args.quiet else "INFO"
    prepare_prefect(args.verbose, args.quiet)
    from flows.serve import serve_deployments

    def announce(message: str) -> None:
        if not args.quiet:
            print(f"eventpipe serve: {message}", file=sys.stderr, flush=True)

    if os.environ.get("PREFECT_API_URL"):
        announce(f"Prefect API at {os.environ['PREFECT_API_URL']}")
        serve_deployments(settings, args.interval, announce)
        announce("stopped")
        return 0
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.server import local_prefect_server

    with local_prefect_server(ui=True, timeout=SERVE_STARTUP_SECONDS) as api_url:
        announce(f"Prefect UI at {api_url.removesuffix('/api')} (API {api_url}), for as long as this runs")
        os.environ["PREFECT_API_URL"] = api_url  # for the flow-run subprocesses the runner starts
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            serve_deployments(settings, args.interval, announce)
    announce("stopped")
    return 0


def show_status(args: argparse.Namespace) -> int:
    """Print the last runs and row counts from a read-only connection."""
    from flows.queries import recent_runs, table_counts
    from warehouse.connection import connect

    settings = Settings.load({"warehouse": args.warehouse})
    holder = _lock_holder(Path(settings.warehouse))
    if holder:
        print(f"a run is in progress (pid {holder})")
    con = connect(Path(settings.warehouse), read_only=True)
    try:
        runs, counts = recent_runs(con, args.runs), table_counts(con)
    finally:
        con.close()
    print(f"warehouse {settings.warehouse}")
    print(format_runs(runs))
    print("\n".join(f"{what:<24}{n:>10}" for what, n in counts))
    return 0


def _lock_holder(warehouse: Path) -> str | None:
    """Who holds the run lock ('4242: eventpipe run'), or None when no run holds it."""
    from eventpipe.errors import WarehouseLocked

    if not lock_path(warehouse).exists():
        return None
    try:
        with warehouse_lock(warehouse):
            return None
    except WarehouseLocked as locked:
        return f"{locked.pid if locked.pid is not None else 'unknown'}" + (
            f": {locked.command}" if locked.command else ""
        )


def format_runs(runs: list[dict[str, object]]) -> str:
    """A fixed-width table of runs with the key counts from their stats."""
    header = f"{'run_id':<26} {'kind':<13} {'status':<8} {'started (UTC)':<19} {'secs':>7}  counts"
    lines = [header]
    for run in runs:
        seconds = "" if run["seconds"] is None else f"{float(run['seconds']):.1f}"
        started = str(run["started_at"])[:19]
        lines.append(f"{run['run_id']:<26} {run['kind']:<13} {run['status']:<8} {started:<19} "
                     f"{seconds:>7}  {_counts(run['stats'])}")
    return "\n".join(lines) if runs else "no runs yet"


def _counts(stats: object) -> str:
    data = json.loads(stats) if isinstance(stats, str) else (stats or {})
    keys = ("documents_new", "documents_changed", "documents_removed", "added", "events_added",
            "updated", "events_updated", "removed", "events_removed", "rejected", "rejects", "error")
    return " ".join(f"{key}={data[key]}" for key in keys if key in data and data[key] not in (None, 0, ""))
