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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extraction.gazetteer import Entry, Gazetteer, ascii_name, fold_name

# Words that start with a letter other than a lower-case ASCII one, or are connectors.
_NAME_WORD = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_a-z]|(?:de|del|da|do|dos|das|di|du|la|le|les|el|al|i|e|y|of|the|"
    r"upon|on|sur|an|am|im|bin|ibn|van|von|der|den|ben|abu)\b)[^\W\d_]*(?:['’][^\W\d_]+)*"
)
_JOIN_GAP = re.compile(r"[ \-‐–]")
_CONNECTORS = frozenset(
    "de del da do dos das di du la le les el al i e y of the upon on sur an am im bin ibn "
    "van von der den ben abu".split()
)
MAX_WORDS = 6
_BIG_PLACE = 20_000
# 'the Kikuyu ethnic group', 'Turkana herders': a people, not a place.
_GROUP_AFTER = re.compile(
    r"\s+(?:ethnic|community|communities|clan|clans|tribe|tribes|tribesmen|militia|militias|militiamen|"
    r"herders|raiders|pastoralists|warriors|elders)\b"
)
_PERSON_VERB_AFTER = re.compile(
    r",?\s+(?:said|says|added|told|wrote|visited|met|spoke|announced|urged|called|tweeted|noted|argued)\b"
)
_SPEECH_AFTER = re.compile(
    r",?\s+(?:said|says|added|told|wrote|argued|noted|explained|stated|claimed|"
    r"tweeted|asked|warned|believes|thinks)\b"
)
_OF_PLACE_NOUNS = frozenset(
    "province city town village district region state county governorate outskirts "
    "capital south north east west centre center part parts area areas suburbs "
    "municipality division oblast department".split()
)

# Administrative and settlement words that follow a name ('Kandahar province', 'Taraganj town').
ADMIN_LEVEL_WORDS = frozenset(
    "subdivision sub-division commune lga parish chiefdom territory woreda tehsil taluka mandal "
    "constituency regency "
    "province state county district division region governorate oblast department "
    "prefecture subcounty sub-county upazila municipality".split()
)
TOWN_LEVEL_WORDS = frozenset(
    "city town village area neighbourhood neighborhood suburb market bazar bazaar "
    "camp locality settlement ward union township".split()
)
LANDMARK_WORDS = frozenset(
    "university college hospital clinic school madrasa mosque church temple shrine "
    "airport airbase court road highway avenue street bridge stadium club office station "
    "prison jail cemetery press campus chowk mor circle crossing intersection roundabout "
    "square park hall gate garden highway expressway mall plaza hotel".split()
)
_LANDMARK_AFTER = re.compile(r"\s{1,3}(?:" + "|".join(sorted(LANDMARK_WORDS)) + r")\b", re.IGNORECASE)
# Capitalised level words that end an unknown name ('Paletwa Township', 'Rafi LGA').
_NAME_LEVELS = frozenset(
    "township district municipality lga county subcounty sub-county division province "
    "region state zone upazila sub-district subdistrict".split()
)
_BRACKET_AFTER = re.compile(
    r"(?:\s+(?:village|town|city|locality|township|district|area|municipality)\b)?\s*\("
)
_AFTER_PLACE_WORDS = frozenset(
    "police army security governor council municipal city province district "
    "people residents international region oblast sadar cantonment medical thana zila pourashava "
    "corporation institute academy polytechnic model metropolitan".split()
)
_DASH_DISTRICT = re.compile(r"(?: - |-)((?:[A-Z][\w'’]+)(?: [A-Z][\w'’]+)?)")
_CITY_WITH_DISTRICTS = 100_000
_SUBTOWN_PREFIXES = frozenset({"barangay", "colonia", "tambon", "mahalla", "kebele"})
AREA_LEVEL_WORDS = frozenset({"area", "neighbourhood", "neighborhood", "zone", "sector", "quarter", "suburb"})
_LEVEL_AFTER = re.compile(r"\s{1,3}([A-Za-z\-]+)")

