"""Actor mentions: the armed and state actors a sentence names, already named the ACLED way.

Named groups come from the dictionary (the Taliban become Afghanistan's state forces from 15
August 2021); state forces are 'Military Forces of X (period)' / 'Police Forces of X (period)',
where the period is the government's and a nationality adjective ('Ugandan troops') names a
foreign force (inter 8); ethnic and communal militias are 'Kikuyu Ethnic Militia (Kenya)',
'Unidentified Communal Militia (X)'; unknown perpetrators 'Unidentified Armed Group (X)'.
`find_mentions` keeps one mention per stretch of text, in text order; roles are assigned by
the actors module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extraction.actors.dictionary import ActorDictionary, ActorEntry, _candidates
from extraction.typing import Match, rx
from schemas.codebook import country_alpha3, region_of

__all__ = ["TALIBAN_TAKEOVER", "ActorMention", "find_mentions", "government_period", "state_force_name"]

TALIBAN_TAKEOVER = date(2021, 8, 15)


@dataclass(frozen=True)
class ActorMention:
    """An armed (or state) actor found in a sentence, already named the ACLED way."""

    name: str
    inter: int
    start: int
    end: int
    text: str
    kind: str  # "state", "group", "ethnic", "unidentified"


_MILITARY = rx(
    r"\b(?:soldiers?|troops?|military|army|armed forces|defen[cs]e forces|marines?|navy|naval forces|"
    r"air force|paratroopers|special forces|commandos?|national guard|government forces|security forces|"
    r"gendarmes?|gendarmerie|forces|servicem[ae]n|border guards?|intelligence (?:agents|officials|services?)|"
    r"regime forces|army personnel|military personnel|government troops|security personnel|warplanes?|"
    r"fighter jets?|jets|aircraft|helicopters?|gunships?|drones?|air defen[cs]es?)\b",
)
# 'an Israeli airstrike', 'Turkish artillery': a strike or a weapon is a state's armed forces only
# when its nationality is written with it (a bare 'airstrikes' names nobody: the event's actors do).
_NATIONAL_WEAPONS = rx(r"\b(?:air ?strikes?|air raids?|artillery|shelling|missiles?)\b")
_POLICE = rx(
    r"\b(?:police(?:m[ae]n|wom[ae]n)?(?: officers?| personnel| forces?)?|(?:security )?officers|cops?|"
    r"constables?|anti-riot (?:police|squad|unit)|riot police|law enforce(?:rs|ment(?: agencies| officers)?)|"
    r"detectives|security agents|askaris|prison (?:warders?|wardens?|guards?|officers?|officials)|warders)\b",
)
_UNIDENTIFIED = rx(
    r"\b(?:unidentified|unknown|suspected|masked|hooded)? ?(?:gunm[ae]n|armed (?:men|group|assailants|"
    r"individuals|persons|robbers|gangs?|attackers)|assailants|attackers|bandits|militants|insurgents|"
    r"terrorists|jihadists|rebels|fighters|armed robbers|robbers|criminals|hitm[ae]n|kidnappers|abductors|"
    r"killers|thugs|goons|militiam[ae]n|militias?|gang(?:s|sters)?(?: members)?|perpetrators|"
    r"unidentified (?:men|persons|people|individuals))\b",
)
_ETHNIC_ROLE = (
    r"(?:raiders|militias?|militiam[ae]n|herders|herdsmen|youths?|warriors|morans|tribesm[ae]n|"
    r"clansm[ae]n|fighters|gunm[ae]n|attackers|bandits|community|communities|elders|men|ethnic group|"
    r"clan|groups?|cattle rustlers|rustlers|pastoralists|and|attack(?:ed|s)?|raid(?:ed|s)?|kill(?:ed|s)?|"
    r"clash(?:ed)?|fight|fought|abduct(?:ed|s)?|of)"
)
_RAIDERS = rx(
    r"\b(?:raiders|cattle rustlers|rustlers|cattle raid(?:ers|s)?|ethnic (?:militias?"
    r"|violence|"
    r"clashes|groups?|fighting)|tribal (?:clashes|violence|fighting)"
    r"|rival (?:ethnic )?communities|"
    r"morans|warriors|pastoralist communities)\b",
)
_CLAN = rx(r"\bclan (?:militias?|militiam[ae]n|fighters|gunm[ae]n)\b|\bclans?\b")
_COMMUNAL = rx(
    r"\b(?:communal|village|local|community) (?:militias?|defen[cs]e|vigilantes?)\b"
    r"|\bvigilantes?\b"
    # herders or land invaders who act (subject of a violent verb) are a communal militia
    r"|\b(?:herders|herdsmen|pastoralists|land invaders)\b(?=\s+(?:(?!(?:were|was|are|is|been|being|had"
    r"|have)\b)\w+\s+){0,2}?(?:attack|kill|raid|shot|shoot"
    r"|clash|exchang|invad|torch|burn|assault|stab|hack)\w*)",
)


def government_period(country: str, on: date, actors: ActorDictionary) -> str | None:
    """ACLED's period label of the government in power on a date ('2013-2022'), if known."""
    label = None
    for start, period in actors.state_periods.get(country, ()):
        if on >= start:
            label = period
    return label


