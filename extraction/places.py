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

`find_places` scans capitalised word n-grams (1-6 words, joined by spaces or hyphens) against the
folded-name index, longest first, and drops what is usually not a place: stop-listed words
(months, titles, actor names), names inside a longer proper noun ('Imran *Khan*') and unknown
words. After a locative cue ('in', 'near', ...) it also keeps a capitalised name the gazetteer does
not know when a known place follows it in ACLED's chained form ('in Bar-Sanguun village
(Kismaayo, Lower Juba)'), so the event can be coded to that name at its parent's coordinates.

`resolve_location` groups mentions into chains (a place followed by its parents after a comma or
in parentheses), resolves each chain's parents first (admin1 preferred), the head constrained by
them, and candidates by: countries/admin1 named in the sentence, then the document's priors, then
population. It returns the most specific place of the first chain introduced by a locative cue.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from extraction import place_lexicon as lex
from extraction.gazetteer import SUBDIVISION_ID_PREFIX, Country, Entry, Gazetteer, ascii_name, fold_name

MAX_WORDS = 6
_BIG_PLACE = 20_000
_CITY_WITH_DISTRICTS = 100_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A name in the text that may be a place, with its gazetteer candidates.

    `candidates` are countries and admin1 regions first, then places by population; an empty
    tuple means a name the gazetteer does not know, kept only after a locative cue. `cue` is the
    locative word before it ('in', 'near', ...), `level` the administrative or settlement word after
    it ('province', 'town'), `linked` whether it directly follows the previous mention as its parent
    ('Watamu, Kilifi', 'Taraganj town (Rangpur)'), `part_of_previous` whether the previous mention
    is only an area of this one ('the Cuauhtemoc area of Mexico City'), `landmark` whether it names
    a building or road rather than the place ('Chittagong university', 'Paulista Avenue').
    A city district written ACLED's way keeps its district in the text ('Dhaka - Uttara').
    """

    text: str
    start: int
    end: int
    candidates: tuple[Entry, ...]
    cue: str | None = None
    level: str | None = None
    linked: bool = False
    part_of_previous: bool = False
    landmark: bool = False
    bracketed: bool = False
    sentence_initial: bool = False
    possessed: bool = False  # right after a possessive country: "Tajikistan's Danghara District"
    neighbour: bool = False  # a country named as a border or an origin: 'near the border with Somalia'

    @property
    def is_country(self) -> bool:
        """Names a country ('Mexico' is one even though a state and towns share the name)."""
        return any(c.kind == "country" for c in self.candidates)


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
        key = fold_name(mention.text)
        countries = tuple(c for c in self.countries if (c, key) not in self.echoes)
        return self if len(countries) == len(self.countries) else replace(self, countries=countries)


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

    def as_record(self) -> dict[str, object]:
        """The ACLED columns this place fills."""
        return {
            "location": self.location,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": None,
            "country": self.country,
            "iso": self.iso,
            "region": self.region,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
        }


@dataclass
class _Token:
    text: str
    start: int
    end: int
    key: str  # folded, for the gazetteer and the stop list
    capital: bool
    acronym: bool = field(default=False)
    lower: str = ""  # lower-cased, for the small word lists (connectors, level words)
    tail: int = 0  # end including a possessive "'s" ("Russia's", "Cox's Bazar"), else == end


# Capitalised words that start no unknown place name either (languages, media, sentence openers).
_UNKNOWN_STOP = frozenset(fold_name(w) for w in "Farsi Dari Pashto Urdu Arabic English Russian Soon".split())

_fold_word = lru_cache(maxsize=1 << 16)(fold_name)


def _tokenize(text: str) -> list[_Token]:
    """Capitalised words and the connectors that may sit inside a name ('Rio de Janeiro'); other
    lower-case words are skipped (adjacency is checked on the text between tokens)."""
    tokens = []
    for match in lex.NAME_WORD.finditer(text):
        word = match.group()
        capital = word[0].isupper()
        if not capital and word not in lex.CONNECTORS:
            continue
        end = match.end()
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        key = _fold_word(word)
        tokens.append(
            _Token(
                word,
                match.start(),
                end,
                key,
                capital,
                1 < len(word) <= 5 and word.isupper(),
                word.lower(),
                match.end(),
            )
        )
    return tokens


def _joined(text: str, left: _Token, right: _Token) -> bool:
    return lex.JOIN_GAP.fullmatch(text, left.tail, right.start) is not None


def _ngram_key(tokens: list[_Token], i: int, length: int) -> str:
    """Folded key of tokens i..i+length-1; a possessive inside a name keeps its s ('coxs bazar')."""
    parts = [t.key + ("s" if t.tail != t.end else "") for t in tokens[i : i + length - 1]]
    return " ".join([*parts, tokens[i + length - 1].key])


def _match_at(text: str, tokens: list[_Token], i: int, gazetteer: Gazetteer) -> int:
    """Length (in tokens) of the longest known name starting at token i, 0 if none."""
    key = tokens[i].key
    alone = key not in lex.STOP_WORDS and key not in lex.NOT_ALONE
    best = 1 if alone and key in gazetteer and not _demonym_only(key, gazetteer) else 0
    for j in range(i + 1, min(i + MAX_WORDS, len(tokens))):
        if not _joined(text, tokens[j - 1], tokens[j]):
            break
        token = tokens[j]
        if not token.capital and token.lower not in lex.CONNECTORS:
            break
        previous = tokens[j - 1]
        key = f"{key}{'s' if previous.tail != previous.end else ''} {token.key}"
        if token.capital and key in gazetteer and key not in lex.STOP_WORDS:
            best = j - i + 1
    return best


def _demonym_only(key: str, gazetteer: Gazetteer) -> bool:
    """'Kazakh' is a nationality here, not the Azerbaijani town; 'Somali' is also Ethiopia's region."""
    return key in gazetteer.demonyms and all(c.kind == "place" for c in gazetteer.candidates(key))


