"""The ACLED place table (`scripts/build_place_table.py`) layered over the GeoNames gazetteer.

A name ACLED uses resolves to ACLED's spelling, admin names and point; a place only GeoNames
knows keeps GeoNames' data, with ACLED's spelling of its admin1 and, when an ACLED place lies
within a few kilometres in the same region, that place's admin2 and admin3. The layer is built
once per table (the packaged one, or one rebuilt without a region for leave-one-region-out
evaluation) and shares the GeoNames tables it sits on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

# An ACLED place and a GeoNames place of one name closer than this are one place.
TWIN_KM = 25.0
# A GeoNames place takes the admin2/admin3 of an ACLED place this close in the same admin1.
NEIGHBOUR_KM = 8.0
_CELL_DEGREES = 0.1


class AcledLayer:
    """Folded location -> ACLED places (most used first), ACLED's admin1 spellings by gazetteer
    admin1 key, and the places near a point.

    Loading only groups the table's lines by name; entries are built when a name is looked up,
    the admin1 spellings and the neighbour grid on first use, so the layer adds little to the
    gazetteer's load time."""

    def __init__(
        self,
        lines: Iterable[str] = (),
        make_entry: Callable[[int, list[str]], object] | None = None,
        admin1_key_of_row: Callable[[list[str]], str | None] | None = None,
        alpha2_of_row: Callable[[list[str]], str | None] | None = None,
    ):
        self._lines: dict[str, list[tuple[int, str]]] = {}  # raw lines: split when looked up
        for number, line in enumerate(lines):
            self._lines.setdefault(line[: line.index("\t")], []).append((number, line))
        self._make_entry = make_entry
        self._admin1_key_of_row = admin1_key_of_row
        self._alpha2_of_row = alpha2_of_row
        self._admin1_years: dict[str, int] = {}
        self._unknown_admin1_years: dict[tuple[str, str], int] = {}
        self._entries: dict[str, tuple] = {}
        self._admin1_names: dict[str, str] | None = None
        self._grids: dict[str, dict[tuple[int, int], list]] = {}  # alpha2 -> cell -> places
        self._by_country: dict[str, list[tuple[str, tuple]]] = {}
        self._keys_by_country: dict[str, dict[str, None]] | None = None

    def __bool__(self) -> bool:
        return bool(self._lines)

    def __contains__(self, key: str) -> bool:
        return key in self._lines

    def keys(self) -> Iterable[str]:
        """The folded names of the table."""
        return self._lines.keys()

    def get(self, key: str) -> tuple | None:
        """The ACLED places of a folded name, one per place (None: a name ACLED never used)."""
        entries = self._entries.get(key)
        if entries is None:
            rows = self._lines.get(key)
            if rows is None:
                return None
            split = [(number, line.split("\t")) for number, line in rows]
            built = [(self._make_entry(number, fields), fields) for number, fields in split]
            entries = self._entries[key] = _merge_vintages(
                [(e, int(f[COLUMN["year"]] or 0)) for e, f in built if e is not None]
            )
        return entries

    @property
    def admin1_names(self) -> dict[str, str]:
        """Gazetteer admin1 key -> ACLED's current spelling of it (the newest year's, then the most
        used: 'Addis Ababa' since 2020, not 'Addis Abeba')."""
        if self._admin1_names is None:
            self._tally_admin1()
        return self._admin1_names  # type: ignore[return-value]

    def current_admin1(self, alpha2: str, spelling: str | None, key: str) -> str | None:
        """ACLED's spelling of the gazetteer region `key`, if ACLED used it at least as recently as
        `spelling`, a region name of `alpha2` the gazetteer does not know (an abolished unit such
        as the 'Federally Administered Tribal Areas', but not 'Bago-East', newer than 'Bago')."""
        current = self.admin1_names.get(key)
        if current is None:
            return None
        old_year = self._unknown_admin1_years.get((alpha2, spelling or ""), 0)
        return current if self._admin1_years.get(key, 0) >= old_year else None

    def _tally_admin1(self) -> None:
        """One pass over the rows (cheaper than building every entry): the spellings of each
        gazetteer region with their uses and newest year, and the newest year of each region
        name the gazetteer does not know."""
        spellings: dict[str, Counter] = {}
        years: dict[tuple[str, str], int] = {}
        unknown: dict[tuple[str, str], int] = {}
        for rows in self._lines.values():
            for _number, line in rows:
                fields = line.split("\t")
                key = self._admin1_key_of_row(fields) if self._admin1_key_of_row else None
                spelling, uses = fields[COLUMN["admin1"]], int(fields[COLUMN["count"]])
                year = int(fields[COLUMN["year"]] or 0)
                if key and spelling:
                    spellings.setdefault(key, Counter())[spelling] += uses
                    years[key, spelling] = max(years.get((key, spelling), 0), year)
                elif spelling and self._alpha2_of_row:
                    alpha2 = self._alpha2_of_row(fields) or ""
                    unknown[alpha2, spelling] = max(unknown.get((alpha2, spelling), 0), year)
        self._admin1_names = {
            key: min(c.items(), key=lambda kv: (-years[key, kv[0]], -kv[1], kv[0]))[0]
            for key, c in spellings.items()
        }
        self._admin1_years = {key: years[key, name] for key, name in self._admin1_names.items()}
        self._unknown_admin1_years = unknown

    def nearest(self, entry, within_km: float = NEIGHBOUR_KM):
        """The closest ACLED place to a GeoNames place in the same admin1 (or country when the
        place has no admin1), if one lies within `within_km`. The neighbour grid is built per
        country, the first time one is asked about (building every place of the table cost
        about a second per process)."""
        grid = self._grids.get(entry.alpha2)
        if grid is None:
            grid = self._grids[entry.alpha2] = {}
            for other in self._entries_in(entry.alpha2):
                grid.setdefault(_cell(other.latitude, other.longitude), []).append(other)
        row, col = _cell(entry.latitude, entry.longitude)
        best, best_km = None, within_km
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for other in grid.get((row + dr, col + dc), ()):
                    if other.alpha2 != entry.alpha2 or (
                        entry.admin1_key and other.admin1_key != entry.admin1_key
                    ):
                        continue
                    distance = km(entry, other)
                    if distance <= best_km:
                        best, best_km = other, distance
        return best

    def keys_in(self, alpha2: str) -> list[tuple[str, tuple]]:
        """(folded name, places) of the ACLED places of a country."""
        found = self._by_country.get(alpha2)
        if found is None:  # built once per country: every later question reuses it
            places: dict[str, list] = {}
            for entry, key in self._entries_in(alpha2, with_keys=True):
                places.setdefault(key, []).append(entry)
            found = self._by_country[alpha2] = [(key, tuple(entries)) for key, entries in places.items()]
        return list(found)

    def names_in(self, alpha2: str) -> list[str]:
        """The folded names `keys_in` gives, without building their places: a row's place is in
        the country its row is grouped under (one `country_of` decides both), so a near-spelling
        index of a country builds none of its ACLED places (0.06 s for India)."""
        if self._alpha2_of_row is None:
            return [key for key, _places in self.keys_in(alpha2)]
        return list(self._country_keys(alpha2))

    def _entries_in(self, alpha2: str, with_keys: bool = False) -> Iterator:
        """The places of a country in table order (of their names), built only for the names
        that have a row in that country; with `with_keys`, (place, folded name) pairs."""
        for key in self._country_keys(alpha2):
            for entry in self.get(key) or ():
                if entry.alpha2 == alpha2:
                    yield (entry, key) if with_keys else entry

    def _country_keys(self, alpha2: str) -> Iterable[str]:
        if self._alpha2_of_row is None:
            return self._lines.keys()
        if self._keys_by_country is None:  # the country and iso columns only: no entries built
            groups: dict[str, dict[str, None]] = {}
            for key, rows in self._lines.items():
                for _number, line in rows:
                    code = self._alpha2_of_row(line.split("\t", _ISO_COLUMN + 1))
                    if code:
                        groups.setdefault(code, {})[key] = None
            self._keys_by_country = groups
        return self._keys_by_country.get(alpha2, {}).keys()


