"""Actors: who did what to whom, named the way ACLED names them.

ACLED's conventions (codebook, 'Actors and inter codes'): state forces are 'Military Forces of X
(period)' / 'Police Forces of X (period)', where the period is the government's; crowds are
'Protesters (X)' / 'Rioters (X)'; victims 'Civilians (X)'; unknown perpetrators 'Unidentified
Armed Group (X)'; named groups keep ACLED's name whatever alias the text uses. actor1 initiates,
actor2 is the target; in Violence against civilians the civilians are always actor2.

Country of the '(X)' suffix: the event's country (from the places module); a nationality adjective
('Ugandan troops') names the country of a state force, which is inter 8 when it acts abroad.

Islamic State Khorasan (ISKP, ISK, IS-K, ISIS-K, Daesh Khorasan) is 'Islamic State (Afghanistan)'
for events in Afghanistan, ACLED's name in its 2020 data; events elsewhere (Iran, Russia, Pakistan)
get 'Islamic State Khorasan Province (ISKP)', ACLED's name of the group in its 2025 data, because
ACLED keeps one name for a group across borders. The Taliban are the rebel group 'Taliban' before
15 August 2021 and Afghanistan's state forces from then on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from extraction.event_cues import FoldedPattern, Match, rx
from extraction.event_types import EventTyping
from schemas.codebook import country_alpha3, interaction_number, region_of

TALIBAN_TAKEOVER = date(2021, 8, 15)
CIVILIANS_TARGETED = "Civilians targeted"


@dataclass(frozen=True)
class ActorEntry:
    """One named group of the dictionary."""

    name: str
    inter: int
    pattern: re.Pattern[str]
    by_country: tuple[tuple[str, str], ...] = ()
    country_suffix: bool = False
    taliban: bool = False
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class ActorDictionary:
    """Everything actor assignment needs, built once from extraction/data/actors.json."""

    groups: tuple[ActorEntry, ...]
    parties: tuple[ActorEntry, ...]
    identity_groups: tuple[tuple[str, FoldedPattern], ...]
    ethnic_pattern: re.Pattern[str]
    nationality_pattern: re.Pattern[str]
    nationalities: dict[str, str]
    state_aliases: tuple[tuple[str, re.Pattern[str]], ...]
    state_ambiguous: tuple[bool, ...]  # per state alias: a one-word alias (see _ambiguous_alias)
    state_periods: dict[str, tuple[tuple[date, str], ...]]
    countries_with_the: frozenset[str]
    gang_regions: frozenset[str]
    gang_names: dict[str, str] = field(default_factory=dict)
    group_needles: tuple[tuple[str, ...], ...] = ()  # per group: literal prefixes one of which must occur
    state_needles: tuple[tuple[str, ...], ...] = ()
    group_index: NeedleIndex = field(default_factory=dict)  # built from group_needles
    state_index: NeedleIndex = field(default_factory=dict)
    party_needles: tuple[tuple[str, ...], ...] = ()
    party_index: NeedleIndex = field(default_factory=dict)
    any_identity_group: FoldedPattern | None = None  # all identity patterns: one search rules them out
    homes: dict[str, str] = field(default_factory=dict)  # actor name (no suffix) -> its one country


@dataclass(frozen=True)
class ActorMention:
    """An armed (or state) actor found in a sentence, already named the ACLED way."""

    name: str
    inter: int
    start: int
    end: int
    text: str
    kind: str  # "state", "group", "ethnic", "unidentified"


@dataclass(frozen=True)
class ActorAssignment:
    """ACLED actor columns for one event, and the text that justified each (for --explain)."""

    actor1: str
    assoc_actor_1: str | None
    inter1: int
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int
    interaction: int
    civilian_targeting: str | None
    evidence: dict[str, str] = field(default_factory=dict)


_AFFILIATION = r"(?:affiliated|linked|aligned|backed|inspired|allied|led|claimed)\b"


def _alias_pattern(aliases: list[str], acronyms: list[str]) -> re.Pattern[str]:
    parts = [f"(?i:{a})" for a in aliases] + [re.escape(a) for a in acronyms]
    # 'Islamic State-affiliated militants' names the group; 'IS-K' must not match 'IS'.
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)(?!-(?!" + _AFFILIATION + r")\w)")


def _entry(raw: dict) -> ActorEntry:
    return ActorEntry(
        name=raw["name"],
        inter=int(raw.get("inter", 3)),
        pattern=_alias_pattern(raw.get("aliases", []), raw.get("acronyms", [])),
        by_country=tuple(raw.get("by_country", {}).items()),
        country_suffix=raw.get("country_suffix", False),
        taliban=raw.get("taliban", False),
        valid_from=date.fromisoformat(raw["from"]) if raw.get("from") else None,
        valid_until=date.fromisoformat(raw["until"]) if raw.get("until") else None,
    )


def _state_alias(alias: str) -> re.Pattern[str]:
    """One-word aliases ('Levies', 'Ansar', 'AFP') are also common words or other names: they
    match only as written (capitalised); multi-word names match in any case."""
    flags = 0 if " " not in alias else re.IGNORECASE
    return re.compile(r"(?<![\w-])(?:" + alias + r")(?![\w-])", flags)


def _ambiguous_alias(alias: str) -> bool:
    """A one-word alias names a foreign force only when the text also names that country."""
    return " " not in alias


_REGEX_META = re.compile(r"[\[\](){}|\\.^$]|.[?*]")


def _needle(alias: str) -> str:
    """The literal text every match of an alias regex starts with, lowercased ('' if none).

    Cut at the first regex construct; a character made optional by '?' or '*' is cut too.
    """
    meta = _REGEX_META.search(alias)
    return (alias[: meta.start()] if meta else alias).casefold()


def _needles(aliases: Iterable[str]) -> tuple[str, ...]:
    """Substrings one of which occurs in any sentence an entry can match; () means 'always check'."""
    needles = tuple(_needle(alias) for alias in aliases)
    return () if any(len(n) < 2 for n in needles) else needles


NeedleIndex = dict[str, tuple[int, ...]]  # word head (2-3 chars) -> entries to test; "" -> always test
_NEEDLE_KEY = re.compile(r"\w{1,3}")
_WORD_HEADS = re.compile(r"(?<!\w)\w\w\w?")


def _needle_index(needle_lists: Iterable[tuple[str, ...]]) -> NeedleIndex:
    """Entries by the first 2-3 word characters of their needles.

    Every alias match starts a word, so an entry can match only if one of its keys heads a word
    of the sentence: a sentence costs a few dict lookups instead of a scan per entry.
    """
    index: dict[str, set[int]] = {}
    for k, needles in enumerate(needle_lists):
        keys = [m.group(0) if (m := _NEEDLE_KEY.match(n)) else "" for n in needles]
        for key in keys if needles and all(len(key) >= 2 for key in keys) else [""]:
            index.setdefault(key, set()).add(k)
    return {key: tuple(sorted(entries)) for key, entries in index.items()}


_HEADS: list = ["", frozenset()]  # the last sentence's word heads (three indexes look it up)


def _word_heads(folded: str) -> frozenset[str]:
    if folded != _HEADS[0]:
        heads = set(_WORD_HEADS.findall(folded))
        _HEADS[0], _HEADS[1] = folded, frozenset(heads | {head[:2] for head in heads} | {""})
    return _HEADS[1]


def _candidates(folded: str, index: NeedleIndex) -> list[int]:
    """Entries whose key heads a word of the sentence: the set intersection runs in C over the
    (few) index keys instead of a Python loop over the (many) word heads."""
    keys = _word_heads(folded).intersection(index)
    if len(keys) == 1:
        return list(index[next(iter(keys))])
    return sorted({k for key in keys for k in index[key]})


@cache
def load_actor_dictionary() -> ActorDictionary:
    """Read the packaged actor dictionary once (cached: it is immutable)."""
    raw = json.loads(resources.files("extraction").joinpath("data", "actors.json").read_text("utf-8"))
    nationalities = raw["nationalities"]
    names = sorted(nationalities, key=len, reverse=True)
    groups = tuple(_entry(g) for g in raw["groups"])
    state_aliases = tuple(
        (country, _state_alias(alias))
        for country, aliases in raw["state_forces"].items()
        for alias in aliases
    )
    group_needles = tuple(_needles(g.get("aliases", []) + g.get("acronyms", [])) for g in raw["groups"])
    state_needles = tuple(_needles([alias]) for aliases in raw["state_forces"].values() for alias in aliases)
    party_needles = tuple(_needles(p.get("aliases", []) + p.get("acronyms", [])) for p in raw["parties"])
    return ActorDictionary(
        groups=groups,
        group_needles=group_needles,
        state_needles=state_needles,
        group_index=_needle_index(group_needles),
        state_index=_needle_index(state_needles),
        parties=tuple(_entry({**p, "inter": 3}) for p in raw["parties"]),
        party_needles=party_needles,
        party_index=_needle_index(party_needles),
        identity_groups=tuple((name, rx(rf"\b(?:{pattern})\b")) for name, pattern in raw["identity_groups"]),
        any_identity_group=rx(r"\b(?:" + "|".join(pattern for _, pattern in raw["identity_groups"]) + r")\b"),
        ethnic_pattern=re.compile(r"\b(" + "|".join(raw["ethnic_groups"]) + r")s?\b"),
        nationality_pattern=re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
        ),
        nationalities=nationalities,
        state_aliases=state_aliases,
        state_ambiguous=tuple(
            _ambiguous_alias(alias) for aliases in raw["state_forces"].values() for alias in aliases
        ),
        state_periods={
            country: tuple((date.fromisoformat(start), label) for start, label in periods)
            for country, periods in raw["state_periods"].items()
        },
        countries_with_the=frozenset(raw["countries_with_the"]),
        gang_regions=frozenset(raw["gang_regions"]),
        gang_names=raw.get("gang_names", {}),
        homes=_homes(raw),
    )


def _homes(raw: dict) -> dict[str, str]:
    """Actor name -> home country: named groups and parties with a 'home', and the ethnic
    militias of groups that live in one country ('Kikuyu Ethnic Militia' -> Kenya)."""
    homes = {e["name"]: e["home"] for e in [*raw["groups"], *raw["parties"]] if e.get("home")}
    homes.update({f"{name} Ethnic Militia": home for name, home in raw.get("ethnic_homes", {}).items()})
    return homes


def home_country(assigned: ActorAssignment, actors: ActorDictionary, text: str = "") -> str | None:
    """The one country every named actor of an event, and every ethnic group its `text` names,
    belongs to ('ODM supporters', 'SLDF militia', 'Kikuyu raiders' -> Kenya), or None when none
    has a home or two homes disagree ('Karamojong raiders attacked Turkana herders' may be on
    either side of the border). The last resort for an event's country when its text names no
    place and no country."""
    names = [assigned.actor1, assigned.actor2]
    names += [
        n for group in (assigned.assoc_actor_1, assigned.assoc_actor_2) if group for n in group.split("; ")
    ]
    peoples = (_ETHNIC_SPELLING.get(m[1], m[1]) for m in actors.ethnic_pattern.finditer(text))
    names += [f"{people} Ethnic Militia" for people in peoples]
    homes = {actors.homes.get(name) or actors.homes.get(_SUFFIX_RE.sub("", name)) for name in names if name}
    homes.discard(None)
    return homes.pop() if len(homes) == 1 else None


_SUFFIX_RE = re.compile(r" \([^()]*\)$")  # 'Pokot Ethnic Militia (Kenya)': the country suffix


_MILITARY = rx(
    r"\b(?:soldiers?|troops?|military|army|armed forces|defen[cs]e forces|marines?|navy|naval forces|"
    r"air force|paratroopers|special forces|commandos?|national guard|government forces|security forces|"
    r"gendarmes?|gendarmerie|forces|servicem[ae]n|border guards?|intelligence (?:agents|officials|services?)|"
    r"regime forces|army personnel|military personnel|government troops|security personnel|warplanes?|"
    r"fighter jets?|jets|aircraft|helicopters?|gunships?|drones?)\b",
)
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
    article = "the " if country in actors.countries_with_the else ""
    period = government_period(country, on, actors)
    return f"{branch} Forces of {article}{country}" + (f" ({period})" if period else "")


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


_POLICE_ALIAS = re.compile(
    r"police|GSU|General Service|RAB|Rapid Action|DB|Detective|CTD|Counter Terrorism"
    r"|PNP|"
    r"NSCDC|Ansar|KPR|Levies",
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
    found = []
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
    for branch, pattern in (("Police", _POLICE), ("Military", _MILITARY)):
        for m in pattern.finditer(sentence):
            force_country = _nationality_before(sentence, m.start(), actors) or country
            military_police = sentence[max(0, m.start() - 9) : m.start()].casefold() == "military "
            if force_country:
                found.append(
                    _state(force_country, "Military" if military_police else branch, country, on, actors, m)
                )
    return found


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


def _communal_mentions(sentence: str, country: str | None, actors: ActorDictionary) -> list[ActorMention]:
    found = []
    ethnic_context = re.search(
        r"\b(?:ethnic|tribal|inter-?communal|communal"
        r"|clan)\b",
        sentence,
        re.IGNORECASE,
    )
    for m in actors.ethnic_pattern.finditer(sentence):
        role = re.match(r"\W{0,2}(?:\w+\W+){0,1}" + _ETHNIC_ROLE + r"\b", sentence[m.end() :], re.IGNORECASE)
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
            return len(between) + 1
    return 0


_AGENT_BEFORE = re.compile(r"\bby (?:\w+ ){0,3}$", re.IGNORECASE)
_CIVILIAN_VICTIM = rx(
    r"\b(?:civilians?|villagers?|residents?|locals?|farmers?|herders?|traders?|teachers?|students?|pupils?|"
    r"passengers?|drivers?|workers?|wom[ae]n|child(?:ren)?|boys?|girls?|m[ae]n|persons?|people|famil(?:y"
    r"|ies)|"
    r"tourists?|journalists?|worshipp?ers?|victims?|bod(?:y|ies)|employees|elders?|chiefs?|suspects?|"
    r"households?|homes?|houses?|leaders?|activists?|supporters?|members|youths?)\b",
)


_POSSESSIVE = re.compile(r"['’]s?\s")


def _ordered(mentions: list[ActorMention], sentence: str) -> list[ActorMention]:
    """Initiator first: a mention introduced by 'by' (passive voice) is the agent; a possessive
    ('the Taliban's spiritual capital') qualifies something else and comes last."""
    agents = [m for m in mentions if _AGENT_BEFORE.search(sentence[max(0, m.start - 30) : m.start])]
    owners = [m for m in mentions if m not in agents and _POSSESSIVE.match(sentence, m.end)]
    return agents + [m for m in mentions if m not in agents and m not in owners] + owners


_ATTRIBUTED_BEFORE = re.compile(
    r"\b(?:suspect(?:ed|s)?|believed|assumed|thought|said|reported(?:ly)?|links?|linked|affiliated|members?"
    r"|belong(?:s|ed|ing)?|comprising|includ(?:e|ed|ing)|loyal|allied)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
_ATTRIBUTED_AFTER = re.compile(
    r"\W*(?:(?:has|have|had|was|were|is|are)\s+)?(?:claimed|blamed|suspected|accused|took\s+responsibility)\b",
    re.IGNORECASE,
)


def _named_first(ordered: list[ActorMention], sentence: str) -> list[ActorMention]:
    """'Gunmen believed to be members of Al Shabaab killed three', 'gunmen attacked a bus; Al
    Shabaab claimed the attack': an armed group the text names as the perpetrator replaces the
    unidentified attackers. Not when the unidentified group is the agent of a passive ('suspected
    Al Shabaab returnees were shot dead by gunmen'): the named group is then the victim."""
    if (
        not ordered
        or ordered[0].kind != "unidentified"
        or _AGENT_BEFORE.search(sentence[max(0, ordered[0].start - 30) : ordered[0].start])
    ):
        return ordered
    named = next((m for m in ordered if m.kind == "group" and _is_attributed(sentence, m)), None)
    if named is None:
        return ordered
    return [named, *(m for m in ordered if m is not named and m.kind != "unidentified")]


def _is_attributed(sentence: str, mention: ActorMention) -> bool:
    """Whether the text attributes the event to the mention ('suspected to be', 'claimed')."""
    before = sentence[max(0, mention.start - 45) : mention.start]
    return bool(_ATTRIBUTED_BEFORE.search(before) or _ATTRIBUTED_AFTER.match(sentence, mention.end))


def _civilians(country: str | None) -> tuple[str, int]:
    return _suffix("Civilians", country), 7


def _default_perpetrator(country: str | None, actors: ActorDictionary) -> tuple[str, int]:
    """ACLED's actor for an unknown perpetrator (inter 3 unless clearly military or communal)."""
    return _suffix("Unidentified Armed Group", country), 3


def _associates(sentence: str, country: str | None, actors: ActorDictionary) -> str | None:
    """Groups a crowd is made of: parties and social groups ('Students (Kenya)')."""
    folded = sentence.casefold()
    names = [
        actors.parties[k].name
        for k in _candidates(folded, actors.party_index)
        if actors.parties[k].pattern.search(sentence)
    ]
    groups = actors.identity_groups
    if actors.any_identity_group is None or actors.any_identity_group.search(sentence):
        names += [_suffix(label, country) for label, found in groups if found.search(sentence)]
    return "; ".join(dict.fromkeys(names)) or None


def _force_or_police(
    mentions: list[ActorMention], country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int] | None:
    state = [m for m in mentions if m.kind == "state"]
    if state:
        return state[0].name, state[0].inter
    return (state_force_name(country, "Police", on, actors), 1) if country else None


def _crowd_roles(
    sentence: str,
    typing: EventTyping,
    mentions: list[ActorMention],
    country: str | None,
    on: date,
    actors: ActorDictionary,
) -> tuple[tuple[str, int], tuple[str, int] | None, bool]:
    """(actor1, actor2, civilians targeted) for Protests and Riots."""
    sub = typing.sub_event_type
    if typing.event_type == "Protests":
        crowd = (_suffix("Protesters", country), 6)
        if sub in ("Protest with intervention", "Excessive force against protesters"):
            return crowd, _force_or_police(mentions, country, on, actors), False
        return crowd, None, False
    crowd = (_suffix("Rioters", country), 5)
    state = [m for m in mentions if m.kind == "state"]
    armed = [m for m in mentions if m.kind != "state"]
    two_sided = bool(_TWO_SIDED.search(sentence))  # 'supporters of two candidates clashed'
    if sub == "Violent demonstration":
        if state:
            return crowd, (state[0].name, state[0].inter), False
        return crowd, (crowd if two_sided else None), False
    if armed:
        return crowd, (armed[0].name, armed[0].inter), False
    if state:
        return crowd, (state[0].name, state[0].inter), False
    if two_sided:  # rioters on both sides
        return crowd, crowd, False
    if _CIVILIAN_VICTIM.search(sentence):
        return crowd, _civilians(country), True
    return crowd, None, False


_TWO_SIDED = rx(
    r"\b(?:clash(?:ed|es|ing)?|fought|scuffled?|brawl(?:ed|s)?|exchanged blows|fight(?:ing)? between"
    r"|rival (?:groups|factions|supporters))\b"
)
_HEAVY_WEAPONS = rx(
    r"\b(?:artillery|mortars?|shell(?:s|ed|ing)|howitzers?|tanks?|IFVs?|MLRS|missiles?|front ?line|rockets?|"
    r"heavy weapons|heavy machine ?guns?|projectiles?|explosions?|military positions|bursts of fire)\b",
)


def _unnamed_attacker(
    sentence: str, sub_event: str, country: str | None, on: date, actors: ActorDictionary
) -> tuple[str, int]:
    """Who fires when the text names nobody: air strikes and heavy weapons are a military's."""
    indirect = sub_event in ("Air/drone strike", "Shelling/artillery/missile attack")
    if country and (indirect or _HEAVY_WEAPONS.search(sentence)):
        return state_force_name(country, "Military", on, actors), 1
    return _default_perpetrator(country, actors)


def _armed_roles(
    sentence: str,
    typing: EventTyping,
    mentions: list[ActorMention],
    country: str | None,
    on: date,
    actors: ActorDictionary,
) -> tuple[tuple[str, int], tuple[str, int] | None, bool]:
    """(actor1, actor2, civilians targeted) for Battles, Explosions, VAC and Strategic developments."""
    ordered = [(m.name, m.inter) for m in _named_first(_ordered(mentions, sentence), sentence)]
    event_type, sub = typing.event_type, typing.sub_event_type
    if event_type == "Violence against civilians":
        first = ordered[0] if ordered else _default_perpetrator(country, actors)
        return first, _civilians(country), True
    if event_type == "Battles":
        first = ordered[0] if ordered else _unnamed_attacker(sentence, sub, country, on, actors)
        second = ordered[1] if len(ordered) > 1 else _default_perpetrator(country, actors)
        return first, second, False
    if event_type == "Explosions/Remote violence":
        first = ordered[0] if ordered else _unnamed_attacker(sentence, sub, country, on, actors)
        if len(ordered) > 1:
            return first, ordered[1], False
        civilians = bool(_CIVILIAN_VICTIM.search(sentence))
        return first, (_civilians(country) if civilians else None), civilians
    if sub in ("Arrests", "Disrupted weapons use"):
        state = [(m.name, m.inter) for m in mentions if m.kind == "state"]
        others = [pair for pair in ordered if pair not in state]
        first = (
            state[0]
            if state
            else _force_or_police(mentions, country, on, actors) or _default_perpetrator(country, actors)
        )
        return first, (others[0] if others else None), False
    if sub == "Looting/property destruction":
        first = ordered[0] if ordered else _default_perpetrator(country, actors)
        return first, _civilians(country), True
    first = (
        ordered[0]
        if ordered
        else (
            (state_force_name(country, "Military", on, actors), 1)
            if country
            else _default_perpetrator(country, actors)
        )
    )
    return first, (ordered[1] if len(ordered) > 1 else None), False


def _with_context_group(
    mentions: list[ActorMention], context: str, country: str | None, on: date, actors: ActorDictionary
) -> list[ActorMention]:
    """Lend the named group of the neighbouring sentences when the sentence names none.

    'The attackers shot dead two guards' after 'ISK claimed the attack': the unidentified
    attackers are the group named next to them, so it takes their place; with no generic mention
    it joins after the sentence's own actors (state forces there are more likely the target).
    """
    if any(m.kind == "group" for m in mentions):
        return mentions
    named = [m for m in _named_mentions(context, country, on, actors) if m.kind == "group"]
    if not named:
        return mentions
    generic = next((m for m in mentions if m.kind == "unidentified"), None)
    start, end, text = (
        (generic.start, generic.end, generic.text) if generic else (10**6, 10**6, named[0].text)
    )
    lent = ActorMention(named[0].name, named[0].inter, start, end, text, "group")
    kept = [m for m in mentions if m.kind != "unidentified"] if generic else mentions
    return sorted([*kept, lent], key=lambda m: m.start)


# Signs of organised criminal violence (cartel and gang killings): ACLED names their unknown
# perpetrators 'Unidentified Gang' in the Americas rather than 'Unidentified Armed Group'.
_GANG_CUES = rx(
    r"\b(?:drive-by|tortur(?:e|ed)|handcuffed|blindfolded|dismembered|(?:hands|feet|body|bodies)"
    r" (?:\w+ )?(?:tied|bound)|cartels?|criminal (?:groups?|organi[sz]ations?|gangs?|factions?)"
    r"|drug[- ](?:traffick\w*|deal\w*|gangs?|cartels?|lords?|factions?)|gangs?|gangsters?|narco\w*"
    r"|hitm[ae]n|sicarios?|beheaded|decapitated|throats? slit|executed)\b",
)


def _gang_name(country: str | None, actors: ActorDictionary) -> str:
    return _suffix(actors.gang_names.get(country or "", "Unidentified Gang"), country)


def _as_gang(
    pair: tuple[str, int] | None, text: str, country: str | None, actors: ActorDictionary
) -> tuple[str, int] | None:
    """'Unidentified Armed Group (Mexico)' -> 'Unidentified Gang (Mexico)' when the text shows
    criminal violence in a country of the gang regions (codebook: Americas naming)."""
    if pair is None or pair[0] != _suffix("Unidentified Armed Group", country) or not country:
        return pair
    alpha3 = country_alpha3(country)
    if not alpha3 or region_of(alpha3) not in actors.gang_regions or not _GANG_CUES.search(text):
        return pair
    return _gang_name(country, actors), pair[1]


def _fallback_country(sentence: str, place_country: str | None, actors: ActorDictionary) -> str | None:
    if place_country:
        return place_country
    match = actors.nationality_pattern.search(sentence)
    return actors.nationalities[match.group(1)] if match else None


def find_actors(
    sentence: str,
    typing: EventTyping,
    place_country: str | None,
    event_date: date,
    actors: ActorDictionary | None = None,
    context: str = "",
) -> ActorAssignment:
    """ACLED actors of the event a sentence reports.

    `place_country` is the event's country (ACLED spelling) from the places module; without it
    the first nationality adjective in the sentence gives the '(Country)' suffix. `event_date`
    picks government periods and the Taliban's status. `context` (neighbouring sentences) lends
    its named group when the sentence names none, after the sentence's own actors.
    """
    actors = actors or load_actor_dictionary()
    country = _fallback_country(sentence, place_country, actors)
    mentions = find_mentions(sentence, country, event_date, actors)
    role_text = sentence
    if context and not mentions and typing.event_type == "Battles":
        # 'Military Police raided the favela. A shoot-out broke out and a suspect died.': the
        # sides of a fight the sentence does not name are those named just before it.
        lent = find_mentions(context, country, event_date, actors)
        mentions, role_text = (lent, context) if lent else (mentions, sentence)
    if context and typing.event_type not in ("Protests", "Riots"):
        mentions = _with_context_group(mentions, context, country, event_date, actors)
    crowd_event = typing.event_type in ("Protests", "Riots")
    roles = _crowd_roles if crowd_event else _armed_roles
    (actor1, inter1), second, targeted = roles(role_text, typing, mentions, country, event_date, actors)
    if not crowd_event:
        surrounding = f"{context} {sentence}"
        actor1, inter1 = _as_gang((actor1, inter1), surrounding, country, actors) or (actor1, inter1)
        second = _as_gang(second, surrounding, country, actors)
    actor2, inter2 = second if second else (None, 0)
    crowd = typing.event_type in ("Protests", "Riots")
    assoc1 = _associates(sentence, country, actors) if crowd else None
    evidence = {m.name: m.text for m in mentions if m.name in (actor1, actor2)}
    return ActorAssignment(
        actor1=actor1,
        assoc_actor_1=assoc1,
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2=None,
        inter2=inter2,
        interaction=interaction_number(inter1, inter2),
        civilian_targeting=CIVILIANS_TARGETED if targeted else None,
        evidence={"actor1": evidence.get(actor1, ""), "actor2": evidence.get(actor2 or "", "")},
    )
