"""Event detection and typing: does a sentence report an ACLED event, and of which sub-event type?

Rules are keyword cues grounded in ACLED's codebook, not a trained model: a cue is a named regex
('teargas', 'airstrike', 'lynched', ...), and a small decision procedure turns the set of cues found
in a sentence into one sub-event type, following ACLED's ranking (Battles above Explosions, an
airstrike during a ground battle is Battles; a protest that turns violent is a Riot; a person
abducted and then killed is an Attack). Sentences that describe no concrete occurrence (forecasts,
threats, propaganda releases, conferences, aggregates over months or years, habitual statements)
are rejected with None, because a false event costs analysts more than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extraction.event_cues import (
    ARMED_TARGET,
    CUE_GATES,
    CUES,
    NOTE_PREFIX,
    NOTE_PREFIXES,
    FoldedPattern,
    Match,
    gated_cues,
    has_trigger,
    rx,
    word_prefixes,
)
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

__all__ = [
    "EventTyping",
    "classify_event",
    "decide",
    "find_cues",
    "has_trigger",
    "mask_grievances",
    "non_event_reason",
    "word_prefixes",
]


@dataclass(frozen=True)
class EventTyping:
    """The typing of one event mention, with what justified it (for --explain).

    `cues` holds every cue name found in the sentence; the actor module reads it (for instance
    'intervention' tells it the police are actor2 of a protest).
    """

    event_type: str
    sub_event_type: str
    disorder_type: str
    trigger: str
    rule: str
    confidence: float
    cues: frozenset[str] = field(default_factory=frozenset)


# A trigger preceded (in the same clause) by one of these reports no occurrence.
_HEDGE = rx(
    r"\b(?:could|might|(?<!\d )(?-i:may)(?!\s+\d)|would|will|shall|can|cannot|plan(?:s|ned|ning)?"
    r"|intend(?:s|ed)?|"
    r"aim(?:s|ed)? to|seek(?:s|ing)? to|threat(?:s|en|ens|ened)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|"
    r"urg(?:es|ed|ing)|calls? (?:on|for)|possibility|likely|fear(?:s|ed)? that|potential|capab\w+"
    r"|ability|able to|"
    r"want(?:s|ed)? to|prepar(?:e|es|ing) to|goal|intention|ambitions?|fears? of|risk of|avoid"
    r"|expected to|"
    r"set to|scheduled to|due to (?:begin|start|resume|hold)|likely|planned|upcoming|future"
    r"|next (?:week|month|year)|"
    r"prevent(?:ed)? (?:a |an )?|denied|deny|denies|if|unless|whether|rumou?rs?|alleged plot|akin to"
    r"|similar to)\b"
)
_HEDGE_AFTER = rx(
    r"[\w\s,'-]{0,30}?\b(?:is|are|was|were|has been|have been)\s+(?:\w+\s+)?(?:expected"
    r"|likely|set|"
    r"scheduled|due|planned|feared|rumou?red|unlikely)\s+to\b|\s+(?:will|would|could|may"
    r"|might|"
    r"shall)\s+(?:\w+\s+)?(?:resume|continue|start|begin|take place|be held|happen|follow"
    r"|spread|"
    r"erupt|break out)\b"
)
_CLAUSE_BREAK = re.compile(r"[;:,.!?\"“”]|\b(?:and|but|while|after|before|when)\b")

_PROPAGANDA = rx(
    r"\b(?:magazine|propaganda|videos?|audio (?:message|statements?)|publication|edition"
    r"|pamphlets?|"
    r"leaflets?|books|channels|messaging|biograph\w+|testimon\w+|the article|this article"
    r"|analysis|"
    r"newsletter|media arm|narrative|rhetoric|ideolog\w*|sermon|conference|summit|"
    r"webinar|seminar|symposium|analysts? (?:say|said)|experts? (?:say|warn)|op-ed|podcast|"
    r"strategy|campaign of|doctrine|insurgency model|recruitment efforts?|infograph\w*|content|featured"
    r"|figure \d)\b"
)
_AGGREGATE_COUNT = rx(
    r"\b\d[\d,.]*\s+(?:\S+\s+){0,2}?(?:attacks|operations|incidents|raids|strikes"
    r"|bombings|"
    r"killings|assaults|clashes|events|abductions|kidnappings|protests|demonstrations)\b"
    r"|\b(?:dozens|hundreds|thousands|scores|series|number|wave"
    r"|spate) of (?:\w+ )?(?:attacks|"
    r"incidents|raids|strikes|bombings|killings|protests|demonstrations|clashes"
    r"|abductions|"
    r"kidnappings|arrests)\b|\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:were|have been|had been)\s+"
    r"(?:killed|abducted|arrested|displaced|injured)\s+in\s+(?:\w+\s+){0,2}(?:attacks"
    r"|clashes|"
    r"violence|fighting|incidents)\b"
)
_PERIOD = rx(
    r"\b(?:in|during|throughout|since|between|over|from|by|until)\s+(?:the\s+)?(?:(?:past|last"
    r"|first|"
    r"previous)\s+)?(?:(?:\d+|few|several|two|three|four|five|six)\s+)?(?:years?|months?|decades?|"
    r"(?:19|20)\d\d\b(?!\s*[-–]\s*\d\d?\b))|\((?:19|20)\d\d\)|\b(?:per|a|each) (?:year|month)\b"
    r"|\bannually\b|\bso far\b|\brecord (?:low|high)\b|\bpeaked\b|\bin total\b|\ba total of\b"
    r"|\bsince\b"
    r"|\b(?:last|this|past|previous) (?:year|month|decade)\b|\bacross the country\b|\bnationwide\b"
    r"|\bdoubled\b|\btripled\b|\bincreased\b|\bdecreased\b|\bdeclined\b|\brose\b|\bfell\b"
)
_HARD = rx(
    r"\b(?:killed|shot dead|abducted|kidnapped|injured|wounded|arrested|exploded|detonated|clashed|"
    r"protested|demonstrated|beheaded|raped|shelled|looted|torched|lynched|executed|attacked|shot|stabbed|"
    r"beaten|burned|dispersed|occupied)\b"
)
_HABITUAL = rx(
    r"\b(?:regularly|routinely|frequently|often|usually|typically|habitually|systematically)\s+"
    r"(?!(?:\w+\s+)?(?:on|in|at|during)\b)\w+"
)
# 'ISK attacked minorities, rival clerics, and foreigners': a list of bare plural categories
# as the target describes a pattern of behaviour, not one occurrence.
_CATEGORY_LIST = re.compile(
    r"\b(?:attacked|targeted|killed|kidnapped"
    r"|abducted)\s+(?:[a-z]+\s+)?[a-z]+s\s*,\s*(?:[a-z]+\s+)?[a-z]+s,?\s+"
    r"(?:and|or)\s+(?:[a-z]+\s+)?[a-z]+s\b"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A day named in the sentence ('on May 20', '3 January'): analysis that pins a day reports an event.
_SPECIFIC_DAY = re.compile(rf"\b{_MONTH} \d{{1,2}}(?!\d)|\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?!\w)")
_CIV_VICTIM_AFTER = CUES["civ_victim"]
_AT_PLACE = re.compile(r"\s+(?:in|at|near|on) (?:the )?[A-Z]")
_CONCRETE_OBJECT = re.compile(
    r"\s+(?:(?:a |the )?[A-Z]|(?:a group of|two|three|four|five|several|\d+)\b|(?:civilians|villagers"
    r"|residents"
    r"|people|locals|farmers|herders|passengers|worshippers|students|police|soldiers|troops)\b)"
)
# Deaths from floods, crashes or disease are no political violence unless someone caused them.
_MISHAP = rx(
    r"\b(?:floods?|flooding|flash floods|heavy rains?|landslides?|mudslides?|earthquakes?|droughts?|storms?"
    r"|cyclones?"
    r"|lightning|crash(?:ed|es)?|accidents?|collided|collision|capsized|drowned|electrocuted|stampede"
    r"|epidemic|outbreak of (?:cholera|ebola|measles)|cholera|covid-19 (?:deaths|cases))\b"
)
_AGENT_OF_HARM = rx(
    r"\b(?:gunm[ae]n|militants?|attack\w*|bomb\w*|shot|shoot\w*|stabb\w*|hacked|armed|police|soldiers?|troops"
    r"|rebels?|bandits?|mob|rioters|protest\w*|demonstrat\w*|clash\w*|fighting|explosi\w*|IED|grenade|strike"
    r"|shell\w*|set (?:ablaze|on fire)|torched|looted|arrest\w*|abduct\w*|kidnap\w*|assault\w*|murder\w*)\b"
)
# Court rulings, sport and idioms use violent words for no violence ('shot down the proposal').
_NOT_VIOLENCE = rx(
    r"\b(?:sentenced|convicted|acquitted|arraigned|pleaded (?:not )?guilty|on trial|testified)\b"
    r"|\bshot down (?:the |a |an |his |her |their |its )?(?:\w+ )?(?:proposal|plan|bill|idea|motion|claims?"
    r"|request"
    r"|suggestion|report|rumou?rs?|amendment)s?\b"
    r"|\b(?:striker|goalkeeper|midfielder|referee|scored|half-?time|(?:first|second) half|the pitch"
    r"|league title"
    r"|tournament|championship)\b"
)
# An accident or a verdict is often what a crowd reacts to: then the reaction is the event.
_CROWD_RESPONSE = rx(
    r"\b(?:block\w*|rall(?:y|ied|ies)|burn\w*|set fire|vandali\w*|storm\w*|demand\w*|protest\w*|demonstrat\w*"
    r"|march\w*|execut\w*|deploy\w*|erect\w*|violence)\b"
)
_REAL_HARM = rx(
    r"\b(?:killed|injur\w*|wounded|dead|died|tear ?-?gas\w*|arrested|stabbed|shot dead|clashed|police|rioting"
    r"|riot\w*|stoned|pelted|looted|torched|set ablaze)\b"
)
_SPECIFIC_PLACE = re.compile(r"[^.;]{0,25}?\b(?:in|on|at|near) (?:the )?[A-Z]")
_GENERIC = rx(
    r"(?<!to )\b(?:has|have|had) (?:also )?(?:conducted|carried out|launched|staged|claimed|mounted"
    r"|waged)\s+"
    r"(?:\w+\s+){0,2}?(?:attacks|operations|strikes|raids|bombings|campaigns?)\b"
    r"|\b(?:conducting|carrying out|launching|staging|mounting) (?:\w+ )?(?:attacks|operations)\b"
    r"|\b(?:attacks|operations) (?:against|on) (?:\w+ )?(?:targets|interests)\b"
)


_NOMINAL_WORDS = frozenset(
    {
        "attack",
        "attacks",
        "operation",
        "operations",
        "raid",
        "raids",
        "attacking",
        "killing",
        "killings",
        "arrested",
        "strikes",
        "shooting",
        "execution",
        "assault",
        "assaults",
        "bombing",
        "bombings",
        "targets",
        "fought",
    }
)
_DETERMINER_BEFORE = rx(
    r"(?:\b(?:the|such|these|those|its|their|his|her|of|similar|future|more|many"
    r"|several|"
    r"multiple|further|terrorist|external|transnational|major|deadly|recent|low-cost|"
    r"high-impact|any|to|for|in|against|prevent|on|with)|'s|’s)\s+$"
)
_SUBJECT_BEFORE = rx(
    r"\b(?:group|gang|militants|gunm[ae]n|men|raiders|bandits|police|soldiers|troops|army|"
    r"residents|mob|youths|Shabaa?b|militia|rebels|forces|attackers|fighters|insurgents|"
    r"[A-Z][a-z]+s)\s+$"
)
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")  # 'MRC attacks civilians': a named group's verb
_VERB_AFTER = re.compile(
    r"\s+(?:(?:a|an|the|two|three|four|five|several|dozens|some|civilians|villagers|residents|people|"
    r"locals|farmers|herders|passengers|worshippers|students|police|soldiers|troops|them|him|his|her|their)\b"
    r"|\d|[A-Z])"
)


_PROTEST_NOUNS = frozenset(
    {
        "protest",
        "protests",
        "protesters",
        "protestors",
        "rally",
        "rallies",
        "demonstration",
        "demonstrations",
        "demonstrators",
        "sit-in",
        "sit-ins",
        "strike",
    }
)
_NO_PROTEST_BEFORE = rx(
    r"\b(?:banned|bans?|banning|ban on|crackdown on|repression of|prohibited"
    r"|prohibiting|"
    r"outlawed|all|any|future|upcoming|planned|more|fresh|further|new|possible"
    r"|potential|"
    r"wave of|number of)\s+(?:\w+\s+)?$"
)


def _is_nominal(text: str, match: Match) -> bool:
    """True when an ambiguous trigger ('attacks', 'the attack', 'the arrested') is used as a noun.

    Plural nouns name no single occurrence; a verb reading needs an object right after it
    ('Al Shabaab attacks Mandera'), a singular noun after a determiner is a reference.
    """
    word = match.group(0).casefold()
    if word in _PROTEST_NOUNS:
        return bool(_NO_PROTEST_BEFORE.search(text[max(0, match.start() - 30) : match.start()]))
    if word not in _NOMINAL_WORDS:
        return False
    if _DETERMINER_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
        return True
    if word in ("attacks", "operations", "raids", "killings", "assaults", "bombings", "strikes", "targets"):
        before = text[max(0, match.start() - 30) : match.start()]
        return not (
            _VERB_AFTER.match(text, match.end())
            or _SUBJECT_BEFORE.search(before)
            or _ACRONYM_BEFORE.search(before)
        )
    return False


def _unhedged(pattern: FoldedPattern, text: str) -> Match | None:
    """The first match of `pattern` that is asserted: not governed by a modal or threat word in
    its clause, and not a nominal use of an ambiguous trigger."""
    for match in pattern.finditer(text):
        if _is_nominal(text, match):
            continue
        before = text[max(0, match.start() - 70) : match.start()]
        clause = _CLAUSE_BREAK.split(before)[-1]
        if not _HEDGE.search(clause) and not _HEDGE_AFTER.match(text, match.end()):
            return match
    return None


# Cues that describe who is involved rather than what happened: never hedged, first match is enough.
_DESCRIPTORS = frozenset({"civ_victim", "armed_side", "crowd", "partisan"})


def find_cues(sentence: str) -> dict[str, Match]:
    """All cues present (and not hedged) in the sentence, by name.

    For 'attack' a decisive verb ('killed') is preferred over a weak one ('attacks', 'dead').
    """
    found = {}
    opened = gated_cues(sentence.casefold())
    for name, pattern in CUES.items():
        if name not in opened and name in CUE_GATES:
            continue
        match = pattern.search(sentence) if name in _DESCRIPTORS else _unhedged(pattern, sentence)
        if match:
            found[name] = match
    if "attack" in found and found["attack"].group(0).casefold() in _WEAK_ATTACK:
        strong = _unhedged(_STRONG_ATTACK, sentence)
        if strong:
            found["attack"] = strong
    return found


def non_event_reason(sentence: str) -> str | None:
    """Why a sentence reports no single occurrence, or None when it may report one.

    Catches aggregates ('353 attacks in 2021'), habitual or generic statements ('has conducted
    attacks within and outside Afghanistan'), propaganda and commentary, and questions. Quoted
    reports are not rejected: ACLED notes often quote a security report word for word.
    """
    text = sentence.strip()
    if not text:
        return "empty"
    if text.endswith("?"):
        return "question"
    if _AGGREGATE_COUNT.search(text) and _PERIOD.search(text):
        return "aggregate"
    generic = _GENERIC.search(text) or _CATEGORY_LIST.search(text)
    if (generic and not _SPECIFIC_PLACE.match(text, generic.end())) or _HABITUAL.search(text):
        return "generic statement"
    if _MISHAP.search(text) and not _AGENT_OF_HARM.search(text) and not _CROWD_RESPONSE.search(text):
        return "accident or disaster"
    if _NOT_VIOLENCE.search(text) and not _REAL_HARM.search(text) and not _CROWD_RESPONSE.search(text):
        return "court, sport or figure of speech"
    if (
        _PROPAGANDA.search(text)
        and not _HARD.search(text)
        and not (_SPECIFIC_DAY.search(text) and _unhedged(CUES["attack"], text))
        and not _unhedged(CUES["protest"], text)
    ):
        return "propaganda or commentary"
    return None


Decision = tuple[str, str, str]  # (sub_event_type, rule name, cue name whose match is the trigger)


def _prefix_decision(sentence: str) -> Decision | None:
    match = NOTE_PREFIX.match(sentence)
    if match and match.group(1).strip().casefold() in NOTE_PREFIXES:
        return NOTE_PREFIXES[match.group(1).strip().casefold()], "note prefix", "prefix"
    return None


_PERPETRATOR = rx(
    r"\b(?:gunm[ae]n|militants?|bandits?|raiders?|rebels?|insurgents?|fighters?|soldiers?"
    r"|troops?|"
    r"police|policem[ae]n|officers?|militias?|militiam[ae]n|attackers?|assailants?|armed"
    r"|jihadists?|"
    r"terrorists?|robbers?|gang(?:s|sters)?|Al[- ]Shabaa?b|forces|kidnappers|abductors|cartels?|combatants"
    r"|police unit)\b"
)
_COMMUNAL_FIGHT = rx(
    r"\b(?:ethnic|tribal|tribes?|clans?|communal|communit(?:y|ies)|raiders|morans"
    r"|militias?|"
    r"warriors|herders|pastoralists?)\b"
)
_CROWD_ACTS = ("crowd_weapons", "destruction", "clash", "attack")


_RIVAL_GROUPS = rx(
    r"\b(?:rival|two|opposing|both) (?:political )?(?:groups|camps|factions|supporters|sides|"
    r"candidates|parties)\b|\bsupporters of\b[^.]{0,60}\b(?:and"
    r"|with)\b[^.]{0,40}\b(?:supporters|those|"
    r"activists|members)\b|\beach ?other\b|\bwith those of\b|\bbetween (?:the )?supporters\b|\brivals\b"
)
_AGAINST_STATE = rx(
    r"\b(?:clash(?:ed|es)?|fought|pelted|(?:threw|hurled) (?:stones|rocks|bricks)"
    r"|attacked)\s+"
    r"(?:\w+\s+){0,3}?(?:with|at|on)?\s*(?:the\s+)?(?:police|policem[ae]n|officers"
    r"|security forces|"
    r"anti-riot|soldiers|troops|GSU)\b"
)
_DEMO_ACTS = rx(
    r"\bbarricad\w*|\bbonfires?\b|\bburn(?:ed|t|ing) (?:car )?(?:tyres|tires)\b"
    r"|\brunning battles?\b"
    r"|\bpolice (?:line|barrier|cordon)s?\b"
)
_PROTESTERS_ATTACKED = rx(
    r"\b(?:assault|attack|beat|charg|chas|stab|hack|obstruct)\w*\s+(?:and\s+\w+\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:demonstrat\w*|protest\w*|rall(?:y|ies)|procession|march(?:ers)?|human chain)"
    # 'AL members assaulted BNP members ... during BNP's demonstration': the victims are demonstrating
    r"|\b(?:assault|attack|beat|stab|hack)\w*\b[^.;]{0,120}\b(?:during|at) (?:the |their |a "
    r"|an )?(?:[\w'’-]+ ){0,2}"
    r"(?:demonstrations?|protests?|rall(?:y|ies)|processions?|march|human chain)\b"
    r"|\b(?:assault|attack|beat|stab|hack)\w*\b[^.;]{0,80}\bas they were (?:protesting|demonstrating"
    r"|marching)\b"
)
_SUPPORTERS = rx(r"\bsupporters of\b")
_LIGHT_VERB = rx(r"(?:conducted|carried out|launched|staged|mounted|executed|perpetrated|claimed)\b")
_DISPERSAL = rx(r"dispers|tear|gas|water cannon|rubber|baton|lathi")
_FIREARMS = rx(
    r"\b(?:shot|shoot\w*|guns?|gunm[ae]n|gunfire|gunshots?|firearms?|rifles?|pistols?|bullets?|"
    r"AK-?47s?|opened fire|fired)\b"
)


def _crowd_act(cues: dict[str, Match], sentence: str) -> str | None:
    """The violent act a crowd (not an armed group) commits, if any: the cue name.

    The crowd must be the subject: named before the act, not in a passive phrase, with no armed
    perpetrator named with it; firearms make it an armed group's act (ACLED: rioters are
    unorganised and, as a rule, not armed with guns).
    """
    if "crowd_weapons" in cues:
        return "crowd_weapons"
    subject = cues.get("crowd") or cues.get("partisan")
    if subject is None or _COMMUNAL_FIGHT.search(sentence):
        return None
    if _FIREARMS.search(sentence) and not _SUPPORTERS.search(sentence):
        return None  # supporters of a party or candidate stay a crowd even when some carry guns
    for name in _CROWD_ACTS[1:]:
        act = cues.get(name)
        if act is None or act.start() < subject.start() or act.group(0).casefold() in _WEAK_ATTACK:
            continue
        if _LIGHT_VERB.match(act.group(0)):
            continue  # 'carried out the ... attack' names an attack, it does not show a crowd acting
        between = sentence[subject.end() : act.start()]
        after = sentence[act.end() : act.end() + 4]
        if (
            not re.search(r"\b(?:was|were|been|being)\b", between)
            and not after.startswith(" by")
            and not _PERPETRATOR.search(sentence[max(0, subject.start() - 40) : act.start()])
        ):
            return name
    return None


def _has_protest(cues: dict[str, Match]) -> bool:
    """A weak protest cue ('demanding') counts only when nothing violent is reported."""
    if "protest" in cues:
        return True
    violent = (
        "attack",
        "clash",
        "abduction",
        "sexual",
        "ied",
        "explosion",
        "shelling",
        "air",
        "grenade",
        "destruction",
        "crowd_weapons",
        "mob",
        "riot",
        "looting",
        "arrests",
        "assault",
    )
    return "protest_weak" in cues and "crowd" in cues and not any(name in cues for name in violent)


def _demonstration_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Protests and riots: a crowd acting, ranked riot > excessive force > intervention > peaceful.

    Excessive force is lethal force against a demonstration that was itself not violent. A
    riot in a demonstration is a 'Violent demonstration'; crowd violence outside one (lynching,
    village brawls, party supporters attacking each other) is 'Mob violence'.
    """
    if _armed_violence(cues) and "crowd_weapons" not in cues and "intervention" not in cues:
        return None  # a bomb or grenade at a rally is an explosion, not a demonstration
    crowd = _Crowd(_has_protest(cues), "riot" in cues, _crowd_act(cues, sentence))
    return (
        _crowd_fight_decision(cues, sentence, crowd)
        or _protest_outcome_decision(cues, crowd)
        or _crowd_without_protest_decision(cues, sentence, crowd)
    )


