"""A document's place priors: the countries and admin1 regions it names, most often first.

`document_context` weighs countries named outright, unambiguous places and nationality words (and
the source's metadata) so that `extraction.places.resolve_location` can choose among namesakes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extraction.places import lexicon as lex
from extraction.places.gazetteer import Gazetteer
from extraction.places.institutions import home_countries, institution_countries
from extraction.places.mentions import (
    _BIG_PLACE,
    PlaceMention,
    _fold_word,
    find_places,
)
from extraction.places.spelling import same_spelling
from extraction.places.surroundings import _is_people_name
from extraction.places.tokens import capitalised_words


@dataclass(frozen=True)
class PlaceContext:
    """Priors from the whole document: countries (alpha-2) and admin1 keys, most mentioned first.

    `named` are the countries the document places things in outright ('in Thailand', '..., Peru'),
    by nationality or by its source's metadata: firm evidence, unlike a country inferred from an
    ambiguous place. `echoes` pairs a country with the one folded name that is its only support
    ('bugar' supports China): that name must not vote for itself when it is being resolved.
    """

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    echoes: frozenset[tuple[str, str]] = frozenset()
    placing: tuple[str, ...] = ()  # countries something in the text or metadata is placed in
    # admin1 keys paired with the one folded name that is their only support ('tripoli' supports
    # Libya's Tripoli region): a city does not vote for itself through its namesake region
    region_echoes: frozenset[tuple[str, str]] = frozenset()
    # countries the text knows only by armed forces that may act abroad ('an Israeli airstrike hit
    # a car in Bint Jbeil'): no reason to drop a place elsewhere that matches by an alternate name
    abroad: frozenset[str] = frozenset()

    def supports_region(self, key: str, mention: PlaceMention) -> bool:
        """Whether the document's admin1 priors (top three) hold `key`: by more than the mention's
        own name, or by its name in the document's first country ('Islamabad' names its capital
        territory; 'Tripoli' after 'the Lebanese army' does not name Libya's Tripoli region)."""
        if key not in self.admin1[:3]:
            return False
        own = (key, _fold_word(mention.text)) in self.region_echoes
        return not own or (bool(self.countries) and key[:2] == self.countries[0])

    def naming_first(self, codes: Sequence[str]) -> PlaceContext:
        """These priors with countries a sentence names (alpha-2) first and counted as named."""
        return replace(
            self,
            countries=tuple(dict.fromkeys([*codes, *self.countries])),
            named=tuple(dict.fromkeys([*codes, *self.named])),
        )

    def without_echo_of(self, mention: PlaceMention) -> PlaceContext:
        """The priors as seen by `mention`: without what only its own name suggested."""
        if not self.echoes:
            return self
        key = _fold_word(mention.text)
        countries = tuple(c for c in self.countries if (c, key) not in self.echoes)
        return self if len(countries) == len(self.countries) else replace(self, countries=countries)


def country_from_text(text: str, gazetteer: Gazetteer) -> list[str]:
    """Countries (alpha-2) named in text by name or nationality adjective ('Afghan' -> 'AF'), in order."""
    found: list[str] = []
    for word, tail in capitalised_words(text):
        alpha2 = gazetteer.demonyms.get(_fold_word(word))
        if alpha2 and alpha2 not in found and not lex.SPONSOR_AFTER.match(text, tail):
            found.append(alpha2)
    for mention in find_places(text, gazetteer):
        for candidate in mention.candidates:
            if candidate.kind == "country" and candidate.alpha2 not in found:
                found.append(candidate.alpha2)
    return found


def _mention_country(mention: PlaceMention) -> tuple[str | None, float]:
    """The country a mention points to and how surely: by name (2), all candidates in one country
    (1), or a candidate far more populous than any abroad (0.5, 'Donetsk'), counting places only by
    their own name, not by one of their alternate names."""
    named = [c.alpha2 for c in mention.candidates if c.kind == "country"]
    if named:
        return named[0], 2.0
    codes = {c.alpha2 for c in mention.candidates}
    written = _fold_word(mention.text)
    if len(codes) == 1:
        own = any(_by_own_name(c, written) for c in mention.candidates)
        return codes.pop(), 1.0 if own else _ALIAS_WEIGHT
    biggest: dict[str, int] = {}
    for candidate in mention.candidates:
        if candidate.kind == "place" and _fold_word(candidate.name) != written:
            continue  # 'Dowa' is an alias of China's Duoba, but Malawi's Dowa by name
        biggest[candidate.alpha2] = max(biggest.get(candidate.alpha2, 0), candidate.population)
    ranked = sorted(biggest.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] >= 5 * max(ranked[1][1], 1) and ranked[0][1] >= _BIG_PLACE:
        return ranked[0][0], 0.5
    return None, 0.0


