"""Is a trigger asserted, and does a sentence report one occurrence at all?

Event typing first finds keyword cues (extraction.typing.cues); this module decides which of their
matches count: a trigger governed by a modal or threat word ('plans to attack'), denied ('no armed
clash') or used as a noun ('such attacks') reports nothing, and a sentence that is an aggregate,
a habitual statement, propaganda, an accident or a court report is no event at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.dates import WEEKDAYS
from extraction.typing.cues import CUES
from extraction.typing.gates import CUE_GATES
from extraction.typing.pattern_gates import GATES, StemGate
from extraction.typing.patterns import FoldedPattern, Match, rx
from extraction.typing.vocabulary import (
    ASSERTION_WORDS_FILE,
    packaged_non_event_words,
    packaged_vocabulary,
    packaged_word_lists,
)

__all__ = ["find_cues", "non_event_reason"]

# The word lists of non_event_reason are data (typing/data/non_events.toml, with examples), and so
# are the words the assertion grammar is built around (typing/data/assertion_words.toml); the
# patterns below that combine words with grammar, and when a list applies, stay here.
_NON_EVENT_WORDS = packaged_non_event_words().patterns
_WORDS = packaged_word_lists(ASSERTION_WORDS_FILE)

_HEDGE = rx(r"\b(?:" + _WORDS.alternation("hedge") + r")\b")  # 'plans to', 'may', 'vowed'
_HEDGE_AFTER = rx(
    r"[\w\s,'-]{0,30}?\b(?:is|are|was|were|has been|have been)\s+(?:\w+\s+)?(?:"
    + _WORDS.alternation("expected")
    + r")\s+to\b|\s+(?:will|would|could|may"
    r"|might|"
    r"shall)\s+(?:\w+\s+)?(?:" + _WORDS.alternation("will_happen") + r")\b"
)
_CLAUSE_BREAK = re.compile(r"[;:,.!?\"“”]|\b(?:" + _WORDS.alternation("clause_words") + r")\b")

_PROPAGANDA = rx(_NON_EVENT_WORDS["propaganda"])
_AGGREGATE_COUNT = rx(
    r"\b\d[\d,.]*\s+(?:\S+\s+){0,2}?(?:" + _WORDS.alternation("counted_events") + r")\b"
    r"|\b(?:" + _WORDS.alternation("many_of") + r") of (?:\w+ )?(?:"
    + _WORDS.alternation("series_events")
    + r")\b|\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:were|have been|had been)\s+"
    r"(?:" + _WORDS.alternation("counted_harm") + r")\s+in\s+(?:\w+\s+){0,2}(?:"
    + _WORDS.alternation("violence_spells")
    + r")\b"
    # 'police killed 157 people during the year', 'had displaced 2 million people since 2015'
    r"|\b(?:" + _WORDS.alternation("counted_loss") + r")\s+(?:\w+\s+){0,2}?\d[\d,.]*\s+"
    r"(?:\w+\s+)?(?:" + _WORDS.alternation("counted_victims") + r")\b"
    r"|\b\d[\d,.]*\s+(?:\w+\s+){0,2}(?:have|had) been (?:" + _WORDS.alternation("counted_loss") + r")\b"
)
# A count's number that is a date: a year ('the 2018 protests') or a day ('June 30 nationwide
# demonstrations', '2 February nationwide demonstrations') counts no events.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d\b")
_DAY_OF_MONTH = re.compile(r"\d{1,2}\s+" + _MONTH + r"\s", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\s+$", re.IGNORECASE)


def _counts_events(text: str) -> bool:
    """Does `text` count events (_AGGREGATE_COUNT) with a number that is not a date?"""
    pos = 0
    while (found := _AGGREGATE_COUNT.search(text, pos)) is not None:
        start = end = found.start()
        while end < len(text) and text[end].isdigit():
            end += 1
        day = 0 < end - start <= 2 and (
            _DAY_OF_MONTH.match(text, start) or _MONTH_BEFORE.search(text[max(0, start - 11) : start])
        )
        if not (day or _YEAR_NUMBER.match(text, start)):
            return True
        pos = end
    return False


# Industrial and road accidents: nobody caused them (unless the text names a hostile agent).
_INDUSTRIAL = rx(_NON_EVENT_WORDS["industrial"])
_HOSTILE = rx(_NON_EVENT_WORDS["hostile"])
# Crime with no political actor: thieves and fraudsters, and arrests for ordinary offences.
_CRIMINALS = rx(_NON_EVENT_WORDS["criminals"])
_ORDINARY_OFFENCE = rx(
    r"\b(?:arrested|detained|charged|apprehended|fined)\b[^.;]{0,80}?\b(?:for|over|with|on charges of"
    r"|in connection with)\b[^.;]{0,40}?\b(?:" + _WORDS.alternation("offences") + ")"
)
_CROWD = rx(_NON_EVENT_WORDS["crime_crowd"])
_POLITICAL = rx(_NON_EVENT_WORDS["political_actor"])
_VIOLENT_CRIME = rx(_NON_EVENT_WORDS["violent_crime"])
# 'A memorial service was held for the victims of last year's massacre': remembering a past
# event is not an occurrence of it (a commemorative march or a clash at a memorial is).
_COMMEMORATION = rx(
    r"\b(?:" + _WORDS.alternation("commemoration") + r") (?:\w+ ){0,6}?"
    r"(?:" + _WORDS.alternation("remembered") + r")\b"
)
# 'the film about the 1994 genocide ... premiered in Kigali': a work about violence is released.
_DEPICTION = rx(r"\b(?:" + _WORDS.alternation("works") + r")s? (?:about|on|depicting)\b")
_RELEASE = rx(_NON_EVENT_WORDS["release"])
_PERIOD = rx(
    r"\b(?:" + _WORDS.alternation("period_from") + r")\s+(?:the\s+)?(?:(?:past|last"
    r"|first|"
    r"previous)\s+)?(?:(?:\d+|few|several|two|three|four|five|six)\s+)?(?:years?|months?|decades?|"
    r"(?:19|20)\d\d\b(?!\s*[-–]\s*\d\d?\b))|\((?:19|20)\d\d\)|\b(?:per|a|each) (?:year|month)\b"
    r"|\bannually\b|\bso far\b|\brecord (?:low|high)\b|\bpeaked\b|\bin total\b|\ba total of\b"
    r"|\bsince\b|\b(?:first|second) half of (?:the )?(?:year|(?:19|20)\d\d)\b"
    r"|\b(?:" + _WORDS.alternation("tallies") + r")\b"
    r"|\b(?:last|this|past|previous) (?:year|month|decade)\b|\bacross the country\b|\bnationwide\b"
    r"|\b" + r"\b|\b".join(_WORDS.words["trends"]) + r"\b"
)
_HARD = rx(r"\b(?:" + _WORDS.alternation("hard_violence") + r")\b")
# a habit in a relative clause describes a noun, not the sentence's event ('demanding the bonus,
# which is usually paid before Eid')
_HABITUAL = rx(
    r"\b(?:(?:which|that|who) (?:is |are )?)?(?:" + _WORDS.alternation("habitual") + r")\s+"
    r"(?!(?:\w+\s+)?(?:on|in|at|during)\b)\w+"
)
# 'ISK attacked minorities, rival clerics, and foreigners': a list of bare plural categories
# as the target describes a pattern of behaviour, not one occurrence.
_CATEGORY_LIST = re.compile(
    r"\b(?:" + _WORDS.alternation("category_verbs") + r")\s+"
    r"(?:[a-z]+\s+)?[a-z]+s\s*,\s*(?:[a-z]+\s+)?[a-z]+s,?\s+"
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
    r"\s+(?:(?:a |the )?[A-Z]|(?:a group of|two|three|four|five|several|\d+)\b|(?:"
    + _WORDS.alternation("concrete_objects")
    + r")\b)"
)
# Deaths from floods, crashes or disease are no political violence unless someone caused them.
_MISHAP = rx(_NON_EVENT_WORDS["mishap"])
_AGENT_OF_HARM = rx(_NON_EVENT_WORDS["agent_of_harm"])
# Court rulings, sport and idioms use violent words for no violence ('shot down the proposal').
_NOT_VIOLENCE = rx(
    r"\b(?:" + _WORDS.alternation("court") + r")\b"
    r"|\bshot down (?:the |a |an |his |her |their |its )?(?:\w+ )?(?:"
    + _WORDS.alternation("shot_down")
    + r")s?\b"
    r"|\b(?:" + _WORDS.alternation("sport") + r")\b"
)
# An accident or a verdict is often what a crowd reacts to: then the reaction is the event.
_CROWD_RESPONSE = rx(
    r"\b(?:" + _WORDS.alternation("crowd_response") + r")\b"
    # not the weather ('the storm hit') nor the month ('12 March 2021', 'March 5')
    r"|(?<!the )(?<!a )\bstorm\w*|(?<!\d )\bmarch(?:ed|es|ing|ers)?\b(?! \d)"
)
_REAL_HARM = rx(_NON_EVENT_WORDS["real_harm"])
# 'sentenced ... for organising rallies': the crowd word is the charge, not a response to the verdict
_CHARGE = re.compile(
    r"(?i)\b(?:for|of) (?:allegedly |illegally )?(?:" + _WORDS.alternation("charge_verbs") + r")\b[^,.;]*"
)
_SPECIFIC_PLACE = re.compile(r"[^.;]{0,25}?\b(?:in|on|at|near) (?:the )?[A-Z]")
_GENERIC = rx(
    r"(?<!to )\b(?:has|have|had) (?:also )?(?:" + _WORDS.alternation("campaign_verbs") + r")\s+"
    r"(?:\w+\s+){0,2}?(?:" + _WORDS.alternation("campaign_nouns") + r")\b"
    r"|\b(?:" + _WORDS.alternation("campaigning") + r") (?:\w+ )?(?:attacks|operations)\b"
    r"|\b(?:attacks|operations) (?:against|on) (?:\w+ )?(?:targets|interests)\b"
)


_NOMINAL_WORDS = frozenset(_WORDS.words["nominal_words"])
_DETERMINER_BEFORE = rx(r"(?:\b(?:" + _WORDS.alternation("determiners") + r")|'s|’s)\s+$")
_SUBJECT_BEFORE = rx(r"\b(?:" + _WORDS.alternation("subjects") + r"|[A-Z][a-z]+s)\s+$")
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")  # 'MRC attacks civilians': a named group's verb
# A day's possessive before a trigger ("Sunday's bombing", "Friday night's attack") dates one
# occurrence; other possessives ('the group's attacks', "ISK's bombing campaign") stay references.
_DATED_POSSESSIVE = re.compile(
    r"(?i)\b(?:" + "|".join((*WEEKDAYS, "yesterday", "today", "tonight")) + ")"
    r"(?:\s+(?:night|morning|evening|afternoon))?['’]s\s+$"
)
_VERB_AFTER = re.compile(r"\s+(?:(?:" + _WORDS.alternation("objects") + r")\b|\d|[A-Z])")


_PROTEST_NOUNS = frozenset(_WORDS.words["protest_nouns"])
_NO_PROTEST_BEFORE = rx(r"\b(?:" + _WORDS.alternation("no_protest_before") + r")\s+(?:\w+\s+)?$")


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
    before = text[max(0, match.start() - 25) : match.start()]
    if _DETERMINER_BEFORE.search(before):
        return _DATED_POSSESSIVE.search(before) is None  # "Sunday's bombing" names one occurrence
    if word in ("attacks", "operations", "raids", "killings", "assaults", "bombings", "strikes", "targets"):
        before = text[max(0, match.start() - 30) : match.start()]
        return not (
            _VERB_AFTER.match(text, match.end())
            or _SUBJECT_BEFORE.search(before)
            or _ACRONYM_BEFORE.search(before)
        )
    return False


# 'no armed clash', 'no attack', 'took the town without a fight'
_NEGATED = re.compile(r"\b(?:[Nn]o|[Nn]ever|[Ww]ithout)\s+(?:[\w-]+\s+){0,2}$")


# Hedge words that are something else: the noun will ('against their will') and the 'likely'
# that attributes an act ('likely JNIM militants fired'). Checked in Python, after a match: a
# case-sensitive part would send the whole hedge pattern down the slow IGNORECASE path.
_NOUN_WILL = re.compile(r"(?:\b(?:their|his|its|own|free|political|the) |good)will$", re.IGNORECASE)
_ATTRIBUTING = re.compile(
    r"\s+(?:[A-Z]|(?:militants|gunmen|rebels|fighters|members|soldiers|forces|attackers|assailants"
    r"|bandits|insurgents|jihadists|militiamen)\b)"
)


def has_hedge(text: str) -> bool:
    """Does `text` hold a modal or threat word ('plans to', 'may', 'vowed')?"""
    for match in _HEDGE.finditer(text):
        word = match.group(0).casefold()
        if word == "will" and _NOUN_WILL.search(text, 0, match.end()):
            continue
        if word == "likely" and _ATTRIBUTING.match(text, match.end()):
            continue
        return True
    return False


def _hedged_at(text: str, start: int) -> bool:
    """Is what starts at `start` governed by a modal or threat word in its clause ('said it
    plans to launch an offensive against ...'), or denied ('there was no armed clash')?"""
    before = text[max(0, start - 70) : start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    return has_hedge(clause) or bool(_NEGATED.search(before))


def _unhedged(pattern: FoldedPattern, text: str) -> Match | None:
    """The first match of `pattern` that is asserted: not governed by a modal or threat word in
    its clause, and not a nominal use of an ambiguous trigger."""
    for match in pattern.finditer(text):
        if _is_nominal(text, match):
            continue
        if not _hedged_at(text, match.start()) and not _HEDGE_AFTER.match(text, match.end()):
            return match
    return None


_WEAK_ATTACK = frozenset(_WORDS.words["weak_attack"])
_STRONG_ATTACK = rx(r"\b" + r"\b|\b".join(_WORDS.words["strong_attack"]) + r"\b")


# Cues that describe who is involved rather than what happened: never hedged, first match is enough
# (the context cues of cues.toml [trigger], which open no trigger either).
_DESCRIPTORS = packaged_vocabulary().context_cues


def find_cues(sentence: str) -> dict[str, Match]:
    """All cues present (and not hedged) in the sentence, by name.

    For 'attack' a decisive verb ('killed') is preferred over a weak one ('attacks', 'dead').
    The dict is the caller's to change: a sentence typed again (a follow-up reading, a clause
    that is the whole sentence) reuses the search through a small cache of recent sentences.
    """
    return dict(_cues_in(sentence))


# Each cue with its gate in the gate index: a FoldedPattern's own (the vocabulary's gate, see
# load_vocabulary), a case-sensitive regex's the vocabulary's gate (extraction.typing.gates).
_CUE_GATES = tuple(
    (name, pattern, pattern if isinstance(pattern, FoldedPattern) else StemGate(CUE_GATES.get(name)))
    for name, pattern in CUES.items()
)


@lru_cache(maxsize=256)
def _cues_in(sentence: str) -> dict[str, Match]:
    """find_cues' search, cached: never mutate the result (find_cues hands out copies).

    One pass over the sentence's words (the gate index's mask) tells which cues can match: a cue
    runs only when its gate is open."""
    found = {}
    opened = GATES.mask(sentence)
    for name, pattern, gate in _CUE_GATES:
        if not opened & gate.gate_bit:
            continue
        match = pattern.search(sentence) if name in _DESCRIPTORS else _unhedged(pattern, sentence)
        if match:
            found[name] = match
    if "attack" in found and found["attack"].group(0).casefold() in _WEAK_ATTACK:
        strong = _unhedged(_STRONG_ATTACK, sentence)
        if strong:
            found["attack"] = strong
    return found


def _habitual(text: str) -> bool:
    """A habit adverb outside a relative clause ('police routinely harass', not 'the bonus, which
    is usually paid before Eid'): the relative pronoun is matched with the adverb and rejected."""
    return any(m.group(0)[:3].casefold() not in ("whi", "tha", "who") for m in _HABITUAL.finditer(text))


@lru_cache(maxsize=512)
def _ordinary_crime(text: str) -> bool:
    """'Thieves stole fertiliser', 'arrested two men for selling counterfeit seed': no political
    actor and no violence (armed robbers who kill are still coded, as ACLED does)."""
    if any(p.search(text) for p in (_POLITICAL, _VIOLENT_CRIME, _HOSTILE, _CROWD)):
        return False
    return bool(_CRIMINALS.search(text) or _ORDINARY_OFFENCE.search(text))


@lru_cache(maxsize=512)
def non_event_reason(sentence: str) -> str | None:
    """Why a sentence reports no single occurrence, or None when it may report one.

    Remembered for recent sentences: a sentence is asked about again as a clause, a follow-up
    and a phrase (about three asks in ten on dense notes), and the answer depends on the text only.

    Catches aggregates ('353 attacks in 2021'), habitual or generic statements ('has conducted
    attacks within and outside Afghanistan'), propaganda and commentary, and questions. Quoted
    reports are not rejected: ACLED notes often quote a security report word for word.
    """
    text = sentence.strip()
    if not text:
        return "empty"
    if text.endswith("?"):
        return "question"
    if _counts_events(text) and _PERIOD.search(text):  # the count first: rarer and cheaper
        return "aggregate"
    generic = _GENERIC.search(text) or _CATEGORY_LIST.search(text)
    if (generic and not _SPECIFIC_PLACE.match(text, generic.end())) or _habitual(text):
        return "generic statement"
    if _MISHAP.search(text) and not _AGENT_OF_HARM.search(text) and not _CROWD_RESPONSE.search(text):
        return "accident or disaster"
    if _INDUSTRIAL.search(text) and not _HOSTILE.search(text):
        return "accident or disaster"
    if _ordinary_crime(text):
        return "crime without a political actor"
    if (
        _NOT_VIOLENCE.search(text)
        and not _REAL_HARM.search(text)
        and not _CROWD_RESPONSE.search(_CHARGE.sub("", text))
    ):
        return "court, sport or figure of speech"
    if _DEPICTION.search(text) and _RELEASE.search(text):
        return "a work about violence"
    if _COMMEMORATION.search(text) and not _CROWD_RESPONSE.search(text) and not _REAL_HARM.search(text):
        return "commemoration"
    if (
        _PROPAGANDA.search(text)
        and not _HARD.search(text)
        and not (_SPECIFIC_DAY.search(text) and _unhedged(CUES["attack"], text))
        and not _unhedged(CUES["protest"], text)
    ):
        return "propaganda or commentary"
    return None