# A locative cue right before a name; the 'near'-type cues mean geo_precision 2.
_OF_SETTLEMENT = frozenset("town city village district province area region county state".split())
_DIRECTIONS = (
    "north south east west northeast northwest southeast southwest northern southern eastern western"
)
_CUES = frozenset(
    "in at near outside around from to into of across toward towards nearby between".split()
    + ["on the outskirts of", "in the vicinity of", "close to", "coded as", "coded to", "outskirts of"]
    + [f"{d} of" for d in _DIRECTIONS.split()]
    + [f"{unit} {p}" for unit in ("km", "kms", "kilometres", "kilometers", "miles") for p in ("from", "of")]
)
_SETTLEMENT_ADJECTIVES = frozenset(
    f"{_DIRECTIONS} central provincial border capital frontline small large "
    "remote eastern northern southern western key strategic".split()
)
_CUE_ENDINGS = frozenset({cue.rsplit(" ", 1)[-1] for cue in _CUES} | {"the", "of"})
CODED_CUES = frozenset({"coded as", "coded to"})
NEAR_CUES = frozenset(
    {
        "near",
        "outside",
        "around",
        "nearby",
        "on the outskirts of",
        "in the vicinity of",
        "close to",
        "outskirts of",
    }
)
STRONG_CUES = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "around",
        "nearby",
        "on the outskirts of",
        "in the vicinity of",
        "close to",
        "across",
        "into",
        "coded as",
        "coded to",
        "between",
    }
)
# Between a place and its parent ('Watamu, Dabaso, Kilifi', 'Sirajdikhan (Serajdikhan) upazila
# (Munshiganj, Dhaka)', 'Feni Sadar (coded as Feni, Chittagong)'): commas/brackets, capitalised names
# the gazetteer may not know, and only these lower-case words.
_GAP_WORDS = (
    frozenset({"coded", "as", "to", "in", "the", "of", "and", "center", "centre", "point", "more"})
    | ADMIN_LEVEL_WORDS
    | TOWN_LEVEL_WORDS
    | LANDMARK_WORDS
)
_GAP_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\s\w(),'’\-]")
# 'Kagaa village in Maragua', 'the Ifo refugee camp in Garissa': the second holds the first.
_SETTLEMENT_IN_GAP = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:village|town|camp|estate|settlement|locality)\s+(?:in|of|near)\s+(?:the\s+)?"
)
# 'the Cuauhtemoc area of Mexico City', 'Chankharpul area in Dhaka': the first is part of the second.
_PART_OF_GAP = re.compile(
    r"\s+(?:area|neighbou?rhood|district|suburb|zone|quarter|sector|ward|section|part|outskirts|locality|"
    r"municipality|commune)"
    r"\s+(?:of|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)

_STOP_WORDS = frozenset(
    fold_name(w)
    for w in (
        "January February March April May June July August September October November December Monday "
        "Tuesday Wednesday Thursday Friday Saturday Sunday The A An In On At He She It They We This That "
        "These Those There Here His Her Their Its Our But And Or Of For With From By To As If When While "
        "After Before During Since Until According However Meanwhile Also Police Army Security Government "
        "Military Forces President Minister General Governor Commander Officials Official Sources Reports "
        "Report Media News Mr Mrs Ms Dr Gen Col Sheikh Mullah Maulvi Haji Imam King Prince Saint St Mount "
        "Lake River Valley University Hospital School Mosque Church Temple Court Parliament Party League "
        "Council Committee Taliban Islamic Muslim Christian Hindu Sunni Shia Shiite Kurdish Arab Baloch "
        "Pashtun Hazara Uzbek Mobile Reading Bath Nice Of Victory Liberty Independence Unity Freedom "
        "Justice Progress Hope Union Centre Center Central North South East West Northern Southern "
        "Eastern Western Upper Lower Middle New Old Great Little Big Red White Black Green Blue Gold "
        "Golden Royal National International Federal Republic Democratic People Peoples Popular Social "
        "Socialist Communist Liberal Conservative Labour Alliance Front Movement Organization "
        "Organisation Association Federation Group Network Agency Office Ministry Department Bureau "
        "Service Services Station Camp Base Airport Port Bridge Road Street Highway Friday Prayers Eid "
        "Ramadan Christmas Easter God Allah Prophet Jesus Holy Al Ali Khan Ahmed Ahmad Mohammad Mohammed "
        "Muhammad Hassan Hussain Hussein Omar Umar Abdul Abdullah Said Saeed Shah Singh Kumar Das Islam "
        "Uddin Rahman Rahim Karim Hamid Hamas Hezbollah Houthi Houthis ISIS ISIL Daesh Al-Shabaab Shabaab "
        "Wagner Crocus Hall City Town Village District Province Region State County Division Area Zone "
        "Sector Ward Colonia Neighborhood Neighbourhood Market Bazar Bazaar Square Human Rights Watch "
        "Amnesty Red Cross Crescent Nations United Kingdom Europe European Asia Africa America Americas "
        "Middle Orient Gulf Sea Ocean Coast Island Islands Peninsula Desert Mountains Hills Will Can May "
        "Might Must Shall Said Says Told Added Noted Saw Per Via Sources Source Update Updated Photo "
        "Video Image Read More Share Twitter Facebook Telegram Reuters AFP Associated Press BBC CNN "
        "George Richard Robert Dennis Florence John James Michael David William Thomas Charles Joseph "
        "Daniel Paul Mark Donald Steven Andrew Kenneth Edward Brian Ronald Anthony Kevin Jason Matthew "
        "Gary Timothy Jose Larry Jeffrey Frank Scott Eric Stephen Jacob Raymond Patrick Jack Dennis Peter "
        "Henry Douglas Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy "
        "Lisa Margaret Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Laura Helen Anna "
        "Maria Grace Joy Just Home Ever Content Peace Waging Welcome Subscribe Contact Privacy Terms "
        "About Search Menu Supreme High Court Zero Point Times Post Tribune Herald Guardian Daily Dawn "
        "Express Star Standard Nation Observer Monitor Khorasan Khurasan Nida Abu Umar Jawad Zakaria "
        "Omari Abdul Jabbar Maulana Qari Hafiz Mawlawi Middle-East La El Le Les Los Las Al De Du Des Di "
        "Da Do Shi Soon"
    ).split()
)


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

    @property
    def is_country(self) -> bool:
        """Names a country ('Mexico' is one even though a state and towns share the name)."""
        return any(c.kind == "country" for c in self.candidates)


@dataclass(frozen=True)
class PlaceContext:
    """Priors from the whole document: countries (alpha-2) and admin1 keys, most mentioned first."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()


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
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        capital = word[0].isupper()
        if not capital and word not in _CONNECTORS:
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
    return _JOIN_GAP.fullmatch(text, left.tail, right.start) is not None


def _ngram_key(tokens: list[_Token], i: int, length: int) -> str:
    """Folded key of tokens i..i+length-1; a possessive inside a name keeps its s ('coxs bazar')."""
    parts = [t.key + ("s" if t.tail != t.end else "") for t in tokens[i : i + length - 1]]
    return " ".join([*parts, tokens[i + length - 1].key])


def _match_at(text: str, tokens: list[_Token], i: int, gazetteer: Gazetteer) -> int:
    """Length (in tokens) of the longest known name starting at token i, 0 if none."""
    key = tokens[i].key
    best = 1 if key in gazetteer and key not in _STOP_WORDS and not _demonym_only(key, gazetteer) else 0
    for j in range(i + 1, min(i + MAX_WORDS, len(tokens))):
        if not _joined(text, tokens[j - 1], tokens[j]):
            break
        token = tokens[j]
        if not token.capital and token.lower not in _CONNECTORS:
            break
        previous = tokens[j - 1]
        key = f"{key}{'s' if previous.tail != previous.end else ''} {token.key}"
        if token.capital and key in gazetteer and key not in _STOP_WORDS:
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
    if previous.lower == "of" and i >= 2 and tokens[i - 2].capital and _joined(text, tokens[i - 2], previous):
        return tokens[i - 2].lower not in _OF_PLACE_NOUNS  # 'Institute of Peace', not 'Province of Kandahar'
    if not previous.capital or previous.tail != previous.end or not _joined(text, previous, tokens[i]):
        return False
    return previous.lower not in _CUES and previous.lower not in {"the", "and"}


def _cue_before(text: str, start: int) -> str | None:
    """The locative cue ending right before `start` ('in', 'near', 'on the outskirts of'), if any."""
    if start < 2 or not text[start - 1].isspace():
        return None
    words = text[max(0, start - 64) : start].lower().split()[-8:]
    if words and words[-1].endswith(("'s", "’s")):
        words.pop()  # "in Russia's Kaluga region": the owner's cue is the name's
    if not words or words[-1].lstrip("(\"'“‘") not in _CUE_ENDINGS:
        return None
    words = [w.strip("(\"'“‘") for w in words]
    if words and words[-1] == "the":
        words.pop()
    if len(words) >= 2 and words[-1] == "of" and words[-2] in _OF_SETTLEMENT:
        del words[-2:]  # 'in the central city of Bamiyan'
        while words and words[-1] in _SETTLEMENT_ADJECTIVES:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    for size in (4, 3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in _CUES:
            return " ".join(words[-size:])
    return None


def _level_after(text: str, end: int) -> str | None:
    match = _LEVEL_AFTER.match(text, end)
    if match is None:
        return None
    word = match.group(1).lower()
    return word if word in ADMIN_LEVEL_WORDS or word in TOWN_LEVEL_WORDS else None


def _unknown_length(text: str, tokens: list[_Token], i: int, mentions: list[PlaceMention]) -> int:
    """Tokens of an unknown capitalised name (1-4 words) right after a strong locative cue, or
    followed by its parents in brackets ('attacked Nacoba village (Quissanga, Cabo Delgado)'), or
    chained to the previous mention and followed by a level word ('Matlab Dakshin upazila').
    Trailing level words are not part of the name ('Paletwa Township' is Paletwa)."""
    if not tokens[i].capital or tokens[i].key in _STOP_WORDS or tokens[i].acronym:
        return 0
    if tokens[i].key in _UNKNOWN_STOP:
        return 0
    after_cue = _cue_before(text, tokens[i].start) in STRONG_CUES
    length = 1
    while (
        i + length < len(tokens)
        and length < 4
        and (tokens[i + length].capital or tokens[i + length].lower in _CONNECTORS)
        and _joined(text, tokens[i + length - 1], tokens[i + length])
        and tokens[i + length].key not in _STOP_WORDS
    ):
        length += 1
    while length > 1 and (not tokens[i + length - 1].capital or tokens[i + length - 1].lower in _NAME_LEVELS):
        length -= 1
    end = tokens[i + length - 1].end
    if after_cue or _BRACKET_AFTER.match(text, end):
        return length
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
        if not known:
            length = _unknown_length(text, tokens, i, mentions)
        if length and not _inside_longer_name(text, tokens, i):
            mentions.append(_mention(text, tokens, i, length, gazetteer, known, mentions))
            while i < len(tokens) and tokens[i].start < mentions[-1].end:
                i += 1
        else:
            i += max(length, 1)
    return [m for m in mentions if _plausible(m, mentions, text)]


def _plausible(mention: PlaceMention, mentions: list[PlaceMention], text: str) -> bool:
    """Keep a name only with some sign it is a place: an unknown name needs a known parent; a
    small place (most are also surnames or words) needs a cue or a chain; nobody 'said' anything."""
    if _SPEECH_AFTER.match(text, mention.end) or _GROUP_AFTER.match(text, mention.end):
        return False
    if not mention.candidates:
        return mention.possessed or _has_known_parent(mention, mentions)
    if any(c.kind != "place" or c.population >= _BIG_PLACE for c in mention.candidates):
        return not (mention.sentence_initial and mention.cue is None and _all_small_or_places(mention))
    return mention.cue is not None or mention.linked or _has_known_parent(mention, mentions)


def _all_small_or_places(mention: PlaceMention) -> bool:
    return all(c.kind == "place" and c.population < 5 * _BIG_PLACE for c in mention.candidates)


def _person_follows(text: str, tokens: list[_Token], j: int) -> bool:
    """'Victoria Nuland visited Kyiv': a big city's name followed by a surname and a person's verb.
    Otherwise a big city followed by a capitalised word keeps its place reading ('Mombasa Law
    Courts', 'Faridpur Press Club', 'Mogadishu-Hodan')."""
    return j < len(tokens) and _PERSON_VERB_AFTER.match(text, tokens[j].tail) is not None


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
        word in ADMIN_LEVEL_WORDS
        or word in TOWN_LEVEL_WORDS
        or word in LANDMARK_WORDS
        or word in _AFTER_PLACE_WORDS
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
    return PlaceMention(
        text[start:surface_end],
        start,
        surface_end,
        gazetteer.candidates(key) if known else (),
        _cue_before(text, start),
        _level_after(text, surface_end) or _settlement_before(text, start),
        link is not None,
        link == "part",
        _LANDMARK_AFTER.match(text, surface_end) is not None,
        link is not None and "(" in text[previous[-1].end : start],
        _starts_sentence(text, start),
        bool(previous)
        and previous[-1].is_country
        and _POSSESSIVE_GAP.fullmatch(text, previous[-1].end, start) is not None,
    )


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_SETTLEMENT_OF = re.compile(r"\b(city|town|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _settlement_before(text: str, start: int) -> str | None:
    """'the city of Jalalabad': the name is a town even where the gazetteer only knows a region."""
    match = _SETTLEMENT_OF.search(text, max(0, start - 20), start)
    return match.group(1).lower() if match else None


def _starts_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position] in " \t":
        position -= 1
    return position < 0 or text[position] in '.!?:;\n"“”'


def _is_big_city(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.kind == "place" and c.population >= _CITY_WITH_DISTRICTS for c in gazetteer.candidates(key))


def _dash_district_end(text: str, end: int, gazetteer: Gazetteer) -> int:
    """End of 'Dhaka - Uttara' or 'Mogadishu-Hodan' (a city and its district, ACLED's location
    style) if the text has it; 'Dhaka - Mymensingh highway' is a road between two places."""
    match = _DASH_DISTRICT.match(text, end)
    if match is None or _LANDMARK_AFTER.match(text, match.end()) is not None:
        return end
    return match.end()


def _link(text: str, start: int, end: int) -> str | None:
    """How a mention relates to the previous one: 'parent' (comma/bracket chain), 'part' (the previous
    one is an area of this one), or None."""
    gap = text[start:end]
    if _PART_OF_GAP.fullmatch(gap):
        return "part"
    if _SETTLEMENT_IN_GAP.fullmatch(gap):
        return "parent"
    if len(gap) > 60 or not any(ch in gap for ch in ",("):
        return None
    for word in _GAP_WORD.findall(gap):
        if not (word[0].isupper() or word.lower() in _GAP_WORDS or word == "-"):
            return None
    return "parent"


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
    (1), or a candidate far more populous than any abroad (0.5, 'Donetsk')."""
    named = [c.alpha2 for c in mention.candidates if c.kind == "country"]
    if named:
        return named[0], 2.0
    codes = {c.alpha2 for c in mention.candidates}
    if len(codes) == 1:
        return codes.pop(), 1.0
    biggest: dict[str, int] = {}
    for candidate in mention.candidates:
        biggest[candidate.alpha2] = max(biggest.get(candidate.alpha2, 0), candidate.population)
    ranked = sorted(biggest.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] >= 5 * max(ranked[1][1], 1) and ranked[0][1] >= _BIG_PLACE:
        return ranked[0][0], 0.5
    return None, 0.0


def document_context(
    text: str, gazetteer: Gazetteer, mentions: list[PlaceMention] | None = None
) -> PlaceContext:
    """Priors for a document: countries and admin1 regions it names, most often first.

    Countries count by name, by unambiguous places/regions (all candidates in one country) and,
    with half weight, by nationality adjectives.
    """
    mentions = find_places(text, gazetteer) if mentions is None else mentions
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    for mention in mentions:
        alpha2, weight = _mention_country(mention)
        if alpha2:
            countries[alpha2] += weight
        keys = {c.admin1_key for c in mention.candidates if c.kind == "admin1"}
        if len(keys) == 1:
            regions[keys.pop()] += 1
    for token in _tokenize(text):
        alpha2 = gazetteer.demonym(token.text) if token.capital else None
        if alpha2:
            countries[alpha2] += 0.5
    return PlaceContext(
        tuple(c for c, _ in countries.most_common()), tuple(k for k, _ in regions.most_common())
    )


# ---------------------------------------------------------------------------------------------
# Resolution


def _chains(mentions: list[PlaceMention]) -> list[list[PlaceMention]]:
    chains: list[list[PlaceMention]] = []
    for mention in mentions:
        if mention.linked and chains:
            chains[-1].append(mention)
        elif mention.possessed and chains and len(chains[-1]) == 1:
            chains[-1] = [mention, chains[-1][0]]  # "Tajikistan's Danghara": the country is the parent
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
        if mention.level in ADMIN_LEVEL_WORDS or role == "parent":
            score += 8
        elif mention.level in TOWN_LEVEL_WORDS or role == "head":
            score -= 3
    elif mention.level in ADMIN_LEVEL_WORDS:
        score -= 3
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
    if not pool:
        return None

    def rank(entry: Entry) -> float:
        score = _score(entry, mention, role, countries, admin1, context)
        if child is not None and any(_within(c, entry) for c in child.candidates):
            score += 6
        return score

    return max(pool, key=rank)


def _within(entry: Entry, parent: Entry) -> bool:
    if parent.kind == "country":
        return entry.alpha2 == parent.alpha2
    if parent.kind == "admin1":
        return entry.admin1_key == parent.admin1_key
    return entry.alpha2 == parent.alpha2 and (
        entry.admin1_key == parent.admin1_key or entry.admin2 == parent.name
    )


def _sentence_priors(mentions: list[PlaceMention]) -> tuple[set[str], set[str]]:
    countries = {c.alpha2 for m in mentions for c in m.candidates if c.kind == "country"}
    admin1 = {
        c.admin1_key
        for m in mentions
        for c in m.candidates
        if c.kind == "admin1" and c.admin1_key and (m.level in ADMIN_LEVEL_WORDS or m.linked)
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
        if (
            entry is not None
            and child is not None
            and child.candidates
            and (entry.kind == "place" or (entry.kind == "admin1" and _listed(child, chain[position])))
            and not any(_within(c, entry) for c in child.candidates)
        ):
            # a homonym village elsewhere ('Dhaka - Uttara (Uttara)') is no parent, and a region
            # that does not hold a known city is a list ('Kabul, Nangarhar, Kunar'), not a chain
            entry = None
        resolved[position] = entry
        if entry is not None and entry.kind != "country":
            parent = entry if parent is None or _within(entry, parent) else parent
        elif entry is not None and parent is None:
            parent = entry
    return resolved


def _listed(child: PlaceMention, parent: PlaceMention) -> bool:
    """'Kabul, Nangarhar, Kunar': comma-separated known cities/regions without level words or
    brackets are a list of places, not a place and its parents."""
    significant = any(c.kind == "admin1" or c.population >= _CITY_WITH_DISTRICTS for c in child.candidates)
    return significant and not parent.bracketed and child.level is None


def _eligible(chain: list[PlaceMention]) -> bool:
    head = chain[0]
    if head.is_country and len(chain) == 1:
        return False
    if head.cue in STRONG_CUES or len(chain) > 1:
        return True
    if head.sentence_initial and not any(c.kind == "admin1" for c in head.candidates):
        return False
    return head.cue is not None or any(c.population >= 100_000 or c.kind == "admin1" for c in head.candidates)


def _chain_rank(chain: list[PlaceMention], index: int) -> tuple[int, int, int]:
    head = chain[0]
    coded = any(m.cue in CODED_CUES for m in chain)
    cue_rank = 0 if coded else 1 if head.cue in STRONG_CUES and not (head.landmark and len(chain) == 1) else 2
    return (cue_rank, 0 if len(chain) > 1 else 1, index)


def _trim(chain: list[PlaceMention]) -> list[PlaceMention]:
    """Drop what comes before a 'coded as X' and the areas of a named town ('Science Lab area, Dhaka')."""
    for position, mention in enumerate(chain):
        if mention.cue in CODED_CUES:
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
    if head.landmark or head.text.split(" ", 1)[0].lower() in _SUBTOWN_PREFIXES:
        return True
    town_next = (
        following.level in TOWN_LEVEL_WORDS or following.level in ADMIN_LEVEL_WORDS or " - " in following.text
    )
    return head.level in AREA_LEVEL_WORDS and not following.bracketed and town_next


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
    for _, index in sorted((_chain_rank(c, n), n) for n, c in enumerate(chains)):
        chain = _trim(chains[index])
        resolved = _resolve_chain(chain, countries, admin1, context)
        place = _place_from_chain(chain, resolved, gazetteer)
        if place is not None:
            return place
    return None


def _place_from_chain(
    chain: list[PlaceMention], resolved: list[Entry | None], gazetteer: Gazetteer
) -> Place | None:
    head, entry = chain[0], resolved[0]
    parents = [e for e in resolved[1:] if e is not None and e.kind != "country"]
    near = head.cue in NEAR_CUES
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
    if entry.kind == "admin1" and head.level in TOWN_LEVEL_WORDS:
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
        and mention.level not in TOWN_LEVEL_WORDS
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
    if full.startswith(short + " ") and full.rsplit(" ", 1)[-1] not in TOWN_LEVEL_WORDS:
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
