"""Warehouse benchmark: import + validate + load, aggregation and Parquet export of 1M events.

Synthetic rows are made by resampling the real ACLED samples under tests/data (ids rewritten
to stay unique). Run: `.venv/bin/python bench/bench_warehouse.py [--rows 1000000]`.
Targets (2-core machine): import <= 30 s with peak RSS <= 2 GB; country x month x event_type
aggregation <= 0.3 s; Parquet export <= 5 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from warehouse.connection import connect
from warehouse.export import export_parquet
from warehouse.importer import import_acled

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SAMPLES = (DATA / "acled_kenya_1997_2019_sample.csv", DATA / "acled_2020_other_regions_sample.csv")
AGGREGATE_SQL = "SELECT * FROM events_by_country_month_type"


def make_csv(samples: list[Path], rows: int, out: Path) -> None:
    """Resample the samples' rows (with replacement) and give each a unique event_id_cnty."""
    frame = pl.concat([pl.read_csv(s, infer_schema=False) for s in samples], how="diagonal")
    frame = frame.drop("countycode", strict=False).filter(pl.col("event_id_cnty").is_not_null())
    synthetic = frame.sample(rows, with_replacement=True, seed=7).with_columns(
        pl.format(
            "{}{}", pl.col("event_id_cnty").str.slice(0, 3), pl.int_range(1, rows + 1).cast(pl.String)
        ).alias("event_id_cnty")
    )
    synthetic.write_csv(out)


def timed(label: str, func, results: dict[str, float]):
    start = time.perf_counter()
    value = func()
    results[label] = time.perf_counter() - start
    print(f"{label}: {results[label]:.3f} s")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=Path, action="append", help="an ACLED CSV to resample (repeatable)")
    parser.add_argument("--make", type=Path, help="only write the synthetic CSV to this path")
    args = parser.parse_args()
    results: dict[str, float] = {}
    samples = args.sample or list(SAMPLES)
    if args.make:
        make_csv(samples, args.rows, args.make)
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "synthetic.csv"
        # A child process writes the CSV, so peak RSS below is the import's, not the generator's.
        sample_args = [arg for s in samples for arg in ("--sample", str(s))]
        subprocess.run(
            [sys.executable, __file__, "--rows", str(args.rows), *sample_args, "--make", str(csv_path)],
            check=True,
        )
        print(f"synthetic CSV: {args.rows} rows, {csv_path.stat().st_size / 1e6:.0f} MB")
        con = connect(Path(tmp) / "bench.duckdb")
        result = timed("import+validate+load", lambda: import_acled(con, csv_path), results)
        print(f"  stats: {result.stats}")
        again = timed("re-import of the same file", lambda: import_acled(con, csv_path), results)
        print(f"  stats: {again.stats}")
        for _ in range(3):
            timed(
                "aggregate country x month x event_type", lambda: con.sql(AGGREGATE_SQL).fetchall(), results
            )
        exported = timed("parquet export", lambda: export_parquet(con, Path(tmp) / "parquet"), results)
        print(f"  {exported.rows} events in {exported.files} files")
        con.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
