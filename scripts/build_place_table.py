"""Build the ACLED place table: the names ACLED uses for places, with its admin names and points.

    python scripts/build_place_table.py                       # -> extraction/data/acled_places.tsv.gz
    python scripts/build_place_table.py --exclude-region "South Asia" --out /tmp/places_no_sa.tsv.gz

Input: ACLED exports (`../shared/train/acled_corpus.csv.gz` and `../shared/data/*.csv` by default,
or any ACLED CSV files given with `--input`). The tables and how they are built:
`training.place_table` (also used by `eventpipe train` and the geography cross-validation).
`--exclude-region` leaves out every row of the given ACLED regions.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extraction.places.acled import COLUMNS  # noqa: E402,F401  (re-exported for the tests)
from training.place_table import (  # noqa: E402,F401  (re-exported for the benches)
    PlaceRow,
    read_rows,
    region_name,
    render,
    render_sources,
    source_table_from_rows,
    table_from_rows,
    write_place_table,
)
from training.place_table import build_place_table as _build  # noqa: E402

SHARED = REPO.parent / "shared"
DEFAULT_INPUTS = (SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv")))
DEFAULT_OUTPUT = REPO / "extraction" / "data" / "acled_places.tsv.gz"
DEFAULT_SOURCES = REPO / "extraction" / "data" / "acled_sources.tsv.gz"


def build_place_table(
    inputs: Iterable[Path] = DEFAULT_INPUTS, exclude_regions: Iterable[str] = ()
) -> list[PlaceRow]:
    """The place table of the given ACLED files (default: the shared ones), without `exclude_regions`."""
    return _build(inputs, exclude_regions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, action="append", help="ACLED CSV files (default: shared)")
    parser.add_argument("--exclude-region", action="append", default=[], help="leave this ACLED region out")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--sources-out", type=Path, default=DEFAULT_SOURCES)
    args = parser.parse_args(argv)
    rows = [row for path in args.input or DEFAULT_INPUTS for row in read_rows(Path(path))]
    table = table_from_rows(rows, args.exclude_region)
    write_place_table(table, args.out)
    print(f"{len(table)} places, {sum(r.count for r in table)} events -> {args.out}", file=sys.stderr)
    sources = source_table_from_rows(rows, args.exclude_region)
    args.sources_out.write_bytes(render_sources(sources))
    print(f"{len(sources)} sources -> {args.sources_out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