def state_force_name(country: str, branch: str, on: date, actors: ActorDictionary) -> str:
    """'Military Forces of Kenya (2013-2022)' or 'Police Forces of ...' (branch 'Military'/'Police')."""
    return _state_name(f"{branch} Forces of", country, on, actors)


def government_name(country: str, on: date, actors: ActorDictionary) -> str:
    """'Government of Kenya (2013-2022)': ACLED's actor for a curfew, ban or release by the state."""
    return _state_name("Government of", country, on, actors)


def _state_name(title: str, country: str, on: date, actors: ActorDictionary) -> str:
    article = "the " if country in actors.countries_with_the else ""
    period = government_period(country, on, actors)
    return f"{title} {article}{country}" + (f" ({period})" if period else "")


def _suffix(label: str, country: str | None) -> str:
    return f"{label} ({country})" if country else label


def _group_name(entry: ActorEntry, country: str | None) -> str:
    for where, name in entry.by_country:
        if where == country or where == "*":
            return name
    return _suffix(entry.name, country) if entry.country_suffix else entry.name


def _nationality_before(sentence: str, start: int, actors: ActorDictionary) -> str | None:
    """Country named by an adjective just before a force ('Ugandan troops', 'the Kenyan police')."""
    window = sentence[max(0, start - 30) : start]
    matches = list(actors.nationality_pattern.finditer(window))
    if matches and not re.search(r"[,.;]", window[matches[-1].end() :]):
        return actors.nationalities[matches[-1].group(1)]
    return None


_POLICE_ALIAS = re.compile(  # at a word's start: 'RAB' is not the 'rab' of 'Syrian Arab Army'
    r"\b(?:police|GSU|General Service|RAB|Rapid Action|DB|Detective|CTD|Counter Terrorism"
    r"|PNP|NSCDC|Ansar|KPR|Levies|CRPF|CoBRA|DRG|District Reserve|BSF|Border Security|ITBP)",
    re.IGNORECASE,
)
_ETHNIC_SPELLING = {
    "Masai": "Maasai",
    "Boran": "Borana",
    "Kipsigis": "Kipsigi",
    "Karimojong": "Karamojong",
    "Murule": "Merrile",
    "Peul": "Fulani",
}
_BRANCH_NEAR = re.compile(r"\bpolice|officers\b", re.IGNORECASE)