@dataclass(frozen=True)
class _Crowd:
    protest: bool  # a demonstration is reported
    riot: bool  # a riot word is used
    act: str | None  # the cue of a violent act the crowd itself commits


def _crowd_fight_decision(cues: dict[str, Match], sentence: str, crowd: _Crowd) -> Decision | None:
    if crowd.act in ("clash", "crowd_weapons", "attack", "destruction") and _RIVAL_GROUPS.search(sentence):
        return "Mob violence", "rival groups fighting", crowd.act
    if crowd.riot and not crowd.protest and {"attack", "civ_victim"} <= cues.keys():
        return "Mob violence", "rioters attacking people", "riot"
    if crowd.protest and crowd.act and not crowd.riot and _PROTESTERS_ATTACKED.search(sentence):
        return "Protest with intervention", "demonstrators attacked by others", crowd.act
    if crowd.protest and (crowd.riot or "riot_act" in cues or crowd.act):
        cue = "riot" if crowd.riot else "riot_act" if "riot_act" in cues else crowd.act
        return "Violent demonstration", "protest turned violent", cue or "riot"
    return None


def _protest_outcome_decision(cues: dict[str, Match], crowd: _Crowd) -> Decision | None:
    if crowd.protest and "lethal_force" in cues:
        return "Excessive force against protesters", "state lethal force on protesters", "lethal_force"
    if "mob" in cues:
        return "Mob violence", "mob attack", "mob"
    if crowd.protest and "intervention" in cues:
        return "Protest with intervention", "protest dispersed or arrested", "intervention"
    if crowd.protest:
        return "Peaceful protest", "protest", "protest" if "protest" in cues else "protest_weak"
    return None


