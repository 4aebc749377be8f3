"""Finding place names in a sentence and choosing the event's ACLED location.

Usage (the gazetteer is loaded once and passed in; spans are offsets into the text given)::

    from extraction.gazetteer import Gazetteer
    from extraction.places import PlaceContext, document_context, find_places, resolve_location

    gazetteer = Gazetteer.load()
    context = document_context(prepared_text, gazetteer)   # country/admin1 priors of the doc
    mentions = find_places(sentence, gazetteer)              # list[PlaceMention], cached
    place = resolve_location(mentions, context, gazetteer)   # Place | None
    if place:
        record.update(place.as_record())                     # ACLED location columns
        explain["location"] = place.evidence
    countries = country_from_text(sentence, gazetteer)       # ['AF', 'PK'] by names and 'Afghan'

A country alone is never an event location (resolve_location returns None); fall back to
`country_from_text` / `context.countries` for the country columns. geo_precision: 1 town or city
district, 2 'near/outside X' or an unknown village coded at its parent, 3 a region alone (coded at
its capital).

Finding mentions lives in `extraction.places.mentions` (`find_places`, `PlaceMention`), document
priors in `extraction.places.context` (`document_context`, `PlaceContext`, `country_from_text`);
both are re-exported by the package, so callers import everything from `extraction.places`.

`resolve_location` groups mentions into chains (a place followed by its parents after a comma or
in parentheses), resolves each chain's parents first (admin1 preferred), the head constrained by
them, and candidates by: countries/admin1 named in the sentence, then the document's priors, then
population. It returns the most specific place of the first chain introduced by a locative cue.
"""

from __future__ import annotations

import math
from dataclasses import replace

from extraction.places import lexicon as lex
from extraction.places.building import (
    _SPELLING_KM,
    Place,
    _alpha2_of,
    _close,
    _country_of,
    _district_seat,
    _place_from_chain,
    _spelled_otherwise,
    _unplaced,
    admin1_as_written,
    chain_country,
)
from extraction.places.chains import chain_rank, chains_of, eligible, trim, within
from extraction.places.context import PlaceContext, country_from_text, document_context
from extraction.places.gazetteer import SUBDIVISION_ID_PREFIX, Entry, Gazetteer
from extraction.places.guards import (
    acled_only_abroad,
    needs_support,
    region_named_of,
    supported,
    unique_town,
)
from extraction.places.mentions import (
    _CITY_WITH_DISTRICTS,
    MAX_WORDS,
    PlaceMention,
    _fold_word,
    _named_after_cue,
    find_places,
)
from extraction.places.spelling import ascii_name, same_spelling, without_article
from extraction.places.surroundings import _is_people_name

__all__ = [
    "MAX_WORDS", "Place", "PlaceContext", "PlaceMention", "country_from_text", "document_context",
    "find_places", "resolve_location",
]


# ---------------------------------------------------------------------------------------------
# Resolution


def _score(
    entry: Entry,
    mention: PlaceMention,
    role: str,
    countries: set[str],
    admin1: set[str],
    context: PlaceContext,
) -> float:
    score = math.log10(entry.population + 10)
    if entry.kind == "place" and ascii_name(entry.name).casefold() == ascii_name(mention.text).casefold():
        score += _EXACT_BONUS  # 'Kisii' as written (Kenya) over a folded 'Kisi' (Nigeria)
    if entry.uses and (
        entry.alpha2 in countries or entry.alpha2 in context.countries[:1] or not context.countries
    ):
        score += min(math.log10(entry.uses + 1), _USES_BONUS)  # ACLED's usage decides within a country
    if entry.alpha2 in countries:
        score += 10
    elif entry.alpha2 in context.countries:
        score += 6 - min(context.countries.index(entry.alpha2), 4)
    if entry.admin1_key and (
        entry.admin1_key in admin1 or context.supports_region(entry.admin1_key, mention)
    ):
        score += 4 if entry.kind == "place" else 2
    if entry.kind == "country":
        score -= 30 if role == "head" else 1
    elif entry.kind == "admin1":
        if mention.level in lex.ADMIN_LEVEL_WORDS or role == "parent":
            score += 8
        elif mention.level in lex.TOWN_LEVEL_WORDS or role == "head":
            score -= _REGION_HEAD_PENALTY
    elif mention.level in lex.ADMIN_LEVEL_WORDS:
        score -= 3
    elif role == "parent" and entry.ident.startswith(SUBDIVISION_ID_PREFIX):
        score += 4  # '(Diguel, Soum)': the province Soum, not a village of that name abroad
    return score


