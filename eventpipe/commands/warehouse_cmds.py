"""Warehouse commands: `import-acled`, `sql` and `export` (thin clients of `warehouse`).

The library imports (polars, pandera, DuckDB) happen inside the handlers, so building the CLI
parser (`eventpipe --help`, other commands) does not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from eventpipe.errors import WarehouseError
from eventpipe.settings import Settings

if TYPE_CHECKING:
    import duckdb
    import polars as pl

    from warehouse.importer import ImportResult

SHOWN_REJECTS = 10
TABLE_ROWS = 100


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `import-acled`, `sql` and `export` to the `eventpipe` parser."""
    _add_import(subparsers)
    _add_sql(subparsers)
    _add_export(subparsers)


def _warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help="DuckDB warehouse file (default: $EVENTPIPE_WAREHOUSE or warehouse/events.duckdb)",
    )


def _add_import(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-acled",
        help="load ACLED export CSV files into the warehouse",
        description="Load ACLED exports (any vintage, dyadic or monadic). Events are upserted by "
        "event_id_cnty (newest timestamp wins); invalid rows go to the `rejects` table.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.csv", help="ACLED export CSV")
    parser.add_argument(
        "--show-rejects",
        type=int,
        default=SHOWN_REJECTS,
        metavar="N",
        help=f"print up to N rejected rows per file (default {SHOWN_REJECTS})",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait up to SECONDS for a pipeline run or another import to release the warehouse "
        "(default: fail at once)",
    )
    _warehouse_option(parser)
    parser.set_defaults(handler=run_import)


def _add_sql(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a read-only SQL query on the warehouse",
        description="Run one query (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN) on a sandboxed read-only "
        "connection: it cannot modify the warehouse, read or write other files, ATTACH, COPY, "
        "EXPORT, INSTALL, LOAD, SET or PRAGMA. Tables: events, documents, event_mentions, "
        "rejects, runs; views: acled_export, events_by_country_month_type, events_by_actor, "
        "events_by_admin1.",
    )
    parser.add_argument("query", help='the SQL, e.g. "SELECT country, count(*) FROM events GROUP BY 1"')
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output on stdout: a table (default), CSV with a header line, or a JSON array",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the result as a Parquet file instead of printing it ('-': stdout)",
    )
    parser.add_argument(
        "--allow-files",
        action="store_true",
        help="UNSAFE: let the query read files (read_csv, read_parquet, glob, ...) anywhere this "
        "user can; still read-only and one query, never COPY or ATTACH",
    )
    _warehouse_option(parser)
    parser.set_defaults(handler=run_sql)


def _add_export(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export events as Parquet or ACLED-format CSV",
        description="Parquet: OUT/events/ (zstd, hive-partitioned, ACLED columns + provenance). "
        "CSV: OUT/events.csv with exactly ACLED's 31 columns and header. Both are "
        "written to a temporary path and swapped in, so re-running replaces them.",
    )
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder (default: $EVENTPIPE_EXPORT_DIR or exports)",
    )
    parser.add_argument(
        "--partition-by",
        default="year,country",
        metavar="COLS",
        help="Parquet partition columns, comma-separated (default year,country; '' for none)",
    )
    parser.add_argument(
        "--where",
        default=None,
        metavar="FILTER",
        help="filter over the events columns, e.g. \"origin = 'acled' and year >= 2020\": "
        "comparisons (= != < <= > >=), in (...), between .. and .., like, is [not] null, "
        "and/or/not, parentheses; values are 'quoted text', numbers, true or false",
    )
    _warehouse_option(parser)
    parser.set_defaults(handler=run_export)


@contextmanager
def reading(warehouse: Path, sandbox: bool = True,
            writable_dirs: Sequence[Path] = ()) -> Iterator[duckdb.DuckDBPyConnection]:
    """A sandboxed read-only connection, waiting briefly while a load holds the warehouse."""
    from warehouse.connection import connect_reader

    con = connect_reader(warehouse, sandbox=sandbox, writable_dirs=writable_dirs)
    try:
        yield con
    finally:
        con.close()


def run_import(args: argparse.Namespace) -> int:
    """Import each file (each one transaction) and print a summary per file.

    Holds the warehouse lock that `eventpipe run` takes, so an import and a run never interleave.
    """
    from eventpipe.lock import warehouse_lock
    from warehouse.connection import WRITER_WAIT_SECONDS, connect_writer
    from warehouse.importer import import_acled

    settings = Settings.load({"warehouse": args.warehouse})
    with warehouse_lock(Path(settings.warehouse), wait_seconds=args.wait):
        con = connect_writer(settings.warehouse, wait_seconds=max(args.wait, WRITER_WAIT_SECONDS))
        try:
            for path in args.files:
                print(format_import(import_acled(con, path), args.show_rejects))
        finally:
            con.close()
    return 0