def _inside_longer_name(text: str, tokens: list[_Token], i: int) -> bool:
    """'Imran Khan', 'Islamic State Khorasan': a name glued to a preceding capitalised word."""
    if i == 0:
        return False
    previous = tokens[i - 1]
    if previous.lower == "of":
        return (
            i >= 2
            and tokens[i - 2].capital
            and _joined(text, tokens[i - 2], previous)
            and _joined(text, previous, tokens[i])
            and tokens[i - 2].lower not in lex.OF_PLACE_NOUNS  # 'Province of Kandahar'
            and tokens[i - 2].lower not in lex.LANDMARK_WORDS  # 'the University of Machakos'
            and not _starts_sentence(text, tokens[i - 2].start)  # 'Residents of Bomet County'
        )  # 'Institute of Peace'
    if not previous.capital or previous.tail != previous.end or not _joined(text, previous, tokens[i]):
        return False
    return previous.lower not in lex.CUES and previous.lower not in {"the", "and"}


def _cue_before(text: str, start: int) -> str | None:
    """The locative cue ending right before `start` ('in', 'near', 'on the outskirts of'), if any."""
    if start < 2 or not text[start - 1].isspace():
        return None
    words = text[max(0, start - 64) : start].lower().split()[-8:]
    if words and words[-1].endswith(("'s", "’s")):
        words.pop()  # "in Russia's Kaluga region": the owner's cue is the name's
    while len(words) > 1 and words[-1] in _REGION_ADJECTIVES:
        words.pop()  # 'in northern Mali', 'through central Santiago'
    if not words or words[-1].lstrip("(\"'“‘") not in lex.CUE_ENDINGS:
        return None
    words = [w.strip("(\"'“‘") for w in words]
    if words and words[-1] == "the":
        words.pop()
    if len(words) >= 2 and words[-1] == "of" and words[-2] in lex.OF_SETTLEMENT:
        del words[-2:]  # 'in the central city of Bamiyan'
        while words and words[-1] in lex.SETTLEMENT_ADJECTIVES:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    for size in (4, 3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in lex.CUES:
            return " ".join(words[-size:])
    return None


_REGION_ADJECTIVES = frozenset(lex.DIRECTIONS.split()) | {"central", "north-eastern", "north-western"}


def _level_after(text: str, end: int) -> str | None:
    match = lex.LEVEL_AFTER.match(text, end)
    if match is None:
        return None
    word = match.group(1).lower()
    return word if word in lex.ADMIN_LEVEL_WORDS or word in lex.TOWN_LEVEL_WORDS else None


def _unknown_length(text: str, tokens: list[_Token], i: int, mentions: list[PlaceMention]) -> int:
    """Tokens of an unknown capitalised name (1-4 words) right after a strong locative cue, or
    followed by its parents in brackets ('attacked Nacoba village (Quissanga, Cabo Delgado)'), or
    chained to the previous mention and followed by a level word ('Matlab Dakshin upazila').
    Trailing level words are not part of the name ('Paletwa Township' is Paletwa)."""
    if not tokens[i].capital or tokens[i].key in lex.STOP_WORDS or tokens[i].acronym:
        return 0
    if tokens[i].key in _UNKNOWN_STOP or tokens[i].key in lex.NOT_ALONE:
        return 0
    after_cue = _cue_before(text, tokens[i].start) in lex.STRONG_CUES
    length = 1
    while (
        i + length < len(tokens)
        and length < 4
        and (tokens[i + length].capital or tokens[i + length].lower in lex.CONNECTORS)
        and _joined(text, tokens[i + length - 1], tokens[i + length])
        and tokens[i + length].key not in lex.STOP_WORDS
    ):
        length += 1
    while length > 1 and (
        not tokens[i + length - 1].capital or tokens[i + length - 1].lower in lex.NAME_LEVELS
    ):
        length -= 1
    end = tokens[i + length - 1].end
    if after_cue or lex.BRACKET_AFTER.match(text, end):
        return length
    if mentions and mentions[-1].candidates and _quarter_of(text, mentions[-1], tokens[i].start):
        return length  # 'the Nairobi slum of Kawangware'
    chained = bool(mentions) and _link(text, mentions[-1].end, tokens[i].start) == "parent"
    return length if chained and _level_after(text, end) else 0


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every country, admin1 or populated-place name in `text` (spans are offsets into `text`).

    Sentence-sized results are cached per (text, gazetteer): the engine asks about a clause, its
    sentence and the paragraph around it, so the same text comes back several times. Whole
    documents are scanned uncached to keep memory flat.
    """
    if len(text) > _CACHED_TEXT_CHARS:
        return _scan(text, gazetteer)
    return list(_find_places_cached(text, gazetteer))


_CACHED_TEXT_CHARS = 5_000


@lru_cache(maxsize=2048)
def _find_places_cached(text: str, gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    return tuple(_scan(text, gazetteer))


def _scan(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    tokens = _tokenize(text)
    mentions: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.capital or token.acronym:
            i += 1
            continue
        length = _match_at(text, tokens, i, gazetteer)
        if (
            length
            and _continues_name(text, tokens, i + length, gazetteer)
            and not (
                _is_big_city(gazetteer, _ngram_key(tokens, i, length))
                and not _person_follows(text, tokens, i + length)
            )
        ):
            length = 0
        known = length > 0
        if not known and not _nationality_word(token.key, gazetteer):
            length = _unknown_length(text, tokens, i, mentions)
        if length and (
            not _inside_longer_name(text, tokens, i) or _names_country(tokens, i, length, gazetteer)
        ):
            mentions.append(_mention(text, tokens, i, length, gazetteer, known, mentions))
            while i < len(tokens) and tokens[i].start < mentions[-1].end:
                i += 1
        else:
            i += max(length, 1)
    return [m for m in mentions if _plausible(m, mentions, text) and not _people(m, gazetteer, text)]


def _nationality_word(key: str, gazetteer: Gazetteer) -> bool:
    """'the eastern Kenyan town of Garissa', "Kenyas border town" (an apostrophe lost): a
    nationality or a country's possessive is never an unknown place name."""
    if key in gazetteer.demonyms:
        return True
    stem = key[:-1]
    if not key.endswith("s") or stem not in gazetteer:
        return False
    return any(c.kind == "country" for c in gazetteer.candidates(stem))


def _people(mention: PlaceMention, gazetteer: Gazetteer, text: str) -> bool:
    """'Somali shop owner', 'Somali and Samburu clash', '400 Maasai demonstrators': a nationality or
    an ethnic group that is also a place's name (Ethiopia's Somali region, Malaysia's Maasai) is
    the people unless a level word, a locative cue, a chain ('(Kisii)') or a place noun ('Meru
    residents') makes it a place."""
    if mention.level is not None or mention.is_country or mention.linked:
        return False
    if gazetteer.demonym(mention.text) is not None:
        return mention.cue not in lex.STRONG_CUES
    if not _is_people_name(mention.text) or any(c.kind == "admin1" for c in mention.candidates):
        return False  # 'Samburu', 'Turkana' and 'Kisii' are also Kenyan counties
    if lex.PLACE_NOUN_AFTER.match(text, mention.end) or lex.PLACE_NOUN_BEFORE.search(
        text, max(0, mention.start - 24), mention.start
    ):
        return False
    named_after = _NAME_AFTER.match(text, mention.end) is not None  # 'the Maasai Mau forest'
    return named_after or mention.cue not in lex.STRONG_CUES or mention.cue == "between"


_NAME_AFTER = re.compile(r"(?:['’]s)?\s[A-Z][a-z]")


def _is_people_name(name: str) -> bool:
    return _fold_word(name) in lex.PEOPLES


def _names_country(tokens: list[_Token], i: int, length: int, gazetteer: Gazetteer) -> bool:
    """'Interior Ministry of Tajikistan' still says Tajikistan (a country is never an event location,
    only the country prior of its sentence)."""
    return any(c.kind == "country" for c in gazetteer.candidates(_ngram_key(tokens, i, length)))


def _plausible(mention: PlaceMention, mentions: list[PlaceMention], text: str) -> bool:
    """Keep a name only with some sign it is a place: an unknown name needs a known parent; a
    small place (most are also surnames or words) needs a cue or a chain; nobody 'said' anything."""
    if mention.is_country:
        return True  # 'Tajikistan said': still the sentence's country, and never a location itself
    if lex.SPEECH_AFTER.match(text, mention.end) or lex.GROUP_AFTER.match(text, mention.end):
        return False
    if (
        len(mention.text) <= 4
        and _NUMBER_AFTER.match(text, mention.end)
        and all(c.kind == "place" and c.population < _BIG_PLACE for c in mention.candidates)
    ):
        return False  # 'Moo 3', 'Plot 11': a numbered unit's label, not a village of that name
    if not mention.candidates:
        return mention.possessed or _has_known_parent(mention, mentions) or _named_after_cue(mention)
    if any(c.kind != "place" or c.population >= _BIG_PLACE for c in mention.candidates):
        return not (mention.sentence_initial and mention.cue is None and _all_small_or_places(mention))
    return mention.cue is not None or mention.linked or _has_known_parent(mention, mentions)


_NUMBER_AFTER = re.compile(r"\s\d")


def _named_after_cue(mention: PlaceMention) -> bool:
    """'in Mikinduri', 'at Kathanje': a name the gazetteer lacks, kept as the last resort of
    `resolve_location` (coded by its country alone) when nothing known is named."""
    return mention.cue in lex.STRONG_CUES and not mention.landmark and not mention.sentence_initial


def _all_small_or_places(mention: PlaceMention) -> bool:
    return all(c.kind == "place" and c.population < 5 * _BIG_PLACE for c in mention.candidates)


def _person_follows(text: str, tokens: list[_Token], j: int) -> bool:
    """'Victoria Nuland visited Kyiv': a big city's name followed by a surname and a person's verb.
    Otherwise a big city followed by a capitalised word keeps its place reading ('Mombasa Law
    Courts', 'Faridpur Press Club', 'Mogadishu-Hodan')."""
    return j < len(tokens) and lex.PERSON_VERB_AFTER.match(text, tokens[j].tail) is not None


def _continues_name(text: str, tokens: list[_Token], j: int, gazetteer: Gazetteer) -> bool:
    """A known name that is only the start of a longer unknown one: 'Bar' in 'Bar-Sanguun', 'Char' in
    'Char Husainpur', 'Chhatra' in 'Chhatra League', 'Rail' in 'Rail-gate' (level and landmark words
    and 'Police' do not count)."""
    end = tokens[j - 1].end
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].islower():
        return True
    if not 0 < j < len(tokens) or not tokens[j].capital:
        return False
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap == "-":
        return True
    word = tokens[j].lower
    return gap == " " and not (
        word in lex.ADMIN_LEVEL_WORDS
        or word in lex.TOWN_LEVEL_WORDS
        or word in lex.LANDMARK_WORDS
        or word in lex.AFTER_PLACE_WORDS
        or tokens[j].acronym
    )