_REGION_HEAD_PENALTY = 3  # 'in Kisumu' is the town before the county of that name
_USES_BONUS = 2.0  # ACLED's usage counts as much as a hundredfold population at most
_EXACT_BONUS = 0.5  # the name exactly as written weighs like a threefold population


def _best(
    mention: PlaceMention,
    role: str,
    countries: set[str],
    admin1: set[str],
    context: PlaceContext,
    parent: Entry | None = None,
    child: PlaceMention | None = None,
) -> Entry | None:
    """Best candidate; under a resolved parent only candidates inside it count (none: unknown).

    A country's name ('Mexico') is its admin1 namesake or the country (so after 'Guerrero state'),
    never a village; a parent holding one of its child's candidates wins ('Texcoco de Mora, Mexico')."""
    pool = [c for c in mention.candidates if c.kind != "country"]
    if len(pool) < len(mention.candidates):
        nations = [c for c in mention.candidates if c.kind == "country"]
        pool = [c for c in pool if c.kind != "place"]
        pool = nations if not pool or region_named_of(child, nations) else pool
    if parent is not None:
        pool = [c for c in pool if within(c, parent)]
    else:
        pool = _without_foreign_aliases(pool, mention, countries, context, role == "head")
    if not pool or (
        role == "head"
        and parent is None
        and (
            _quarter_elsewhere(mention, pool, admin1 or set(context.admin1[:1]))
            or _village_abroad(pool, admin1)
        )
    ):
        return None

    # 'rockets hit a base in Anbar': a region beats villages known by other spellings or aliases
    written = _fold_word(mention.text)
    region_as_written = (
        role == "head"
        and mention.level is None
        and any(c.kind == "admin1" for c in pool)
        and not any(
            c.kind == "place" and (c.uses or c.population >= _SMALL_ABROAD or same_spelling(c.name, written))
            for c in pool
        )
    )

    def rank(entry: Entry) -> float:
        score = _score(entry, mention, role, countries, admin1, context)
        if child is not None and any(within(c, entry) for c in child.candidates):
            score += 6
        if region_as_written and entry.kind == "admin1":
            score += _REGION_HEAD_PENALTY
        return score

    best = max(pool, key=rank)
    if (
        role == "head"
        and parent is None
        and needs_support(mention, best)
        and not supported(best, countries, context)
    ):
        return None
    return best


def _quarter_elsewhere(mention: PlaceMention, pool: list[Entry], admin1: set[str]) -> bool:
    """'in the North Zone of Rio de Janeiro, Rio de Janeiro ... in Jacarezinho neighborhood': a
    neighbourhood lies in the region the sentence names, not in a town of that name elsewhere."""
    return (
        bool(admin1)
        and mention.level in lex.AREA_LEVEL_WORDS
        and all(
            c.kind == "place" and c.population < _SMALL_ABROAD and c.admin1_key not in admin1 for c in pool
        )
    )


def _village_abroad(pool: list[Entry], admin1: set[str]) -> bool:
    """'near the village of Kok-Tash in the Batken region': a village of that name only in
    another country than the region's the sentence names is a namesake; the village is the
    region's, unknown to the gazetteer."""
    countries = {key.split(".", 1)[0] for key in admin1}
    return bool(countries) and all(
        c.kind == "place" and c.population < _SMALL_ABROAD and c.alpha2 not in countries for c in pool
    )


