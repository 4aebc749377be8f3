"""Round trip of real ACLED exports: import, export CSV and Parquet, compare (issue 12).

    .venv/bin/python bench/acled_round_trip.py [FILE.csv ...]   # default: ../shared/data/*.csv

For each file: rows in and out, cells that differ (tests/warehouse/acled_compare.py), how many
rows match the checks analysts run (`inter1 == "State forces"`, `civilian_targeting ==
"Civilian targeting"`) in the file and in our CSV, and whether `pandas.read_parquet(dir)` opens
the Parquet export. Only public functions (import_acled, export_csv, export_parquet) are used, so
the same script measures an older checkout (PYTHONPATH=that checkout) for a before/after.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FILES = sorted((REPO.parent / "shared" / "data").glob("*.csv"))
CHECKS = (("inter1", "State forces"), ("civilian_targeting", "Civilian targeting"))


def count(path: Path, column: str, value: str) -> int:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return sum(row.get(column) == value for row in csv.DictReader(handle))


def pandas_reads(folder: Path) -> str:
    try:
        import pandas as pd
    except ImportError:
        return "pandas not installed"
    try:
        return f"ok ({len(pd.read_parquet(folder))} rows)"
    except Exception as error:  # noqa: BLE001 - the measurement is whether it fails, and how
        return f"fails: {str(error).splitlines()[0][:100]}"


def measure(path: Path, tmp: Path) -> dict[str, object]:
    from warehouse.connection import connect
    from warehouse.export import export_csv, export_parquet
    from warehouse.importer import import_acled

    con = connect(tmp / f"{path.stem}.duckdb")
    imported = import_acled(con, path)
    out = tmp / f"{path.stem}.csv"
    export_csv(con, out)
    export_parquet(con, tmp / f"{path.stem}_parquet")
    con.close()
    report: dict[str, object] = {"file": path.name, "rows_read": imported.rows_read,
                                 "rejected": imported.stats.rejected}
    try:
        sys.path.insert(0, str(REPO))
        from tests.warehouse.acled_compare import compare

        comparison = compare(path, out, {k or "" for k in imported.rejects["event_id_cnty"].to_list()})
        report.update(rows_out=comparison.rows_out, cells_differing=dict(comparison.differing),
                      missing_rows=len(comparison.missing_rows), identical=comparison.identical)
    except ImportError:
        pass
    for column, value in CHECKS:
        report[f"{column} == {value!r}"] = {"file": count(path, column, value),
                                            "ours": count(out, column, value)}
    report["pd.read_parquet(dir)"] = pandas_reads(tmp / f"{path.stem}_parquet")
    return report


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT_FILES
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            print(json.dumps(measure(path, Path(tmp)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
