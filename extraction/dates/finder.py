"""Event dates in a sentence: absolute forms and relative ones, with ACLED time precision.

ACLED's time_precision: 1 = the day is known; 2 = only the week/weekend (or 'around' a day) is
known, recorded at its middle; 3 = only the month is known, recorded on the 15th (the 1st for
'early/beginning of', the last day for 'late/end of'). Anything vaguer (a year alone, 'since
2020', durations) is not a recordable date and is not returned. A range of days is dated at its
middle, across a month or year end too ('30 December 2019 - 2 January 2020'); two adjacent
months ('between December and January 2023') at their boundary, with month precision.

Relative dates need a `DateContext`: 'yesterday', 'on Friday', 'last week', 'in March' resolve
against the publication date (or, without one, the report date seen last, as in ACLED notes:
'On 3 December 2019, it was reported that "last week" ...'); 'the next day', 'two months later'
resolve against the previous event date in the document; 'today' meaning 'nowadays' in analysis
prose ('but today IS-K has accused', 'today's Syria') is no date. No date after the publication date is
ever produced. The caller walks the document's sentences in order and threads the context with
`DateContext.updated`.

Bounds of periods ('since May 10, 2021', 'post-August 2021', 'as of mid-May 2024', 'until 3
March') are not event dates and are not returned. Each mention has a `role`: "report" for a date
attached to a reporting or court verb ('police said on 3 May', 'in April 2024, Germany charged'),
else "event"; `is_report_date` marks the report dates a caller should skip because the same part
of the sentence gives an event date ('in April 2024, seven individuals arrested the previous July
and charged'). A quoted speaker's 'two weeks ago' counts from when they spoke, when that is known.

This module selects among overlapping matches and gives each date its role; the written forms
are in extraction.dates.patterns, their readings in extraction.dates.absolute and
extraction.dates.relative, and `DateContext`/`DateMention` in extraction.date_mentions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from extraction.dates.absolute import (
    _on_cross_range,
    _on_day_month_name,
    _on_iso,
    _on_month,
    _on_month_range,
    _on_numeric,
    _on_range,
    _on_week_of,
)
from extraction.dates.mentions import DateContext, DateMention
from extraction.dates.patterns import (
    _ANY_MONTH_RE,
    _BETWEEN_RANGE_MDY_RE,
    _BETWEEN_RANGE_RE,
    _COUNT_RELATIVE_RE,
    _CROSS_RANGE_MDY_RE,
    _CROSS_RANGE_RE,
    _DAY_MONTH_NUM_RE,
    _DIGIT_RE,
    _DMY_DASH_RE,
    _DMY_RE,
    _ISO_RE,
    _MDY_RE,
    _MONTH_RANGE_RE,
    _MONTH_RE,
    _MONTH_STEM_RE,
    _NARRATIVE_RE,
    _NUMERIC_RE,
    _PUB_RELATIVE_RE,
    _RANGE_MDY_RE,
    _RANGE_RE,
    _RESTATE_GAP_RE,
    _WEEK_OF_RE,
    _WEEKDAY_RE,
    WEEKDAYS,
)
from extraction.dates.relative import _on_count_relative, _on_narrative, _on_publication_relative, _on_weekday

__all__ = ["DateContext", "DateMention", "find_dates"]

_VERBS = (
    r"(?:reported|announced|said|says|stated|claimed|confirmed|revealed|noted|indicated"
    r"|warned|told|declared|charged|sentenced|convicted|indicted|acquitted|published|testified)"
)
# 'police said on 3 May', 'Wray noted in April 2024', 'were charged on': the verb right before.
_VERB_BEFORE_RE = re.compile(rf"(?i)\b{_VERBS}(?:\s+\w+ly)?\s+(?:(?:on|in|during|at)\s+)?(?:the\s+)?$")
# 'On 19 March 2024, German police revealed': a date leading its clause, the clause's verb
# within five words after it ('a riot claimed by IS' is an attribution, not a report).
_VERB_AFTER_RE = re.compile(
    rf"(?i),\s+(?:it\s+)?(?:[^\s,;.:]+\s+){{0,5}}?(?:(?:was|were|had\s+been|has\s+been)\s+)?{_VERBS}\b"
    r"(?!\s+by\b)"
)
_CLAUSE_LEAD_RE = re.compile(r"(?:^|[,;:\u2014\u2013(]\s*)(?:[\w-]+\s+){0,2}$")
_SEGMENT_BREAK_RE = re.compile(r"[;:\u2014]")
_PROCEDURAL_RE = re.compile(r"(?i)\b(?:charged|sentenced|convicted|indicted|prosecuted|jailed)\b")
_AS_REPORTED_RE = re.compile(r"(?i)\s*\(as\s+reported\)")
# A date bounding a period ('since May 10, 2021', 'post-August 2021', 'as of mid-May 2024',
# 'until 3 March') describes a span, not the day of an event. A sentence opening 'Since 11
# August, Nyanza experienced violence' dates the violence's first day: ACLED codes that day.
_PERIOD_BEFORE_RE = re.compile(
    r"(?i)(?:(?<=.)\bsince\s+(?:the\s+)?|\b(?:until|till|as\s+of|by|through|prior\s+to)\s+(?:the\s+)?"
    r"|\b(?:post|pre)-)$",
    re.DOTALL,
)
_AS_BEFORE_RE = re.compile(r"(?i)\bas\s+$")
_REPORT_AFTER_RE = re.compile(
    r"[^.;]{0,80}?\b(?:it\s+was\s+reported|(?:sources?|media|reports?|police|officials?)\s+"
    r"(?:reported|said|stated|confirmed)|was\s+reported|reported\s+that)\b",
    re.IGNORECASE,
)


def find_dates(sentence: str, anchor: DateContext) -> list[DateMention]:
    """Recordable dates in `sentence`, in order of appearance.

    Narrative-relative phrases later in the sentence resolve against dates earlier in it. A
    date followed by 'it was reported that' is flagged `is_report_date`: the event date is
    then usually a relative date after it.
    """
    mentions: list[DateMention] = []
    ctx = anchor
    for handler, match in _select_matches(sentence):
        mention = handler(match, ctx)
        if mention is None or (anchor.published and mention.event_date > anchor.published):
            continue
        if _bounds_period(sentence, mention):
            continue
        mention = _with_role(mention, sentence)
        if mention.role == "event" and mentions and _is_reference_for(mentions[-1], mention, sentence):
            mentions[-1] = replace(mentions[-1], role="report")
        mentions.append(mention)
        ctx = _after(ctx, mention)
    if len(mentions) < 2:  # nothing to restate, flag or number
        return mentions
    kept = _flag_report_dates(_drop_restated(mentions, sentence), sentence)
    return [replace(m, order=i) for i, m in enumerate(kept)]


def _after(ctx: DateContext, mention: DateMention) -> DateContext:
    """`ctx.updated([mention])` with the sentence's year set, built in one step (this runs for
    every date of every sentence; `dataclasses.replace` twice costs several times more)."""
    speech = mention.role == "report"
    return DateContext(
        ctx.published, mention.event_date, mention.time_precision, mention.event_date.year,
        mention.event_date if speech else None, mention.time_precision if speech else 1,
        mention.event_date.year,
    )


def _bounds_period(sentence: str, mention: DateMention) -> bool:
    """'since May 10, 2021', 'post-August 2021', 'As of mid-May 2024': a period's bound."""
    if _PERIOD_BEFORE_RE.search(sentence, max(0, mention.start - 12), mention.start):
        return True
    return mention.text[:3].lower() == "of " and bool(
        _AS_BEFORE_RE.search(sentence, max(0, mention.start - 4), mention.start)
    )