def _without_foreign_aliases(
    pool: list[Entry], mention: PlaceMention, countries: set[str], context: PlaceContext, head: bool = True
) -> list[Entry]:
    """Drop places abroad that match only by one of their many alternate names ('Boni' is an old
    name of Bonn) when the sentence or document names its countries: a local place the gazetteer
    lacks is likelier than a foreign town under an exonym. Big cities keep their aliases. When the
    text or its source names its countries outright, a village or small town in a country nobody
    names is dropped too ('near Bugar' in a Kenyan paper is not China's Bugar) when it is the
    event's place (a bracketed parent, '(Menaka, Menaka)', is the note's own coding)."""
    # forces that may act abroad are no known country where none of the name's places lies there
    abroad = context.abroad - {c.alpha2 for c in pool}
    known = (countries | set(context.without_echo_of(mention).countries)) - abroad
    written = _fold_word(mention.text)
    if not known:  # no country to go by: a place of that very name beats one of another name
        own = [c for c in pool if c.kind == "place" and same_spelling(c.name, written)]
        # a parent ('(Gaoua, Poni)') is a district or region, not a village abroad under an alias
        own = own or ([] if head else [c for c in pool if c.kind != "place"])
        big = _ALIAS_CITY
        return [c for c in pool if not own and head or c.kind != "place" or c in own or c.population >= big]
    placed = {c for c in context.placing if (c, written) not in context.echoes} if head else set()
    supported, elsewhere = (placed, set()) if context.named else (set(), placed)

    def plausible(c: Entry) -> bool:
        if c.kind != "place":
            return True
        abroad = bool(supported) and c.population < _SMALL_ABROAD and c.alpha2 not in supported
        if abroad and not unique_town(c, mention) or acled_only_abroad(c, elsewhere):
            return False
        return (
            c.alpha2 in known
            or c.population >= _ALIAS_CITY
            or same_spelling(c.name, written)
            or c.population >= _SMALL_ABROAD and without_article(_fold_word(c.name)) == written  # 'Qamishli'
        )

    return [c for c in pool if plausible(c)]


# Below this a place abroad is a village or town: a namesake in a named country is likelier.
_SMALL_ABROAD = _CITY_WITH_DISTRICTS
_ALIAS_CITY = 1_000_000


def _sentence_priors(mentions: list[PlaceMention]) -> tuple[set[str], set[str]]:
    countries = {c.alpha2 for m in mentions if not m.neighbour for c in m.candidates if c.kind == "country"}
    admin1 = {
        c.admin1_key
        for m in mentions
        for c in m.candidates
        if c.kind == "admin1" and c.admin1_key and (m.level in lex.ADMIN_LEVEL_WORDS or m.linked)
    }
    return countries, admin1


def _resolve_chain(
    chain: list[PlaceMention], countries: set[str], admin1: set[str], context: PlaceContext
) -> list[Entry | None]:
    """Entries for a chain, resolved from its last (broadest) member to its head; without a country
    named in the sentence, the one country a member's places all lie in is the chain's when
    another member has namesakes there too (`chain_country`)."""
    countries = countries or chain_country(chain)
    resolved: list[Entry | None] = [None] * len(chain)
    parent: Entry | None = None
    for position in range(len(chain) - 1, -1, -1):
        role = "head" if position == 0 else "parent"
        child = chain[position - 1] if position else None
        entry = _best(chain[position], role, countries, admin1, context, parent, child)
        if entry is not None and child is not None and _not_a_parent(entry, child, chain, position):
            entry = None
        resolved[position] = entry
        if entry is not None and entry.kind != "country":
            parent = entry if parent is None or within(entry, parent) else parent
        elif entry is not None and parent is None:
            parent = entry
    return resolved


def _not_a_parent(entry: Entry, child: PlaceMention, chain: list[PlaceMention], position: int) -> bool:
    """Whether the chain member resolved to `entry` is no parent of the name before it: a homonym
    village elsewhere ('Dhaka - Uttara (Uttara)'), or a region that does not hold a known city of
    its own country, which makes a list ('Kabul, Nangarhar, Kunar'), not a chain. A child known only
    abroad or under alternate names ('Mambasa' is an alias of Mombasa, 'San Francisco' a US city)
    is an unknown namesake inside the parent ('Samboko village (Mambasa, Nord-Kivu)'); the broadest
    member of a longer chain ('Gaigorou (Dessa, Tillabery)') is a parent whatever precedes it."""
    named = _own_name_candidates(child)
    if not named or any(within(c, entry) for c in child.candidates):
        return False
    if entry.kind == "place":
        broadest = position == len(chain) - 1 and len(chain) >= 3
        bigger_here = any(c.alpha2 == entry.alpha2 and c.population > entry.population for c in named)
        return not broadest or bigger_here  # 'Marawi, Lanao del Sur': not the village Lanao
    return entry.kind == "admin1" and _listed(child, chain[position], entry, named)


