"""Fatality counts from event text, following ACLED's conservative rules.

ACLED records the lowest credible reported figure; vague words get fixed values ('several' 3,
'dozens' 12, 'hundreds' 100); the wounded never count; 'casualties' alone is 0; a suicide
bomber who dies counts. An explicit closing 'N fatalities.' (how ACLED notes end) is
authoritative. Killings mentioned as background ('arrested for killing two people', 'threatened
to kill') are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from extraction.reading import NUMBER_PATTERN, parse_number


@dataclass(frozen=True)
class FatalityCount:
    """The count and the phrase(s) it was read from ('' when nothing was found)."""

    count: int
    evidence: str


_NUM = rf"(?:{NUMBER_PATTERN})"
_QUANT = (
    r"(?:(?:at\s+least|about|around|approximately|some|up\s+to|more\s+than|over|nearly|almost|an\s+estimated"
    r"|a\s+total\s+of|roughly|as\s+many\s+as|no\s+fewer\s+than|only|either)\s+)?"
)
_RANGE = (
    rf"(?:between\s+)?[\"“]?(?<![\w-])(?!(?:19|20)\d\d\b)(?P<n>{_NUM})(?!\w|-(?![\d]))[\"”]?"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|{_NUM})|\s+and\s+(?P<n3>\d+)\b)?"
)
_NP_STOP = (
    r"(?:(?:19|20)\d\d|\d+(?![\w-])|who|which|whose|that|while|when|for|was|were|is|are|been|has|have|had"
    r"|nearly|almost|narrowly|not|no|after|before|following|during|because|since|until)(?![\w'’-])"
)
_WORDS = (
    rf"(?P<np>(?:\d{{1,3}}[\s-]years?[\s-]old\s+|and\s+\d{{1,4}}\s+|(?!{_NP_STOP})[\w'’\"“”/-]+,?\s+){{0,7}}?)"
)
_NOT_UNIT = (
    r"(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|years?|months?|weeks?|days?|hours?|minutes?|km"
    r"|kilometers?|kilometres?|miles?|am|pm|a\.m|p\.m|percent|per\s+cent|%)\b)"
)
_AUX = r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|being|been)"
_ADV = (
    r"(?:(?:reportedly|allegedly|later|also|all|subsequently|fatally|brutally|then|both|each|eventually"
    r"|reported|believed\s+to\s+have\s+been|said\s+to\s+have\s+been|feared"
    r"|(?:on\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
    r"|yesterday|overnight)\s+){0,3}"
)
_PASSIVE_VERB = (
    r"(?:kil{1,3}ed|shot\s+dead|murdered|beheaded|executed|lynched|assassinated|slain|slaughtered|massacred"
    r"|fatally\s+(?:shot|stabbed|wounded|injured|assaulted|beaten|hit)|(?:shot|hacked|stabbed|beaten|burn(?:ed|t)|stoned|lynched|tortured|clubbed|strangled|starved|crushed"
    r"|charred|bludgeoned|trampled|battered|mauled|macheted)"
    r"\s+to\s+death|found\s+dead|gunned\s+down|found\s+(?:killed|murdered)|confirmed\s+dead|left\s+dead)"
)
_INTRANSITIVE = r"(?:died|dies|die|perished|lost\s+(?:their|his|her)\s+lives?|succumbed)"
_ACTIVE_VERB = (
    r"(?:kil{1,2}(?:ed|ing|s)?|murder(?:ed|ing|s)?|behead(?:ed|ing|s)?|execut(?:ed|ing|es)|lynch(?:ed|ing|es)?"
    r"|massacr(?:ed|ing|es)|slaughter(?:ed|ing|s)?|assassinat(?:ed|ing|es)|shot\s+dead|shoot(?:s|ing)?\s+dead"
    r"|(?:shot|shoot|stabbed|stab|attacked|attack|hacked)\s+and\s+kill(?:ed|s)?|stoned\s+to\s+death"
    r"|stabbed\s+to\s+death|hacked\s+to\s+death|gunned\s+down|fatally\s+(?:shot|shooting|stabbed|stabbing)"
    r"|(?:stone|stoned|stoning|beat|beaten|beating|hack|hacking|burn|burned|burnt|burning|club|clubbed)\s+to\s+death"
    r"|claim(?:ed|ing)\s+the\s+lives\s+of|left|leaving)"
)
# Words right before a killing figure/verb that make it a motive, accusation or intention.
_BACKGROUND_LAST = frozenset(
    "for over after against to avenge including protest protesting condemn condemned condemning who "
    "commemorate commemorating mourn mourning mourned".split()
)
_BACKGROUND_PAIRS = frozenset({
    "accused of", "suspected of", "charged with", "convicted of", "threatened to", "threatening to",
    "tried to", "attempted to", "attempting to", "planned to", "planning to", "vowed to", "vowing to",
    "responsible for", "revenge for", "among them", "intending to", "who had", "who allegedly",
    "that had", "connection with", "who reportedly", "hit and", "knocked and", "death of", "killing of",
    "murder of", "deaths of", "killings of", "relatives of", "families of", "family of", "memory of",
    "anniversary of", "justice for", "funeral of", "burial of", "funerals of",
})

_ACTIVE_HINTS = (
    "kil", "murder", "behead", "execut", "lynch", "massacr", "slaughter", "assassinat", "dead", "death",
    "gunned", "lives", "left", "leaving",
)
_PASSIVE_HINTS = (
    "kil", "dead", "murder", "behead", "execut", "lynch", "assassinat", "slain", "slaughter", "massacr",
    "death", "gunned", "die", "perish", "lost", "succumb",
)
_WINDOW_BEFORE = 160
_WINDOW_AFTER = 140
# Cheap gate: a text without any of these substrings reports no killing.
_HINTS = (
    "kill", "kiled", "dead", "die", "death", "murder", "behead", "execut", "lynch", "assassin", "slain",
    "slaughter", "massacr", "bod", "corpse", "perish", "lives", "fatalit", "toll", "gunned", "succumb",
    "fatally",
)
_HINTS_RE = re.compile("|".join(_HINTS))  # one C-level scan instead of a loop over substrings
_AUTHORITATIVE_RE = re.compile(
    rf"(?i)\b(?P<n>{_NUM})(?P<more>(?:\s+[a-z][\w-]*){{1,2}}(?:\s*(?:,|and)\s+{_NUM}(?:\s+[a-z][\w-]*){{0,2}})+)?"
    r"(?:\s+[a-z][\w-]*)?\s+(?:reported\s+)?fatalit(?:y|ies)\b"
    rf"|\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?coded\s+as\s+(?P<coded>{_NUM})\b"
    rf"|\bfatalit(?:y|ies)\s+(?:range[sd]?|ranging|var(?:y|ied|ies))\s+(?:from|between)\s+(?P<low>{_NUM})\b"
)
# 'Total 13 fatalities (12 confirmed and 1 split) coded to this event': the note's own share.
_THIS_EVENT_RE = re.compile(
    rf"(?i)\b(?P<n>{_NUM})\s+(?:[\w-]+\s+)?fatalit(?:y|ies)\b[^.]{{0,80}}?\b(?:coded|assigned|attributed)\s+to\s+"
    r"this\s+event"
)
_NO_FATALITIES_RE = re.compile(
    r"(?:^|[.;]\s+)(?:There\s+were\s+)?[Nn]o\s+(?:reported\s+|known\s+)?fatalities(?:\s+(?:were\s+)?reported)?"
    r"\s*(?:[.;]|$)"
)
_AUTH_PART_RE = re.compile(rf"(?i)(?:,|\band)\s+(?P<n>{_NUM})\b")
_TAIL_WORD = r"(?:\s+(?!(?:injur|wound|hurt|and\b|in\b|on\b|at\b|near\b|during\b|when\b|while\b))[\w'’-]+)"
# 'killed a man and his son': a relative of the victim, not his belongings.
_RELATIVE = (
    r"(?:his|her)(?=\s+(?!bod|house|home|car|vehicle|propert|belong|livestock|cattle|animal|shop|farm))"
)
_VICTIM_TAIL = (
    rf"(?P<tail>{_TAIL_WORD}{{0,4}}?(?:\s*(?:,(?!\s+an?\s)|\s+and|\s+as\s+well\s+as)\s+"
    rf"(?:{_QUANT}{_NUM}|{_RELATIVE})\b{_TAIL_WORD}{{0,4}}?)+)?"
)
_ACTIVE_RE = re.compile(
    rf"(?i)\b(?P<verb>{_ACTIVE_VERB})\s+(?:(?:its|their|his|her)\s+)?{_QUANT}{_RANGE}\b{_NOT_UNIT}{_VICTIM_TAIL}"
    rf"(?P<dead>\s+(?:people\s+|persons\s+)?dead)?"
)
# 'left three guards and 29 inmates dead': 'dead' is required, so the tail reaches it.
_LEFT_DEAD_RE = re.compile(
    rf"(?i)\b(?P<verb>left|leaving)\s+{_QUANT}{_RANGE}\b{_NOT_UNIT}{_VICTIM_TAIL}"
    rf"(?P<dead>\s+(?:[\w-]+\s+)?dead)\b"
)
_AND_VERB = (
    r"(?:(?:[a-z]+ed|shot|beaten|hit|struck|caught|taken)(?:\s+by\s+(?:[\w-]+\s+){0,2}[\w-]+)?,?"
    r"\s+(?:and\s+)?){0,2}"
)
_NO_OBJECT = rf"(?!\s+(?:{_NUM}|the|his|her|their|its|him|them|at\s+least|some|several)\b)"
_PASSIVE_RE = re.compile(
    rf"(?i)\b{_QUANT}{_RANGE}{_NOT_UNIT}(?:\s+\([^()]{{0,80}}\))?(?:,?\s+including\s+[^.;()]{{0,120}}?,?)?"
    rf"\s+{_WORDS}(?:{_AUX}\s+{_ADV}{_AND_VERB}(?:{_PASSIVE_VERB}|dead)\b|{_AUX}\s+{_ADV}[a-z]+(?:\s+(?:in|on)\s+(?:the|his|her)\s+[a-z]+)?\s+and\s+(?:later\s+)?died\b"
    rf"|{_ADV}{_INTRANSITIVE}\b|{_PASSIVE_VERB}\b{_NO_OBJECT})"
    rf"(?P<along>\s+(?:along|together)\s+with\s+(?:another|{_NUM})\b)?"
)
_VICTIM = (
    r"(?:officer|policeman|policewoman|student|man|woman|boy|girl|child|baby|herder|herdsman|soldier|farmer"
    r"|teacher|trader|reservist|chief|suspect|thief|civilian|cleric|driver|member|leader|official|journalist"
    r"|worker|resident|pastor|priest|imam|villager|activist|fisherman|guard|youth|person|councillor|elder"
    r"|businessman|politician|commander|militant|fighter|rebel|operator|gangster|wife|husband|son|daughter"
    r"|father|mother|brother|sister|employee|vendor|guide|tourist|judge|lawyer|doctor|nurse|pupil|cop|accused"
    r"|president|chairman|secretary|supporter|bystander|constable|councilor|mayor|headman|trader|shopkeeper"
    r"|owner|head|prisoner|inmate|detainee|victim|passenger|motorist|rider|bodyguard|aspirant|candidate"
    r"|volunteer|inspector|sergeant|corporal|watchman|relative|neighbou?r|refugee|migrant|miner|monk|nun"
    r"|medic|paramedic|ranger|warden|companion|friend|local|chairperson|councilman|lieutenant"
    r"|captain|colonel|informant|hostage|cadre|minor|teenager|toddler|infant|clerk|rapist|criminal|robber"
    r"|bandit|attacker|assailant|gunman|tribesman|witch|executive|director|manager|legislator|governor|MP"
    r"|MCA|sheikh|preacher|singer|musician|artist|athlete|protester|protestor|demonstrator|rioter|cyclist"
    r"|hawker|spokesman|returnee|militiaman|poacher|defector|informer|witness|environmentalist|lecturer"
    r"|engineer|contractor|businesswoman|landlord|tenant|squatter|settler|herdboy|security\s+guard)"
)
_VICTIM_WORD_RE = re.compile(rf"(?i)\b{_VICTIM}s?\b")
# A verb in the first conjunct makes it a clause ('three suspects managed to flee and one died').
_CLAUSE_VERB_RE = re.compile(
    r"(?i)\b(?!(?:suspected|alleged|armed|unarmed|retired|elected|unidentified|masked|wanted|detained)\b)\w+ed\b"
    r"|\b(?:broke|fled|flee|went|ran|took|came|made|got|left)\b"
)
_ACTIVE_ONE_RE = re.compile(
    r"(?i)\b(?P<verb>kill(?:ed|ing|s)?|murdered|beheaded|lynch(?:ed|es)?|assassinat(?:ed|es)"
    r"|fatally\s+(?:shot|stabbed)(?!\s+of\b)"
    r"|shoot\s+dead|shot\s+dead|hacked\s+to\s+death|stabbed\s+to\s+death|stoned\s+to\s+death"
    r"|(?:shot|shoot|stabbed|stab|attacked|attack|hacked)\s+and\s+kill(?:ed|s)?)(?!\s+of\b)\s+(?:(?:a|an|one|the)\s+)?"
    rf"(?:(?!(?:and|or|in|at|on|by|with|while|when|after|before|during|from|near|to|\d+)\b)[\w'’-]+\s+){{0,3}}?"
    rf"{_VICTIM}\b(?![s-])(?P<np>\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_VICTIM}\b)?"
)
_TO_DEATH_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|stabbed|stab|beat|beaten|hacked|hack|stoned|stone|tortured|torture|clubbed"
    rf"|burned|burnt|burn|strangled|lynched)(?:\s+up)?\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?to\s+death\b"
)
_SHOT_DEAD_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|shooting)\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?dead\b"
)
# A victim already introduced dies: 'The man died', 'the other died', 'he died as a result'.
_ANAPHORIC_DIED_RE = re.compile(
    rf"(?i)\b(?:(?P<who>the\s+(?:other|latter|former|(?:[\w'’-]+\s+){{0,2}}?{_VICTIM})|he|she)"
    rf"(?P<np>\s+and\s+(?:his|her|their|the)\s+(?:[\w'’-]+\s+){{0,1}}?{_VICTIM})?"
    rf"\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?(?:died|succumbed|was\s+{_AND_VERB}(?:killed|{_PASSIVE_VERB})|passed\s+away)"
    r"|(?:his|her)\s+(?:dead\s+)?body\s+(?:was\s+)?(?:later\s+)?(?:found|discovered|recovered|dumped))\b"
)
# 'killed him': one victim, most often one already counted by another mention.
_KILLED_PRONOUN_RE = re.compile(
    r"(?i)\b(?P<verb>(?:kill(?:ed|ing)|murder(?:ed|ing)|lynch(?:ed|ing)|behead(?:ed|ing))\s+(?:him|her)\b"
    r"|(?:beat|beaten|hacked|stabbed|stoned|burned|burnt)\s+(?:him|her)\s+to\s+death\b)"
)
# One victim named by a determiner and a person noun, possibly with a relative clause:
# 'the leader of the group was shot dead', 'a bodyguard who worked for X was shot dead'.
_ONE_VICTIM_PASSIVE_RE = re.compile(
    rf"(?i)\b(?P<det>an?|the|one)\s+(?:[\w'’-]+\s+){{0,4}}?{_VICTIM}\b(?![s-])"
    rf"(?:,?\s+(?:who|whose|of)\s+[^,.;()]{{0,80}}?,?)?"
    rf"\s+(?:is|was|has\s+been|had\s+been)\s+{_ADV}{_AND_VERB}(?P<verb>{_PASSIVE_VERB}|kil{{1,3}}ed)\b"
    rf"(?P<along>,?\s+(?:along|together)\s+with\s+(?:his|her|their|another|a|an)\b)?"
)
# A victim named by role and name: 'legislator Melitus Were was shot dead', 'the chief, Daniel
# Tiang, was found dead'.
_NAMED_VICTIM_RE = re.compile(
    rf"(?i)\b{_VICTIM},?\s+(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){{0,3}},?"
    rf"\s+(?:is|was|has\s+been|had\s+been)\s+{_ADV}{_AND_VERB}(?P<verb>{_PASSIVE_VERB}|kil{{1,3}}ed)\b"
)
# 'resulting in the death of a local man', 'leading to the deaths of two people'.
_DEATH_OF_RE = re.compile(
    rf"(?i)\b(?:result(?:ed|ing|s)?\s+in|le(?:d|ading|ads)\s+to|caus(?:ed|ing|es))\s+(?:the\s+)?"
    rf"(?:deaths?|killings?)\s+of\s+{_QUANT}{_RANGE}(?!\s+(?:injur|wound))"
)
_NOUN_DEATHS_RE = re.compile(
    rf"(?i)\b{_QUANT}{_RANGE}\s+(?:[\w-]+\s+)?(?:deaths?\b(?!\s+(?:threats?|sentences?|penalty|squads?|toll|row))"
    r"|dead\b(?!\s+bod))"
)
_BODIES_RE = re.compile(rf"(?i)\b(?:the\s+)?(?:bod(?:y|ies)|corpses?|remains)\s+of\s+{_QUANT}{_RANGE}\b")
_BODIES_NUM_RE = re.compile(rf"(?i)\b{_QUANT}{_RANGE}\s+(?:\w+\s+){{0,3}}(?:bodies|corpses)\b")
_TOLL_RE = re.compile(
    rf"(?i)\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities))\s+(?:(?:of|at|is|was|stood\s+at)\s+"
    rf"|(?:[\w'’-]+,?\s+){{0,20}}?(?:(?:has|had|have)\s+)?(?:rose|risen|climbed|reached|increased|jumped|stands|stood"
    rf"|hit|went\s+up)(?:\s+to|\s+at)?\s+){_QUANT}{_RANGE}\b"
)
_HEADLINE_ONE_RE = re.compile(
    rf"(?i)^(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,4}}?{_VICTIM}\s+(?:is\s+|was\s+|has\s+been\s+)?{_ADV}"
    r"(?P<verb>killed|shot\s+dead|murdered|lynched|stoned\s+to\s+death|beaten\s+to\s+death|hacked\s+to\s+death"
    r"|found\s+(?:dead|killed|murdered))\b"
)
_CONJUNCT_RE = re.compile(
    rf"(?i)(?:\band|,(?!\s+an?\s)|\balong\s+with|\btogether\s+with)\s+(?:(?P<n>{_NUM})|his|her|their|its|another)\b"
)
_ANIMALS = frozenset(
    "livestock cattle cows cow goats goat sheep camels camel animals animal donkeys donkey dogs dog "
    "lamb lambs pigs pig chickens poultry horses horse bulls bull oxen elephants elephant".split()
)
# An animal word followed by one of these names people ('cattle rustlers').
_ANIMAL_PEOPLE = frozenset(
    "rustlers rustler raiders raider thieves thief herders herder keepers keeper owners owner traders "
    "trader herdsmen herdsman farmers farmer".split()
)
_AGENT_BEFORE_RE = re.compile(r"(?i)\bby\s*$")
_DETERMINER_BEFORE_RE = re.compile(r"(?i)\b(?:a|an|the|his|her|their)\s+$")
_SPLIT_RE = re.compile(
    rf"(?:(?i:\b(?P<total>{_NUM})\s+(?:fatalit(?:y|ies)|deaths))|(?:^|[.\[(]\s*)Fatalities)\s+(?:\(\s*)?"
    rf"(?:were\s+|are\s+)?(?:split|coded|distributed|spread|divided)\s+(?:evenly\s+)?(?:among|between|across|over)\s+"
    rf"(?P<n>{_NUM})\s+(?:events|days)\b"
)
_SPLIT_HINT_RE = re.compile(r"split|coded|distributed|spread|divided")
_PARENS_RE = re.compile(r"\s*\([^()]{0,160}\)")
_INCLUDING_RE = re.compile(
    r"(?i),\s*(?:including|among\s+them|mostly|mainly)\s+[^,.;()]{1,160}?(?:,?\s+and\s+[^,.;()]{1,80})?,"
    r"|,\s*(?:including|among\s+them)\s+[^,.;()]{1,80}?(?=\s+(?:were|was|are|have|had|died)\b)"
)
# A killing in the same sentence as one of these is another event or not political violence.
_CODED_SEPARATELY_RE = re.compile(
    r"(?i)\bcoded\s+(?:separately|previously|elsewhere)|\bseparately\s+coded|\bcoded\s+as\s+a\s+separate"
    r"|\bcoded\s+(?:in|as|under)\s+(?:an?\s+)?(?:other|another|separate|different)\s+events?"
)
_ACCIDENT_RE = re.compile(
    r"(?i)\b(?:in|by|during|from)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:accident|crash|collision)s?\b"
)
# Accidents and natural disasters told before a death in its sentence cause it: not political violence.
_ACCIDENT_WORD_RE = re.compile(
    r"(?i)\b(?:accident|crash|collision|flood|landslide|earthquake|cyclone|mudslide)(?:s|es|ed|ing)?\b"
    r"|\b(?:heavy\s+rains?|lightning|collided|drowned)\b"
)
# A marker after one of these refers to the event it introduces, not to the killing before it.
_OTHER_EVENT_RE = re.compile(
    r"(?i)\b(?:after|following|against|in\s+response|in\s+retaliation|retaliat\w*|prior|previous"
    r"|earlier|revenge)\b"
)
_ADDITIONAL_RE = re.compile(r"(?i)\b(?:also|another|other|more|additional|further)\b")
_CONFLICT_RE = re.compile(
    r"(?i)\b(?:claim(?:ed|s|ing)?|acknowledged|but\s+said|contest(?:s|ed)?|disput(?:e|es|ed)|other\s+sources?|another\s+source|conflicting|reports\s+vary"
    r"|varying\s+reports|while\s+(?:other|some)\s+(?:reports|sources)|however|(?:other|some)\s+reports)\b"
)
_BOMBER_DIED_RE = re.compile(
    r"(?i)\b(?:blew\s+(?:himself|herself|themselves)\s+up|suicide\s+bomber\s+(?:\w+\s+){0,3}(?:died|was\s+killed)"
    r"|(?:detonated|exploded)\s+(?:his|her)\s+(?:suicide\s+)?(?:vest|belt|explosives?))"
)
_BOMBER_INCLUDED_RE = re.compile(
    r"(?i)\b(?:including|includes|among\s+them)\s+(?:the\s+)?(?:suicide\s+)?(?:bomber|attacker)s?"
)
_WOUNDED_AHEAD_RE = re.compile(
    r"(?i)(?:\s+[\w'’-]+){0,3}?\s+(?:were\s+|was\s+)?(?:wounded|injured|hurt|arrested|missing)\b"
)
_WOUNDED_RE = re.compile(r"(?i)^\s*(?:were\s+|are\s+|others\s+)?(?:wounded|injured|hurt)\b")


def count_fatalities(text: str) -> FatalityCount:
    """Fatalities reported in `text` (a sentence or one event's description, e.g. an ACLED note).

    An explicit 'N fatalities' wins; else the first killing figure, with conjoined victims
    summed ('killed two soldiers and three militants' -> 5) and later figures added only when
    marked as additional ('... were also killed'); conflicting reports and death tolls give the
    lowest figure. 0 when nothing is reported. `evidence` quotes the phrases read, from the text
    with parenthetical asides removed.
    """
    return _count_cached(text)


@lru_cache(maxsize=256)
def _count_cached(text: str) -> FatalityCount:
    """count_fatalities, cached: the engine counts a clause that is its whole sentence twice (as
    the clause and as the sentence), and a FatalityCount is immutable."""
    lowered = text.lower()
    if not _HINTS_RE.search(lowered):
        return FatalityCount(0, "")
    result = _authoritative(text) or _counted(text)
    return _split_between_events(result, text)


def events_sharing_fatalities(text: str) -> int | None:
    """M when the text says the fatalities are split among M events ('Fatalities split between 2
    events.', '[1 fatality split among 12 events]', '6 deaths (coded across 6 events)', 'Two
    fatalities distributed across two days'), else None.

    For callers that read a note sentence by sentence: ACLED divides the figure evenly, so the
    event's share is count // M (count_fatalities already does this for a whole note).
    """
    if not _SPLIT_HINT_RE.search(text):
        return None
    match = _SPLIT_RE.search(text)
    events = parse_number(match["n"]) if match else None
    return events if events and events >= 2 else None


def _split_between_events(result: FatalityCount, text: str) -> FatalityCount:
    """ACLED notes say '[N fatalities split among M events]': this event's share is N // M."""
    if not result.count or not _SPLIT_HINT_RE.search(text) or "this event" in result.evidence:
        return result
    events = events_sharing_fatalities(text)
    match = _SPLIT_RE.search(text)
    if match is None or events is None:
        return result
    total = parse_number(match["total"]) if match["total"] else result.count
    if total != result.count:
        return result
    return FatalityCount(result.count // events, f"{result.evidence}; {match.group(0)}")


def _counted(text: str) -> FatalityCount:
    """The killing figure of the text, or the lowest death toll.

    Within one match, conjoined victims are summed ('killed two soldiers and three militants').
    Separate mentions in a report mostly repeat or break down the first figure ('Three people
    died ... Two died in Siaya and one in Kisumu'), so the first mention is used; when the text
    flags conflicting reports the lowest figure is used (ACLED's conservative rule).
    """
    mentions = sorted(_kill_mentions(_drop_asides(text)))
    totals = [(value, phrase) for _, value, phrase, is_total in mentions if is_total]
    parts = [(value, phrase) for _, value, phrase, is_total in mentions if not is_total]
    count = parts[0][0] if parts else 0
    if len(parts) > 1 and _CONFLICT_RE.search(text):
        count = min(value for value, _ in parts)
    else:
        count += sum(value for value, phrase in parts[1:] if _ADDITIONAL_RE.search(phrase))
    if totals:
        count = min([value for value, _ in totals] + ([count] if count else []))
    evidence = "; ".join(phrase for _, phrase in totals + parts)
    if count and _BOMBER_DIED_RE.search(text) and not _BOMBER_INCLUDED_RE.search(text):
        count += 1
    return FatalityCount(count, evidence)


def _drop_asides(text: str) -> str:
    """Remove parentheses and ', including ...,' clauses: they break subject-verb patterns
    ('45 people, including women and children, died') and hold separately coded killings."""
    if "(" in text:
        text = _PARENS_RE.sub(lambda m: m.group(0) if "coded" in m.group(0) else "", text)
    if "including" in text or "among them" in text:
        text = _INCLUDING_RE.sub("", text)
    return text


def _authoritative_value(match: re.Match[str]) -> int | None:
    """'2 rebel and 1 military fatality' -> 3; 'Fatalities coded as 12' -> 12; 'fatalities range from
    2 to 4' -> 2 (the lowest)."""
    if match["coded"] or match["low"]:
        return parse_number(match["coded"] or match["low"])
    first = parse_number(match["n"])
    if first is None:
        return None
    more = [parse_number(m["n"]) for m in _AUTH_PART_RE.finditer(match["more"] or "")]
    return first + sum(v for v in more if v is not None)


def _authoritative(text: str) -> FatalityCount | None:
    """An explicit 'N fatalities' / '1 fatality' figure, the lowest if several; a closing
    'No fatalities.' is an explicit 0."""
    if "atalit" not in text:
        return None
    own = _THIS_EVENT_RE.search(text)
    if own is not None and (value := parse_number(own["n"])) is not None:
        return FatalityCount(value, own.group(0))
    zero = _NO_FATALITIES_RE.search(text)
    if zero is not None:
        return FatalityCount(0, zero.group(0).strip(" .;"))
    values = [(_authoritative_value(m), m.group(0)) for m in _AUTHORITATIVE_RE.finditer(text)]
    values = [(v, phrase) for v, phrase in values if v is not None]
    if not values:
        return None
    return FatalityCount(*min(values))


def _kill_mentions(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, count, phrase, is_total) per killing figure; a figure or verb is read only once."""
    spans: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, bool, bool]] = []
    lowered = text.lower()
    for pattern, is_total, triggers in _MENTION_PATTERNS:
        def accept(match: re.Match[str]) -> bool:
            return _overlaps_read(match, spans) or _is_plausible(text, match)

        for match in _matches_near(pattern, text, lowered, triggers, accept):
            if _overlaps_read(match, spans):
                continue
            value = _match_value(match)
            if value is None or value > 100_000:
                continue
            spans.append(match.span())
            found.append((match.start(), value, match.group(0), is_total, _is_anaphoric(text, match)))
    if any(not anaphoric for *_, anaphoric in found):
        found = [item for item in found if not item[4]]
    return [(start, value, phrase, is_total) for start, value, phrase, is_total, _ in found]


def _overlaps_read(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """True when the match's figure or verb lies inside a phrase already read."""
    groups = match.groupdict()
    anchors = [match.start(name) for name in ("n", "verb") if groups.get(name)] or [match.start()]
    return any(start <= anchor < end for anchor in anchors for start, end in spans)


def _is_plausible(text: str, match: re.Match[str]) -> bool:
    """Reject background killings, 'left N injured', animals, separately coded events and
    'a'/'an' read as a count before plural nouns ('a living moving bodies')."""
    if _is_background(text, match.start()) or _needs_dead(match) or _is_coded_separately(text, match):
        return False
    if match.re in (_ONE_VICTIM_PASSIVE_RE, _NAMED_VICTIM_RE) and _after_subordinator(text, match.start()):
        return False  # 'protests after a farmer, Mr. X, was hacked to death': an earlier killing
    before = text[max(0, match.start() - 7):match.start()]
    if match.re in (_ACTIVE_RE, _ACTIVE_ONE_RE, _LEFT_DEAD_RE) and _DETERMINER_BEFORE_RE.search(before):
        return False  # 'the funeral of a murdered businessman': a participle describing a noun
    groups = match.groupdict()
    following = (groups.get("np") or groups.get("tail") or text[match.end():match.end() + 30]).split()
    words = [word.lower().strip(",.;") for word in following[:2]]
    if words and words[0] in _ANIMALS and words[1:2] != [] and words[1] in _ANIMAL_PEOPLE:
        words = words[1:]
    if words and words[0] in _ANIMALS:
        return False
    if groups.get("n") and _AGENT_BEFORE_RE.search(text, max(0, match.start() - 4), match.start()):
        return False
    if match.re in (_NOUN_DEATHS_RE, _BODIES_NUM_RE) and (groups.get("n") or "").lower() in ("a", "an"):
        return False
    return True


_EARLIER_EVENT_WORDS = frozenset(
    "after following since avenge avenging protest protesting condemn condemning mourn mourning".split()
)


def _after_subordinator(text: str, start: int) -> bool:
    """A subject introduced by 'after'/'following' a few words back: a killing told as background."""
    return not _EARLIER_EVENT_WORDS.isdisjoint(text[max(0, start - 40):start].lower().split()[-4:])


def _is_coded_separately(text: str, match: re.Match[str]) -> bool:
    """ACLED notes flag killings recorded as another event: '(... coded separately)'; accidental
    deaths ('killed in a road accident') are not political violence.

    Inside a parenthesis the whole aside counts. Outside, a marker counts only after the killing
    in its sentence, and not when a clause about another event comes between ('killed a vendor,
    following a prior clash (coded separately)': the marker is the clash's).
    """
    opened = text.rfind("(", 0, match.start())
    if opened > text.rfind(")", 0, match.start()) and opened > text.rfind(".", 0, match.start()):
        closed = text.find(")", match.end())
        aside = text[opened:closed if closed != -1 else len(text)]
        return bool(_CODED_SEPARATELY_RE.search(aside) or _ACCIDENT_RE.search(aside))
    begin = text.rfind(".", 0, match.start()) + 1
    stop = text.find(".", match.end())
    sentence_end = stop if stop != -1 else len(text)
    if _ACCIDENT_RE.search(text, begin, sentence_end) or _ACCIDENT_WORD_RE.search(text, begin, match.start()):
        return True
    marker = _CODED_SEPARATELY_RE.search(text, match.end(), sentence_end)
    return marker is not None and not _OTHER_EVENT_RE.search(text, match.end(), marker.start())


def _matches_near(
    pattern: re.Pattern[str],
    text: str,
    lowered: str,
    triggers: tuple[str, ...],
    accept: Callable[[re.Match[str]], bool],
) -> list[re.Match[str]]:
    """Accepted matches of `pattern` in windows around its trigger words only.

    The number-first patterns are slow to scan over a whole text; a killing figure always sits
    within a few words of its verb, so scanning short windows keeps the module linear and fast.
    """
    if len(text) <= _WINDOW_BEFORE + _WINDOW_AFTER:
        if not _trigger_re(triggers).search(lowered):
            return []
        return list(_scan(pattern, text, 0, len(text), accept))
    matches: list[re.Match[str]] = []
    last_end = -1
    for start, end in _windows(lowered, triggers):
        for match in _scan(pattern, text, start, end, accept):
            if match.start() >= last_end:
                matches.append(match)
                last_end = match.end()
    return matches


@cache
def _trigger_re(triggers: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a pattern's trigger words (literal substrings)."""
    return re.compile("|".join(re.escape(word) for word in triggers))


def _scan(
    pattern: re.Pattern[str], text: str, start: int, end: int, accept: Callable[[re.Match[str]], bool]
) -> Iterator[re.Match[str]]:
    """Like finditer, but a rejected match does not hide a later one it overlaps: 'After a heavy
    fight, five militants ... were killed' first reads 'a' as the figure (rejected after 'After'),
    then finds 'five'. The scan resumes after the rejected figure, else one character on."""
    pos = start
    while pos <= end:
        match = pattern.search(text, pos, end)
        if match is None:
            return
        if accept(match):
            yield match
            pos = max(match.end(), match.start() + 1)
        else:
            figure = match.groupdict().get("n")
            pos = match.end("n") if figure else match.start() + 1


def _windows(lowered: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged spans from _WINDOW_BEFORE characters before to _WINDOW_AFTER after each trigger."""
    spans: list[tuple[int, int]] = []
    for word in triggers:
        index = lowered.find(word)
        while index != -1:
            spans.append((max(0, index - _WINDOW_BEFORE), min(len(lowered), index + _WINDOW_AFTER)))
            index = lowered.find(word, index + len(word))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _needs_dead(match: re.Match[str]) -> bool:
    """'left five injured' is not a killing: 'left/leaving N' needs 'dead' after it."""
    verb = (match.groupdict().get("verb") or "").lower()
    return verb.startswith(("left", "leav")) and not match["dead"]


def _is_anaphoric(text: str, match: re.Match[str]) -> bool:
    """'the two men', 'one of them': victims probably counted already by another mention."""
    if match.re is _ANAPHORIC_DIED_RE or match.re is _KILLED_PRONOUN_RE:
        return True
    if match.re is _ONE_VICTIM_PASSIVE_RE:
        return match["det"].lower() == "the"
    at = match.start("n") if "n" in match.groupdict() else match.start()
    before = text[max(0, at - 12):at].lower()
    np = (match.groupdict().get("np") or "").lower()
    return before.rstrip().endswith(("the", "these", "those", "both")) or np.startswith(
        ("of them", "of the", "of whom", "of those")
    )


def _is_background(text: str, start: int) -> bool:
    """True when the killing is a motive, accusation or intention, not this event's outcome."""
    words = text[max(0, start - 40):start].lower().split()[-3:]
    if words and words[-1] in ("the", "a", "an", "his", "her", "their"):
        words = words[:-1]
    if not words:
        return False
    if words[-1] in _BACKGROUND_LAST or " ".join(words[-2:]) in _BACKGROUND_PAIRS:
        return True
    return len(words) == 3 and words[0] == "who" and words[1] == "had"


def _match_value(match: re.Match[str]) -> int | None:
    """The lower bound of the matched figure plus conjoined victims ('a man and his son')."""
    groups = match.groupdict()
    if "n" not in groups:  # a single victim: 'kills police reservist', 'the man died'
        return 1 + _conjunct_count((groups.get("np") or "") + (groups.get("along") or ""))
    low = parse_number(match["n"])
    if low is None:
        return None
    if match["n2"] or match["n3"]:
        high = parse_number(match["n2"] or match["n3"])
        if high is not None and high >= low:
            low = min(low, high)
    np = groups.get("np") or ""
    head = np.split(" and ", 1)[0].split()
    first = np.split(" and ", 1)[0]  # 'a member of JCD and 3 others': the first conjunct is a victim
    victim_head = _VICTIM_WORD_RE.search(first) and not _CLAUSE_VERB_RE.search(first)
    clause = len(head) > 2 or _CLAUSE_VERB_RE.search(first)  # '6 injured and 1 killed'
    if " and " in np and clause and _first_conjunct_is_figure(np) and not victim_head:
        return _conjunct_count(np) or low
    extra_text = (np or groups.get("tail") or "") + (groups.get("along") or "")
    return low + _conjunct_count(extra_text)


def _first_conjunct_is_figure(np: str) -> bool:
    """'A shoot-out broke out and two suspects died': a figure after a long first conjunct means the
    first number was no victim count; 'a former councillor and his wife' is one victim plus one."""
    first = _CONJUNCT_RE.match("and " + np.split(" and ", 1)[1])
    return first is None or bool(first["n"])


def _conjunct_count(words: str) -> int:
    """Victims joined to the first one: 'and his 12-year-old son' -> 1, 'and three others' -> 3.

    When the first conjunct is long ('A shoot-out broke out and two suspects died'), the number
    before 'and' was not a victim count: that case is handled by _match_value restarting.
    """
    total = 0
    padded = " " + words + " "
    for match in _CONJUNCT_RE.finditer(padded):
        if _WOUNDED_RE.match(padded[match.end():]) or _WOUNDED_AHEAD_RE.match(padded, match.end()):
            continue
        total += (parse_number(match["n"]) or 0) if match["n"] else 1
    return total


# (pattern, is_total, lowercase trigger words: the pattern only runs when one occurs).
_MENTION_PATTERNS: tuple[tuple[re.Pattern[str], bool, tuple[str, ...]], ...] = (
    (_TOLL_RE, True, ("toll", "number of")),
    (_BODIES_RE, False, ("bod", "corpse", "remains")),
    (_BODIES_NUM_RE, False, ("bodies", "corpses")),
    (_LEFT_DEAD_RE, False, ("dead",)),
    (_ACTIVE_RE, False, _ACTIVE_HINTS),
    (_PASSIVE_RE, False, _PASSIVE_HINTS),
    (_ACTIVE_ONE_RE, False, ("kill", "murder", "behead", "lynch", "assassinat", "dead", "death", "fatally")),
    (_TO_DEATH_RE, False, ("to death",)),
    (_SHOT_DEAD_RE, False, ("dead",)),
    (_ANAPHORIC_DIED_RE, False, ("died", "succumb", "killed", "passed away", "body", "death", "dead")),
    (_ONE_VICTIM_PASSIVE_RE, False, _PASSIVE_HINTS + ("fatally",)),
    (_DEATH_OF_RE, False, ("death", "killing")),
    (_NAMED_VICTIM_RE, False, _PASSIVE_HINTS),
    (_KILLED_PRONOUN_RE, False, (" him", " her")),
    (_HEADLINE_ONE_RE, False, ("kill", "dead", "murder", "lynch", "death")),
    (_NOUN_DEATHS_RE, False, ("death", "dead")),
)
