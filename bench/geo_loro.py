"""Leave-one-region-out geography benchmark: country, admin1, admin2, location, coordinates.

    .venv/bin/python bench/geo_loro.py [--per-fold 500] [--seed 0] [--folds "South Asia,Europe"]
                                      [--no-table] [--holdout rows] [--report /tmp/geo_loro.json]

The measure and its error kinds are `training.geo_cv` (what `eventpipe evaluate --cv region`
reports); this script runs it on the shared corpus: the place and source tables are rebuilt
from the corpus and `../shared/data` without each held-out region, and a seeded sample of the
corpus's notes of that region is scored. `--no-table` runs the GeoNames gazetteer alone (the
baseline before the place table existed); `--holdout rows` builds the table from everything
but the scored events (new events in regions the table knows: what users of those regions get,
but not leave-one-region-out). Only aggregates are printed or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_place_table import DEFAULT_INPUTS, read_rows  # noqa: E402

from training.cv import FOLDS  # noqa: E402  (the folds evaluate --cv region uses)
from training.geo_cv import format_geo_report, place_rows, run_geo_loro, scorable  # noqa: E402


def read_corpus() -> tuple[list[dict], list[dict]]:
    """(every row of the corpus and shared/data for the place tables; corpus rows with notes and
    a coded place, the evaluation pool)."""
    everything: list[dict] = []
    pool: list[dict] = []
    for path in DEFAULT_INPUTS:
        rows = place_rows(read_rows(path))
        everything += rows
        if path == DEFAULT_INPUTS[0]:
            pool += scorable(rows)
    return everything, pool


def main() -> int:
    from extraction.engine import Resources

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-fold", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", default=",".join(FOLDS), help="comma-separated fold names")
    parser.add_argument("--no-table", action="store_true", help="the gazetteer alone (baseline)")
    parser.add_argument("--holdout", choices=("region", "rows"), default="region",
                        help="what the place table leaves out: the held-out region or the scored rows")
    parser.add_argument("--report", type=Path, default=None, help="also write the results as JSON")
    args = parser.parse_args()
    everything, pool = read_corpus()
    report = run_geo_loro(
        everything, Resources.load(), pool, args.per_fold, args.seed, args.holdout,
        [f.strip() for f in args.folds.split(",")], lambda m: print(m, file=sys.stderr), not args.no_table,
    )
    print(format_geo_report(report))
    if args.report:
        args.report.write_text(json.dumps(report.as_dict(), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
