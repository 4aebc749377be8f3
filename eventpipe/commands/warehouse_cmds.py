"""Warehouse commands: `import-acled`, `sql` and `export` (thin clients of `warehouse`).

The library imports (polars, pandera, DuckDB) happen inside the handlers, so building the CLI
parser (`eventpipe --help`, other commands) does not pay for them.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from eventpipe.errors import InputError
from eventpipe.settings import Settings

if TYPE_CHECKING:
    import polars as pl

    from warehouse.importer import ImportResult

SHOWN_REJECTS = 10
TABLE_ROWS = 100
MIN_COLUMN = 8  # a column narrower than this tells nothing: leave it out instead
MAX_COLUMN = 40


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
    _warehouse_option(parser)
    parser.set_defaults(handler=run_import)


def _add_sql(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run a read-only SQL query on the warehouse",
        description="Run SQL on a read-only connection (a query cannot modify the warehouse). "
        "Tables: events, documents, event_mentions, rejects, runs; views: acled_export, "
        "events_by_country_month_type, events_by_actor, events_by_admin1.",
    )
    parser.add_argument("query", help='the SQL, e.g. "SELECT country, count(*) FROM events GROUP BY 1"')
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output on stdout: a table (default), CSV with a header line, or a JSON array",
    )
    parser.add_argument(
        "--max-width",
        type=int,
        default=None,
        metavar="CHARS",
        help="table width (default: the terminal's; unlimited when stdout is not a terminal; "
        "0: unlimited). Columns that do not fit are left out and named below the table",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the result as a Parquet file instead of printing it",
    )
    _warehouse_option(parser)
    parser.set_defaults(handler=run_sql)


def _add_export(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export events as Parquet or ACLED-format CSV",
        description="Parquet: OUT/parquet/ (zstd, hive-partitioned year=/country=, ACLED columns + "
        "provenance; the same folder `eventpipe run` writes). CSV: OUT/events.csv, an ACLED export "
        "(ACLED's columns, header and order). Imported ACLED rows are written the way their file "
        "had them unless --labels/--date-format/--shape say otherwise, so an import exports back "
        "unchanged; extracted events follow the current ACLED conventions (text labels, ISO "
        "dates, dyadic). Both are written to a temporary path and swapped in.",
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
        default=None,
        metavar="COLS",
        help="Parquet only: partition columns, comma-separated (default year,country; '' for none)",
    )
    parser.add_argument(
        "--where",
        default=None,
        metavar="SQL",
        help="filter over the events table, e.g. \"origin = 'acled' AND year >= 2020\"",
    )
    parser.add_argument("--labels", choices=("text", "numeric"), default=None,
                        help="CSV: inter1/inter2/interaction as text ('State forces', current ACLED "
                             "files) or numbers (1, older files); default: as imported, else text")
    parser.add_argument("--date-format", choices=("iso", "acled"), default=None,
                        help="CSV: event_date as 2024-08-05 (iso) or 5-Aug-24 (acled, ACLED's "
                             "downloads); default: as imported, else iso")
    parser.add_argument("--shape", choices=("dyadic", "monadic"), default=None,
                        help="CSV: one row per event (dyadic) or per actor (monadic, no actor2 "
                             "columns); default: as imported, else dyadic")
    _warehouse_option(parser)
    parser.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    """Import each file (each one transaction) and print a summary per file."""
    from warehouse.connection import connect
    from warehouse.importer import import_acled

    settings = Settings.load({"warehouse": args.warehouse})
    con = connect(settings.warehouse)
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
    """Run the query read-only and print it (or write Parquet)."""
    from warehouse.connection import connect
    from warehouse.query import run_query

    settings = Settings.load({"warehouse": args.warehouse})
    con = connect(settings.warehouse, read_only=True)
    try:
        frame = run_query(con, args.query)
    finally:
        con.close()
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(args.output, compression="zstd")
        print(f"wrote {frame.height} rows to {args.output}")
    elif args.format == "csv":
        sys.stdout.write(frame.write_csv())
    elif args.format == "json":
        sys.stdout.write(json_ready(frame).write_json() + "\n")
    else:
        print(format_table(frame, table_width(args.max_width)))
    return 0


def json_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """Decimals (DuckDB's sum() of integers is a DECIMAL or HUGEINT) as JSON numbers, not strings:
    whole numbers as integers when they fit in 64 bits, others as floats."""
    import polars as pl

    wide = [name for name, dtype in frame.schema.items()
            if isinstance(dtype, pl.Decimal) or dtype in (pl.Int128, pl.UInt64)]
    return frame.with_columns(_as_json_number(frame[name]) for name in wide)


def _as_json_number(series: pl.Series) -> pl.Series:
    import polars as pl

    whole = not isinstance(series.dtype, pl.Decimal) or series.dtype.scale == 0
    as_int = series.cast(pl.Int64, strict=False)
    if whole and as_int.null_count() == series.null_count():
        return as_int
    return series.cast(pl.Float64)


def table_width(requested: int | None) -> int | None:
    """Characters a table may use: --max-width (0: no limit), else the terminal's width when
    stdout is a terminal, else no limit (a pipe or a file gets every column)."""
    if requested is not None:
        return None if requested <= 0 else requested
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((120, 24)).columns
    return None


def format_table(frame: pl.DataFrame, width: int | None = None) -> str:
    """A rich table of up to TABLE_ROWS rows that fits `width` characters (None: no limit).

    Like DuckDB's own shell, columns that do not fit are left out (counted from the left, each
    at least MIN_COLUMN wide, long values cut with an ellipsis) and named below the table,
    instead of squeezing every column to a few characters.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    shown_rows = frame.head(TABLE_ROWS)
    cells = {name: [_cell(v) for v in shown_rows[name].to_list()] for name in frame.columns}
    widths = {name: min(MAX_COLUMN, max([len(name), *map(len, cells[name])])) for name in frame.columns}
    columns = _fitting_columns(frame.columns, widths, width)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name in columns:
        numeric = frame.schema[name].is_numeric()
        table.add_column(name, justify="right" if numeric else "left", no_wrap=True, overflow="ellipsis",
                         min_width=widths[name] if name != columns[0] else None, max_width=MAX_COLUMN)
    for index in range(shown_rows.height):
        table.add_row(*(cells[name][index] for name in columns))
    total = sum(widths[name] + 3 for name in columns)
    console = Console(width=total if width is None else max(MIN_COLUMN, min(width, total)),
                      file=io.StringIO(), color_system=None, force_terminal=False, soft_wrap=False)
    console.print(table)
    return console.file.getvalue().rstrip("\n") + _footer(frame, columns)


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("\n", " ")