def _own_name_candidates(mention: PlaceMention) -> list[Entry]:
    """Candidates that carry the written name itself, a variant or a longer form of it ('Marawi
    City'); regions by any of their names."""
    written = _fold_word(mention.text)
    return [
        c
        for c in mention.candidates
        if c.kind != "place" or same_spelling(c.name, written) or _fold_word(c.name).startswith(written + " ")
    ]


def _listed(child: PlaceMention, parent: PlaceMention, region: Entry, named: list[Entry]) -> bool:
    """'Kabul, Nangarhar, Kunar': comma-separated known cities/regions of one country without level
    words or brackets are a list of places, not a place and its parents."""
    significant = any(
        (c.kind == "admin1" or c.population >= _CITY_WITH_DISTRICTS) and c.alpha2 == region.alpha2
        for c in named
    )
    return significant and not parent.bracketed and child.level is None


def resolve_location(
    mentions: list[PlaceMention], context: PlaceContext | None = None, gazetteer: Gazetteer | None = None
) -> Place | None:
    """THE event location of a sentence, or None when it names no usable place.

    `gazetteer` supplies country and admin1 names; it defaults to the packaged one.
    """
    context = context or PlaceContext()
    gazetteer = gazetteer or Gazetteer.load()
    place = _resolve(mentions, context, gazetteer)
    return admin1_as_written(place, mentions, gazetteer) if place is not None else None


def _resolve(mentions: list[PlaceMention], context: PlaceContext, gazetteer: Gazetteer) -> Place | None:
    countries, admin1 = _sentence_priors(mentions)
    chains = [c for c in chains_of(mentions) if eligible(c)]
    unknown = _unknown_mention(mentions, countries, context, gazetteer)
    region: Place | None = None  # 'in Cabo Delgado ... a village near Macomia': a town in it wins
    for rank, index in sorted((chain_rank(c, n), n) for n, c in enumerate(chains)):
        chain = trim(chains[index])
        resolved = _resolve_chain(chain, countries, admin1, context)
        place = _place_from_chain(chain, resolved, gazetteer)
        if place is not None:
            place = _with_candidates(place, chain[0], countries, admin1, context)
        if region is not None:
            if place is not None and place.geo_precision < 3 and (
                (place.country, place.admin1) == (region.country, region.admin1)
                or _named_not(place, region, countries, gazetteer)
            ):
                return place
            continue
        # '[coded to Joghba]' wins over the other places, unless its own chain placed it
        coded = unknown is not None and _coded_unknown(unknown) and unknown not in chains[index]
        # 'in Kabambare in Maniema': a region alone does not hide the unknown town named in it
        region_only = (
            place is not None
            and place.geo_precision == 3
            and unknown is not None
            and unknown.level not in lex.ADMIN_LEVEL_WORDS  # 'the Boland region' is no town
            and unknown not in chains[index]
        )
        if place is not None and (rank[0] < 2 or unknown is None) and not coded and not region_only:
            if place.geo_precision == 3 and len(chains) > 1 and place.admin1:
                region = place
                continue
            return place
        if place is not None:  # 'in Ndunyu' beats a name without a locative cue ('of Virginia Nyaiko')
            return _unknown_place(unknown, place, mentions, context, gazetteer)
    if region is not None:
        return region
    return _unknown_place(unknown, None, mentions, context, gazetteer) if unknown else None


def _named_not(place: Place, region: Place, countries: set[str], gazetteer: Gazetteer) -> bool:
    """'Security forces in Ecuador clashed with inmates at the Litoral penitentiary in Guayaquil':
    a town of the country the sentence names beats a region of a country it does not name."""
    return _alpha2_of(place, gazetteer) in countries and _alpha2_of(region, gazetteer) not in countries


