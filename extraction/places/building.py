"""From a resolved chain of place mentions to the ACLED location columns: the `Place` record,
the admin1/admin2 names ACLED spells, a nearby namesake, and a named place the gazetteer lacks
(coded at its parent with no coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extraction.places import lexicon as lex
from extraction.places.acled import km as _km
from extraction.places.gazetteer import Country, Entry, Gazetteer
from extraction.places.mentions import (
    PlaceMention,
    _fold_word,
)
from extraction.places.spelling import ascii_name


@dataclass(frozen=True)
class Place:
    """The resolved ACLED location of an event."""

    location: str
    admin1: str | None
    admin2: str | None
    country: str
    iso: int
    alpha3: str
    region: str | None
    latitude: float | None  # None only for a named place the gazetteer lacks ('in Zeta, Montenegro')
    longitude: float | None
    geo_precision: int
    population: int
    evidence: str
    admin3: str | None = None

    def as_record(self) -> dict[str, object]:
        """The ACLED columns this place fills."""
        return {
            "location": self.location,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "country": self.country,
            "iso": self.iso,
            "region": self.region,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
        }


def _spelled_otherwise(
    mention: PlaceMention, alpha2: str | None, admin1_key: str | None, gazetteer: Gazetteer
) -> Place | None:
    """A name the gazetteer lacks that is another spelling of a place of the country (or region)
    the text places it in ('Dehadrun' -> Dehradun, 'Ferozabad' -> Firozabad): that place's point
    and admin units, under ACLED's spelling when its table knows the place, else the text's."""
    if alpha2 is None:
        return None
    entry = gazetteer.near_spelling(mention.text, alpha2, admin1_key)
    if entry is None:
        return None
    precision = 2 if mention.cue in lex.NEAR_CUES else 1
    why = f"'{mention.text}' not in gazetteer; spelled otherwise: {entry.kind} '{entry.name}' ({entry.ident})"
    location = entry.name if entry.acled else ascii_name(mention.text)  # ACLED's spelling, else the text's
    return _make_place(gazetteer, location, entry, precision, why, admin2=entry.admin2)


def _district_seat(
    mention: PlaceMention, alpha2: str | None, gazetteer: Gazetteer, admin1_key: str | None = None
) -> Place | None:
    """'in Tirap district': a district the gazetteer knows only as the admin2 of its places is
    coded at its seat (its most populous place), geo_precision 3, with the district as admin2."""
    if alpha2 is None or mention.level not in _DISTRICT_WORDS:
        return None
    entry = gazetteer.district_seat(mention.text, alpha2)
    if entry is None or (admin1_key and entry.admin1_key != admin1_key):
        return None
    why = f"district '{mention.text}' at its largest place '{entry.name}' ({entry.ident})"
    return _make_place(gazetteer, entry.name, entry, 3, why, admin2=entry.admin2)


_DISTRICT_WORDS = frozenset({"district", "county", "department", "prefecture", "province", "tehsil", "lga"})


def _close(place: Place, other: Place, km: float | None = None) -> bool:
    """Whether two places lie within `km` (default _SPELLING_KM) of each other (unknown points
    count as close)."""
    if None in (place.latitude, place.longitude, other.latitude, other.longitude):
        return True
    a = Entry("place", "", "", None, None, place.latitude, place.longitude, 0, "")  # type: ignore[arg-type]
    b = Entry("place", "", "", None, None, other.latitude, other.longitude, 0, "")  # type: ignore[arg-type]
    return _km(a, b) <= (km or _SPELLING_KM)


# Another spelling of a name must lie this close to the town the same sentence names.
_SPELLING_KM = 50.0


def _alpha2_of(place: Place | None, gazetteer: Gazetteer) -> str | None:
    country = _country_of(place, gazetteer) if place is not None else None
    return country.alpha2 if country is not None else None


def _country_of(place: Place, gazetteer: Gazetteer) -> Country | None:
    return gazetteer.country_by_alpha3(place.alpha3)


def _place_from_chain(
    chain: list[PlaceMention], resolved: list[Entry | None], gazetteer: Gazetteer
) -> Place | None:
    head, entry = chain[0], resolved[0]
    parents = [e for e in resolved[1:] if e is not None and e.kind != "country"]
    near = head.cue in lex.NEAR_CUES
    spelled = _admin1_spellings(chain, resolved)
    if entry is None:
        countries = [e for e in resolved[1:] if e is not None and e.kind == "country"]
        if not parents and countries and not head.candidates:
            near = _spelled_otherwise(head, countries[0].alpha2, None, gazetteer)
            return near or _unplaced(gazetteer, ascii_name(head.text), countries[0])
        if not parents:
            return None
        near = _spelled_otherwise(head, parents[0].alpha2, parents[0].admin1_key, gazetteer)
        near = near or _district_seat(head, parents[0].alpha2, gazetteer, parents[0].admin1_key)
        if near is not None:
            return near
        anchor = _near_namesake(head, parents[0])
        return _make_place(
            gazetteer,
            ascii_name(head.text),
            anchor,
            2,
            f"'{head.text}' not in gazetteer; coded at its parent '{anchor.name}' ({anchor.ident})",
            admin2=_admin2_from(parents, anchor),
            spelled=spelled,
        )
    if entry.kind == "country":
        return None
    if entry.kind == "admin1" and head.level in lex.TOWN_LEVEL_WORDS:
        capital = gazetteer.admin1[entry.admin1_key].capital if entry.admin1_key else entry.name
        why = f"'{head.text}' named as a town; region '{entry.name}' ({entry.ident}) at its capital {capital}"
        return _make_place(gazetteer, ascii_name(head.text), entry, 2, why, spelled=spelled)
    if entry.kind == "admin1" and not parents:
        capital = gazetteer.admin1[entry.admin1_key].capital if entry.admin1_key else entry.name
        why = f"admin1 region '{entry.name}' ({entry.ident}) at its capital"
        return _make_place(gazetteer, capital, entry, 3, why, spelled=spelled)
    precision = max(2 if near else 1, min(entry.precision, 2))  # a village ACLED codes near a town
    location = _location_name(head.text, entry)
    why = f"{entry.kind} '{entry.name}' ({entry.ident}, pop {entry.population}"
    why += f", ACLED uses {entry.uses})" if entry.acled else ")"
    if parents:
        why += " within " + ", ".join(f"'{p.name}'" for p in parents)
    admin2 = entry.admin2 or _admin2_from(parents, entry)
    return _make_place(gazetteer, location, entry, precision, why, admin2=admin2, spelled=spelled)


def _near_namesake(head: PlaceMention, parent: Entry) -> Entry:
    """The parent, moved to the head's own coordinates when the gazetteer has the head's name close
    by in the same country ('Buni Yadi (Gujiba LGA, Yobe)': GeoNames files it under Borno, ~50 km
    away): the text's parents decide the admin units, the gazetteer the point."""
    nearby = [
        c
        for c in head.candidates
        if c.kind == "place" and c.alpha2 == parent.alpha2 and _km(c, parent) <= _NAMESAKE_KM
    ]
    if not nearby:
        return parent
    closest = min(nearby, key=lambda c: _km(c, parent))
    return replace(parent, latitude=closest.latitude, longitude=closest.longitude, kind="place")


