"""Per-country indexes of the GeoNames place table: the names a near spelling is compared with,
and the seat of each second-level unit (district, county, department).

`Gazetteer.near_spelling` compares a name the gazetteer lacks with the names of one country that
start with the same letter and are at most two letters longer or shorter; `district_seat` codes
a district at its most populous place. Both read only the packaged place table, so
`scripts/build_country_index.py` writes them once, one line per country: grouping the 235k place
rows by country, folding a country's names and finding its seats cost ~0.4 s per process on
1 MB of notes (33 countries). The ACLED place table's names join the spelling index when a
country's index is built, as that table can be swapped (leave-one-region-out). A gazetteer with
other place rows, or a missing file, computes both from its rows (`country_names`,
`district_seats`): the functions the build script writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import groupby

from eventpipe.errors import DataFileError
from extraction import packaged
from extraction.places.spelling import fold_name, fold_names

COUNTRY_INDEX_FILE = "gazetteer_by_country.tsv.gz"  # alpha2, 'name|name', 'unit=row|unit=row'

# (first letter, length without spaces) -> (name without spaces, its number in the sorted keys)
Spellings = dict[tuple[str, int], list[tuple[str, int]]]


def rows_by_country(place_rows: list[str]) -> dict[str, list[int]]:
    """Country code (the first two letters of the admin1 key) -> its row numbers, in file order:
    one pass over the rows, which come in runs of one country (one extend per run)."""
    groups: dict[str, list[int]] = {}
    start = 0  # a generator, not a list: 235k two-letter strings would raise the peak RSS
    for code, run in groupby(line.split("\t", 3)[2][:2] for line in place_rows):
        end = start + sum(1 for _ in run)
        groups.setdefault(code, []).extend(range(start, end))
        start = end
    return groups


def country_names(
    place_rows: list[str], numbers: Iterable[int], alpha2: str, skipped_prefix: str
) -> list[str]:
    """Folded names of a country's places among the rows `numbers`, leaving out the rows whose id
    starts with `skipped_prefix` (subdivisions, not settlements); duplicates kept."""
    rows = (place_rows[number].split("\t", 3) for number in numbers)
    names = [f[1] for f in rows if f[2].startswith(alpha2) and not f[0].startswith(skipped_prefix)]
    return fold_names(names)


def district_seats(
    place_rows: list[str], numbers: Iterable[int], alpha2: str, skipped_prefix: str
) -> dict[str, int]:
    """Folded second-level unit name -> the row of its most populous place (the first of equals
    in row order) among the country's rows `numbers`, subdivisions left out."""
    seats: dict[str, int] = {}
    best: dict[str, int] = {}
    for number in numbers:
        ident, _name, admin1_key, admin2, _lat, _lon, population = place_rows[number].split("\t")
        if not admin2 or not admin1_key.startswith(alpha2) or ident.startswith(skipped_prefix):
            continue
        key = fold_name(admin2)
        if int(population) > best.get(key, -1):
            best[key], seats[key] = int(population), number
    return seats


def group_spellings(keys: list[str]) -> Spellings:
    """The index of sorted folded names `keys` (an empty name is skipped but keeps its number)."""
    spellings: Spellings = {}
    for number, key in enumerate(keys):
        if key:
            spelled = key.replace(" ", "")
            spellings.setdefault((key[0], len(spelled)), []).append((spelled, number))
    return spellings


class PackagedCountries:
    """The packaged file's lines by country; a country's line is split when it is asked about."""

    __slots__ = ("_lines",)

    def __init__(self, lines: list[str]) -> None:
        self._lines = {line[: line.index("\t")]: line for line in lines}

    def names(self, alpha2: str) -> list[str]:
        """The sorted, distinct folded names of the country's places ([] for none)."""
        line = self._lines.get(alpha2)
        field = line.split("\t")[1] if line is not None else ""
        return field.split("|") if field else []

    def seats(self, alpha2: str) -> dict[str, int]:
        """`district_seats` of the country ({} for none)."""
        line = self._lines.get(alpha2)
        field = line.split("\t")[2] if line is not None else ""
        pairs = (pair.rpartition("=") for pair in field.split("|")) if field else ()
        return {unit: int(row) for unit, _, row in pairs}

    def countries(self) -> list[str]:
        return list(self._lines)


def read_country_index(filename: str = COUNTRY_INDEX_FILE) -> PackagedCountries | None:
    """The packaged per-country indexes (`scripts/build_country_index.py`), None when not built."""
    try:
        rows = packaged.read_tsv_gz_rows(filename)
    except DataFileError:
        return None
    return packaged.parse(filename, lambda: PackagedCountries(rows))


@cache
def packaged_countries() -> PackagedCountries | None:
    """The packaged file, read once per process (None when it was not built)."""
    return read_country_index()


def render_line(alpha2: str, names: list[str], seats: dict[str, int]) -> str:
    """One line of the packaged file: the country, its distinct names sorted, its seats."""
    units = "|".join(f"{unit}={row}" for unit, row in sorted(seats.items()))
    return f"{alpha2}\t{'|'.join(sorted(set(names)))}\t{units}"
