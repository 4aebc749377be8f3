"""The ACLED place and source tables: the names ACLED uses for places, with its admin names and
points, and the news outlets it cites for one country almost only.

Built from ACLED rows (dicts with ACLED's column names: exports, the shared corpus, the
warehouse's ACLED-origin events) by `scripts/build_place_table.py` for the packaged tables, by
`eventpipe train` beside a model (`write_model_tables`), and per held-out region by the
geography cross-validation (`training.geo_cv`). One row per distinct (country, admin1, admin2,
admin3, location) that ACLED coded, with the most frequent coordinates of that place, the most
frequent geo_precision, the last year it was used and `count`, how many events used it. Notes
and every other column stay behind: the tables hold names, admin names, coordinates and counts
only (ACLED data, see the README for attribution).

The build is deterministic: the same input gives a byte-identical file (rows sorted, gzip header
without a timestamp or file name).
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from extraction.places import ACLED_FILE as PLACES_FILE  # the names the engine reads
from extraction.places import (
    SOURCES_FILE,
    fold_name,  # the lookup key is the gazetteer's
)
from extraction.places.acled import COLUMNS, SOURCE_COLUMNS  # the layout the engine reads

# A source names a country when ACLED used it at least this often, nearly always for that country.
SOURCE_MIN_EVENTS = 2
SOURCE_MIN_SHARE = 0.8

# ACLED renamed two regions; older files carry the old names.
REGION_NAMES = {"Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia"}


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place as ACLED codes it, with how often ACLED used it; `key` is its folded name, the
    gazetteer's lookup key (so loading the table folds nothing)."""

    key: str
    location: str
    admin1: str
    admin2: str
    admin3: str
    country: str
    iso: str
    region: str
    latitude: str
    longitude: str
    geo_precision: str
    year: str
    count: int

    def as_line(self) -> str:
        values = [getattr(self, name) for name in COLUMNS]
        return "\t".join(str(v) for v in values)


def region_name(value: str) -> str:
    """ACLED's current name of a region ('South-Eastern Asia' -> 'Southeast Asia')."""
    value = " ".join(value.split())
    return REGION_NAMES.get(value, value)


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an ACLED CSV (plain or gzipped)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _clean(value: str | None) -> str:
    return " ".join((value or "").replace("\t", " ").split())


def _number(value: str | None, digits: int) -> str | None:
    """A float rounded to `digits` as text ('15.712' -> '15.7120'), None when not a number."""
    try:
        number = float(value or "")
    except ValueError:
        return None
    return None if number != number else f"{number:.{digits}f}"


def _integer(value: str | None) -> str:
    number = _number(value, 0)
    return "" if number is None else str(int(float(number)))


@dataclass
class _Tally:
    count: int = 0
    points: Counter | None = None
    precisions: Counter | None = None
    isos: Counter | None = None
    year: int = 0


def _key(row: dict[str, str]) -> tuple[str, ...] | None:
    location, country = _clean(row.get("location")), _clean(row.get("country"))
    if not location or not country:
        return None
    admins = tuple(_clean(row.get(name)) for name in ("admin1", "admin2", "admin3"))
    return (country, *admins, location)


def tally(rows: Iterable[dict[str, str]], exclude_regions: frozenset[str]) -> dict[tuple, tuple[str, _Tally]]:
    """(country, admin1, admin2, admin3, location) -> (region, counts) over rows with a place and
    coordinates, leaving out the excluded regions."""
    tallies: dict[tuple, tuple[str, _Tally]] = {}
    for row in rows:
        region = region_name(row.get("region") or "")
        key = _key(row)
        latitude, longitude = _number(row.get("latitude"), 4), _number(row.get("longitude"), 4)
        if key is None or region in exclude_regions or latitude is None or longitude is None:
            continue
        _, entry = tallies.setdefault(key, (region, _Tally(0, Counter(), Counter(), Counter())))
        entry.count += 1
        entry.points[(latitude, longitude)] += 1
        entry.precisions[_integer(row.get("geo_precision"))] += 1
        entry.isos[_integer(row.get("iso"))] += 1
        year = _integer(row.get("year"))
        entry.year = max(entry.year, int(year) if year else 0)
    return tallies


def _mode(counter: Counter, skip_blank: bool = False):
    """Most frequent value; ties go to the smallest, so the result never depends on input order."""
    items = [(v, n) for v, n in counter.items() if not (skip_blank and v == "")] or list(counter.items())
    return min(items, key=lambda item: (-item[1], item[0]))[0]


def build_place_table(inputs: Iterable[Path], exclude_regions: Iterable[str] = ()) -> list[PlaceRow]:
    """The place table of the given ACLED files, without the rows of `exclude_regions`, sorted."""
    rows = (row for path in inputs for row in read_rows(Path(path)))
    return table_from_rows(rows, exclude_regions)


def table_from_rows(rows: Iterable[dict[str, str]], exclude_regions: Iterable[str] = ()) -> list[PlaceRow]:
    """The place table of ACLED rows (dicts with ACLED's column names), sorted."""
    excluded = frozenset(region_name(r) for r in exclude_regions)
    tallies = tally(rows, excluded)
    table = []
    for (country, admin1, admin2, admin3, location), (region, entry) in tallies.items():
        latitude, longitude = _mode(entry.points)
        table.append(
            PlaceRow(
                fold_name(location),
                location,
                admin1,
                admin2,
                admin3,
                country,
                _mode(entry.isos, skip_blank=True),
                region,
                latitude,
                longitude,
                _mode(entry.precisions, skip_blank=True),
                str(entry.year or ""),
                entry.count,
            )
        )
    table.sort(key=lambda r: (r.country, r.location, r.admin1, r.admin2, r.admin3))
    return table