_NAMESAKE_KM = 150.0


def _admin1_spellings(chain: list[PlaceMention], resolved: list[Entry | None]) -> dict[str, str]:
    """How the text spells the admin1 regions it names ('Lower Shabelle', 'Extreme-Nord', 'Oromia'):
    sources follow local usage that GeoNames' names often do not, so the text's spelling wins
    unless the gazetteer's name is a known ACLED convention."""
    return {
        entry.admin1_key: ascii_name(mention.text)
        for mention, entry in zip(chain, resolved, strict=True)
        if entry is not None
        and entry.kind == "admin1"
        and entry.admin1_key
        and " - " not in mention.text
        and mention.level not in lex.TOWN_LEVEL_WORDS
    }


def _unplaced(gazetteer: Gazetteer, location: str, country_entry: Entry) -> Place | None:
    """'in Zeta, Montenegro': a named place the gazetteer lacks, known only by its country."""
    country = gazetteer.country(country_entry.alpha2)
    if country is None:
        return None
    return Place(
        location=location,
        admin1=None,
        admin2=None,
        country=country.name,
        iso=country.iso,
        alpha3=country.alpha3,
        region=country.region,
        latitude=None,
        longitude=None,
        geo_precision=3,
        population=0,
        evidence=f"'{location}' not in gazetteer; only its country {country.name} is named",
    )


def _location_name(surface: str, entry: Entry) -> str:
    """The name as the text writes it (ACLED follows its sources: 'Chittagong', 'Kismaayo'), but the
    gazetteer's full name when the text used its short form ('Acapulco' -> 'Acapulco de Juarez'),
    and ACLED's own spelling of a place its place table knows."""
    if entry.kind != "place" or entry.acled:
        return entry.name
    full, short = _fold_word(entry.name), _fold_word(surface)
    if full.startswith(short + " ") and full.rsplit(" ", 1)[-1] not in lex.TOWN_LEVEL_WORDS:
        return entry.name
    return ascii_name(surface)


