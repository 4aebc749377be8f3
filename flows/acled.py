"""The `import_acled` and `export` flows: thin wrappers over warehouse.importer and warehouse.export."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventpipe.errors import InputError
from eventpipe.lock import warehouse_lock

ACLED_SUFFIXES = (".csv",)


def acled_files(path: Path) -> list[Path]:
    """`path` itself, or the ACLED CSV exports directly inside the folder `path`, sorted."""
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ACLED_SUFFIXES)
        if files:
            return files
        raise InputError("folder has no .csv files", file=str(path))
    raise InputError("no such file or folder", file=str(path))


@task(name="import-acled-file", cache_policy=NO_CACHE)
def import_file_task(warehouse: str, path: str) -> dict[str, object]:
    """Import one export (its own run and transaction); returns its load stats."""
    from warehouse.connection import WRITER_WAIT_SECONDS, connect_writer
    from warehouse.importer import import_acled

    con = connect_writer(Path(warehouse), wait_seconds=WRITER_WAIT_SECONDS)
    try:
        result = import_acled(con, Path(path))
    finally:
        con.close()
    return {"file": path, "rows_read": result.rows_read, **result.stats.as_dict()}


@flow(name="import-acled", validate_parameters=False)
def import_acled_flow(path: str, warehouse: str = "warehouse/events.duckdb") -> list[dict[str, object]]:
    """Import an ACLED export, or every `.csv` in a folder, one file (and transaction) at a time:
    a bad file fails alone, files already imported stay imported."""
    files = acled_files(Path(path))
    logger = get_run_logger()
    results = []
    with warehouse_lock(Path(warehouse)):  # the lock `eventpipe run` and `import-acled` take
        for file in files:
            stats = import_file_task(warehouse, str(file))
            logger.info("imported %s: %s", file, stats)
            results.append(stats)
    return results


@task(name="export-events", retries=1, cache_policy=NO_CACHE)
def export_events_task(warehouse: str, out: str, fmt: str, where: str | None) -> dict[str, object]:
    """Export the warehouse's events as Parquet (folder) or ACLED CSV (file)."""
    from warehouse.connection import connect_reader
    from warehouse.export import export_csv, export_parquet, staging_dir

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    con = connect_reader(Path(warehouse), writable_dirs=[staging_dir(Path(out))])
    try:
        if fmt == "csv":
            result = export_csv(con, Path(out), where)
        else:
            result = export_parquet(con, Path(out), where=where)
    finally:
        con.close()
    return {"path": str(result.path), "rows": result.rows, "files": result.files}


@flow(name="export", validate_parameters=False)
def export_flow(warehouse: str = "warehouse/events.duckdb", out: str = "exports/parquet",
                fmt: str = "parquet", where: str | None = None) -> dict[str, object]:
    """Export events (all, or those matching the filter `where`, see warehouse.filter) without
    running the pipeline. A sandboxed reader: it does not wait for a run to finish extracting."""
    if fmt not in ("parquet", "csv"):
        raise InputError(f"unknown export format {fmt!r}", hint="use parquet or csv")
    return export_events_task(warehouse, out, fmt, where)
