"""Finding place names in a sentence: the tokenizer, `PlaceMention` and the filters that drop what
is usually not a place.

`find_places` scans capitalised word n-grams (1-6 words, joined by spaces or hyphens) against the
folded-name index, longest first, and drops what is usually not a place: stop-listed words
(months, titles, actor names), names inside a longer proper noun ('Imran *Khan*') and unknown
words. After a locative cue ('in', 'near', ...) it also keeps a capitalised name the gazetteer does
not know when a known place follows it in ACLED's chained form ('in Bar-Sanguun village
(Kismaayo, Lower Juba)'), so the event can be coded to that name at its parent's coordinates.
Resolving the mentions to one location is `extraction.places.resolution`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extraction.places import lexicon as lex
from extraction.places.gazetteer import Entry, Gazetteer
from extraction.places.spelling import fold_word
from extraction.places.surroundings import (
    _dash_district_end,
    _has_known_parent,
    _in_unit_country,
    _link,
    _neighbour_country,
    _people,
    _possessed_by,
    _quarter_of,
    _region_after,
    _settlement_before,
    _starts_sentence,
)
from extraction.places.tokens import _Token, _tokenize

_fold_word = fold_word

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
        for c in self.candidates:  # a loop, not any() over a generator: asked ~5 times a mention
            if c.kind == "country":
                return True
        return False


def _joined(text: str, left: _Token, right: _Token) -> bool:
    # exactly one join character between them (a plain test: this runs for every pair of tokens)
    return right.start - left.tail == 1 and text[left.tail] in lex.JOIN_CHARS


def _ngram_key(tokens: list[_Token], i: int, length: int) -> str:
    """Folded key of tokens i..i+length-1; a possessive inside a name keeps its s ('coxs bazar')."""
    parts = [t.key + ("s" if t.tail != t.end else "") for t in tokens[i : i + length - 1]]
    return " ".join([*parts, tokens[i + length - 1].key])


def _match_at(text: str, tokens: list[_Token], i: int, gazetteer: Gazetteer) -> int:
    """Length (in tokens) of the longest known name starting at token i, 0 if none."""
    key = tokens[i].key
    alone = (key not in lex.STOP_WORDS and key not in lex.NOT_ALONE) or (
        text.startswith(")", tokens[i].end) and _compass_region(text, tokens[i])
    )
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
    if best > 1 and _shared_region_and_level(tokens, i, best, gazetteer):
        best -= 1  # 'the Northern Region': Ghana's as much as Malawi's, by its level word
    return best


def _shared_region_and_level(tokens: list[_Token], i: int, length: int, gazetteer: Gazetteer) -> bool:
    """A region name of three or more countries and a level word: not the one region with that alias
    (Malawi's 'Northern Region') but every country's, for the document's countries to choose."""
    regions = gazetteer.regions(_ngram_key(tokens, i, length - 1))
    level = tokens[i + length - 1].lower in lex.ADMIN_LEVEL_WORDS
    return level and len({c.alpha2 for c in regions if c.kind == "admin1"}) >= 3


_COMPASS_REGION_WORDS = frozenset(lex.DIRECTIONS.split()) | {"central", "centre", "center"}
_COMPASS_ADJECTIVES = frozenset(w for w in _COMPASS_REGION_WORDS if w.endswith("ern")) | {"central"}
_BRACKET_SLOT = re.compile(r"[(,]\s*$")


def _compass_region(text: str, token: _Token) -> bool:
    """'(Tripoli, North)', '(Mzimba, Northern)', '(Central)': a compass word alone in the last slot
    of a bracketed location is an admin1 region (Lebanon's North, Malawi's Northern), not the
    adjective it is elsewhere."""
    return (
        token.key in _COMPASS_REGION_WORDS
        and text.startswith(")", token.end)
        and _BRACKET_SLOT.search(text, max(0, token.start - 3), token.start) is not None
    )


def _demonym_only(key: str, gazetteer: Gazetteer) -> bool:
    """'Kazakh' is a nationality here, not the Azerbaijani town; 'Somali' is also Ethiopia's region."""
    return key in gazetteer.demonyms and all(c.kind == "place" for c in gazetteer.candidates(key))


def _inside_longer_name(text: str, tokens: list[_Token], i: int) -> bool:
    """'Imran Khan', 'Islamic State Khorasan': a name glued to a preceding capitalised word;
    'Dand-e Patan': the second word of a Persian ezafe name is no place of its own."""
    if i == 0:
        return False
    start = tokens[i].start
    if text[start - 3 : start] in _EZAFE_ENDS and _EZAFE_BEFORE.search(text, max(0, start - 20), start):
        return True  # (the slice first: asked of every capitalised word)
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
    if i == 1 and previous.key in lex.COMMON_WORDS and _starts_sentence(text, previous.start):
        return False  # 'Striking Ahmedabad Municipal Transport Service conductors': sentence case
    if previous.lower in _COMPASS_ADJECTIVES:
        return False  # 'Northern Shan State': a part of Shan, unless the whole is a known name
    return previous.lower not in lex.CUES and previous.lower not in {"the", "and"}


_EZAFE_BEFORE = re.compile(r"\b[A-Z][a-z]+-(?:e|i|ye|yi) $")
_EZAFE_ENDS = frozenset({"-e ", "-i ", "ye ", "yi "})


def _cue_before(text: str, start: int) -> str | None:
    """The locative cue ending right before `start` ('in', 'near', 'on the outskirts of'), if any."""
    if start < 2 or not text[start - 1].isspace():
        return None
    words = text[max(0, start - 64) : start].lower().split()[-8:]
    if words and words[-1].endswith(("'s", "’s")):
        words.pop()  # "in Russia's Kaluga region": the owner's cue is the name's
    while len(words) > 1 and words[-1] in _REGION_ADJECTIVES:
        words.pop()  # 'in northern Mali', 'through central Santiago'
    if words and words[-1] == "under" and lex.UNIT_AFTER.match(text, start):
        return "in"  # 'Took Dhirai village under Derai upazila': the unit holds the place
    if not words or words[-1].lstrip("([\"'“‘") not in lex.CUE_ENDINGS:
        return None
    words = [w.strip("([\"'“‘") for w in words]  # '[coded to Joghba]': an analyst's bracket
    if words and words[-1] == "the":
        words.pop()
    settlement = None
    if len(words) >= 2 and words[-1] == "of" and words[-2] in lex.OF_SETTLEMENT:
        settlement = words[-2]
        del words[-2:]  # 'in the central city of Bamiyan'
        while words and words[-1] in lex.SETTLEMENT_ADJECTIVES:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    for size in (4, 3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in lex.CUES:
            return " ".join(words[-size:])
    # 'militants attacked the village of Korko': the settlement named is where it happened
    return "in" if settlement in _SETTLEMENT_NOUNS else None


_SETTLEMENT_NOUNS = frozenset({"town", "city", "village"})


_REGION_ADJECTIVES = frozenset(lex.DIRECTIONS.split()) | {"central", "north-eastern", "north-western"}


def _level_after(text: str, end: int) -> str | None:
    if lex.LGA_AFTER.match(text, end):
        return "lga"  # 'Rafi Local Government Area'
    match = lex.LEVEL_AFTER.match(text, end)
    if match is None:
        return None
    word = match.group(1).lower()
    return word if word in lex.ADMIN_LEVEL_WORDS or word in lex.TOWN_LEVEL_WORDS else None


_BREAKS = lex.STOP_WORDS - lex.NAME_PARTS  # what ends an unknown name ('Nad Ali' runs through 'Ali')
_NOT_HEAD = _BREAKS | lex.UNKNOWN_STOP | lex.NOT_ALONE  # what starts none (languages, openers too)


def _framed(text: str, end: int) -> bool:
    """A level word or the parents in brackets follow: what lets a given name begin or end a name."""
    return bool(lex.BRACKET_AFTER.match(text, end)) or _level_after(text, end) is not None


def _unknown_length(
    text: str, tokens: list[_Token], i: int, mentions: list[PlaceMention], gazetteer: Gazetteer
) -> int:
    """Tokens of an unknown capitalised name (1-4 words) right after a strong locative cue, or
    followed by its parents in brackets ('attacked Nacoba village (Quissanga, Cabo Delgado)'), or
    chained to the previous mention and followed by a level word ('Matlab Dakshin upazila').
    Trailing level words are not part of the name ('Paletwa Township' is Paletwa)."""
    if not tokens[i].capital or tokens[i].key in _NOT_HEAD or tokens[i].acronym:
        return 0
    length = 1
    while (
        i + length < len(tokens)
        and length < 4
        and (tokens[i + length].capital or tokens[i + length].lower in lex.CONNECTORS)
        and _joined(text, tokens[i + length - 1], tokens[i + length])
        and (tokens[i + length].key not in _BREAKS or _article_inside(text, tokens, i + length))
        and not lex.LGA_AFTER.match(text, tokens[i + length - 1].end)
    ):
        length += 1
    while length > 1 and (
        not tokens[i + length - 1].capital
        or tokens[i + length - 1].lower in lex.NAME_LEVELS
        or (tokens[i + length - 1].key in lex.NAME_PARTS and not _framed(text, tokens[i + length - 1].end))
    ):
        length -= 1
    end = tokens[i + length - 1].end
    if tokens[i].key in lex.STOP_WORDS and (length < 2 or not _framed(text, end)):
        return 0  # a given name or title starts a name before its level or parents only
    after_cue = _cue_before(text, tokens[i].start) in lex.STRONG_CUES
    if after_cue or lex.BRACKET_AFTER.match(text, end):
        return length
    if _region_after(text, tokens[i].start, end, gazetteer):
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
            and (
                _article_inside(text, tokens, i + length)
                or not _is_big_city(gazetteer, _ngram_key(tokens, i, length))
                or _person_follows(text, tokens, i + length)
            )
        ):
            length = 0
        known = length > 0
        if not known and not _nationality_word(token.key, gazetteer):
            length = _unknown_length(text, tokens, i, mentions, gazetteer)
        if length and (
            not _inside_longer_name(text, tokens, i) or _names_country(tokens, i, length, gazetteer)
        ):
            mentions.append(_mention(text, tokens, i, length, gazetteer, known, mentions))
            while i < len(tokens) and tokens[i].start < mentions[-1].end:
                i += 1
        else:
            i += max(length, 1)
            while i < len(tokens) and _article_inside(text, tokens, i):
                i += 2  # 'attacked Tell ad Daman': not 'Daman' alone
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
    if _article_inside(text, tokens, j):
        return True  # 'Ras al Ain', 'Tell ad Daman': not the known 'Ras' or 'Tell' alone
    if not 0 < j < len(tokens) or not tokens[j].capital or lex.LGA_AFTER.match(text, end):
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


def _article_inside(text: str, tokens: list[_Token], j: int) -> bool:
    """Token j is an Arabic article between the capitalised word before it and one after it."""
    return (
        0 < j < len(tokens) - 1
        and not tokens[j].capital  # 'Brak Al-Shati' keeps the known 'Brak' (ACLED's location)
        and (tokens[j].lower in lex.ARABIC_ARTICLES or text.startswith("-", tokens[j].end))
        and tokens[j].lower in lex.ARTICLES  # one set, built once: this runs for every token
        and tokens[j + 1].capital
        and tokens[j + 1].key not in lex.STOP_WORDS  # 'Belet Weyne al Shabaab': a name, then a group
        and tokens[j - 1].capital
        and tokens[j - 1].key not in lex.STOP_WORDS
        and _joined(text, tokens[j - 1], tokens[j])
        and _joined(text, tokens[j], tokens[j + 1])
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
    level = _level_after(text, surface_end) or _settlement_before(text, start)
    candidates = _in_unit_country(gazetteer.candidates(key), level, gazetteer) if known else ()
    cue = _cue_before(text, start)
    if cue in lex.CODED_CUES and _ACTOR_CODING.match(text, surface_end):
        cue = None  # '(coded as Darfur communal militia)' codes an actor, not the place
    return PlaceMention(
        text[start:surface_end],
        start,
        surface_end,
        candidates,
        cue,
        level,
        link is not None,
        link == "part",
        lex.LANDMARK_AFTER.match(text, surface_end) is not None,
        link is not None and "(" in text[previous[-1].end : start],
        _starts_sentence(text, start),
        bool(previous) and _possessed_by(text, previous[-1], start),
        _neighbour_country(text, start, surface_end, candidates),
    )


_ACTOR_CODING = re.compile(
    r"\s+(?:communal|ethnic|militia|militias|forces|rebels|armed|group|gunmen|protesters|rioters|police|military)\b"
)


def _is_big_city(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.kind == "place" and c.population >= _CITY_WITH_DISTRICTS for c in gazetteer.candidates(key))