def km(a, b) -> float:
    """Great-circle distance in km between two entries (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return int(math.floor(latitude / _CELL_DEGREES)), int(math.floor(longitude / _CELL_DEGREES))


COLUMNS = (
    "key",
    "location",
    "admin1",
    "admin2",
    "admin3",
    "country",
    "iso",
    "region",
    "latitude",
    "longitude",
    "geo_precision",
    "year",
    "count",
)
COLUMN = {name: number for number, name in enumerate(COLUMNS)}
_ISO_COLUMN = COLUMN["iso"]  # the last column a row's country needs (its name, then its ISO number)
# The source table beside it: folded source name, ACLED's spelling, the country it reports on.
SOURCE_COLUMNS = ("key", "source", "country", "count")
_NUMBERS = {"latitude": float, "longitude": float, "count": int, "year": int, "geo_precision": int}


def row_problem(fields: list[str], columns: tuple[str, ...] = COLUMNS) -> str | None:
    """What is wrong with one row of a place or source table, or None. The layer parses rows
    only when a name is looked up, so a table from outside the package (a model directory's) is
    checked whole when it is read, not half-way through a corpus."""
    if len(fields) != len(columns):
        return f"has {len(fields)} fields, expected {len(columns)} ({', '.join(columns)})"
    for name, value in zip(columns, fields, strict=True):
        kind = _NUMBERS.get(name)
        if kind is None or (value == "" and name in ("year", "geo_precision")):
            continue
        try:
            kind(value)
        except ValueError:
            return f"field {name} is {value[:40]!r}, not {'a number' if kind is float else 'a whole number'}"
    return None


def entry_maker(
    entry_type: Callable[..., object],
    country_of: Callable[[str, str], str | None],
    admin1_key_of: Callable[[str, str], str | None],
) -> Callable[[int, list[str]], object]:
    """A function building the Entry of one table row (None for a country the gazetteer lacks);
    `country_of(name, iso)` gives alpha-2, `admin1_key_of(alpha2, admin1)` the admin1 key."""

    def make(number: int, fields: list[str]):
        _key, location, admin1, admin2, admin3, country, iso, _region, lat, lon, precision, _year, count = (
            fields
        )
        alpha2 = country_of(country, iso)
        if alpha2 is None:
            return None
        return entry_type(
            "place",
            location,
            alpha2,
            admin1_key_of(alpha2, admin1),
            admin2 or None,
            float(lat),
            float(lon),
            0,
            f"acled:{number}",
            admin1 or None,
            admin3 or None,
            int(count),
            int(precision or 0),
        )

    return make


def _merge_vintages(rows: list) -> tuple:
    """One entry per place: rows of one name within a few km in one country are the same place
    coded under older and newer admin names; the newest coding (the current admin units: Khar in
    Khyber Pakhtunkhwa, not in the Federally Administered Tribal Areas abolished in 2018), then the
    most used, speaks for it, with the uses of all."""
    rows = sorted(rows, key=lambda r: (-r[1], -r[0].uses, r[0].ident))
    merged: list = []
    for entry, _year in rows:
        same = next(
            (i for i, m in enumerate(merged) if m.alpha2 == entry.alpha2 and km(m, entry) <= 5.0), None
        )
        if same is None:
            merged.append(entry)
        else:
            merged[same] = replace(merged[same], uses=merged[same].uses + entry.uses)
    return tuple(merged)


def merge_candidates(
    acled: tuple, geonames: tuple, current_admin1: Callable[[str, str | None, str], str | None] | None = None
) -> tuple:
    """ACLED places of a name with the GeoNames places of that name: a GeoNames twin (same country,
    within TWIN_KM) lends its population and admin1 key to the ACLED place and is dropped.

    An ACLED admin1 the gazetteer does not know as a current region of the country is an older
    unit ('Federally Administered Tribal Areas', merged into Khyber Pakhtunkhwa in 2018): when
    the twin's region has an ACLED spelling at least as recent (`current_admin1(alpha2, old
    spelling, key)`, `AcledLayer.current_admin1`), that spelling replaces it."""
    rest = list(geonames)
    merged = []
    for entry in acled:
        twins = [
            g for g in rest if g.kind == "place" and g.alpha2 == entry.alpha2 and km(g, entry) <= TWIN_KM
        ]
        if twins:
            biggest = max(twins, key=lambda g: g.population)
            entry = _with_twin(entry, biggest, current_admin1)
            rest = [g for g in rest if g not in twins]
        merged.append(entry)
    places = sorted([*merged, *rest], key=lambda e: -e.population)
    return tuple(places)


def _with_twin(entry, twin, current_admin1: Callable[[str, str | None, str], str | None] | None):
    """The ACLED place with its GeoNames twin's population (and region, when its own is gone)."""
    if entry.admin1_key is not None or twin.admin1_key is None:
        return replace(entry, population=twin.population)
    spelling = current_admin1(entry.alpha2, entry.admin1_name, twin.admin1_key) if current_admin1 else None
    return replace(
        entry,
        population=twin.population,
        admin1_key=twin.admin1_key,
        admin1_name=spelling or entry.admin1_name,
    )