def _with_role(mention: DateMention, sentence: str) -> DateMention:
    """Role "report" for a date attached to a reporting or procedural verb right before it
    ('police said on 3 May') or leading its clause ('On 3 May, police said'). ACLED's
    'Around 3 May 2020 (as reported)' is an event date known to the week, not a report date."""
    before = _VERB_BEFORE_RE.search(sentence, max(0, mention.start - 40), mention.start)
    if before is None and mention.text[:3].lower() in ("in ", "on "):
        before = _VERB_BEFORE_RE.search(sentence, max(0, mention.start - 40), mention.start + 3)
    after = (
        _AS_REPORTED_RE.match(sentence, mention.end) is None
        and _VERB_AFTER_RE.match(sentence, mention.end) is not None
        and _CLAUSE_LEAD_RE.search(sentence, max(0, mention.start - 30), mention.start) is not None
    )
    if before is not None or after:
        return replace(mention, role="report")
    return mention


def _is_reference_for(previous: DateMention, mention: DateMention, sentence: str) -> bool:
    """'in April 2024, seven individuals arrested the previous July and subsequently charged':
    a date that a later backward date counts from, in a sentence about a court step (charges,
    sentences), is when that step happened; the backward date is the event's."""
    return (
        mention.is_narrative_relative
        and mention.event_date < previous.event_date
        and _PROCEDURAL_RE.search(sentence) is not None
    )


