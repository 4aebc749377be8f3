"""Institutions that stand for one country, as data: extraction/places/data/institutions.csv.

A note that names no place and no country often names a state's forces, a peacekeeping mission
or a national movement ('MONUSCO peacekeepers', 'FACA soldiers', 'Koglweogo members', 'SAPS
officers'): each acts in one country, which is the event's country when nothing better is known.
One line per name (written as in the text, case-sensitive: most are acronyms), its country (the
gazetteer's name) and an example sentence that a test checks. A name used by groups of several
countries (FDS, APC, Al Shabaab, JNIM) has no line: it would guess. Administrative units of one
country are lines too, in lower case ('upazila', 'woreda', 'barangay': also read capitalised);
a unit several countries use (tehsil, oblast, raion, commune, sub-county, LGA) has none.

Armed groups that act in several countries but are based in one (Al Shabaab in Somalia, Boko
Haram in Nigeria) are lines of extraction/places/data/group_homes.csv, in the same layout: only
a guess, their home is an event's country when the text names no place, no country, no
institution and no region at all (`home_countries`).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from eventpipe.errors import DataFileError

INSTITUTIONS_PACKAGE = "extraction.places.data"
INSTITUTIONS_FILE = "institutions.csv"
HOMES_FILE = "group_homes.csv"
FIELDS = ("name", "country", "example")


def read_institutions(
    source: Path | Traversable | None = None, filename: str = INSTITUTIONS_FILE
) -> tuple[tuple[str, str, str], ...]:
    """(name, country, example) of every line of `source`, by default the packaged `filename`
    (institutions.csv or group_homes.csv).

    Analysts edit these files: a missing field or a wrong header is one DataFileError naming the
    line and the field (read when the first document needs it, so a run stops before loading)."""
    path = source or resources.files(INSTITUTIONS_PACKAGE).joinpath(filename)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problem = f"cannot be read ({error})"
        raise DataFileError(data_file=filename, problem=problem, fix=_fix(filename)) from None
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != FIELDS:
        raise _bad_line(filename, 1, f"the header must be {','.join(FIELDS)}")
    rows = []
    for row in reader:
        values = tuple((row.get(field) or "").strip() for field in FIELDS)
        missing = [field for field, value in zip(FIELDS, values, strict=True) if not value]
        if missing or None in row:
            problem = f"{', '.join(missing)} missing" if missing else "more fields than name,country,example"
            raise _bad_line(filename, reader.line_num, problem)
        rows.append(values)
    return tuple(rows)


def _fix(filename: str) -> str:
    return f"correct that line of extraction/places/data/{filename} (fields: name,country,example)"


def _bad_line(filename: str, line: int, problem: str) -> DataFileError:
    problem = f"has a bad line (line {line}: {problem})"
    return DataFileError(data_file=filename, problem=problem, fix=_fix(filename))


@cache
def _pattern(filename: str = INSTITUTIONS_FILE) -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_institutions(filename=filename)
    names = sorted({name for name, _, _ in rows}, key=len, reverse=True)
    alternatives = "|".join(_written(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:Ex-)?({alternatives})(?![\w])"), {n: c for n, c, _ in rows}


def _written(name: str) -> str:
    """A lower-case line is a common noun, also capitalised word by word ('upazila', 'Union
    Parishad'); any other line is matched as written (acronyms and names are case-sensitive)."""
    if not name.islower():
        return re.escape(name)
    return r"\s+".join(f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}" for word in name.split())


def institution_countries(text: str, filename: str = INSTITUTIONS_FILE) -> list[str]:
    """The countries (gazetteer names) of the institutions `text` names, in order of appearance."""
    pattern, countries = _pattern(filename)
    found = (match.group(1) for match in pattern.finditer(text))
    return list(dict.fromkeys(countries.get(n) or countries[" ".join(n.lower().split())] for n in found))


def home_countries(text: str) -> list[str]:
    """The home countries (gazetteer names) of the multi-country armed groups `text` names
    ('Al Shabaab' -> Somalia), in order of appearance: group_homes.csv."""
    return institution_countries(text, HOMES_FILE)


@cache
def _units() -> dict[str, str]:
    return {name: country for name, country, _ in read_institutions() if name.islower() and " " not in name}


def unit_country(level: str) -> str | None:
    """The country of an administrative unit word only one country uses ('upazila': Bangladesh)."""
    return _units().get(level)