def _fitting_columns(names: list[str], widths: dict[str, int], limit: int | None) -> list[str]:
    """Columns from the left, each at its natural width (up to MAX_COLUMN), while they fit."""
    if limit is None:
        return list(names)
    chosen, used = [], 0
    for name in names:
        need = widths[name] + 3
        if chosen and used + need > limit:
            break
        chosen.append(name)
        used += need
    return chosen


def _footer(frame: pl.DataFrame, columns: list[str]) -> str:
    notes = []
    if frame.height > TABLE_ROWS:
        notes.append(f"{frame.height} rows, first {TABLE_ROWS} shown")
    elif frame.height != 1:
        notes.append(f"{frame.height} rows")
    hidden = [c for c in frame.columns if c not in columns]
    if hidden:
        named = ", ".join(hidden[:6]) + (f" and {len(hidden) - 6} more" if len(hidden) > 6 else "")
        notes.append(f"{len(frame.columns)} columns, {len(columns)} shown; not shown: {named} "
                     f"(--max-width 0 or --format csv for all)")
    return f"\n({'; '.join(notes)})" if notes else ""


def run_export(args: argparse.Namespace) -> int:
    """Export from a read-only connection (a --where cannot modify anything)."""
    from warehouse.connection import connect
    from warehouse.export import CSV_FILE, PARQUET_DIR, export_csv, export_parquet

    settings = Settings.load({"warehouse": args.warehouse, "export_dir": args.out})
    if args.format == "csv" and args.partition_by is not None:
        raise InputError("--partition-by applies to Parquet only (the CSV is one ACLED export file)",
                         column="--partition-by", hint="filter with --where instead")
    if args.format == "parquet" and (args.labels or args.date_format or args.shape):
        raise InputError("--labels, --date-format and --shape apply to the CSV export only",
                         hint="Parquet keeps typed columns: numeric inter codes and dates")
    partition_by = tuple(c.strip() for c in (args.partition_by or "year,country").split(",") if c.strip())
    if args.partition_by == "":
        partition_by = ()
    con = connect(settings.warehouse, read_only=True)
    try:
        if args.format == "csv":
            result = export_csv(con, settings.export_dir / CSV_FILE, where=args.where, labels=args.labels,
                                date_format=args.date_format, shape=args.shape)
        else:
            result = export_parquet(con, settings.export_dir / PARQUET_DIR, partition_by, where=args.where)
    finally:
        con.close()
    print(f"exported {result.rows} {'rows' if args.format == 'csv' else 'events'} to {result.path} "
          f"({result.files} files)")
    return 0