def _with_candidates(
    place: Place, head: PlaceMention, countries: set[str], admin1: set[str], context: PlaceContext
) -> Place:
    """The place with the head's rival candidates and their scores in its evidence (--explain):
    'candidates: Tripoli LB 11.4 > Tripoli LY 11.1'."""
    pool = [c for c in head.candidates if c.kind != "country"]
    if len(pool) < 2:
        return place
    scored = sorted(
        ((_score(c, head, "head", countries, admin1, context), c) for c in pool), key=lambda x: -x[0]
    )
    shown = " > ".join(
        f"{c.name} {c.alpha2} {c.kind[0]} {score:.1f}" for score, c in scored[:_SHOWN_CANDIDATES]
    )
    return replace(place, evidence=f"{place.evidence}; candidates: {shown}")


_SHOWN_CANDIDATES = 4


def unknown_place_name(mentions: list[PlaceMention], gazetteer: Gazetteer) -> str | None:
    """ACLED's spelling of the first name after a locative cue that the gazetteer lacks, if any."""
    unknown = _unknown_mention(mentions, set(), PlaceContext(), gazetteer)
    return ascii_name(unknown.text) if unknown is not None else None


def _unknown_mention(
    mentions: list[PlaceMention], countries: set[str], context: PlaceContext, gazetteer: Gazetteer
) -> PlaceMention | None:
    """The first name after a locative cue that the gazetteer lacks ('in Mikinduri'), or knows only
    abroad under an alias ('in Boni forest'); not a people ('in Kenyan hands'), a level or a
    landmark word ('in the Municipality of X', 'outside the Oqaqeni Clinic')."""
    for mention in sorted(mentions, key=lambda m: not _coded_unknown(m)):  # the analyst's coding first
        if not _named_after_cue(mention) or mention.level in lex.BROAD_LEVELS:
            continue
        words = mention.text.lower().split()
        if (
            words[0] not in _NOT_A_NAME
            and words[-1] not in lex.LANDMARK_WORDS
            and gazetteer.demonym(mention.text) is None
            and not _is_people_name(mention.text)
            and not _without_foreign_aliases(list(mention.candidates), mention, countries, context)
        ):  # the filtering of candidates last: it costs the most
            return mention
    return None


def _coded_unknown(mention: PlaceMention) -> bool:
    """'[coded to Joghba]': the analyst's coding names a place the gazetteer does not know at all."""
    return mention.cue in lex.CODED_CUES and not mention.candidates


_NOT_A_NAME = lex.ADMIN_LEVEL_WORDS | lex.TOWN_LEVEL_WORDS | lex.OF_PLACE_NOUNS | lex.SUBTOWN_PREFIXES


def _unknown_place(
    unknown: PlaceMention,
    nearby: Place | None,
    mentions: list[PlaceMention],
    context: PlaceContext,
    gazetteer: Gazetteer,
) -> Place | None:
    """ACLED's location is the name the text gives even when the gazetteer lacks it. It is coded
    at a place the sentence also names (geo_precision 2) when that one lies in the country named,
    else by its country alone: the sentence's, the document's, or that other place's."""
    named = [c.alpha2 for m in mentions if not m.neighbour for c in m.candidates if c.kind == "country"]
    priors = context.without_echo_of(unknown).countries  # 'Shakhta' does not vote for Russia's Shakhta
    alpha2 = named[0] if named else (priors[0] if priors else None)
    location = ascii_name(unknown.text)
    near = _spelled_otherwise(unknown, alpha2 or _alpha2_of(nearby, gazetteer), None, gazetteer)
    if near is not None and (nearby is None or _close(near, nearby)):
        return near
    seat = _district_seat(unknown, alpha2 or _alpha2_of(nearby, gazetteer), gazetteer)
    if seat is not None and (nearby is None or _close(seat, nearby, 4 * _SPELLING_KM)):
        return seat
    if nearby is not None and (alpha2 is None or gazetteer.country(alpha2) == _country_of(nearby, gazetteer)):
        why = f"'{unknown.text}' not in gazetteer; coded at '{nearby.location}' named in the same sentence"
        return replace(nearby, location=location, geo_precision=2, population=0, evidence=why)
    country = gazetteer.country(alpha2) if alpha2 else None
    if country is None:
        return nearby
    entry = Entry("country", country.name, country.alpha2, None, None, 0.0, 0.0, 0, country.alpha2)
    return _unplaced(gazetteer, location, entry)
