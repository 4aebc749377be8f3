"""Where an event happened when its own clause names no place: the place fallback policy.

ACLED needs at least a country. A clause that names no place takes the sentence's, the
paragraph's last event place or a place of the few sentences before, as long as it lies in the
country the clause (or the sentence) names; else that country alone, else the document's
countries, its title's or its source's. A coordinated locative phrase ('protests in Nairobi and
Kisumu') yields one place per name, as ACLED codes one event per location.

The engine's document state is passed in as a `PlaceTrail`: what earlier sentences tell this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from extraction.places.capital import capital_place
from extraction.places.context import PlaceContext, regions_in_passing
from extraction.places.gazetteer import Gazetteer
from extraction.places.institutions import home_countries, institution_countries
from extraction.places.lexicon import BORDER_AFTER, INTERNATIONAL_OUTLETS, SPONSOR_AFTER, VISITOR_AFTER
from extraction.places.mentions import PlaceMention, find_places
from extraction.places.resolution import Place, resolve_location, unknown_place_name
from extraction.places.roads import road_place
from extraction.places.spelling import fold_word

LOOKBACK_SENTENCES = 3  # how far back in a paragraph a sentence naming no place looks for one
# The place of a brief whose text and metadata name no place or country: every column empty.
UNPLACED = Place(  # type: ignore[arg-type]  (None in typed fields on purpose)
    location=None,
    admin1=None,
    admin2=None,
    country=None,
    iso=None,
    alpha3=None,
    region=None,
    latitude=None,
    longitude=None,
    geo_precision=None,
    population=0,
    evidence="no place or country named in the text or its metadata",
)
_POSSESSIVE_RE = re.compile(r"(?<=\w)['\u2019]s\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}"
_COORDINATED_RE = re.compile(
    rf"\b(?:in|at|across|near)\s+(?:the\s+)?(?P<names>{_NAME}(?:\s*,\s*{_NAME})*"
    rf"\s*,?\s+and\s+{_NAME})"
)
_LIST_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LOCATIVE_CUES = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "around",
        "across",
        "into",
        "nearby",
        "in the vicinity of",
        "on the outskirts of",
        "close to",
    }
)


class PlaceTrail(Protocol):
    """What earlier sentences of a document tell place resolution (the engine's document state)."""

    places: PlaceContext  # the document's countries/admin1, most named first
    fallback_countries: list[str]  # named in the source/title: the last resort for the country
    paragraph: list[str]  # the paragraph's last few sentences
    last_place: Place | None  # the paragraph's last event place


def metadata_countries(title: str | None, source: str | None, gazetteer: Gazetteer) -> list[str]:
    """Countries named by the title or the source ('Daily Nation (Kenya)', 'OSCE SMM-Ukraine',
    'Kenyan Television NTV'), else the country ACLED codes the source's events to ('Hindustan
    Times'), else the country of a region or town the source is named after ('Kashmir News
    Service'): the last resort for an event's country when the text names none.
    Every run of one to three capitalised words is looked up, as sources glue names together."""
    named = INTERNATIONAL_OUTLETS.sub(" ; ", source or "")  # 'Agence France Presse' is no French news
    words = [w.group() for w in _CAPITALISED_RE.finditer(f"{title or ''} {named}")]
    found: list[str] = []
    regions: list[str] = []
    for i in range(len(words)):
        for n in range(min(3, len(words) - i), 0, -1):
            name = " ".join(words[i : i + n])
            found.extend(_country_codes(name, gazetteer)[:1])
            regions.extend(_region_country(name, gazetteer))
    if not found and source:  # an international outlet of a list is no national one ('OCHA; Radio Okapi')
        found = [code] if (code := gazetteer.source_country(named)) else []
    return list(dict.fromkeys(found or regions))


def _region_country(name: str, gazetteer: Gazetteer) -> list[str]:
    """The country of a first-level region or a town a source is named after ('Kashmir News
    Service', 'Sindh Courier', 'Imphal Free Press'), when every one of that name lies in one
    country: weaker than a country the source names, used only when it names none."""
    key = fold_word(name)
    codes = {c.alpha2 for c in gazetteer.regions(key) if c.kind == "admin1"}
    if not codes:  # 'Imphal Free Press', 'Garowe Online': a town of that name, in one country only
        codes = {
            c.alpha2
            for c in gazetteer.candidates(key)
            if c.kind == "place" and c.population >= _SOURCE_TOWN and fold_word(c.name) == key
        }
    return list(codes) if len(codes) == 1 and len(name) > 3 else []


_SOURCE_TOWN = 30_000


def _country_codes(name: str, gazetteer: Gazetteer) -> list[str]:
    """alpha-2 codes of the countries a name or nationality adjective stands for."""
    codes = [c.alpha2 for c in gazetteer.regions(fold_word(name)) if c.kind == "country"]
    demonym = gazetteer.demonyms.get(name.lower())
    return codes + ([demonym] if demonym else [])


def place_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions, reading possessives as names ("Tajikistan's Danghara District"), but not
    a possessive inside a name ("Cox's Bazar", which the stripped text no longer holds)."""
    apostrophe = "'" in text or "\u2019" in text  # most sentences have none: no regex pass then
    stripped = _POSSESSIVE_RE.sub("  ", text) if apostrophe else text
    mentions = find_places(stripped, gazetteer)
    if stripped == text:
        return mentions
    inside = [m for m in find_places(text, gazetteer) if _POSSESSIVE_RE.search(m.text)]
    if not inside:
        return mentions
    kept = [m for m in mentions if not any(m.start < n.end and n.start < m.end for n in inside)]
    return sorted([*kept, *inside], key=lambda m: m.start)


def text_location(text: str, context: PlaceContext, gazetteer: Gazetteer) -> Place | None:
    """`resolve_location` of the place mentions of `text`, remembered per (text, priors).

    Resolving a paragraph's sentences is asked again for every clause, event and continuation
    after them, with the same document priors; the answer depends on nothing else (the
    mentions, the frozen priors and the gazetteer), so each is worked out once."""
    return _text_location(text, context, gazetteer)


@lru_cache(maxsize=4096)
def _text_location(text: str, context: PlaceContext, gazetteer: Gazetteer) -> Place | None:
    return resolve_location(place_mentions(text, gazetteer), context, gazetteer)


def coordinated_places(clause: str, event: dict, trail: PlaceTrail, gazetteer: Gazetteer) -> list[Place]:
    """The other places of a coordinated locative phrase naming the event's place ('protests in
    Nairobi and Kisumu', 'arrests in Austria and Germany'): ACLED codes one event per location."""
    for match in _COORDINATED_RE.finditer(clause):
        if any(" and " in m.text for m in place_mentions(f"in {match['names']}", gazetteer)):
            continue  # 'in Zahedan, Sistan and Baluchestan': one region's name, not a list
        places = [_place_of_name(name, trail, gazetteer) for name in _LIST_SPLIT_RE.split(match["names"])]
        if len(places) < 2 or any(p is None for p in places):
            continue
        if not any(_same_place(p, event) for p in places):  # type: ignore[arg-type]
            continue
        return [p for p in places if p is not None and not _same_place(p, event)]
    return []


def _place_of_name(name: str, trail: PlaceTrail, gazetteer: Gazetteer) -> Place | None:
    """A single name read as a place: a town or region, else a country (country-level place)."""
    mentions = place_mentions(f"in {name}", gazetteer)
    place = resolve_location(mentions, trail.places, gazetteer)
    if place is not None:
        return place
    countries = [c.alpha2 for m in mentions for c in m.candidates if c.kind == "country"]
    return country_place(countries[:1], gazetteer)


def _same_place(place: Place, event: dict) -> bool:
    return place.country == event.get("country") and place.location == event.get("location")


def resolve_place(
    clause: str,
    sentence: str,
    trail: PlaceTrail,
    gazetteer: Gazetteer,
    alone: bool = False,
    brief: str = "",
) -> Place | None:
    """The clause's place; else the sentence's, the paragraph's last event place, a place of
    the few sentences before or, in a brief (`brief`, its whole text), a place it names later
    ('... protested against the party leader. The protest took place at the secretariat in
    Abuja.'), as long as it lies in the country the clause names (or, without one, the sentence
    names) first; else that country alone (or the document's, its title's or source's): ACLED
    needs at least a country. A place found (not a bare country) becomes the trail's `last_place`.
    """
    priors, located = trail.places, []
    if clause != sentence:  # a phrase of a sentence: the countries the sentence names come first
        whole = text_location(sentence, priors, gazetteer)
        country = gazetteer.country_by_alpha3(whole.alpha3) if whole is not None else None
        located = [country.alpha2] if country is not None else []
        named_here = [*countries_named(sentence, gazetteer), *located]
        priors = priors.naming_first(named_here)
    place = text_location(clause, priors, gazetteer)
    if place is not None:
        trail.last_place = place
        return place
    named = countries_named(clause, gazetteer)
    if clause != sentence:  # one of several events: the country of the sentence's place first
        named = named or (located if alone else []) or countries_named(sentence, gazetteer)
    # 'Three Sudanese miners were killed' after a sentence placing the raid in Mali: a nationality
    # says who, not where, so only a country named by name keeps the places around it out
    adjectives = nationalities(sentence, gazetteer)
    by_name = [c for c in named if c not in adjectives]
    first = gazetteer.country(by_name[0]) if by_name else None
    for place in () if alone else _other_places(clause, sentence, trail, gazetteer, brief):
        if first is None or place.alpha3 == first.alpha3:
            trail.last_place = place
            return place
    country = country_place(named or list(trail.places.countries) or trail.fallback_countries, gazetteer)
    capital = capital_place(sentence, country, gazetteer)
    return capital or road_place(sentence, trail.places, country, gazetteer) or country


def _other_places(
    clause: str, sentence: str, trail: PlaceTrail, gazetteer: Gazetteer, brief: str = ""
) -> Iterator[Place]:
    """Places of the rest of the sentence, the paragraph's last event, the sentences before and
    the rest of a brief."""
    if clause != sentence:
        place = text_location(sentence, trail.places, gazetteer)
        if place is not None:
            yield place
    yield from _earlier_places(trail, gazetteer)
    if brief and brief.strip() != sentence.strip():
        place = resolve_location(place_mentions(brief, gazetteer), trail.places, gazetteer)
        if place is not None:
            yield place


def _earlier_places(trail: PlaceTrail, gazetteer: Gazetteer) -> Iterator[Place]:
    """The paragraph's last event place, then places of the sentences before (latest first)."""
    if trail.last_place is not None:
        yield trail.last_place
    for earlier in reversed(trail.paragraph[-LOOKBACK_SENTENCES:]):
        place = text_location(earlier, trail.places, gazetteer)
        if place is not None:
            yield place


def countries_named(text: str, gazetteer: Gazetteer) -> list[str]:
    """alpha-2 codes of the countries a text names: first those named as a location ('in Austria'),
    then by nationality ('Tajik militants'), then any other mention ('Ministry of Tajikistan',
    'enroute to Afghanistan'); each group in order of appearance. A neighbour or an origin ('the
    border with Somalia', 'the Somali border', 'refugees from Sudan') is not counted, and a
    nationality of visitors ('Ugandan raiders', 'a Tanzanian cleric') comes last."""
    mentions = place_mentions(text, gazetteer)
    neighbours = {m.start for m in mentions if m.neighbour}
    found = [
        (0 if m.cue in _LOCATIVE_CUES else 2, m.start, c.alpha2)
        for m in mentions
        if not m.neighbour
        for c in m.candidates
        if c.kind == "country"
    ]
    for word in _CAPITALISED_RE.finditer(text):
        name = word.group()
        after = word.end()
        if word.start() in neighbours or BORDER_AFTER.match(text, after) or SPONSOR_AFTER.match(text, after):
            continue  # a neighbour, or a sponsor ('Iranian-backed militias')
        if name.lower() in gazetteer.demonyms:
            visitors = VISITOR_AFTER.match(text, word.end()) is not None  # 'Ugandan raiders'
            found.append((3 if visitors else 1, word.start(), gazetteer.demonyms[name.lower()]))
        elif codes := [c.alpha2 for c in gazetteer.regions(fold_word(name)) if c.kind == "country"]:
            found.append((2, word.start(), codes[0]))
    return list(dict.fromkeys(code for _, _, code in sorted(found)))


def nationalities(text: str, gazetteer: Gazetteer) -> set[str]:
    """alpha-2 codes a text names only by a nationality adjective ('Sudanese'), not by name."""
    words = (w.group().lower() for w in _CAPITALISED_RE.finditer(text))
    by_demonym = {gazetteer.demonyms[w] for w in words if w in gazetteer.demonyms}
    by_name = {c.alpha2 for m in place_mentions(text, gazetteer) for c in m.candidates if c.kind == "country"}
    return by_demonym - by_name


def country_place(countries: list[str], gazetteer: Gazetteer) -> Place | None:
    """A country-level place (no location, geo_precision 3): the event is kept, its place is vague.

    `countries` are alpha-2 codes, the most likely first."""
    country = gazetteer.country(countries[0]) if countries else None
    if country is None:
        return None
    return Place(
        location=None,
        admin1=None,
        admin2=None,
        country=country.name,
        iso=country.iso,  # type: ignore[arg-type]
        alpha3=country.alpha3,
        region=country.region,
        latitude=None,
        longitude=None,  # type: ignore[arg-type]
        geo_precision=3,
        population=0,
        evidence=f"country only: {country.name} (no place named)",
    )


def first_country_place(alpha3_codes: Iterable[str | None], gazetteer: Gazetteer) -> Place | None:
    """The country-level place of the first code the gazetteer knows (codes are read lazily)."""
    for alpha3 in alpha3_codes:
        country = gazetteer.country_by_alpha3(alpha3) if alpha3 else None
        if country is not None:
            return country_place([country.alpha2], gazetteer)
    return None


def with_named_place(place: Place | None, text: str, gazetteer: Gazetteer) -> Place | None:
    """A place without a location (country only, or nothing at all) under the name the text gives
    after a locative cue that the gazetteer lacks ('looted the village of Yalanga', 'GSU police
    kill two in Mathare'): ACLED's location is that name, coded by its country alone (geo_precision
    3, no coordinates). Without a country the record still fails the schema and is quarantined,
    but an analyst sees where it happened."""
    if place is not None and place.location is not None:
        return place
    name = unknown_place_name(place_mentions(text, gazetteer), gazetteer)
    if name is None:
        return place
    why = f"'{name}' not in gazetteer"
    if place is None or place.country is None:
        return replace(UNPLACED, location=name, evidence=f"{why}; no country named")
    return replace(place, location=name, evidence=f"{why}; {place.evidence}")


def institution_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The country-level place of the one country whose institutions `text` names ('FACA
    soldiers', 'MONUSCO peacekeepers'): the last resort when the text names no place or country.
    Institutions of two countries ('KDF troops' in Somalia) leave it undecided."""
    countries = institution_countries(text)
    if len(countries) != 1:
        return None
    codes = _country_codes(countries[0], gazetteer)
    return country_place(codes[:1], gazetteer)


def last_resort_place(place: Place | None, text: str, gazetteer: Gazetteer, brief: bool) -> Place | None:
    """After the text's places, the paragraph's and the actors' countries: the country of the
    institutions `text` names, the region it names in passing, the home of the armed groups it
    names, and in a brief the name of a place the gazetteer lacks."""
    place = place or institution_place(text, gazetteer) or region_place(text, gazetteer)
    place = place or home_place(text, gazetteer)
    return with_named_place(place, text, gazetteer) if brief else place


def home_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The country-level place of the one home country of the multi-country armed groups `text`
    names ('al Shabaab fighters attacked Bulo Marer' -> Somalia): a guess, made only when nothing
    else in the text or its metadata gives a country. Groups of two homes leave it undecided."""
    homes = home_countries(text)
    return country_place(_country_codes(homes[0], gazetteer)[:1], gazetteer) if len(homes) == 1 else None


def region_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The region (admin1) a text names only in passing, inside another name ('All Sindh Disabled
    Ittehad', 'the Arakan State Advisory Commission'), at country and region level (no location,
    geo_precision 3): when every region the text names lies in one country and its name is no
    common word, that is where the event is likeliest."""
    regions = regions_in_passing(text, gazetteer)
    if len(set(regions.values())) != 1:
        return None
    key = next(iter(regions))
    country, region = gazetteer.country(regions[key]), gazetteer.admin1.get(key)
    if country is None or region is None:
        return None
    return replace(
        UNPLACED,
        admin1=gazetteer.admin1_spelling(key) or region.name,
        country=country.name,
        iso=country.iso,
        alpha3=country.alpha3,
        region=country.region,
        geo_precision=3,
        evidence=f"region only: {region.name}, {country.name} (named in passing)",
    )