def _crowd_without_protest_decision(cues: dict[str, Match], sentence: str, crowd: _Crowd) -> Decision | None:
    if crowd.riot:
        return "Violent demonstration", "riot", "riot"
    dispersal = cues.get("intervention")
    if (
        dispersal
        and _DISPERSAL.search(dispersal.group(0))
        and not crowd.act
        and ("crowd" in cues or "partisan" in cues)
    ):
        return "Protest with intervention", "crowd dispersed", "intervention"
    if crowd.act and (
        "intervention" in cues or _AGAINST_STATE.search(sentence) or _DEMO_ACTS.search(sentence)
    ):
        return "Violent demonstration", "crowd violence against the state or with demands", crowd.act
    if crowd.act:
        return "Mob violence", "crowd violence", crowd.act
    return None


def _armed_violence(cues: dict[str, Match]) -> bool:
    return any(name in cues for name in ("air", "suicide", "shelling", "ied", "chemical", "grenade")) or (
        "clash" in cues and "armed_side" in cues and "partisan" not in cues and "crowd" not in cues
    )


_COMMENTARY = rx(r"\baccus\w*|\bnarrative\b|\bclaim(?:s|ed)? that\b|[\"“”]|\bwhole lives\b|\bonce\b")
_WEAK_CLASH = frozenset(
    {
        "fighting",
        "fought",
        "battle",
        "battles",
        "battled",
        "engaged in",
        "engaged with",
        "fight",
        "fights",
        "gunfire",
    }
)