def _by_own_name(entry, written: str) -> bool:
    """A region by any of its names, a place by its own name or a transliteration of it: not by
    one of its many alternate names ('Inata' is an alias of Japan's Inada)."""
    return entry.kind != "place" or same_spelling(entry.name, written) or entry.population >= _ALIAS_CITY


def regions_in_passing(text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """admin1 key -> alpha-2 of the regions a text names anywhere, also inside another name ('All
    Sindh Disabled Ittehad', 'Hyderabad Press Club ... Sindh National Party'): one to three
    capitalised words naming a region of one country only, of five letters or more, neither a
    common word nor a people ('Turkana herders')."""
    words = [w.group() for w in _CAPITALISED_RE.finditer(text)]
    regions: dict[str, str] = {}
    for i in range(len(words)):
        for n in range(min(3, len(words) - i), 0, -1):
            key = _fold_word(" ".join(words[i : i + n]))
            if len(key) < _REGION_LETTERS or key in lex.COMMON_WORDS or _is_people_name(key):
                continue
            found = {c.admin1_key: c.alpha2 for c in gazetteer.regions(key) if c.kind == "admin1"}
            if len(found) == 1:
                regions.update(found)  # type: ignore[arg-type]
    return regions


_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]+\b")
_REGION_LETTERS = 5