def _drop_restated(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """'Two months later, on May 20, ...': a relative date restated by an exact one right after
    it is dropped, so the first date of the sentence is the precise one."""
    kept: list[DateMention] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        relative = mention.is_narrative_relative or mention.is_publication_relative
        if relative and following is not None and not (
            following.is_narrative_relative or following.is_publication_relative
        ) and _RESTATE_GAP_RE.fullmatch(sentence, mention.end, following.start):
            continue
        kept.append(mention)
    return kept


_Handler = Callable[[re.Match[str], DateContext], DateMention | None]


def _select_matches(sentence: str) -> list[tuple[_Handler, re.Match[str]]]:
    """Non-overlapping matches in text order; where matches overlap, the more specific pattern
    (earlier in _PATTERNS) wins, then the earlier and longer match."""
    found: list[tuple[int, int, int, _Handler, re.Match[str]]] = []
    lowered = sentence.lower()
    has_digit = _DIGIT_RE.search(sentence) is not None
    months = _count_months(sentence)
    for priority, (pattern, handler, triggers, needs_digit, needs_months) in enumerate(_PATTERNS):
        if (needs_digit and not has_digit) or months < needs_months:
            continue
        # substring tests (C-level fast search) beat one regex alternation of the trigger words
        if triggers is not None and not any(word in lowered for word in triggers):
            continue
        for match in pattern.finditer(sentence):
            if match.end() > match.start():
                found.append((priority, match.start(), -match.end(), handler, match))
    found.sort(key=lambda item: item[:3])
    kept: list[tuple[int, _Handler, re.Match[str]]] = []
    starts: list[int] = []  # kept spans are disjoint: sorted starts and their ends
    ends: list[int] = []
    for _, start, neg_end, handler, match in found:
        end = -neg_end
        index = bisect.bisect_left(starts, start)
        if (index > 0 and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        kept.append((start, handler, match))
    kept.sort(key=lambda item: item[0])
    return [(handler, match) for _, handler, match in kept]


def _count_months(sentence: str) -> int:
    """How many month names the sentence has, counted up to two (what any pattern needs)."""
    if _MONTH_STEM_RE.search(sentence) is None:
        return 0
    first = _ANY_MONTH_RE.search(sentence)
    if first is None:
        return 0
    return 2 if _ANY_MONTH_RE.search(sentence, first.end()) else 1


def _flag_report_dates(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """Mark the dates a caller should skip: a report-role date when its part of the sentence
    (up to a ';', ':' or dash) also has an event-role date, and a date that introduces a report
    of a relative date ('On 3 December 2019, it was reported that "last week" ...'): the
    relative date after it is the event date."""
    segments = [len(_SEGMENT_BREAK_RE.findall(sentence, 0, m.start)) for m in mentions]
    with_event = {segment for segment, m in zip(segments, mentions, strict=True) if m.role == "event"}
    flagged = [
        replace(m, is_report_date=True) if m.role == "report" and segment in with_event else m
        for segment, m in zip(segments, mentions, strict=True)
    ]
    later_relative = False
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if later_relative and _REPORT_AFTER_RE.match(sentence, mention.end):
            flagged[index] = replace(flagged[index], is_report_date=True)
        # the relative date must be the reported event's, not the report's own ('police said on Monday')
        later_relative = later_relative or (mention.is_publication_relative and mention.role == "event")
    return flagged


_COUNT_TRIGGERS = ("ago", "earlier", "before", "prior", "later", "after")
_NARRATIVE_TRIGGERS = (
    "next", "following", "previous", "same ", "that day", "that night", "that week", "that month",
    "day after", "day before",
)
_PUB_TRIGGERS = ("yesterday", "today", "tonight", "night", "morning", "week", "month")
# (pattern, handler, lowercase trigger words or None, needs a digit, month names it needs).
# A pattern only runs when its requirements occur in the sentence (most sentences have no date,
# so this keeps the module fast). Earlier patterns win where matches overlap.
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, tuple[str, ...] | None, bool, int], ...] = (
    (_WEEK_OF_RE, _on_week_of, ("week",), True, 1),
    (_ISO_RE, _on_iso, ("-",), True, 0),
    (_DMY_DASH_RE, _on_day_month_name, ("-",), True, 1),
    (_NUMERIC_RE, _on_numeric, None, True, 0),
    (_BETWEEN_RANGE_RE, _on_cross_range, ("between",), True, 2),
    (_BETWEEN_RANGE_MDY_RE, _on_cross_range, ("between",), True, 2),
    (_CROSS_RANGE_RE, _on_cross_range, None, True, 2),
    (_CROSS_RANGE_MDY_RE, _on_cross_range, None, True, 2),
    (_RANGE_RE, _on_range, None, True, 1),
    (_RANGE_MDY_RE, _on_range, None, True, 1),
    (_DMY_RE, _on_day_month_name, None, True, 1),
    (_MDY_RE, _on_day_month_name, None, True, 1),
    (_DAY_MONTH_NUM_RE, _on_numeric, ("/",), True, 0),
    (_COUNT_RELATIVE_RE, _on_count_relative, _COUNT_TRIGGERS, False, 0),
    (_NARRATIVE_RE, _on_narrative, _NARRATIVE_TRIGGERS, False, 0),
    (_PUB_RELATIVE_RE, _on_publication_relative, _PUB_TRIGGERS, False, 0),
    (_WEEKDAY_RE, _on_weekday, WEEKDAYS, False, 0),
    (_MONTH_RANGE_RE, _on_month_range, ("between", "from"), False, 2),
    (_MONTH_RE, _on_month, None, False, 1),
)