def split_sources(value: str) -> set[str]:
    """The outlets of an ACLED source field: 'Hindustan Times, Indian Express; Twitter'."""
    return {_clean(part) for part in value.replace(",", ";").split(";") if _clean(part)}


def source_table_from_rows(
    rows: Iterable[dict[str, str]], exclude_regions: Iterable[str] = ()
) -> list[tuple[str, str, str, int]]:
    """(folded source, source, country, events) for the news sources ACLED cites (its `source`
    column, ';'- or ','-separated) almost only for one country ('Hindustan Times' -> India): a national
    outlet names the country of the events it reports. Wire services are left out by the share."""
    excluded = frozenset(region_name(r) for r in exclude_regions)
    counts: dict[str, Counter] = {}
    spellings: dict[str, Counter] = {}
    for row in rows:
        country = _clean(row.get("country"))
        if not country or region_name(row.get("region") or "") in excluded:
            continue
        for source in split_sources(row.get("source") or ""):
            key = fold_name(source)
            if len(key) >= 3:
                counts.setdefault(key, Counter())[country] += 1
                spellings.setdefault(key, Counter())[source] += 1
    table = []
    for key, by_country in counts.items():
        country, events = _mode(by_country), max(by_country.values())
        if events >= SOURCE_MIN_EVENTS and events >= SOURCE_MIN_SHARE * sum(by_country.values()):
            table.append((key, _mode(spellings[key]), country, events))
    return sorted(table)


def render_sources(table: Iterable[tuple[str, str, str, int]]) -> bytes:
    lines = ["\t".join(SOURCE_COLUMNS)] + ["\t".join(str(v) for v in row) for row in table]
    return _gzip("\n".join(lines) + "\n")


def render(table: Iterable[PlaceRow]) -> bytes:
    """The gzipped TSV bytes (header + rows); no timestamp or file name in the gzip header."""
    return _gzip("\t".join(COLUMNS) + "\n" + "".join(row.as_line() + "\n" for row in table))


def _gzip(text: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def write_place_table(table: Iterable[PlaceRow], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(table))


def merge_tables(*tables: Iterable[PlaceRow]) -> list[PlaceRow]:
    """Place tables as one: rows of one place (country, admins, location) add their counts and
    keep the newest year; the point and precision of the most used row stand (sorted)."""
    merged: dict[tuple, PlaceRow] = {}
    for table in tables:
        for row in table:
            key = (row.country, row.admin1, row.admin2, row.admin3, row.location)
            old = merged.get(key)
            if old is None:
                merged[key] = row
                continue
            bigger = row if row.count > old.count else old
            year = max(old.year, row.year, key=lambda y: int(y or 0))
            merged[key] = replace(bigger, year=year, count=old.count + row.count)
    return sorted(merged.values(), key=lambda r: (r.country, r.location, r.admin1, r.admin2, r.admin3))


def parse_place_lines(lines: Iterable[str]) -> list[PlaceRow]:
    """PlaceRows of a place table's lines (without its header)."""
    rows = []
    for line in lines:
        fields = line.split("\t")
        values = dict(zip(COLUMNS, fields, strict=True))
        rows.append(PlaceRow(**{**values, "count": int(values["count"])}))
    return rows


def refresh_model_tables(rows: Iterable[dict[str, str]], folder: Path) -> tuple[int, int]:
    """`eventpipe train`'s place tables: the packaged tables with the places and sources of the
    user's ACLED rows added, written beside the model in `folder`."""
    from extraction import packaged

    return write_model_tables(
        rows, folder, packaged.read_tsv_gz_rows(PLACES_FILE), packaged.read_tsv_gz_rows(SOURCES_FILE)
    )


def write_model_tables(
    rows: Iterable[dict[str, str]],
    folder: Path,
    base_places: Iterable[str] = (),
    base_sources: Iterable[str] = (),
) -> tuple[int, int]:
    """The place and source tables of ACLED rows, merged with a base table (the packaged one's
    lines), written into `folder` (a model directory) as PLACES_FILE and SOURCES_FILE: the
    engine uses them when that model is selected. Returns (places, sources) written."""
    rows = list(rows)
    places = merge_tables(parse_place_lines(base_places), table_from_rows(rows))
    sources = {s[0]: s for s in (_source_line(line) for line in base_sources)}
    sources.update({s[0]: s for s in source_table_from_rows(rows)})
    folder.mkdir(parents=True, exist_ok=True)
    write_place_table(places, folder / PLACES_FILE)
    (folder / SOURCES_FILE).write_bytes(render_sources(sorted(sources.values())))
    return len(places), len(sources)


def _source_line(line: str) -> tuple[str, str, str, int]:
    key, source, country, count = line.split("\t")
    return key, source, country, int(count)


# The events columns a place table reads (also what the geography CV keeps of each row).
TABLE_COLUMNS = (
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "iso",
    "region",
    "geo_precision",
    "year",
    "source",
)


def read_warehouse_rows(warehouse: Path) -> list[dict[str, str]]:
    """The place columns of the ACLED-origin events imported into the warehouse, as text."""
    from warehouse.connection import connect  # the warehouse is only opened for --from-warehouse

    columns = ", ".join(TABLE_COLUMNS)
    with connect(warehouse, read_only=True) as con:
        result = con.execute(
            f"select {columns} from events where origin = 'acled' order by event_id_cnty"
        ).fetchall()
    return [
        {k: "" if v is None else str(v) for k, v in zip(TABLE_COLUMNS, r, strict=True)} for r in result
    ]