_PEACEFUL_TRANSFER = rx(r"\bwithout (?:a fight|resistance|fighting|a shot)\b|\bpeacefully\b|\bhanded over\b")


def _battle_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Battles: two armed, organised sides. Ranked regains > overtakes > armed clash."""
    if "regains" in cues and "armed_side" in cues:
        return "Government regains territory", "recapture", "regains"
    if "overtakes" in cues and "transfer" in cues and _PEACEFUL_TRANSFER.search(sentence):
        return "Non-violent transfer of territory", "territory taken without fighting", "transfer"
    if "overtakes" in cues and "armed_side" in cues:
        return "Non-state actor overtakes territory", "capture of territory", "overtakes"
    weak = cues.get("clash") is not None and cues["clash"].group(0).casefold() in _WEAK_CLASH
    if "clash" in cues and (
        not weak
        or _COMMUNAL_FIGHT.search(sentence)
        or re.search(r"\bbetween\b", sentence)
        or ("armed_side" in cues and not _COMMENTARY.search(sentence))
    ):
        return "Armed clash", "clash between armed groups", "clash"
    if "armed_side" not in cues or _explosive(cues):
        return None
    target = next(
        (m for m in ARMED_TARGET.finditer(sentence) if not _nominal_target(sentence, m)),
        None,
    )
    if target:
        return "Armed clash", "attack on armed actors", "assault" if "assault" in cues else "armed_side"
    return None


def _nominal_target(sentence: str, match: Match) -> bool:
    verb = re.compile(r"[\w-]+").match(sentence, match.start())
    return verb is not None and _is_nominal(sentence, verb)


def _explosive(cues: dict[str, Match]) -> bool:
    return any(n in cues for n in ("chemical", "air", "suicide", "shelling", "ied", "grenade", "explosion"))


_EXPLOSION_RANK: tuple[tuple[str, str], ...] = (
    ("chemical", "Chemical weapon"),
    ("air", "Air/drone strike"),
    ("suicide", "Suicide bomb"),
    ("shelling", "Shelling/artillery/missile attack"),
    ("ied", "Remote explosive/landmine/IED"),
    ("grenade", "Grenade"),
    ("explosion", "Remote explosive/landmine/IED"),
)


def _explosion_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    for cue, sub_event in _EXPLOSION_RANK:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    return None


_WEAK_ATTACK = frozenset(
    {"attack", "attacks", "dead", "shot", "shooting", "shoot", "shoots", "raid", "raids"}
)
_STRONG_ATTACK = rx(
    r"\bshot (?:dead|and killed|to death)\b|\bkill(?:ed|s)?\b|\bmurder(?:ed|s)?\b"
    r"|\bhack(?:ed|ing)\b"
    r"|\bstabb(?:ed|ing)\b|\bbehead(?:ed|ing)\b|\binjur(?:ed|ing)\b|\bwound(?:ed|ing)\b"
    r"|\battacked\b|\bassaulted\b|\bbeat(?:en)?\b|\btortured\b|\bgunned down\b"
    r"|\bmassacred\b"
)


def _weak_attack_on_people(cues: dict[str, Match], sentence: str) -> bool:
    """A weak trigger ('attack', 'shot', 'raid') counts with an armed side or an abduction, or with
    people named as its target; people only before a bare active 'attack' are its subject
    ('opposition leaders attack the budget' is criticism)."""
    if {"abduction", "armed_side"} & cues.keys():
        return True
    victim, trigger = cues.get("civ_victim"), cues["attack"]
    if victim is None:
        return False
    bare = trigger.group(0).casefold() in ("attack", "attacks")
    only_subject = victim.end() <= trigger.start() and not _CIV_VICTIM_AFTER.search(sentence, trigger.end())
    return not (bare and only_subject)


def _attack_reported(match: Match, sentence: str) -> bool:
    """A bare 'attack' reports one when it is a verb with an object ('assailants attack Pandanguo
    location') or a noun pinned to a place and a day ('the January 3, 2024, attack in Kerman')."""
    if match.group(0).casefold() not in ("attack", "attacks", "attacked"):
        return False
    determined = _DETERMINER_BEFORE.search(sentence[max(0, match.start() - 25) : match.start()])
    if _VERB_AFTER.match(sentence, match.end()) and not determined:
        # a concrete target: a named place or group, people, or a place named after it
        return bool(_CONCRETE_OBJECT.match(sentence, match.end()) or _AT_PLACE.search(sentence, match.end()))
    return bool(_AT_PLACE.match(sentence, match.end()) and _SPECIFIC_DAY.search(sentence))


def _civilian_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Violence against civilians, ranked sexual violence > attack > abduction."""
    if "sexual" in cues:
        return "Sexual violence", "sexual violence", "sexual"
    weak = "attack" in cues and cues["attack"].group(0).casefold() in _WEAK_ATTACK
    if weak and "arrests" in cues:
        return None  # a raid to arrest people is an Arrests event
    if "agreement" in cues and not ({"attack", "sexual"} & cues.keys()):
        return None  # hostages released in an exchange: an Agreement, not an abduction
    if "attack" in cues and (
        not weak or _weak_attack_on_people(cues, sentence) or _attack_reported(cues["attack"], sentence)
    ):
        return "Attack", "violence against unarmed people", "attack"
    if "abduction" in cues:
        return "Abduction/forced disappearance", "abduction", "abduction"
    return None


_STRATEGIC_ORDER: tuple[tuple[str, str], ...] = (
    ("agreement", "Agreement"),
    ("seizure", "Looting/property destruction"),
    ("arrests", "Arrests"),
    ("looting", "Looting/property destruction"),
    ("hq", "Headquarters or base established"),
    ("transfer", "Non-violent transfer of territory"),
    ("change", "Change to group/activity"),
    ("other", "Other"),
)


_PROPERTY_DAMAGE = re.compile(r"vandal|smash|storm|set |torch|ransack|broke|damag", re.IGNORECASE)


def _strategic_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    for cue, sub_event in _STRATEGIC_ORDER:
        if cue in cues:
            return sub_event, f"{cue} cue", cue
    damage = cues.get("destruction")
    if damage and "civ_victim" in cues and _PROPERTY_DAMAGE.match(damage.group(0)):
        return "Looting/property destruction", "property destruction", "destruction"
    return None


def _disrupted_decision(cues: dict[str, Match], sentence: str) -> Decision | None:
    """A seized bomb or foiled attack: nothing went off and nobody was hurt."""
    if "disrupted" in cues and not ({"attack", "clash", "explosion"} & cues.keys()):
        return "Disrupted weapons use", "weapons seized or defused", "disrupted"
    if "disrupted" in cues and re.search(
        r"\b(?:defus|unexploded|controlled explosion|foiled|thwarted)", sentence, re.IGNORECASE
    ):
        return "Disrupted weapons use", "weapons defused", "disrupted"
    return None


_DECIDERS = (
    _disrupted_decision,
    _demonstration_decision,
    _battle_decision,
    _explosion_decision,
    _civilian_decision,
    _strategic_decision,
)
_CONFIDENCE = {
    "note prefix": 0.9,
    "protest": 0.8,
    "clash between armed groups": 0.75,
    "attack on armed actors": 0.6,
    "violence against unarmed people": 0.7,
}


def decide(cues: dict[str, Match], sentence: str) -> Decision | None:
    """Apply the deciders in ACLED's precedence order; the first one that fires wins."""
    for decider in _DECIDERS:
        decision = decider(cues, sentence)
        if decision:
            return decision
    return None


_CONTEXT_CUES = ("intervention", "lethal_force", "riot_act", "crowd_weapons")
_GRIEVANCE = rx(
    r"\b(?:after (?=(?:a|an|the|police|security)\b)|against"
    r"|over(?!\s+(?:\d|a (?:dozen|hundred|thousand)|several|hundreds|thousands|dozens|two|three"
    r"|four|five|ten|twenty|fifty)\b)|condemning|denouncing|demanding|to demand|in response to|in the wake of"
    r"|accusing"
    r"|calling for|justice for|in solidarity with|"
    r"following|a day after|days after)\b[^.;]*?(?=[.;]|$|,\s*(?:and|then|before|while|but)\b)"
)
_SEPARATE = rx(r"[^,.;]*\((?:coded|recorded) (?:separately|as a separate event)\)")
_VIOLENT_CUES = (
    "riot",
    "riot_act",
    "crowd_weapons",
    "destruction",
    "attack",
    "clash",
    "assault",
    "mob",
    "lethal_force",
    "ied",
    "explosion",
    "shelling",
    "air",
    "grenade",
    "abduction",
    "sexual",
    "looting",
    "suicide",
)


_BACKGROUND = rx(
    r"\b(?:following|a day after|days after|amid|in the wake of|in response to|over (?:their |his |her )?"
    r"participation in|for (?:joining|supporting|participating in)|in support of|supporting|to join"
    r"|on (?:their |his )?way to"
    r"|calling for)\b[^.;]*?(?=[.;]|$"
    r"|,\s*(?:and|then"
    r"|before|while|but)\b)"
)


# Where a grievance ends: the crowd's own act ('protesters against the court clashed with police').
_GRIEVANCE_END = rx(
    r"\b(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bof )(?:clash(?:ed|es)?|engag(?:ed|e|es)|burn(?:ed|t|s)?"
    r"|set (?:ablaze|fire|on fire)|pelt\w*|threw"
    r"|hurl(?:ed|s)?|block(?:ed|s)?|barricad(?:ed|es)|loot(?:ed|s)|vandali[sz](?:ed|es)|destroy(?:ed|s)"
    r"|storm(?:ed|s)|chased|(?:turn(?:ed|s)|became) (?:violent|chaotic|riotous)|running battles?)\b(?! of\b)"
)


def _mask_grievance(match: Match) -> str:
    text = match.group(0)
    end = _GRIEVANCE_END.search(text, 1)
    kept = text[end.start() :] if end else ""
    return " " * (len(text) - len(kept)) + kept


def mask_grievances(text: str) -> str:
    """Blank out what a protest is about ('against the assault on a leader (coded separately)').

    Violence named as a grievance is another event; it must not make the protest a riot.
    Offsets are kept (blanked with spaces) so trigger spans stay valid.
    """
    return _GRIEVANCE.sub(_mask_grievance, _mask_separate(text))


def _mask_separate(text: str) -> str:
    """Blank the clauses naming an event coded separately (the regex runs only when one may)."""
    if "separate" not in text.casefold():
        return text
    return _SEPARATE.sub(lambda m: " " * len(m.group(0)), text)


def _drop_grievance_cues(cues: dict[str, Match], sentence: str) -> None:
    """Keep only the protest and violence cues that lie outside what the protest is about.

    A protest word only in background ('following anti-government demonstrations') does not
    count; 'teargas against protesters' keeps its protest (the masking of 'against ...' applies
    to violence only).
    """
    masked = mask_grievances(sentence)
    background = _BACKGROUND.sub(lambda m: " " * len(m.group(0)), _mask_separate(sentence))
    for name in ("protest", *_VIOLENT_CUES) if "protest" in cues else _VIOLENT_CUES:
        if name in cues:
            match = _unhedged(CUES[name], background if name == "protest" else masked)
            if match:
                cues[name] = match
            else:
                del cues[name]


def _add_context_cues(cues: dict[str, Match], context: str) -> None:
    """A demonstration is typed by everything reported about it in the neighbouring sentences.

    ACLED codes one event per crowd, place and day with the highest-ranked outcome; news and
    notes often give the police response or the violence in the next sentence. Context cues
    only refine a sentence that itself reports a protest (or a police response to one).
    """
    if "protest" in cues:
        context = mask_grievances(context)
        for name in _CONTEXT_CUES:
            if name not in cues:
                match = _unhedged(CUES[name], context)
                if match:
                    cues[name] = match
    elif "intervention" in cues:
        match = _unhedged(CUES["protest"], context)
        if match:
            cues["protest"] = match


# An attack or shelling answered by fire in the same report is one Battles event (codebook ranking).
_BATTLE_IN_CONTEXT = frozenset({"Attack", "Shelling/artillery/missile attack"})


def classify_event(sentence: str, context: str = "") -> EventTyping | None:
    """Type the event a sentence reports, or None when it reports no event.

    `context` is optional surrounding text (the neighbouring sentences of the same paragraph):
    for a protest it supplies the police response or the crowd's violence reported next to it
    (see _add_context_cues); it never creates an event on its own.
    """
    if non_event_reason(sentence):
        return None
    decision = _prefix_decision(sentence)
    cues = find_cues(_mask_separate(sentence))
    if "protest" in cues or "riot" in cues:
        _drop_grievance_cues(cues, sentence)
    if context:
        _add_context_cues(cues, context)
    decision = decision or decide(cues, sentence)
    if decision is None:
        return None
    if context and decision[0] in _BATTLE_IN_CONTEXT and _unhedged(CUES["clash"], context):
        decision = ("Armed clash", "fighting reported with it", "clash")
        cues.setdefault("clash", _unhedged(CUES["clash"], context))  # type: ignore[arg-type]
    sub_event, rule, cue = decision
    trigger = cues[cue].group(0) if cue in cues else sentence.split(":", 1)[0]
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event],
        sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event],
        trigger=trigger,
        rule=rule,
        confidence=_CONFIDENCE.get(rule, 0.65),
        cues=frozenset(cues),
    )
