"""Event phrases inside long analytical sentences: one sentence, several dated occurrences.

Analysis articles pack many events into one sentence ('an attack in January in Kabul, and a
mosque bombing in Herat in May 2024', 'the January 3, 2024, attack in Kerman, Iran, and the
January 28 attack in Istanbul'). ACLED codes each occurrence separately, so a sentence with
several dates is cut into *date segments*: each date owns the text from the last clause break
before it to the last clause break before the next date. A segment is typed on its own (with
its date text blanked, so 'the January 2024 attack' reads as a plain 'attack'); an event noun
that a date modifies ('the January 28 attack in Istanbul') is a specific occurrence even when
the typing rules, which read bare nouns as references, find no event.

Whole sentences the typing rules reject (aggregates, commentary) may still hold one dated,
concrete occurrence ('a series of incidents since August 2021, the most notable being a rocket
attack in May 2022'): `date_window` gives the narrow stretch of text around one date to type.

Only meant for long documents: one-paragraph notes are one story and keep sentence typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.dates import DateMention
from extraction.reading import lower_matches_ignorecase
from extraction.typing.event_types import EventTyping, classify_event
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

# Where one occurrence's words end and the next one's may start.
_BREAK_RE = re.compile(r"[,;:\u2014\u2013]\s*|\s+(?:and|but|while)\s+|\.\d{1,3}\s+(?=[A-Z])")
_PUNCTUATION_BREAK_RE = re.compile(r"[,;:\u2014\u2013]\s*|\.\d{1,3}\s+(?=[A-Z])")
_HARD_BREAK_RE = re.compile(r";|\u2014|\.\d{0,3}\s+(?=[A-Z])|\.\s*$")
WINDOW_BACK = 160  # how far before its date a rejected sentence's occurrence may start
WINDOW_AHEAD = 160  # ... and how far after its date it may run
# An event noun right after a date ('the January 28 attack'): up to two modifiers in between.
_DATED_NOUN_RE = re.compile(
    r"\s*,?\s*(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>suicide (?:attack|bombing)|attack|assault|bombing|blast|explosion|shooting|massacre)s?\b",
    re.IGNORECASE,
)
_INTRODUCED_REACH = 90  # the most text between an introduced event noun and its date
_INTRODUCED_RE = re.compile(
    r"\b(?:an?|another|one|two|three)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>suicide (?:attacks?|bombings?)|attacks?|bombings?|blasts?|explosions?|shootings?"
    r"|massacres?)\b",
    re.IGNORECASE,
)
_HEDGE_BEFORE_RE = re.compile(
    r"\b(?:potential|possible|possibility|plan\w*|plot\w*|threat\w*|risk|fear\w*|could|would|might|may"
    r"|to (?:carry out|conduct|launch|stage)|prevent\w*|foil\w*|thwart\w*|avert\w*)\b",
    re.IGNORECASE,
)
_NOUN_TYPES = {
    "suicide attack": "Suicide bomb",
    "suicide bombing": "Suicide bomb",
    "bombing": "Remote explosive/landmine/IED",
    "blast": "Remote explosive/landmine/IED",
    "explosion": "Remote explosive/landmine/IED",
    "attack": "Attack",
    "assault": "Attack",
    "shooting": "Attack",
    "massacre": "Attack",
}
# 'two attacks in Kabul': ACLED codes each attack; 'the two attacks' refers back to known ones.
_COUNTED_RE = re.compile(
    r"(?<!\bthe )(?<!\bthese )(?<!\bboth )\b(?P<count>two|three)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:suicide\s+)?(?:attacks|bombings|assaults|blasts|explosions)\b",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3}
_NOUN = r"(?:attack|bombing|assault|blast|explosion|shooting|massacre)"
_COORDINATED_NOUNS_RE = re.compile(
    rf"\b{_NOUN}\s+and\s+(?:the|an?|another)\s+(?:[\w-]+\s+){{0,4}}?{_NOUN}\b", re.IGNORECASE
)
# What a plot or plan aims at is not where the event (usually an arrest) took place.
_PLOT_RE = re.compile(
    r"\b(?:(?:instructed|planning|plotting|planned|plotted|intending|preparing|aiming|plans?|plots?)"
    r"\s+(?:to|for|attacks?|an?\s+attack)|plotting|planning)\b[^;.]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Segment:
    """A stretch of a sentence that reports at most one dated occurrence."""

    start: int  # offsets in the sentence
    end: int
    date: DateMention


def date_segments(body: str, dates: list[DateMention]) -> list[Segment]:
    """Cut a sentence so each date owns the text around it (see the module docstring)."""
    ordered = sorted(dates, key=lambda d: d.start)
    segments: list[Segment] = []
    start = 0
    for current, following in zip(ordered, [*ordered[1:], None], strict=True):
        end = len(body) if following is None else _last_break(body, current.end, following.start)
        segments.append(Segment(start, end, current))
        start = end
    return segments


def _last_break(body: str, start: int, stop: int) -> int:
    """The end of the last clause break between two dates, else where the second date starts;
    a sentence end missed by the splitter ('in May 2024.40 Across the border') cuts first."""
    hard = _HARD_BREAK_RE.search(body, start, stop)
    if hard is not None:
        return hard.end()
    last = None
    for match in _BREAK_RE.finditer(body, start, stop):
        last = match
    return last.end() if last is not None else stop


def date_window(body: str, mention: DateMention) -> tuple[int, int]:
    """The narrow stretch around one date: from the last clause break within WINDOW_BACK chars
    before it to the first hard break (';', a dash, a sentence end) within WINDOW_AHEAD after."""
    low = max(0, mention.start - WINDOW_BACK)
    start = low
    for match in _PUNCTUATION_BREAK_RE.finditer(body, low, mention.start):
        start = match.end()
    high = min(len(body), mention.end + WINDOW_AHEAD)
    hard = _HARD_BREAK_RE.search(body, mention.end, high)
    end = hard.start() if hard else high
    if hard is None and high < len(body):
        end = body.rfind(" ", mention.end, high) if " " in body[mention.end : high] else high
    return start, max(end, mention.end)


def blank_dates(text: str, dates: list[DateMention], offset: int = 0) -> str:
    """The text with each date's words replaced by spaces (offsets kept)."""
    chars = list(text)
    for mention in dates:
        for i in range(max(0, mention.start - offset), min(len(chars), mention.end - offset)):
            chars[i] = " "
    return "".join(chars)