def _mention(
    text: str,
    tokens: list[_Token],
    i: int,
    length: int,
    gazetteer: Gazetteer,
    known: bool,
    previous: list[PlaceMention],
) -> PlaceMention:
    start, end = tokens[i].start, tokens[i + length - 1].end
    key = _ngram_key(tokens, i, length)
    link = _link(text, previous[-1].end, start) if previous else None
    surface_end = _dash_district_end(text, end, gazetteer) if known else end
    candidates = gazetteer.candidates(key) if known else ()
    return PlaceMention(
        text[start:surface_end],
        start,
        surface_end,
        candidates,
        _cue_before(text, start),
        _level_after(text, surface_end) or _settlement_before(text, start),
        link is not None,
        link == "part",
        lex.LANDMARK_AFTER.match(text, surface_end) is not None,
        link is not None and "(" in text[previous[-1].end : start],
        _starts_sentence(text, start),
        bool(previous) and _possessed_by(text, previous[-1], start),
        _neighbour_country(text, start, surface_end, candidates),
    )


def _neighbour_country(text: str, start: int, end: int, candidates: tuple[Entry, ...]) -> bool:
    """'at the border with Somalia', 'the Somalia border', 'refugees from Sudan': a country named as
    a neighbour or an origin is not where the event happened."""
    if not any(c.kind == "country" for c in candidates):
        return False
    before = lex.NEIGHBOUR_BEFORE.search(text, max(0, start - 24), start)
    return bool(before or lex.BORDER_AFTER.match(text, end))


