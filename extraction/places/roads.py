"""'Matatu operators protested over the Voi-Taveta road': a road or axis named by the towns it
joins is coded at the first of them when the note names no other place."""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.places.context import PlaceContext
from extraction.places.gazetteer import Gazetteer
from extraction.places.mentions import find_places
from extraction.places.resolution import Place, resolve_location

_NAME = r"[A-Z][\w'’]+(?: [A-Z][\w'’]+)?"
# At most five towns to a road: an unbounded chain made a long run of names quadratic to scan.
_ROAD_RE = re.compile(
    rf"(?<![\w-])(?P<first>{_NAME})\s?[-–]\s?{_NAME}(?:[-–]{_NAME}){{0,3}}\s+(?:(?:National\s+)?[Hh]ighway|road|"
    r"routes?|axis|corridor)\b"
)


def road_place(text: str, priors: PlaceContext, country: Place | None, gazetteer: Gazetteer) -> Place | None:
    """The first town of the first road `text` names by its towns ('the Mbau-Kamango road') in
    the event's `country` (a country-level place; None: no road is placed), at geo_precision 2
    (on the road, near the town)."""
    for match in _ROAD_RE.finditer(text) if country is not None else ():
        place = resolve_location(find_places(f"in {match['first']}", gazetteer), priors, gazetteer)
        if place is None or place.alpha3 != country.alpha3:
            continue
        why = f"'{match.group()}': coded at its first town {place.location}"
        return replace(place, geo_precision=max(place.geo_precision or 1, 2), evidence=why)
    return None