def format_import(result: ImportResult, shown: int) -> str:
    """The summary people read after an import, with the first rejected rows and reasons."""
    stats = result.stats
    if result.deletion_list:
        return (
            f"{result.source_file}: ACLED deletion list of {result.rows_read} rows; "
            f"removed {stats.removed} events (run {result.run_id})"
        )
    kind = " (monadic: rows merged by event_id_cnty)" if result.monadic else ""
    lines = [
        f"{result.source_file}: {result.rows_read} rows -> {result.events} events{kind}; "
        f"added {stats.added}, updated {stats.updated}, unchanged {stats.unchanged}, "
        f"rejected {stats.rejected} (run {result.run_id})"
    ]
    for row in result.rejects.head(shown).iter_rows(named=True):
        lines.append(
            f"  rejected row {row['row']} ({row['event_id_cnty'] or 'no event_id_cnty'}): {row['reasons']}"
        )
    if result.rejects.height > shown:
        lines.append(
            f"  ... {result.rejects.height - shown} more: "
            f"eventpipe sql \"SELECT * FROM rejects WHERE run_id = '{result.run_id}'\""
        )
        lines.extend(f"  {count} rows: {rule}" for rule, count in count_rules(result.rejects["reasons"]))
    return "\n".join(lines)


def count_rules(reasons: pl.Series) -> list[tuple[str, int]]:
    """How many rejected rows broke each rule ('column: check', values left out), most first."""
    rules = reasons.str.split("; ").explode().str.replace(r" \(got .*\)$", "").drop_nulls()
    counts = rules.value_counts(sort=True, name="n").rows()
    return [(rule, n) for rule, n in counts]


def run_sql(args: argparse.Namespace) -> int:
    """Run one query on a sandboxed read-only connection and print it (or write Parquet)."""
    from warehouse.query import check_query, run_query

    settings = Settings.load({"warehouse": args.warehouse})
    check_query(args.query)
    with reading(settings.warehouse, sandbox=not args.allow_files) as con:
        frame = run_query(con, args.query)
    if args.output is not None:
        write_parquet_output(frame, args.output)
    elif args.format == "csv":
        sys.stdout.write(frame_to_csv(frame))
    elif args.format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        print(format_table(frame))
    return 0


def write_parquet_output(frame: pl.DataFrame, output: Path) -> None:
    """The result as zstd Parquet, written by us (`-`: stdout; FIFOs and devices in place)."""
    from eventpipe.output_file import is_stdio, open_output

    with open_output(output, binary=True) as handle:
        frame.write_parquet(handle, compression="zstd")
    print(f"wrote {frame.height} rows to {output}", file=sys.stderr if is_stdio(output) else sys.stdout)


def frame_to_csv(frame: pl.DataFrame) -> str:
    """CSV text of `frame`; a nested column (list, struct) is a one-line error naming it."""
    import polars as pl

    for name, dtype in frame.schema.items():
        if dtype.is_nested() or dtype == pl.Object:
            raise WarehouseError(f"CSV cannot hold the nested type {dtype} of column {name!r}",
                                 column=name, hint="use --format json or --output FILE.parquet")
    return frame.write_csv()


def format_table(frame: pl.DataFrame) -> str:
    """A readable table of up to TABLE_ROWS rows, every column shown."""
    import polars as pl

    with pl.Config(
        tbl_rows=TABLE_ROWS,
        tbl_cols=-1,
        fmt_str_lengths=60,
        tbl_hide_dataframe_shape=True,
        tbl_width_chars=200,
    ):
        text = str(frame)
    more = f"\n({frame.height} rows, first {TABLE_ROWS} shown)" if frame.height > TABLE_ROWS else ""
    return text + more


def run_export(args: argparse.Namespace) -> int:
    """Export from a sandboxed read-only connection that may write only the export folder.

    The filter is compiled first, so a bad --where fails before the warehouse is even opened.
    """
    from warehouse.columns import EVENT_COLUMNS
    from warehouse.export import export_csv, export_parquet, staging_dir
    from warehouse.filter import compile_filter

    settings = Settings.load({"warehouse": args.warehouse, "export_dir": args.out})
    partition_by = tuple(c.strip() for c in args.partition_by.split(",") if c.strip())
    compile_filter(args.where, EVENT_COLUMNS)
    target = settings.export_dir / ("events.csv" if args.format == "csv" else "events")
    with reading(settings.warehouse, writable_dirs=[staging_dir(target)]) as con:
        if args.format == "csv":
            result = export_csv(con, target, where=args.where)
        else:
            result = export_parquet(con, target, partition_by, where=args.where)
    print(f"exported {result.rows} events to {result.path} ({result.files} files)")
    return 0