def _named_mentions(
    sentence: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    found: list[ActorMention] = []
    folded = sentence.casefold()
    for k in _candidates(folded, actors.group_index):
        entry, needles = actors.groups[k], actors.group_needles[k]
        if needles and not any(needle in folded for needle in needles):
            continue
        if (entry.valid_from and on < entry.valid_from) or (entry.valid_until and on > entry.valid_until):
            continue
        for m in entry.pattern.finditer(sentence):
            if entry.taliban and on >= TALIBAN_TAKEOVER:
                near = sentence[m.end() : m.end() + 25]
                branch = "Police" if _BRANCH_NEAR.search(near) else "Military"
                inter = 1 if country in (None, "Afghanistan") else 8
                found.append(
                    ActorMention(
                        state_force_name("Afghanistan", branch, on, actors),
                        inter,
                        m.start(),
                        m.end(),
                        m.group(0),
                        "state",
                    )
                )
            else:
                found.append(
                    ActorMention(
                        _group_name(entry, country), entry.inter, m.start(), m.end(), m.group(0), "group"
                    )
                )
    return found


def _state_mentions(
    sentence: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    found: list[ActorMention] = []
    folded = sentence.casefold()
    for k in _candidates(folded, actors.state_index):
        (force_country, pattern), needles = actors.state_aliases[k], actors.state_needles[k]
        ambiguous = actors.state_ambiguous[k]
        if needles and not any(needle in folded for needle in needles):
            continue
        foreign = country and force_country != country
        if ambiguous and foreign and not _names_country(sentence, force_country, actors):
            continue
        for m in pattern.finditer(sentence):
            branch = "Police" if _POLICE_ALIAS.search(m.group(0)) else "Military"
            found.append(_state(force_country, branch, country, on, actors, m))
    named_ends = {mention.end for mention in found}  # 'Saudi-led coalition warplanes': one force
    for branch, pattern in (("Police", _POLICE), ("Military", _MILITARY)):
        for m in pattern.finditer(sentence):
            if m.start() - 1 in named_ends and sentence[m.start() - 1] == " ":
                continue
            force_country = _nationality_before(sentence, m.start(), actors) or country
            military_police = sentence[max(0, m.start() - 9) : m.start()].casefold() == "military "
            if force_country:
                force_branch = "Military" if military_police else branch
                found += _paired_forces(sentence, m.start(), force_branch, country, on, actors)
                found.append(_state(force_country, force_branch, country, on, actors, m))
    for m in _NATIONAL_WEAPONS.finditer(sentence):
        if force_country := _nationality_before(sentence, m.start(), actors):
            found.append(_state(force_country, "Military", country, on, actors, m))
    return found


def _paired_forces(
    sentence: str, start: int, branch: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    """'Armenian and Azerbaijani forces', 'Kyrgyz and Tajik border guards': the first nationality
    of a pair sharing one force noun names a force of its own."""
    window_start = max(0, start - 40)
    matches = list(actors.nationality_pattern.finditer(sentence, window_start, start))
    if len(matches) < 2 or not _PAIR_GAP.fullmatch(sentence, matches[-2].end(), matches[-1].start()):
        return []
    first = matches[-2]
    return [_state(actors.nationalities[first.group(1)], branch, country, on, actors, first)]


_PAIR_GAP = re.compile(r"\s+(?:and|or)\s+|\s*/\s*")


def _names_country(sentence: str, country: str, actors: ActorDictionary) -> bool:
    """Whether the sentence names the country, or uses its nationality adjective."""
    if country in sentence:
        return True
    adjectives = actors.nationality_pattern.finditer(sentence)
    return any(actors.nationalities[m.group(1)] == country for m in adjectives)


def _state(
    force_country: str, branch: str, country: str | None, on: date, actors: ActorDictionary, m: Match
) -> ActorMention:
    inter = 1 if country in (None, force_country) else 8
    return ActorMention(
        state_force_name(force_country, branch, on, actors), inter, m.start(), m.end(), m.group(0), "state"
    )


# Compiled once: building the role pattern per ethnic name found cost a string concatenation and
# a lookup in re's cache (hashing the long pattern) each time.
_ETHNIC_CONTEXT = re.compile(r"\b(?:ethnic|tribal|inter-?communal|communal|clan)\b", re.IGNORECASE)
_ETHNIC_ROLE_AFTER = re.compile(r"\W{0,2}(?:\w+\W+){0,1}" + _ETHNIC_ROLE + r"\b", re.IGNORECASE)


def _communal_mentions(sentence: str, country: str | None, actors: ActorDictionary) -> list[ActorMention]:
    found = []
    ethnic_context = _ETHNIC_CONTEXT.search(sentence)
    for m in actors.ethnic_pattern.finditer(sentence):
        role = _ETHNIC_ROLE_AFTER.match(sentence[m.end() :])
        if role or ethnic_context:
            name = _ETHNIC_SPELLING.get(m.group(1), m.group(1))
            found.append(
                ActorMention(
                    _suffix(f"{name} Ethnic Militia", country), 4, m.start(), m.end(), m.group(0), "ethnic"
                )
            )
    for pattern, label in (
        (_CLAN, "Unidentified Clan Militia"),
        (_COMMUNAL, "Unidentified Communal Militia"),
        (_RAIDERS, "Unidentified Ethnic Militia"),
    ):
        for m in pattern.finditer(sentence):
            found.append(ActorMention(_suffix(label, country), 4, m.start(), m.end(), m.group(0), "communal"))
    return found


def _unidentified_mentions(sentence: str, country: str | None, actors: ActorDictionary) -> list[ActorMention]:
    alpha3 = country_alpha3(country) if country else None
    gangs = bool(alpha3) and region_of(alpha3) in actors.gang_regions
    found = []
    for m in _UNIDENTIFIED.finditer(sentence):
        label = (
            "Unidentified Gang"
            if gangs and re.search(r"gang|criminal|hitm", m.group(0), re.I)
            else "Unidentified Armed Group"
        )
        found.append(
            ActorMention(_suffix(label, country), 3, m.start(), m.end(), m.group(0).strip(), "unidentified")
        )
    return found


_KIND_RANK = {"group": 0, "state": 1, "ethnic": 2, "communal": 3, "unidentified": 4}
_GENERIC_KINDS = ("unidentified", "communal", "state")
_LINKED = re.compile(
    r"\W*(?:[\w-]+\s+){0,2}?(?:(?:linked|tied|connected) to|affiliated (?:with|to)|belong(?:ing)? to"
    r"|(?:believed|suspected|thought|said|alleged|reported) to (?:be|have been|belong to)"
    r"(?: (?:members|fighters|militants|elements|part) of)?|loyal to|allied (?:with|to)"
    r"|members of|from|of)\s+(?:the\s+|suspected\s+)?$",
    re.IGNORECASE,
)


# Who reported an event is no party to it: a closing attribution ('..., the Taliban said.',
# '..., police said on Monday.', '..., according to the army.'), not a claim of responsibility.
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,6}?(?:said|says|reported|told\s+\w+)"
    r"(?:\s+on\s+\w+|\s+\w+day)?\s*[.]?\s*$"
    r"|,\s+according\s+to\s+[^,.;]{1,60}[.]?\s*$",
    re.IGNORECASE,
)


def before_attribution(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions before a closing attribution of `text` ('..., the Taliban said.')."""
    attribution = _ATTRIBUTION.search(text)
    return mentions if attribution is None else [m for m in mentions if m.start < attribution.start()]


def find_mentions(
    sentence: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    """Armed and state actors in text order, one per stretch of text.

    A generic word right after a more specific mention describes it ('Al Shabaab militants',
    'Kenyan police officers') and is dropped; so is a repeat of an actor already found.
    """
    candidates = (
        _named_mentions(sentence, country, on, actors)
        + _state_mentions(sentence, country, on, actors)
        + _communal_mentions(sentence, country, actors)
        + _unidentified_mentions(sentence, country, actors)
    )
    candidates = before_attribution(sentence, candidates)
    candidates.sort(key=lambda m: (m.start, _KIND_RANK[m.kind], -(m.end - m.start)))
    kept: list[ActorMention] = []
    for mention in candidates:
        if kept and mention.start < kept[-1].end + _describes_gap(sentence, kept[-1], mention):
            continue
        kept.append(mention)
    kept = [m for k, m in enumerate(kept) if not _linked_to_next(sentence, m, kept[k + 1 :])]
    unique: dict[str, ActorMention] = {}
    for mention in kept:
        unique.setdefault(mention.name, mention)
    return sorted(unique.values(), key=lambda m: m.start)


def _linked_to_next(sentence: str, mention: ActorMention, later: list[ActorMention]) -> bool:
    """'Gunmen linked to Al Shabaab': the generic mention is the named group that follows it."""
    if (
        mention.kind not in ("unidentified", "communal")
        or not later
        or later[0].kind not in ("group", "ethnic")
    ):
        return False
    return bool(_LINKED.match(sentence[mention.end : later[0].start]))


def _describes_gap(sentence: str, previous: ActorMention, mention: ActorMention) -> int:
    """How far after `previous` a generic mention still just describes it."""
    if mention.kind in _GENERIC_KINDS and _KIND_RANK[previous.kind] < _KIND_RANK[mention.kind]:
        between = sentence[previous.end : mention.start]
        if len(between) <= 12 and not re.search(r"[,;]|\b(?:and|with|against|on|by)\b", between):
            return 0 if _VERB_BETWEEN.search(between) else len(between) + 1
    return 0


# 'Al Shabaab killed two policemen': a verb between makes the generic word another actor.
_VERB_BETWEEN = re.compile(
    r"\b(?!(?:arm|suspect|alleg|mask|unidentifi|affiliat|link|alli)ed\b)[a-z]+ed\b"
    r"|\b(?:shot|hit|beat|took|fought|struck|kills?|attacks?|shoots?|seizes?)\b"
)