def _possessed_by(text: str, owner: PlaceMention, start: int) -> bool:
    """Tajikistan's "Danghara District" (also as the engine passes it, the "'s" blanked out),
    "Baghlan province's capital city; Pul-i-Khumri" and "the Nairobi slum of Kawangware": the
    owner is the parent of what follows."""
    if _quarter_of(text, owner, start):
        return bool(owner.candidates)
    return owner.is_country and _POSSESSIVE_GAP.fullmatch(text, owner.end, start) is not None


def _quarter_of(text: str, owner: PlaceMention, start: int) -> bool:
    if not 4 < start - owner.end < 48:  # cheap: called for every unknown capitalised word
        return False
    gap = (owner.end, start)
    return bool(_CAPITAL_GAP.fullmatch(text, *gap) or _QUARTER_OF_GAP.fullmatch(text, *gap))


_QUARTER_OF_GAP = re.compile(r"\s+(?:slum|suburb|estate|township|neighbou?rhood)\s+of\s+", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"['’]s\s+|\s{3,}")
_CAPITAL_GAP = re.compile(
    r"\s+(?:(?:province|state|region|district|county|governorate)(?:['’]s|\s{2})\s+)?"
    r"(?:provincial\s+)?capital(?:\s+city)?\s*[;,:(]?\s*",
    re.IGNORECASE,
)
_SETTLEMENT_OF = re.compile(r"\b(city|town|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _settlement_before(text: str, start: int) -> str | None:
    """'the city of Jalalabad': the name is a town even where the gazetteer only knows a region."""
    match = _SETTLEMENT_OF.search(text, max(0, start - 20), start)
    return match.group(1).lower() if match else None


def _starts_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position] in " \t":
        position -= 1
    return position < 0 or text[position] in '.!?:\n"“”'  # after ';' a capital is a name