def type_phrase(text: str, dates: list[DateMention], offset: int = 0) -> EventTyping | None:
    """The typing of a segment or window of a sentence, dates blanked; else the event noun a
    date modifies ('the January 28 attack'), typed by the noun."""
    typing = classify_event(blank_dates(text, dates, offset))
    return typing or dated_noun_typing(text, dates, offset) or introduced_noun_typing(text, dates, offset)


def dated_noun_typing(text: str, dates: list[DateMention], offset: int = 0) -> EventTyping | None:
    """'the January 3, 2024, attack in Kerman': a date modifying an event noun names a specific
    occurrence; the noun gives the type (ACLED's default for an 'attack' of unknown modality)."""
    for mention in dates:
        local = mention.end - offset
        if not 0 <= local <= len(text):
            continue
        match = _DATED_NOUN_RE.match(text, local)
        if match:
            return _noun_typing(match["noun"], "dated event noun")
    return None


def introduced_noun_typing(text: str, dates: list[DateMention], offset: int = 0) -> EventTyping | None:
    """'a rocket attack in May 2022', 'two attacks in Kabul the following month': an event noun
    introduced by an indefinite or a count, dated in the same clause, is a new occurrence."""
    for mention in dates:
        local = mention.start - offset
        if local < 0:
            continue
        lead = text[max(0, local - _INTRODUCED_REACH) : local]
        match = next(reversed(list(_INTRODUCED_RE.finditer(lead))), None)  # the nearest one
        if match is not None and not _hedged(lead, match) and not _BREAK_RE.search(lead, match.end()):
            return _noun_typing(match["noun"], "introduced event noun")
        tail = text[mention.end - offset : mention.end - offset + _INTRODUCED_REACH]
        match = _INTRODUCED_RE.search(tail)
        if (
            match is not None
            and not _hedged(tail, match)
            and not _HARD_BREAK_RE.search(tail, 0, match.start())
        ):
            return _noun_typing(match["noun"], "introduced event noun")
    return None


def is_hedged(text: str, dates: list[DateMention], offset: int = 0) -> bool:
    """Does a phrase speak of a potential, planned or feared event ('shared information about a
    potential attack in Moscow')? Dates are blanked first ('in May' is no modal)."""
    return _HEDGE_BEFORE_RE.search(blank_dates(text, dates, offset)) is not None


def _hedged(text: str, match: re.Match[str]) -> bool:
    return _HEDGE_BEFORE_RE.search(text[max(0, match.start() - 50) : match.end()]) is not None


def _noun_typing(noun: str, rule: str) -> EventTyping:
    key = noun.casefold()
    key = key[:-1] if key.endswith("s") and key[:-1] in _NOUN_TYPES else key
    sub_event = _NOUN_TYPES[key]
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub_event],
        sub_event_type=sub_event,
        disorder_type=SUB_EVENT_DISORDER[sub_event],
        trigger=noun,
        rule=rule,
        confidence=0.55,
    )


# Literal words every match of a pattern contains (lowercase): an ASCII text without any of
# them cannot match, so the regex scan is skipped (see _may_match).
_COUNT_NOUN_STEMS = ("attack", "bombing", "assault", "blast", "explosion", "shooting", "massacre")
_PLOT_WORDS = ("plan", "plot", "instructed", "intending", "preparing", "aiming")


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    """Could a case-insensitive regex that needs one of `words` match `text`? False only when the
    lowercased text holds none of them: a cheap C-level test before a slow leading-alternation
    scan."""
    if not lower_matches_ignorecase(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def occurrence_count(text: str) -> int:
    """How many occurrences a phrase reports: 2 for 'two attacks in Kabul' or 'the Longan Hotel
    attack and the subsequent Kabul International Airport attack', else 1."""
    if not _may_match(text, _COUNT_NOUN_STEMS):
        return 1
    match = _COUNTED_RE.search(text)
    if match:
        return _COUNTS[match["count"].casefold()]
    return 2 if _COORDINATED_NOUNS_RE.search(text) else 1


def mask_plot_targets(text: str) -> str:
    """The text with what a plot aimed at blanked ('planning attacks in Vienna and Cologne')."""
    if not _may_match(text, _PLOT_WORDS):
        return text
    return _PLOT_RE.sub(lambda m: " " * len(m.group(0)), text)


def in_quoted_speech(body: str, mention: DateMention) -> bool:
    """Is the date inside a quotation (opened in the sentence or before it)? A quoted speaker's
    'a couple weeks ago' counts from when they spoke, which the text rarely says."""
    before, after = body[: mention.start], body[mention.end :]
    opened = before.count("\u201c") > before.count("\u201d")
    closes_later = after.find("\u201d") >= 0 and (
        after.find("\u201c") < 0 or after.find("\u201d") < after.find("\u201c")
    )
    return opened or closes_later


def quotes_speaker(body: str) -> bool:
    """Does the sentence quote someone ('... a couple weeks ago.”', '“We saw ...')? Its
    dates count from when the speaker spoke, not from the scene before."""
    return "\u201d" in body or body.lstrip().startswith(("\u201c", '"'))
