"""Institutions that stand for one country, as data: extraction/places/data/institutions.csv.

A note that names no place and no country often names a state's forces, a peacekeeping mission
or a national movement ('MONUSCO peacekeepers', 'FACA soldiers', 'Koglweogo members', 'SAPS
officers'): each acts in one country, which is the event's country when nothing better is known.
One line per name (written as in the text, case-sensitive: most are acronyms), its country (the
gazetteer's name) and an example sentence that a test checks. A name used by groups of several
countries (FDS, APC, Al Shabaab, JNIM) has no line: it would guess.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

INSTITUTIONS_PACKAGE = "extraction.places.data"
INSTITUTIONS_FILE = "institutions.csv"
FIELDS = ("name", "country", "example")


@cache
def read_institutions() -> tuple[tuple[str, str, str], ...]:
    """(name, country, example) of every line of the packaged file, read once.

    Raises ValueError naming the file when the header or a line is wrong."""
    text = resources.files(INSTITUTIONS_PACKAGE).joinpath(INSTITUTIONS_FILE).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != FIELDS:
        raise ValueError(f"{INSTITUTIONS_FILE}: the header must be {','.join(FIELDS)}")
    rows = tuple((r["name"].strip(), r["country"].strip(), r["example"].strip()) for r in reader)
    if any(not all(row) for row in rows):
        raise ValueError(f"{INSTITUTIONS_FILE}: every line needs a name, a country and an example")
    return rows


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_institutions()
    names = sorted({name for name, _, _ in rows}, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])(?:Ex-)?({alternatives})(?![\w])"), {n: c for n, c, _ in rows}


def institution_countries(text: str) -> list[str]:
    """The countries (gazetteer names) of the institutions `text` names, in order of appearance."""
    pattern, countries = _pattern()
    return list(dict.fromkeys(countries[match.group(1)] for match in pattern.finditer(text)))