def _is_big_city(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.kind == "place" and c.population >= _CITY_WITH_DISTRICTS for c in gazetteer.candidates(key))


def _dash_district_end(text: str, end: int, gazetteer: Gazetteer) -> int:
    """End of 'Dhaka - Uttara' or 'Mogadishu-Hodan' (a city and its district, ACLED's location
    style) if the text has it; 'Dhaka - Mymensingh highway' is a road between two places."""
    match = lex.DASH_DISTRICT.match(text, end)
    if match is None or lex.LANDMARK_AFTER.match(text, match.end()) is not None:
        return end
    return match.end()


def _link(text: str, start: int, end: int) -> str | None:
    """How a mention relates to the previous one: 'parent' (comma/bracket chain), 'part' (the previous
    one is an area of this one), or None."""
    gap = text[start:end]
    if lex.PART_OF_GAP.fullmatch(gap):
        return "part"
    if lex.SETTLEMENT_IN_GAP.fullmatch(gap):
        return "parent"
    if len(gap) > 60 or not any(ch in gap for ch in ",("):
        return None
    for word in lex.GAP_WORD.findall(gap):
        if not (word[0].isupper() or word.lower() in lex.GAP_WORDS or word == "-" or _camel(word)):
            return None
    return "parent"


def _camel(word: str) -> bool:
    """'eThekwini', 'iSimangaliso': a name written with a lower-case prefix letter."""
    return len(word) > 2 and word[0].islower() and word[1].isupper()


def _has_known_parent(mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    for following in mentions[mentions.index(mention) + 1 :]:
        if not following.linked:
            return False
        if following.candidates:
            return True
    return False


def country_from_text(text: str, gazetteer: Gazetteer) -> list[str]:
    """Countries (alpha-2) named in text by name or nationality adjective ('Afghan' -> 'AF'), in order."""
    found: list[str] = []
    for token in _tokenize(text):
        alpha2 = gazetteer.demonym(token.text) if token.capital else None
        if alpha2 and alpha2 not in found:
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
    if len(codes) == 1:
        return codes.pop(), 1.0
    written = fold_name(mention.text)
    biggest: dict[str, int] = {}
    for candidate in mention.candidates:
        if candidate.kind == "place" and fold_name(candidate.name) != written:
            continue  # 'Dowa' is an alias of China's Duoba, but Malawi's Dowa by name
        biggest[candidate.alpha2] = max(biggest.get(candidate.alpha2, 0), candidate.population)
    ranked = sorted(biggest.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] >= 5 * max(ranked[1][1], 1) and ranked[0][1] >= _BIG_PLACE:
        return ranked[0][0], 0.5
    return None, 0.0


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
                support.setdefault(alpha2, set()).add(fold_name(mention.text))
        keys = {c.admin1_key for c in mention.candidates if c.kind == "admin1"}
        if len(keys) == 1 and not _region_dwarfed(mention):
            regions[keys.pop()] += 1
    forces: list[str] = []
    for token in _tokenize(text):
        alpha2 = gazetteer.demonym(token.text) if token.capital else None
        if alpha2 and lex.FORCES_AFTER.match(text, token.tail):
            countries[alpha2] += 0.5
            forces.append(alpha2)  # 'Ukrainian Forces': named only if a place there is named too
        elif alpha2 and lex.VISITOR_AFTER.match(text, token.tail):
            countries[alpha2] += _NEIGHBOUR_WEIGHT
        elif alpha2:
            countries[alpha2] += 0.5
            named.append(alpha2)
    named += [alpha2 for alpha2 in forces if alpha2 in support]
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
    )


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
_NEIGHBOUR_WEIGHT = 0.25


