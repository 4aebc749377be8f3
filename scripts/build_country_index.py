"""Build the gazetteer's per-country indexes: each country's folded place names (near spellings)
and the seat of each of its second-level units (district seats).

    python scripts/build_country_index.py     # -> extraction/data/gazetteer_by_country.tsv.gz

`extraction.places.country_index.country_names` and `district_seats` over the packaged place
rows (the functions the engine falls back on), written once so the engine does not group 235k
rows by country, fold a country's names and scan its rows for seats the first time it asks
about that country. Rebuild it after `scripts/build_gazetteer.py` or a change of `fold_name`
(a test checks it is current). Deterministic: sorted rows, gzip header without a timestamp or
file name.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extraction import packaged  # noqa: E402
from extraction.places.country_index import (  # noqa: E402
    COUNTRY_INDEX_FILE,
    country_names,
    district_seats,
    render_line,
    rows_by_country,
)
from extraction.places.gazetteer import PLACES_FILE, SUBDIVISION_ID_PREFIX  # noqa: E402

OUTPUT = REPO / "extraction" / "data" / COUNTRY_INDEX_FILE


def country_lines(place_rows: list[str]) -> list[str]:
    """One line per country (alpha-2, sorted) with a place or a seat: 'KE<TAB>names<TAB>seats'."""
    lines = []
    for alpha2, numbers in sorted(rows_by_country(place_rows).items()):
        if len(alpha2) != 2:
            continue
        names = country_names(place_rows, numbers, alpha2, SUBDIVISION_ID_PREFIX)
        seats = district_seats(place_rows, numbers, alpha2, SUBDIVISION_ID_PREFIX)
        if names or seats:
            lines.append(render_line(alpha2, names, seats))
    return lines


def render(lines: list[str]) -> bytes:
    """The gzipped TSV (header + one row per country)."""
    text = "country\tnames\tseats\n" + "".join(f"{line}\n" for line in lines)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def main() -> int:
    lines = country_lines(packaged.read_tsv_gz_rows(PLACES_FILE))  # the gazetteer's place rows
    OUTPUT.write_bytes(render(lines))
    print(f"{len(lines)} countries -> {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
