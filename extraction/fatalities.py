"""Fatality counts from event text, following ACLED's conservative rules.

ACLED records the lowest credible reported figure; vague words get fixed values ('several' 3,
'dozens' 12, 'hundreds' 100); the wounded never count; 'casualties' alone is 0; a suicide
bomber who dies counts. An explicit closing 'N fatalities.' (how ACLED notes end) is
authoritative. Killings mentioned as background ('arrested for killing two people', 'threatened
to kill') are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.numbers import NUMBER_PATTERN, parse_number


@dataclass(frozen=True)
class FatalityCount:
    """The count and the phrase(s) it was read from ('' when nothing was found)."""

    count: int
    evidence: str


_NUM = rf"(?:{NUMBER_PATTERN})"
_QUANT = (
    r"(?:(?:at\s+least|about|around|approximately|some|up\s+to|more\s+than|over|nearly|almost|an\s+estimated"
    r"|a\s+total\s+of|roughly|as\s+many\s+as|no\s+fewer\s+than|only)\s+)?"
)
_RANGE = (
    rf"(?:between\s+)?[\"“]?(?<![\w-])(?!(?:19|20)\d\d\b)(?P<n>{_NUM})(?!\w|-(?![\d]))[\"”]?"
    rf"(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+|{_NUM})|\s+and\s+(?P<n3>\d+)\b)?"
)
_NP_STOP = (
    r"(?:(?:19|20)\d\d|\d+(?![\w-])|who|which|whose|that|while|when|for|was|were|is|are|been|has|have|had"
    r"|nearly|almost|narrowly|not|no)(?![\w'’-])"
)
_WORDS = rf"(?P<np>(?:\d{{1,3}}[\s-]years?[\s-]old\s+|(?!{_NP_STOP})[\w'’\"“”/-]+,?\s+){{0,7}}?)"
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
    r"|fatally\s+(?:shot|stabbed|wounded|injured|assaulted|beaten|hit)|(?:shot|hacked|stabbed|beaten|burn(?:ed|t)|stoned|lynched|tortured|clubbed|strangled|starved|crushed)"
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
    "anniversary of", "justice for",
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
)
_AUTHORITATIVE_RE = re.compile(
    rf"(?i)\b(?P<n>{_NUM})(?P<more>(?:\s+[a-z][\w-]*){{1,2}}(?:\s*(?:,|and)\s+{_NUM}(?:\s+[a-z][\w-]*){{0,2}})+)?"
    r"(?:\s+[a-z][\w-]*)?\s+(?:reported\s+)?fatalit(?:y|ies)\b"
    rf"|\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?coded\s+as\s+(?P<coded>{_NUM})\b"
    rf"|\bfatalit(?:y|ies)\s+(?:range[sd]?|ranging|var(?:y|ied|ies))\s+(?:from|between)\s+(?P<low>{_NUM})\b"
)
_NO_FATALITIES_RE = re.compile(
    r"(?:^|[.;]\s+)(?:There\s+were\s+)?[Nn]o\s+(?:reported\s+|known\s+)?fatalities(?:\s+(?:were\s+)?reported)?"
    r"\s*(?:[.;]|$)"
)
_AUTH_PART_RE = re.compile(rf"(?i)(?:,|\band)\s+(?P<n>{_NUM})\b")
_TAIL_WORD = r"(?:\s+(?!(?:injur|wound|hurt|and\b|in\b|on\b|at\b|near\b|during\b|when\b|while\b))[\w'’-]+)"
_ACTIVE_RE = re.compile(
    rf"(?i)\b(?P<verb>{_ACTIVE_VERB})\s+{_QUANT}{_RANGE}\b{_NOT_UNIT}(?P<tail>{_TAIL_WORD}{{0,4}}?"
    rf"(?:\s*(?:,|\s+and|\s+as\s+well\s+as)\s+{_QUANT}{_NUM}\b{_TAIL_WORD}{{0,4}}?)+)?"
    rf"(?P<dead>\s+(?:people\s+|persons\s+)?dead)?"
)
_AND_VERB = r"(?:(?:[a-z]+ed|shot|beaten|hit|struck|caught|taken),?\s+(?:and\s+)?){0,2}"
_NO_OBJECT = rf"(?!\s+(?:{_NUM}|the|his|her|their|its|him|them|at\s+least|some|several)\b)"
_PASSIVE_RE = re.compile(
    rf"(?i)\b{_QUANT}{_RANGE}{_NOT_UNIT}(?:\s+\([^()]{{0,80}}\))?(?:,?\s+including\s+[^.;()]{{0,120}}?,?)?"
    rf"\s+{_WORDS}(?:{_AUX}\s+{_ADV}{_AND_VERB}(?:{_PASSIVE_VERB}|dead)\b|{_AUX}\s+{_ADV}[a-z]+\s+and\s+died\b"
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
    r"|owner|head|prisoner|inmate|detainee|victim|passenger|motorist|rider|bodyguard|aspirant|candidate)"
)
_ACTIVE_ONE_RE = re.compile(
    r"(?i)\b(?P<verb>kill(?:ed|ing|s)?|murdered|beheaded|lynch(?:ed|es)?|assassinat(?:ed|es)"
    r"|fatally\s+(?:shot|stabbed)(?!\s+of\b)"
    r"|shoot\s+dead|shot\s+dead|hacked\s+to\s+death|stabbed\s+to\s+death|stoned\s+to\s+death"
    r"|(?:shot|shoot|stabbed|stab|attacked|attack|hacked)\s+and\s+kill(?:ed|s)?)(?!\s+of\b)\s+(?:(?:a|an|one|the)\s+)?"
    rf"(?:(?!(?:and|or|in|at|on|by|with|while|when|after|before|during|from|near|to|\d+)\b)[\w'’-]+\s+){{0,3}}?"
    rf"{_VICTIM}\b(?![s-])"
)
_TO_DEATH_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|stabbed|stab|beat|beaten|hacked|hack|stoned|stone|tortured|torture|clubbed"
    rf"|burned|burnt|burn|strangled|lynched)\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?to\s+death\b"
)
_SHOT_DEAD_RE = re.compile(
    rf"(?i)\b(?P<verb>shot|shoot|shooting)\s+{_QUANT}{_RANGE}\s+(?:[\w'’-]+\s+){{0,4}}?dead\b"
)
# A victim already introduced dies: 'The man died', 'the other died', 'he died as a result'.
_ANAPHORIC_DIED_RE = re.compile(
    rf"(?i)\b(?:(?P<who>the\s+(?:other|latter|former|(?:[\w'’-]+\s+){{0,2}}?{_VICTIM})|he|she)"
    rf"(?P<np>\s+and\s+(?:his|her|their|the)\s+(?:[\w'’-]+\s+){{0,1}}?{_VICTIM})?"
    r"\s+(?:later\s+|also\s+|subsequently\s+|eventually\s+)?(?:died|succumbed|was\s+killed|passed\s+away)"
    r"|(?:his|her)\s+(?:dead\s+)?body\s+(?:was\s+)?(?:later\s+)?(?:found|discovered|recovered|dumped))\b"
)
_NOUN_DEATHS_RE = re.compile(
    rf"(?i)\b{_QUANT}{_RANGE}\s+(?:[\w-]+\s+)?(?:deaths?\b(?!\s+(?:threats?|sentences?|penalty|squads?|toll|row))"
    r"|dead\b(?!\s+bod))"
)
_BODIES_RE = re.compile(rf"(?i)\b(?:the\s+)?(?:bod(?:y|ies)|corpses?|remains)\s+of\s+{_QUANT}{_RANGE}\b")
_BODIES_NUM_RE = re.compile(rf"(?i)\b{_QUANT}{_RANGE}\s+(?:\w+\s+){{0,2}}(?:bodies|corpses)\b")
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
    rf"(?i)(?:\band|,|\balong\s+with|\btogether\s+with)\s+(?:(?P<n>{_NUM})|his|her|their|its|another)\b"
)
_ANIMALS = frozenset(
    "livestock cattle cows cow goats goat sheep camels camel animals animal donkeys donkey dogs dog "
    "lamb lambs pigs pig chickens poultry horses horse bulls bull oxen elephants elephant".split()
)
_SPLIT_RE = re.compile(
    rf"(?:(?i:\b(?P<total>{_NUM})\s+fatalit(?:y|ies))|(?:^|[.\[(]\s*)Fatalities)\s+(?:were\s+|are\s+)?split\s+(?:evenly\s+)?(?:among|between|across|over)\s+"
    rf"(?P<n>{_NUM})\s+events\b"
)
_PARENS_RE = re.compile(r"\s*\([^()]{0,160}\)")
_INCLUDING_RE = re.compile(r"(?i),\s*(?:including|among\s+them|mostly|mainly)\s+[^,.;()]{1,160},")
# A killing in the same sentence as one of these is another event or not political violence.
_SEPARATE_RE = re.compile(
    r"(?i)\bcoded\s+(?:separately|previously|elsewhere)|\bseparately\s+coded|\bcoded\s+as\s+a\s+separate"
    r"|\b(?:road|traffic|car|bus|train)?\s*(?:accident|crash|collision)s?\b"
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
    lowered = text.lower()
    if not any(word in lowered for word in _HINTS):
        return FatalityCount(0, "")
    result = _authoritative(text) or _counted(text)
    return _split_between_events(result, text)


def events_sharing_fatalities(text: str) -> int | None:
    """M when the text says the fatalities are split among M events ('Fatalities split between 2
    events.', '[1 fatality split among 12 events]'), else None.

    For callers that read a note sentence by sentence: ACLED divides the figure evenly, so the
    event's share is count // M (count_fatalities already does this for a whole note).
    """
    if "split" not in text:
        return None
    match = _SPLIT_RE.search(text)
    events = parse_number(match["n"]) if match else None
    return events if events and events >= 2 else None


def _split_between_events(result: FatalityCount, text: str) -> FatalityCount:
    """ACLED notes say '[N fatalities split among M events]': this event's share is N // M."""
    if not result.count or "split" not in text:
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
        for match in _matches_near(pattern, text, lowered, triggers):
            if _overlaps_read(match, spans) or not _is_plausible(text, match):
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
    groups = match.groupdict()
    following = (groups.get("np") or groups.get("tail") or text[match.end():match.end() + 30]).split()
    if following and following[0].lower().strip(",.;") in _ANIMALS:
        return False
    if match.re in (_NOUN_DEATHS_RE, _BODIES_NUM_RE) and (groups.get("n") or "").lower() in ("a", "an"):
        return False
    return True


def _is_coded_separately(text: str, match: re.Match[str]) -> bool:
    """ACLED notes flag killings recorded as another event: '(... coded separately)'."""
    start = max(text.rfind(".", 0, match.start()), text.rfind("(", 0, match.start()))
    stops = [i for i in (text.find(".", match.end()), text.find(")", match.end())) if i != -1]
    end = min(stops) if stops else len(text)
    return _SEPARATE_RE.search(text, start + 1, end) is not None


def _matches_near(
    pattern: re.Pattern[str], text: str, lowered: str, triggers: tuple[str, ...]
) -> list[re.Match[str]]:
    """Matches of `pattern` in windows around its trigger words only.

    The number-first patterns are slow to scan over a whole text; a killing figure always sits
    within a few words of its verb, so scanning short windows keeps the module linear and fast.
    """
    if len(text) <= _WINDOW_BEFORE + _WINDOW_AFTER:
        return list(pattern.finditer(text)) if any(word in lowered for word in triggers) else []
    windows = _windows(lowered, triggers)
    matches: list[re.Match[str]] = []
    last_end = -1
    for start, end in windows:
        for match in pattern.finditer(text, start, end):
            if match.start() >= last_end:
                matches.append(match)
                last_end = match.end()
    return matches


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
    if match.re is _ANAPHORIC_DIED_RE:
        return True
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
        return 1 + _conjunct_count(groups.get("np") or "")
    low = parse_number(match["n"])
    if low is None:
        return None
    if match["n2"] or match["n3"]:
        high = parse_number(match["n2"] or match["n3"])
        if high is not None and high >= low:
            low = min(low, high)
    np = groups.get("np") or ""
    head = np.split(" and ", 1)[0].split()
    if " and " in np and len(head) > 2:
        return _conjunct_count(np) or low
    extra_text = (np or groups.get("tail") or "") + (groups.get("along") or "")
    return low + _conjunct_count(extra_text)


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
    (_ACTIVE_RE, False, _ACTIVE_HINTS),
    (_PASSIVE_RE, False, _PASSIVE_HINTS),
    (_ACTIVE_ONE_RE, False, ("kill", "murder", "behead", "lynch", "assassinat", "dead", "death", "fatally")),
    (_TO_DEATH_RE, False, ("to death",)),
    (_SHOT_DEAD_RE, False, ("dead",)),
    (_ANAPHORIC_DIED_RE, False, ("died", "succumb", "killed", "passed away", "body")),
    (_HEADLINE_ONE_RE, False, ("kill", "dead", "murder", "lynch", "death")),
    (_NOUN_DEATHS_RE, False, ("death", "dead")),
)
