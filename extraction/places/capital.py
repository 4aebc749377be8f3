"""'Civil servants marched in the capital': the capital city of the event's country.

A note that names no place but says 'the capital', 'the country's capital' or 'Sudan's capital'
places the event in that country's capital (ACLED codes it to the city). The capital is the
admin1 capital at the country's point in the gazetteer (its countries table gives the capital's
coordinates); a country whose point is no admin1 capital gets none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.places import lexicon as lex
from extraction.places.context import PlaceContext
from extraction.places.gazetteer import Admin1, Gazetteer
from extraction.places.mentions import find_places
from extraction.places.resolution import Place, resolve_location
from extraction.places.spelling import fold_word

# 'the capital', 'its capital', "the country's capital", 'the Libyan capital', "Sudan's capital";
# not 'the state capital', 'the provincial capital', 'capital punishment'
_CAPITAL_RE = re.compile(
    r"\b(?:(?:the|its|their)\s+(?:(?:country|nation)['’]s\s+)?|(?P<owner>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:['’]s|s)?\s+)capital\b(?!['’]s\s+(?:market|punishment))(?!\s+(?:punishment|markets?|gains|flight|"
    r"investments?|expenditure|budget|goods|letters?|offen[cs]es?))"
)
_CAPITAL_KM = 15.0  # the country's point is its capital's: an admin1 capital this close is it
_KM_PER_DEGREE = 111.0


def capital_place(text: str, country: Place | None, gazetteer: Gazetteer) -> Place | None:
    """The capital city of the country `text` says the event happened in the capital of: the
    country named before 'capital' ("Sudan's capital", 'the Libyan capital'), else `country`
    (a country-level place). None when `text` speaks of no capital or it is unknown."""
    match = _CAPITAL_RE.search(text) or lex.CAPITAL_LANDMARKS.search(text)
    if match is None:
        return None
    owner = match.groupdict().get("owner")
    alpha2 = _owner_country(owner, gazetteer) if owner else _alpha2(country, gazetteer)
    name = capital_name(alpha2, gazetteer) if alpha2 else None
    if alpha2 is None or name is None:
        return None
    priors = PlaceContext(countries=(alpha2,), named=(alpha2,), placing=(alpha2,))
    place = resolve_location(find_places(f"in {name}", gazetteer), priors, gazetteer)
    if place is None or gazetteer.country_by_alpha3(place.alpha3) != gazetteer.country(alpha2):
        return None
    return replace(place, evidence=f"'{match.group()}': the capital {place.location}")


def capital_name(alpha2: str, gazetteer: Gazetteer) -> str | None:
    """The name of a country's capital: the capital of its admin1 region at the country's point."""
    country = gazetteer.country(alpha2)
    points = [e for e in gazetteer.regions(fold_word(country.name)) if e.kind == "country"] if country else []
    if not points:
        return None
    point = points[0]

    def degrees(region: Admin1) -> float:  # a square's half side: cheap, and enough at 15 km
        return max(abs(region.latitude - point.latitude), abs(region.longitude - point.longitude))

    nearest = min((r for r in gazetteer.admin1.values() if r.alpha2 == alpha2), key=degrees, default=None)
    if nearest is None or degrees(nearest) > _CAPITAL_KM / _KM_PER_DEGREE:
        return None  # the country's point is no region's capital (a centroid)
    return nearest.capital


def _owner_country(owner: str, gazetteer: Gazetteer) -> str | None:
    """'Sudan', 'Sudans' (an apostrophe lost) or 'Libyan' before 'capital': its country."""
    for word in (owner, owner[:-1] if owner.endswith("s") else owner):
        codes = [c.alpha2 for c in gazetteer.regions(fold_word(word)) if c.kind == "country"]
        demonym = gazetteer.demonym(word)
        if codes or demonym:
            return codes[0] if codes else demonym
    return None


def _alpha2(place: Place | None, gazetteer: Gazetteer) -> str | None:
    country = gazetteer.country_by_alpha3(place.alpha3) if place is not None and place.alpha3 else None
    return country.alpha2 if country is not None else None