# ---------------------------------------------------------------------------------------------
# Resolution


def _chains(mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    chains: list[list[PlaceMention]] = []
    for mention in mentions:
        if mention.linked and chains:
            chains[-1].append(mention)
        elif mention.possessed and chains and len(chains[-1]) == 1:
            # "Tajikistan's Danghara", "Baghlan province's capital city; Pul-i-Khumri": the first is
            # the parent, and its locative cue ('in Tajikistan's ...') is the head's
            owner = chains[-1][0]
            chains[-1] = [replace(mention, cue=mention.cue or owner.cue), owner]
        else:
            chains.append([mention])
    return chains


def _score(
    entry: Entry,
    mention: PlaceMention,
    role: str,
    countries: set[str],
    admin1: set[str],
    context: PlaceContext,
) -> float:
    score = math.log10(entry.population + 10)
    if entry.alpha2 in countries:
        score += 10
    elif entry.alpha2 in context.countries:
        score += 6 - min(context.countries.index(entry.alpha2), 4)
    if entry.admin1_key and (entry.admin1_key in admin1 or entry.admin1_key in context.admin1[:3]):
        score += 4 if entry.kind == "place" else 2
    if entry.kind == "country":
        score -= 30 if role == "head" else 1
    elif entry.kind == "admin1":
        if mention.level in lex.ADMIN_LEVEL_WORDS or role == "parent":
            score += 8
        elif mention.level in lex.TOWN_LEVEL_WORDS or role == "head":
            score -= 3
    elif mention.level in lex.ADMIN_LEVEL_WORDS:
        score -= 3
    elif role == "parent" and entry.ident.startswith(SUBDIVISION_ID_PREFIX):
        score += 4  # '(Diguel, Soum)': the province Soum, not a village of that name abroad
    return score


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

    A name that is also a country ('Mexico') is its admin1 namesake or the country, never a village;
    a parent that contains one of its child's candidates wins ('Texcoco de Mora, Mexico')."""
    pool = [c for c in mention.candidates if c.kind != "country"]
    if len(pool) < len(mention.candidates):
        pool = [c for c in pool if c.kind != "place"] or [
            c for c in mention.candidates if c.kind == "country"
        ]
    if parent is not None:
        pool = [c for c in pool if _within(c, parent)]
    else:
        pool = _without_foreign_aliases(pool, mention, countries, context, role == "head")
    if not pool or (
        role == "head"
        and parent is None
        and _quarter_elsewhere(mention, pool, admin1 or set(context.admin1[:1]))
    ):
        return None

    def rank(entry: Entry) -> float:
        score = _score(entry, mention, role, countries, admin1, context)
        if child is not None and any(_within(c, entry) for c in child.candidates):
            score += 6
        return score

    return max(pool, key=rank)


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


def _without_foreign_aliases(
    pool: list[Entry], mention: PlaceMention, countries: set[str], context: PlaceContext, head: bool = True
) -> list[Entry]:
    """Drop places abroad that match only by one of their many alternate names ('Boni' is an old
    name of Bonn) when the sentence or document names its countries: a local place the gazetteer
    lacks is likelier than a foreign town under an exonym. Big cities keep their aliases. When the
    text or its source names its countries outright, a village or small town in a country nobody
    names is dropped too ('near Bugar' in a Kenyan paper is not China's Bugar) when it is the
    event's place (a bracketed parent, '(Menaka, Menaka)', is the note's own coding)."""
    known = countries | set(context.countries)
    if not known:
        return pool
    written = fold_name(mention.text)
    supported = {c for c in context.placing if (c, written) not in context.echoes}
    supported = supported if head and context.named else set()

    def plausible(c: Entry) -> bool:
        if c.kind != "place":
            return True
        if supported and c.population < _SMALL_ABROAD and c.alpha2 not in supported:
            return False
        return c.alpha2 in known or c.population >= _ALIAS_CITY or _same_spelling(c.name, written)

    return [c for c in pool if plausible(c)]


def _same_spelling(name: str, written: str) -> bool:
    """The place's own name, or a transliteration of it ('Tillabery' for Tillaberi), rather
    than one of its alternate names ('Boni' for Bonn)."""
    folded = _fold_word(name)
    if folded == written:
        return True
    if len(written) < 6 or abs(len(folded) - len(written)) > 2 or folded[:2] != written[:2]:
        return False  # cheap: most alternate names are nothing like the written one
    return SequenceMatcher(None, folded, written).ratio() >= _VARIANT_RATIO


_VARIANT_RATIO = 0.85
# Below this a place abroad is a village or town: a namesake in a named country is likelier.
_SMALL_ABROAD = _CITY_WITH_DISTRICTS
_ALIAS_CITY = 1_000_000


def _within(entry: Entry, parent: Entry) -> bool:
    if parent.kind == "country":
        return entry.alpha2 == parent.alpha2
    if parent.kind == "admin1":
        return entry.admin1_key == parent.admin1_key
    return entry.alpha2 == parent.alpha2 and (
        entry.admin1_key == parent.admin1_key or entry.admin2 == parent.name
    )


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
    """Entries for a chain, resolved from its last (broadest) member to its head."""
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
            parent = entry if parent is None or _within(entry, parent) else parent
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
    if not named or any(_within(c, entry) for c in child.candidates):
        return False
    if entry.kind == "place":
        broadest = position == len(chain) - 1 and len(chain) >= 3
        bigger_here = any(c.alpha2 == entry.alpha2 and c.population > entry.population for c in named)
        return not broadest or bigger_here  # 'Marawi, Lanao del Sur': not the village Lanao
    return entry.kind == "admin1" and _listed(child, chain[position], entry, named)


def _own_name_candidates(mention: PlaceMention) -> list[Entry]:
    """Candidates that carry the written name itself, a variant or a longer form of it ('Marawi
    City'); regions by any of their names."""
    written = fold_name(mention.text)
    return [
        c
        for c in mention.candidates
        if c.kind != "place" or _same_spelling(c.name, written) or fold_name(c.name).startswith(written + " ")
    ]


def _listed(child: PlaceMention, parent: PlaceMention, region: Entry, named: list[Entry]) -> bool:
    """'Kabul, Nangarhar, Kunar': comma-separated known cities/regions of one country without level
    words or brackets are a list of places, not a place and its parents."""
    significant = any(
        (c.kind == "admin1" or c.population >= _CITY_WITH_DISTRICTS) and c.alpha2 == region.alpha2
        for c in named
    )
    return significant and not parent.bracketed and child.level is None


def _eligible(chain: list[PlaceMention]) -> bool:
    head = chain[0]
    if head.is_country and len(chain) == 1:
        return False
    if head.cue in lex.STRONG_CUES or len(chain) > 1:
        return True
    if head.sentence_initial and not any(c.kind == "admin1" for c in head.candidates):
        return False
    return head.cue is not None or any(c.population >= 100_000 or c.kind == "admin1" for c in head.candidates)


def _chain_rank(chain: list[PlaceMention], index: int) -> tuple[int, int, int]:
    head = chain[0]
    coded = any(m.cue in lex.CODED_CUES for m in chain)
    cue_rank = (
        0 if coded else 1 if head.cue in lex.STRONG_CUES and not (head.landmark and len(chain) == 1) else 2
    )
    return (cue_rank, 0 if len(chain) > 1 else 1, index)


def _trim(chain: list[PlaceMention]) -> list[PlaceMention]:
    """Drop what comes before a 'coded as X' and the areas of a named town ('Science Lab area, Dhaka')."""
    for position, mention in enumerate(chain):
        if mention.cue in lex.CODED_CUES:
            chain = chain[position:]
            break
    parts = [
        position
        for position, mention in enumerate(chain)
        if mention.part_of_previous and not _region_only(mention)
    ]
    chain = chain[parts[-1] :] if parts else chain
    while len(chain) > 1 and _is_inside_next(chain[0], chain[1]):
        chain = chain[1:]
    return chain


def _region_only(mention: PlaceMention) -> bool:
    return bool(mention.candidates) and all(c.kind != "place" for c in mention.candidates)


def _is_inside_next(head: PlaceMention, following: PlaceMention) -> bool:
    """ACLED codes 'Science Lab area, Dhaka city' to Dhaka (but 'Savar area (Dhaka)' and 'Paracas
    area, Ica' to Savar and Paracas), 'Barangay Basak, Guihulngan' to Guihulngan and 'Chittagong
    university, Fatehpur union' to Fatehpur: the head is only a spot inside the next town."""
    if head.landmark or head.text.split(" ", 1)[0].lower() in lex.SUBTOWN_PREFIXES:
        return True
    town_next = (
        following.level in lex.TOWN_LEVEL_WORDS
        or following.level in lex.ADMIN_LEVEL_WORDS
        or " - " in following.text
    )
    return head.level in lex.AREA_LEVEL_WORDS and not following.bracketed and town_next


def resolve_location(
    mentions: list[PlaceMention], context: PlaceContext | None = None, gazetteer: Gazetteer | None = None
) -> Place | None:
    """THE event location of a sentence, or None when it names no usable place.

    `gazetteer` supplies country and admin1 names; it defaults to the packaged one.
    """
    context = context or PlaceContext()
    gazetteer = gazetteer or Gazetteer.load()
    countries, admin1 = _sentence_priors(mentions)
    chains = [c for c in _chains(mentions) if _eligible(c)]
    unknown = _unknown_mention(mentions, countries, context, gazetteer)
    for rank, index in sorted((_chain_rank(c, n), n) for n, c in enumerate(chains)):
        chain = _trim(chains[index])
        resolved = _resolve_chain(chain, countries, admin1, context)
        place = _place_from_chain(chain, resolved, gazetteer)
        if place is not None and (rank[0] < 2 or unknown is None):
            return place
        if place is not None:  # 'in Ndunyu' beats a name without a locative cue ('of Virginia Nyaiko')
            return _unknown_place(unknown, place, mentions, context, gazetteer)
    return _unknown_place(unknown, None, mentions, context, gazetteer) if unknown else None


def _unknown_mention(
    mentions: list[PlaceMention], countries: set[str], context: PlaceContext, gazetteer: Gazetteer
) -> PlaceMention | None:
    """The first name after a locative cue that the gazetteer lacks ('in Mikinduri'), or knows only
    abroad under an alias ('in Boni forest'); not a people ('in Kenyan hands'), a level or a
    landmark word ('in the Municipality of X', 'outside the Oqaqeni Clinic')."""
    for mention in mentions:
        words = mention.text.lower().split()
        if (
            _named_after_cue(mention)
            and not _without_foreign_aliases(list(mention.candidates), mention, countries, context)
            and gazetteer.demonym(mention.text) is None
            and not _is_people_name(mention.text)
            and words[0] not in _NOT_A_NAME
            and words[-1] not in lex.LANDMARK_WORDS
        ):
            return mention
    return None


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
    if nearby is not None and (alpha2 is None or gazetteer.country(alpha2) == _country_of(nearby, gazetteer)):
        why = f"'{unknown.text}' not in gazetteer; coded at '{nearby.location}' named in the same sentence"
        return replace(nearby, location=location, geo_precision=2, population=0, evidence=why)
    country = gazetteer.country(alpha2) if alpha2 else None
    if country is None:
        return nearby
    entry = Entry("country", country.name, country.alpha2, None, None, 0.0, 0.0, 0, country.alpha2)
    return _unplaced(gazetteer, location, entry)


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
            return _unplaced(gazetteer, ascii_name(head.text), countries[0])
        if not parents:
            return None
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
    precision = 2 if near else 1
    location = _location_name(head.text, entry)
    why = f"{entry.kind} '{entry.name}' ({entry.ident}, pop {entry.population})"
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


def _km(a: Entry, b: Entry) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


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
    gazetteer's full name when the text used its short form ('Acapulco' -> 'Acapulco de Juarez')."""
    if entry.kind != "place":
        return entry.name
    full, short = fold_name(entry.name), fold_name(surface)
    if full.startswith(short + " ") and full.rsplit(" ", 1)[-1] not in lex.TOWN_LEVEL_WORDS:
        return entry.name
    return ascii_name(surface)


def _admin2_from(parents: list[Entry], anchor: Entry) -> str | None:
    middle = [p for p in parents if p.kind == "place"]
    return middle[0].admin2 or middle[0].name if middle else anchor.admin2


def _make_place(
    gazetteer: Gazetteer,
    location: str,
    entry: Entry,
    precision: int,
    evidence: str,
    admin2: str | None = None,
    spelled: dict[str, str] | None = None,
) -> Place:
    """The Place for an entry; `spelled` maps admin1 keys to how the text wrote them."""
    country = gazetteer.country(entry.alpha2)
    region = gazetteer.admin1.get(entry.admin1_key) if entry.admin1_key else None
    admin1 = region.name if region else None
    if region is not None and not region.fixed and spelled and region.key in spelled:
        admin1 = spelled[region.key]
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
    )