def compound_countries(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """(alpha-2, folded compound) of the hyphenated pairs of places a text names as one road or
    axis ('the Faridkot-Amritsar highway', 'the Tamale-Bolgatanga station'), which the scan reads as
    one unknown name or not at all: when the two places share one country only, both lie in it."""
    found: list[tuple[str, str]] = []
    for match in _COMPOUND_RE.finditer(text):
        first, second = (_fold_word(part) for part in match.groups())
        if first in lex.COMMON_WORDS or second in lex.COMMON_WORDS:
            continue
        shared = _place_countries(first, gazetteer) & _place_countries(second, gazetteer)
        if len(shared) == 1:
            found.append((shared.pop(), f"{first} {second}"))
    return found


def _place_countries(key: str, gazetteer: Gazetteer) -> set[str]:
    return {c.alpha2 for c in gazetteer.candidates(key) if c.kind != "country"} if key in gazetteer else set()


_COMPOUND_RE = re.compile(r"(?<![\w-])([A-Z][a-z]{3,})-([A-Z][a-z]{3,})(?![\w-])")


def document_context(
    text: str,
    gazetteer: Gazetteer,
    mentions: list[PlaceMention] | None = None,
    fallback: Sequence[str] = (),
) -> PlaceContext:
    """Priors for a document: countries and admin1 regions it names, most often first.

    Countries count by name, by unambiguous places/regions (all candidates in one country) and,
    with half weight, by nationality adjectives. `fallback` (alpha-2 codes the caller knows from
    metadata, e.g. a source 'Daily Nation (Kenya)') weigh between a place and a country name:
    short notes often name no country, and without one a Kenyan village loses to a namesake abroad.
    """
    mentions = find_places(text, gazetteer) if mentions is None else mentions
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    support: dict[str, set[str]] = {}
    region_support: dict[str, set[str]] = {}
    named: list[str] = []
    for mention in mentions:
        alpha2, weight = _mention_country(mention)
        if alpha2 and mention.neighbour:
            countries[alpha2] += _NEIGHBOUR_WEIGHT
        elif alpha2:
            countries[alpha2] += weight
            if mention.is_country and (_placed_in(mention) or mention.linked):
                named.append(alpha2)
            elif not mention.is_country:
                support.setdefault(alpha2, set()).add(_fold_word(mention.text))
        keys = {c.admin1_key for c in mention.candidates if c.kind == "admin1"}
        if len(keys) == 1 and not _region_dwarfed(mention):
            key = keys.pop()
            regions[key] += 1
            region_support.setdefault(key, set()).add(_fold_word(mention.text))
    for alpha2, name in compound_countries(text, gazetteer):  # 'the Faridkot-Amritsar highway'
        countries[alpha2] += 1.0
        support.setdefault(alpha2, set()).add(name)
    forces: list[str] = []
    for word, tail in capitalised_words(text):
        alpha2 = gazetteer.demonyms.get(_fold_word(word))
        if alpha2 and lex.SPONSOR_AFTER.match(text, tail):
            continue  # 'Iranian-backed militias': a sponsor says nothing of where they act
        if alpha2 and lex.FORCES_AFTER.match(text, tail):
            countries[alpha2] += _FORCES_WEIGHT
            forces.append(alpha2)  # 'Ukrainian Forces': named only if a place there is named too
        elif alpha2 and lex.VISITOR_AFTER.match(text, tail):
            countries[alpha2] += _NEIGHBOUR_WEIGHT
        elif alpha2:
            countries[alpha2] += _CROWD_WEIGHT if lex.CROWD_AFTER.match(text, tail) else 0.5
            named.append(alpha2)
    named += [alpha2 for alpha2 in forces if alpha2 in support]
    abroad = frozenset(forces) - set(named) - set(support)
    for name in institution_countries(text):  # 'FACA soldiers', 'MONUSCO': like 'Ukrainian forces'
        for alpha2 in {c.alpha2 for c in gazetteer.regions(_fold_word(name)) if c.kind == "country"}:
            countries[alpha2] += _FORCES_WEIGHT
    for name in home_countries(text):  # 'al Shabaab': a hint of where, weaker than any place
        for alpha2 in {c.alpha2 for c in gazetteer.regions(_fold_word(name)) if c.kind == "country"}:
            countries[alpha2] += _HOME_WEIGHT
    for alpha2 in fallback:
        countries[alpha2] += _METADATA_WEIGHT
        named.append(alpha2)
    firm = set(named)
    echoes = frozenset(
        (code, next(iter(names))) for code, names in support.items() if len(names) == 1 and code not in firm
    )
    return PlaceContext(
        tuple(c for c, _ in countries.most_common()),
        tuple(k for k, _ in regions.most_common()),
        tuple(dict.fromkeys(named)),
        echoes,
        tuple(dict.fromkeys([*named, *support])),
        frozenset((key, next(iter(names))) for key, names in region_support.items() if len(names) == 1),
        abroad,
    )


# 'Lebanese protesters', 'Kenyan students': a crowd demonstrates at home, which says where as
# firmly as a place does.
_CROWD_WEIGHT = 2.0


def _region_dwarfed(mention: PlaceMention) -> bool:
    """'central Santiago', 'Man town': a region of that name abroad is no prior of its own when a
    city of the very name is at least twice as populous elsewhere (Santiago de Chile, not the
    Dominican province; Man in Ivory Coast, not Jordan's Ma'an)."""
    regions = [c for c in mention.candidates if c.kind == "admin1"]
    rivals = [
        c
        for c in mention.candidates
        if c.kind == "place"
        and all(c.alpha2 != r.alpha2 and c.population >= 2 * r.population for r in regions)
    ]
    written = _fold_word(mention.text) if rivals else ""
    return any(_fold_word(c.name) == written for c in rivals)


def _placed_in(mention: PlaceMention) -> bool:
    """'in Thailand', 'across Somalia': a locative cue, not 'between' nor 'to Ethiopia'."""
    return mention.cue in lex.STRONG_CUES and mention.cue != "between"


_METADATA_WEIGHT = 1.5
# 'Lebanese army', 'Somali forces': a state's forces act mostly at home, which outweighs a
# namesake's population ('Tripoli' in Libya is five times Lebanon's).
_FORCES_WEIGHT = 1.0
_NEIGHBOUR_WEIGHT = 0.25
# 'al Shabaab fighters': a multi-country group's home (group_homes.csv) breaks a tie between
# namesakes of countries nothing else names, and outweighs nothing the text says
_HOME_WEIGHT = 0.25
# A name that matches places of one country only by an alternate name: a local village the
# gazetteer lacks is as likely as that foreign place.
_ALIAS_WEIGHT = 0.25
_ALIAS_CITY = 1_000_000
