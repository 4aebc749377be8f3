"""What surrounds a place mention in its text: a neighbour or origin country, an owner ("Tajikistan's
Danghara District"), a settlement word before it, a city-district dash, and how it links to the
mention before it (a comma or bracket chain). extraction.places.mentions reads these.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extraction.places import lexicon as lex
from extraction.places.gazetteer import Entry, Gazetteer
from extraction.places.institutions import unit_country
from extraction.places.spelling import fold_word

if TYPE_CHECKING:
    from extraction.places.mentions import PlaceMention


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
    # "Chhattisgarh's Bijapur district": a region owns what follows as a country does
    regional = owner.is_country or any(c.kind == "admin1" for c in owner.candidates)
    return regional and _POSSESSIVE_GAP.fullmatch(text, owner.end, start) is not None


def _quarter_of(text: str, owner: PlaceMention, start: int) -> bool:
    if not 4 < start - owner.end < 48:  # cheap: called for every unknown capitalised word
        return False
    gap = (owner.end, start)
    return bool(_CAPITAL_GAP.fullmatch(text, *gap) or _QUARTER_OF_GAP.fullmatch(text, *gap))


_QUARTER_OF_GAP = re.compile(r"\s+(?:slum|suburb|estate|township|neighbou?rhood)\s+of\s+", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"['’]s\s+|\s{3,}")
# "Baghlan province's capital", "Baghlan's capital" (the engine blanks the "'s"), "Baghlan
# provincial capital": a bare 'X capital' is no owner's ('the Somali capital Mogadishu': 'Somali'
# there is the nationality, not Ethiopia's Somali region).
_CAPITAL_GAP = re.compile(
    r"(?:\s+(?:province|state|region|district|county|governorate))?(?:['’]s\s+|\s{3,}|\s+provincial\s+)"
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


def _people(mention: PlaceMention, gazetteer: Gazetteer, text: str) -> bool:
    """'Somali shop owner', 'Somali and Samburu clash', '400 Maasai demonstrators': a nationality or
    an ethnic group that is also a place's name (Ethiopia's Somali region, Malaysia's Maasai) is
    the people unless a level word, a locative cue, a chain ('(Kisii)') or a place noun ('Meru
    residents') makes it a place."""
    if mention.level is not None or mention.is_country or mention.linked:
        return False
    if gazetteer.demonym(mention.text) is not None:  # 'in the Somali capital': the nationality
        return mention.cue not in lex.STRONG_CUES or _CAPITAL_AFTER.match(text, mention.end) is not None
    if not _is_people_name(mention.text) or any(c.kind == "admin1" for c in mention.candidates):
        return False  # 'Samburu', 'Turkana' and 'Kisii' are also Kenyan counties
    if lex.PLACE_NOUN_AFTER.match(text, mention.end) or lex.PLACE_NOUN_BEFORE.search(
        text, max(0, mention.start - 24), mention.start
    ):
        return False
    named_after = _NAME_AFTER.match(text, mention.end) is not None  # 'the Maasai Mau forest'
    return named_after or mention.cue not in lex.STRONG_CUES or mention.cue == "between"


_NAME_AFTER = re.compile(r"(?:['’]s)?\s[A-Z][a-z]")
_CAPITAL_AFTER = re.compile(r"\s+capital\b", re.IGNORECASE)


def _is_people_name(name: str) -> bool:
    return fold_word(name) in lex.PEOPLES


def _in_unit_country(
    candidates: tuple[Entry, ...], level: str | None, gazetteer: Gazetteer
) -> tuple[Entry, ...]:
    """'Raipur upazila' is Bangladesh's Raipur, not India's city: an administrative unit word used
    by one country only (institutions.csv) keeps the name's candidates in that country (none
    there: a name the gazetteer lacks, coded by its parent or country)."""
    country = unit_country(level) if level else None
    if country is None:
        return candidates
    codes = {c.alpha2 for c in gazetteer.regions(fold_word(country)) if c.kind == "country"}
    return tuple(c for c in candidates if c.alpha2 in codes)


def _region_after(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """'shelling hit Novomykhaylivka, Donetsk', 'a sit-in at Talegaon village, Nashik
    district': mid-sentence, an unknown name followed by a comma and a first-level region, or a
    known name with its level word, is a village in ACLED's chained form."""
    match = _COMMA_NAME.match(text, end)
    if match is None or _starts_sentence(text, start):
        return False
    key = fold_word(match.group(1))
    if _level_word(text, match.end(1)) in lex.ADMIN_LEVEL_WORDS:
        return key in gazetteer
    return any(c.kind == "admin1" for c in gazetteer.regions(key))


def _level_word(text: str, end: int) -> str:
    match = lex.LEVEL_AFTER.match(text, end)
    return match.group(1).lower() if match else ""


_COMMA_NAME = re.compile(
    r"(?:\s+(?:village|town|locality|settlement))?,\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?![\w'’-]*\s*,\s*[A-Z])"
)