def _admin2_from(parents: list[Entry], anchor: Entry) -> str | None:
    middle = [p for p in parents if p.kind == "place"]
    return middle[0].admin2 or middle[0].name if middle else anchor.admin2


def unit_name(name: str | None) -> str | None:
    """A second-level unit's name as ACLED writes it, in plain ASCII and without the level word
    GeoNames keeps ('Bohodukhivskyi Raion' -> 'Bohodukhivskyi', 'Amphoe Rueso' -> 'Rueso',
    'Sa‘dah' -> 'Sadah')."""
    if not name:
        return name
    name = ascii_name(name)
    for prefix in lex.ADMIN2_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix) :]
            break
    for suffix in lex.ADMIN2_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _make_place(
    gazetteer: Gazetteer,
    location: str,
    entry: Entry,
    precision: int,
    evidence: str,
    admin2: str | None = None,
    spelled: dict[str, str] | None = None,
) -> Place:
    """The Place for an entry; `spelled` maps admin1 keys to how the text wrote them. ACLED's names
    win: a place of its table brings its admin1, admin2 and admin3; a GeoNames place takes ACLED's
    spelling of its admin1 and the districts of an ACLED place a few km away in the same region."""
    country = gazetteer.country(entry.alpha2)
    admin2 = admin2 if entry.acled else unit_name(admin2)
    region = gazetteer.admin1.get(entry.admin1_key) if entry.admin1_key else None
    admin1 = region.name if region else None
    if region is not None and not region.fixed and spelled and region.key in spelled:
        admin1 = spelled[region.key]
    admin1 = (gazetteer.admin1_spelling(region.key) if region is not None else None) or admin1
    admin3 = None
    if entry.acled:
        admin1, admin2, admin3 = entry.admin1_name or admin1, entry.admin2 or admin2, entry.admin3
    elif entry.kind == "place" and precision == 1:
        neighbour = gazetteer.acled_neighbour(entry)
        if neighbour is not None:
            admin1 = neighbour.admin1_name or admin1
            admin2, admin3 = neighbour.admin2 or admin2, neighbour.admin3
            evidence += f"; districts of ACLED's '{neighbour.name}' nearby"
    latitude, longitude = entry.latitude, entry.longitude
    if entry.kind == "admin1" and region is not None:
        latitude, longitude = region.latitude, region.longitude
    return Place(
        location=location,
        admin1=admin1,
        admin2=admin2,
        country=country.name if country else entry.alpha2,
        iso=country.iso if country else 0,
        alpha3=country.alpha3 if country else "",
        region=country.region if country else None,
        latitude=round(latitude, 4),
        longitude=round(longitude, 4),
        geo_precision=precision,
        population=entry.population,
        evidence=evidence,
        admin3=admin3,
    )


def admin1_as_written(place: Place, mentions: list[PlaceMention], gazetteer: Gazetteer) -> Place:
    """The place's admin1 as the sentence spells it ('North Darfur', not GeoNames' 'Northern
    Darfur') when the sentence names that region explicitly (with a level word, or as a parent
    after a comma or in brackets), ACLED's table has no spelling of it and the
    gazetteer's name is no known ACLED convention: sources follow local usage, as ACLED does."""
    for mention in mentions:
        for entry in mention.candidates:
            key = entry.admin1_key if entry.kind == "admin1" else None
            region = gazetteer.admin1.get(key) if key else None
            if region is None or region.name != place.admin1 or region.fixed:
                continue
            explicit = mention.level in lex.ADMIN_LEVEL_WORDS or mention.linked  # 'West Darfur state'
            if explicit and gazetteer.admin1_spelling(region.key) is None and "-" not in mention.text:
                return replace(place, admin1=ascii_name(mention.text))
    return place


def chain_country(chain: list[PlaceMention]) -> set[str]:
    """The one country a chain member's places all lie in, when another member has namesakes
    there and abroad: the chain agrees on it ('X (Mangodara, Comoe)': Burkina Faso's Comoe, where
    Mangodara lies, not Ivory Coast's Sud-Comoe)."""
    sole = {codes.pop() for m in chain if len(codes := {c.alpha2 for c in m.candidates}) == 1}
    shared = {c.alpha2 for m in chain if len({c.alpha2 for c in m.candidates}) > 1 for c in m.candidates}
    return sole & shared if len(sole) == 1 else set()
