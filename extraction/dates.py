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
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from extraction.numbers import parse_number


@dataclass(frozen=True)
class DateContext:
    """What relative dates resolve against: publication date, last event date, last year seen."""

    published: date | None = None
    last_date: date | None = None
    last_precision: int = 1
    year_hint: int | None = None
    speech_date: date | None = None
    speech_precision: int = 1
    sentence_year: int | None = None  # year of an earlier date in the same sentence (set by find_dates)

    def updated(self, mentions: list[DateMention]) -> DateContext:
        """The context after a sentence whose date mentions are `mentions` (in order).

        A date attached to a speech verb ('Wray noted in April 2024: "...') is remembered as the
        time of speaking, which quoted relative dates ('a couple weeks ago') count from; the next
        event date forgets it.
        """
        if not mentions:
            return self
        last = mentions[-1]
        speech = last.role == "report"
        return replace(
            self, last_date=last.event_date, last_precision=last.time_precision,
            year_hint=last.event_date.year,
            speech_date=last.event_date if speech else None,
            speech_precision=last.time_precision if speech else 1, sentence_year=None,
        )

    @property
    def report_anchor(self) -> date | None:
        """The date 'yesterday'/'last week' count back from: publication, else the last date."""
        return self.published or self.last_date


@dataclass(frozen=True)
class DateMention:
    """One recordable date found in a sentence; `start`/`end` are offsets in that sentence.

    `role` is "event", or "report" for a date attached to a reporting or procedural verb
    ('police said on 3 May', 'On 19 March, police revealed that', 'in April 2024, Germany
    charged') or the reference point of a later backward date in a sentence with such a verb
    ('in April 2024, seven individuals arrested the previous July and charged'). A report date
    is the event date only when nothing better is said, so `is_report_date` is set only when
    the sentence also holds an event-role date: callers drop those. `order` is the mention's
    index among the sentence's mentions.
    """

    event_date: date
    time_precision: int
    start: int
    end: int
    text: str
    is_publication_relative: bool = False
    is_narrative_relative: bool = False
    is_report_date: bool = False
    role: str = "event"
    order: int = 0


_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NUMBERS["sept"] = 9
_MONTH_FORMS = (
    "Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?", "Aug(?:ust)?",
    "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?", "JANUARY", "FEBRUARY", "MARCH",
    "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
)
_MONTH = "(?:" + "|".join(_MONTH_FORMS) + ")"


def _month_at_word_start() -> str:
    """The same as rf"\b{_MONTH}", opening with a plain letter class so `re` jumps between
    capitals instead of trying the pattern at every character: the first letter, 'no word
    character before it', then the rest of each form that starts with that letter."""
    initials = "".join(dict.fromkeys(form[0] for form in _MONTH_FORMS))
    rests = [
        f"(?<={letter})(?:" + "|".join(form[1:] for form in _MONTH_FORMS if form[0] == letter) + ")"
        for letter in initials
    ]
    return f"[{initials}](?<!\\w.)(?:" + "|".join(rests) + ")"


_MONTH_AT_START = _month_at_word_start()
_MON = rf"(?P<mon>{_MONTH})(?:\.(?!\d))?"
_MON_AT_START = rf"(?P<mon>{_MONTH_AT_START})(?:\.(?!\d))?"
_MON2 = rf"(?P<mon2>{_MONTH})(?:\.(?!\d))?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# A day number at a word start, the same as r"\b[0-3]?\d", but opening with a plain digit class
# so `re` can jump between digits instead of trying the pattern at every character (a pattern
# whose first item is optional or a \b assertion is tried everywhere: about 5x slower).
_DAY_AT_START = r"\d(?<!\w\d)(?:(?<=[0-3])\d)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_APPROX_BEFORE_RE = re.compile(
    r"(?i)\b(?:around|about|on\s+or\s+(?:about|around|before|after)|circa|approximately)\s+(?:the\s+)?$"
)
_MONTH_PREFIX_RE = re.compile(
    r"(?i)(?:\b(?P<prep>in|during|since|until|till|by|from|of|on|throughout|within|last|this|before|after"
    r"|(?:the\s+)?(?:previous|following|next|preceding))\s+)?"
    r"(?P<q>(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+(?:the\s+month\s+of\s+)?|\bearly\s+|\blate\s+"
    r"|\bmid-?\s*|(?:the\s+)?(?:first|last|second)\s+(?:half|week|days)\s+of\s+)?(?:the\s+)?(?:month\s+of\s+)?$"
)
_LAST_BEFORE_RE = re.compile(r"(?i)\b(?:last|this\s+past)\s+$")
_SMALL_NUMBER = (
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|several"
    r"|a\s+couple(?:\s+of)?)"
)

_ISO_RE = re.compile(r"(?P<y>(?:19|20)(?<!\w\d\d)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)\b")
_DMY_DASH_RE = re.compile(rf"(?P<d>{_DAY_AT_START})-{_MON}-(?P<y>\d{{4}}|\d{{2}})\b")
_NUMERIC_RE = re.compile(
    rf"(?P<d>{_DAY_AT_START})[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d|\d\d)\b(?![/.-]\d)"
)
_DAY_MONTH_NUM_RE = re.compile(r"(?<![\d/.])\b(?P<d>[0-3]?\d)/(?P<m>[01]\d)\b(?![/.]\d)")
_RANGE_RE = re.compile(
    rf"(?P<d1>{_DAY_AT_START})(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"
)
_RANGE_MDY_RE = re.compile(
    rf"{_MON_AT_START}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+{_YEAR})?"
)
# A range whose ends name different months ('30 April - 2 May 2020', 'Oct 31 to Nov 2', 'between
# 23 Aug and 6 Sept 2018'); 'and' joins a range only after 'between' ('on 30 April and 2 May'
# are two days). Each form starts with a digit, a month or 'between' so the scan stays cheap.
_ORD = r"(?:st|nd|rd|th)?"
_DM1_TAIL = rf"{_ORD}\s+(?:of\s+)?(?P<mon1>{_MONTH})\.?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
_DM1 = rf"(?P<d1>[0-3]?\d){_DM1_TAIL}"
_DM2 = rf"(?P<d2>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<mon2>{_MONTH})\.?(?:,?\s+(?P<y2>(?:19|20)\d\d))?\b"
_MD1_TAIL = rf"\.?\s+(?P<d1>[0-3]?\d){_ORD}(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
_MD1 = rf"(?P<mon1>{_MONTH}){_MD1_TAIL}"
_MD2 = rf"(?P<mon2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d){_ORD}\b(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?"
_TO = r"\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
_BETWEEN = r"\b[Bb]etween\s+(?:(?:approximately|about|around)\s+)?(?:the\s+)?"
_CROSS_RANGE_RE = re.compile(rf"(?P<d1>{_DAY_AT_START}){_DM1_TAIL}{_TO}{_DM2}")
_CROSS_RANGE_MDY_RE = re.compile(rf"(?P<mon1>{_MONTH_AT_START}){_MD1_TAIL}{_TO}{_MD2}")
_BETWEEN_RANGE_RE = re.compile(rf"{_BETWEEN}{_DM1}\s+and\s+{_DM2}")
_BETWEEN_RANGE_MDY_RE = re.compile(rf"{_BETWEEN}{_MD1}\s+and\s+{_MD2}")
# 'between December and January 2023', 'from March to April 2020': a span of whole months.
_MONTH_RANGE_RE = re.compile(
    rf"\b(?P<lead>[Bb]etween|[Ff]rom)\s+(?:(?:early|late|mid-?)\s*)?(?P<mon1>{_MONTH})\.?"
    rf"(?:,?\s+(?P<y1>(?:19|20)\d\d))?\s+(?:and|to|until|till|through|-|–)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?P<mon2>{_MONTH})\.?(?:,?\s+(?P<y2>(?:19|20)\d\d))?\b"
)
_WEEK_OF_RE = re.compile(
    rf"\b(?P<kind>[Ww]eek(?:end)?)\s+(?:of|starting|beginning)\s+(?:the\s+)?"
    rf"(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*[0-3]?\d)?\s+(?:of\s+)?{_MON}"
    rf"|{_MON2}\s+(?P<d_b>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*[0-3]?\d)?)(?:,?\s+{_YEAR})?\b"
)
_DMY_RE = re.compile(rf"(?P<d>{_DAY_AT_START})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?\b")
_MDY_RE = re.compile(rf"{_MON_AT_START}\s+{_DAY}\b(?!\s*[-–:]\s*\d|,\d)(?:,?\s+{_YEAR}\b)?")
_MONTH_RE = re.compile(rf"{_MON_AT_START}(?:,?\s+{_YEAR})?\b")
_PUB_RELATIVE_RE = re.compile(
    r"(?i:\b(?P<word>yesterday|today|tonight|last\s+night|this\s+morning|earlier\s+today"
    r"|(?:last|this|earlier\s+this|late\s+last|early\s+last|the\s+past)\s+(?:week(?:end)?|month))\b)"
)
_COUNT_RELATIVE_RE = re.compile(
    rf"(?i)(?<![\w-]){_SMALL_NUMBER}\s+(?P<unit>day|week|month)s?\s+"
    r"(?P<dir>ago|earlier|before|prior|later|after(?:wards)?)\b"
)
_WEEKDAY_RE = re.compile(
    rf"\b{_WEEKDAY}\b(?:\s+(?i:night|morning|evening|afternoon))?(?!,?\s*(?:the\s+)?\d|,?\s*{_MONTH})"
)
_NARRATIVE_RE = re.compile(
    r"(?i)\b(?P<phrase>(?:the\s+)?(?:next|following|previous)\s+(?P<unit1>day|week|month)"
    r"|the\s+day\s+(?P<dir1>after|before)"
    r"|(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<unit2>day|night|week|month)"
    r"|the\s+same\s+(?P<unit3>day|night|week|month))\b"
)
_DIGIT_RE = re.compile(r"\d")
_WORD_START_RE = re.compile(r"\b\w")
_RESTATE_GAP_RE = re.compile(r"\s*[,(–—-]?\s*(?:on|in|at|i\.e\.|namely)?\s*(?:the\s+)?")
_ANY_MONTH_RE = re.compile(_MONTH_AT_START)
# Month-name stems as a plain alternation: a cheap C-level prefilter before _ANY_MONTH_RE.
_MONTH_STEM_RE = re.compile(
    "|".join(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
             + tuple(name.upper()[:3] for name in calendar.month_name[1:]))
)
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
# 'a week after the 2024 Moscow attack': counted from another event, not from the last date.
_YEAR_SOON_RE = re.compile(r"\s+(?:[^\s.;]+\s+){0,3}?(?:19|20)\d\d\b")
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
        if triggers is not None and _TRIGGER_RES[priority].search(lowered) is None:
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
        later_relative = later_relative or mention.is_publication_relative
    return flagged


def _mention(
    match: re.Match[str], day: date, precision: int, start: int | None = None, **flags: bool
) -> DateMention:
    """A mention spanning the match, or from `start` when a prefix ('around', 'in early') was
    read by looking back."""
    begin = match.start() if start is None else start
    return DateMention(day, precision, begin, match.end(), match.string[begin:match.end()], **flags)


def _month_number(name: str | None) -> int | None:
    return _MONTH_NUMBERS.get(name.lower().rstrip(".")[:4]) or _MONTH_NUMBERS.get(
        name.lower().rstrip(".")[:3]
    ) if name else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str | None, ctx: DateContext) -> int | None:
    """A four-digit year from a 2- or 4-digit string; two digits take their century from context."""
    if not text:
        return None
    value = int(text)
    if len(text) == 4:
        return value
    reference = ctx.year_hint or (ctx.published.year if ctx.published else 2000 + value)
    century = reference - reference % 100
    candidates = [century - 100 + value, century + value, century + 100 + value]
    return min(candidates, key=lambda y: abs(y - reference))


def _infer_year(month: int, day: int, ctx: DateContext) -> date | None:
    """Year for a day/month without one: the latest such date on or before publication, else
    the year of the previous date in the document. A date earlier in the same sentence wins
    ('On 5 May 2020, ... after a clash on May 3')."""
    if ctx.sentence_year is not None:
        candidate = _safe_date(ctx.sentence_year, month, day)
        if candidate is not None and (ctx.published is None or candidate <= ctx.published):
            return candidate
    if ctx.published is not None:
        candidate = _safe_date(ctx.published.year, month, day)
        if candidate is not None and candidate > ctx.published:
            candidate = _safe_date(ctx.published.year - 1, month, day)
        return candidate
    if ctx.year_hint is not None:
        return _safe_date(ctx.year_hint, month, day)
    return None


def _resolve_day(year_text: str | None, month: int | None, day: int, ctx: DateContext) -> date | None:
    if month is None:
        return None
    year = _full_year(year_text, ctx)
    if year is None:
        return _infer_year(month, day, ctx)
    return _safe_date(year, month, day)


def _approx_start(match: re.Match[str]) -> int | None:
    """Start of an 'around'/'on or before' qualifier right before the match, if any."""
    found = _APPROX_BEFORE_RE.search(match.string, max(0, match.start() - 30), match.start())
    return found.start() if found else None


def _on_iso(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _mention(match, day, 1) if day else None


def _on_day_month_name(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    day = _resolve_day(match["y"], _month_number(match["mon"]), int(match["d"]), ctx)
    if day is None:
        return None
    approx = _approx_start(match)
    return _mention(match, day, 1 if approx is None else 2, start=approx)


def _on_numeric(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """Day-first numeric dates ('31-12-19', '14/08'); month-first only when the day cannot be."""
    first, second = int(match["d"]), int(match["m"])
    if second > 12 >= first:
        first, second = second, first
    day = _resolve_day(match.groupdict().get("y"), second if 1 <= second <= 12 else None, first, ctx)
    return _mention(match, day, 1) if day else None


def _on_range(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'between 3 and 5 May 2020': precision 2 at the middle when within a week, else 3."""
    d1, d2 = int(match["d1"]), int(match["d2"])
    if not 1 <= d1 < d2 <= 31:
        return None
    middle = (d1 + d2) // 2
    day = _resolve_day(match["y"], _month_number(match["mon"]), middle, ctx)
    if day is None:
        return None
    return _mention(match, day, 2 if d2 - d1 <= 7 else 3)


def _range_years(
    match: re.Match[str], month1: int, month2: int, day2: int, ctx: DateContext
) -> tuple[int, int] | None:
    """Years of a range's two ends: a year given at one end dates the other, a range that wraps
    the year ('December - January 2023') starts the year before; with none, the end's year is
    inferred like a lone day's."""
    y1, y2 = _full_year(match["y1"], ctx), _full_year(match["y2"], ctx)
    wraps = month2 < month1
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if wraps else y1
    if y2 is None:
        end = _infer_year(month2, day2, ctx)
        if end is None:
            return None
        y2 = end.year
    if y1 is None:
        y1 = y2 - 1 if wraps else y2
    return y1, y2


def _on_cross_range(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'30 April - 2 May 2020', 'between Dec 30 and Jan 2, 2020': a range across a month's end
    is dated at its middle, precision 2 within a week and 3 within a month (like a range inside
    one month). A longer span is a period: its first day, as if the range were not read."""
    month1, month2 = _month_number(match["mon1"]), _month_number(match["mon2"])
    if month1 is None or month2 is None:
        return None
    years = _range_years(match, month1, month2, int(match["d2"]), ctx)
    if years is None:
        return None
    first = _safe_date(years[0], month1, int(match["d1"]))
    last = _safe_date(years[1], month2, int(match["d2"]))
    if first is None or last is None or last <= first:
        return None
    span = (last - first).days
    if span > 31:
        return _mention(match, first, 1)
    return _mention(match, first + timedelta(days=span // 2), 2 if span <= 7 else 3)


def _on_month_range(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'between December and January 2023': two adjacent months are dated at their boundary
    with month precision; a wider span is less precise than a month and is not recordable."""
    month1, month2 = _month_number(match["mon1"]), _month_number(match["mon2"])
    if month1 is None or month2 is None or month1 == month2:
        return None
    years = _range_years(match, month1, month2, 1, ctx)
    if years is None or (years[1] * 12 + month2) - (years[0] * 12 + month1) != 1:
        return None
    end = date(years[0], month1, calendar.monthrange(years[0], month1)[1])
    return _mention(match, end, 3)


def _on_week_of(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'the week of 4 May 2020' -> its middle (+3 days); 'the weekend of 9-10 May' -> the 9th."""
    day_text = match["d"] or match["d_b"]
    month = _month_number(match["mon"] or match["mon2"])
    start = _resolve_day(match["y"], month, int(day_text), ctx)
    if start is None:
        return None
    offset = 3 if match["kind"].lower() == "week" else 0
    return _mention(match, start + timedelta(days=offset), 2)


def _on_month(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'in March 2024', 'early May', 'in March': precision 3 (15th, 1st or last day)."""
    prefix = _month_prefix(match.string, match.start())
    prep = (prefix["prep"] or "").lower() if prefix else ""
    qualifier = (prefix["q"] or "").lower() if prefix else ""
    if prep in ("since", "until", "till", "by", "before", "after"):
        return None
    if not (match["y"] or qualifier or prep):
        return None
    month = _month_number(match["mon"])
    if month is None:
        return None
    year = _full_year(match["y"], ctx) or _relative_month_year(month, prep, ctx) or _month_year(month, ctx)
    if year is None:
        return None
    day = _month_day(year, month, qualifier)
    if ctx.published is not None and day > ctx.published and (year, month) == (
        ctx.published.year, ctx.published.month
    ):
        day = ctx.published
    relative = prep.split()[-1:] in (["previous"], ["preceding"], ["following"], ["next"])
    return _mention(match, day, 3, start=prefix.start() if prefix else None, is_narrative_relative=relative)


def _month_prefix(text: str, end: int) -> re.Match[str] | None:
    """The longest preposition/qualifier phrase ending right before a month name ('in early ',
    'the end of ', 'mid-'). Tried only at the starts of the last few words, not at every
    character, which keeps sentences with thousands of months linear and cheap."""
    window_start = max(0, end - 60)
    starts = [m.start() for m in _WORD_START_RE.finditer(text, window_start, end)][-7:]
    for start in starts:
        found = _MONTH_PREFIX_RE.fullmatch(text, start, end)
        if found is not None and found.end() > found.start():
            return found
    return None


def _relative_month_year(month: int, prep: str, ctx: DateContext) -> int | None:
    """'the previous July' / 'the following March': the year of the nearest such month before
    or after the previous date in the document ('last July' counts from publication)."""
    base = ctx.last_date or ctx.published
    words = prep.split()
    if base is None or not words or words[-1] not in ("previous", "preceding", "following", "next", "last"):
        return None
    if words[-1] == "last" and ctx.published is not None:
        base = ctx.published
    if words[-1] in ("following", "next"):
        return base.year if month > base.month else base.year + 1
    return base.year if month < base.month else base.year - 1


def _month_year(month: int, ctx: DateContext) -> int | None:
    """The year of the latest such month on or before publication, else the year in context;
    a date earlier in the same sentence gives its year ('in May 2020 and again in June')."""
    if ctx.sentence_year is not None and (
        ctx.published is None or (ctx.sentence_year, month) <= (ctx.published.year, ctx.published.month)
    ):
        return ctx.sentence_year
    if ctx.published is not None:
        return ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
    return ctx.year_hint


def _month_day(year: int, month: int, qualifier: str) -> date:
    if any(word in qualifier for word in ("early", "beginning", "start", "first")):
        return date(year, month, 1)
    if any(word in qualifier for word in ("late", "end", "last", "second half")):
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 15)


def _in_quote(sentence: str, position: int) -> bool:
    """Inside a quotation opened in this sentence, or one opened before it that closes here."""
    before = sentence[:position]
    if before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1:
        return True
    after = sentence[position:]
    closing = after.find("\u201d")
    opening = after.find("\u201c")
    return "\u201c" not in before and closing >= 0 and (opening < 0 or closing < opening)


def _speaker_base(match: re.Match[str], ctx: DateContext, finer_than_month: bool) -> date | None:
    """What 'yesterday' or 'two weeks ago' counts back from: for a quoted speaker whose words
    are dated ('Wray noted in April 2024: "... a couple weeks ago"'), the time of speaking;
    otherwise the publication (or report) date. None when the speaker is dated only to the
    month and the phrase is finer than a month: its month is then unknown (not recordable)."""
    if ctx.speech_date is not None and _in_quote(match.string, match.start()):
        if finer_than_month and ctx.speech_precision >= 3:
            return None
        return ctx.speech_date
    return ctx.report_anchor


def _on_publication_relative(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'yesterday', 'last week', 'this month' against the publication (or report) date."""
    word = " ".join(match["word"].lower().split())
    base = _speaker_base(match, ctx, finer_than_month=not word.endswith("month"))
    if base is None:
        return None
    flags = {"is_publication_relative": True}
    if word in ("yesterday", "last night"):
        return _mention(match, base - timedelta(days=1), 1, **flags)
    if word == "today" and _means_nowadays(match):
        return None
    if word in ("today", "tonight", "this morning", "earlier today"):
        return _mention(match, base, 1, **flags)
    if word.endswith("weekend"):
        saturday = base - timedelta(days=(base.weekday() - 5) % 7 or 7)
        return _mention(match, saturday, 2, **flags)
    if word.endswith("week"):
        monday = base - timedelta(days=base.weekday())
        if not word.startswith(("this", "earlier this")):
            monday -= timedelta(days=7)
        return _mention(match, min(monday + timedelta(days=3), base), 2, **flags)
    first = base.replace(day=1)
    if not word.startswith(("this", "earlier this")):
        first = (first - timedelta(days=1)).replace(day=1)
    return _mention(match, min(first.replace(day=15), base), 3, **flags)


# 'today' meaning 'nowadays' in analysis prose: 'But today IS-K has accused', 'today's Syria',
# 'even today', 'Today, the group remains active'. A same-day report ('police today arrested',
# 'Thousands march in Paris today') has none of these.
_NOWADAYS_BEFORE_RE = re.compile(
    r"(?i)\b(?:but|yet|while|whereas|even|still|of|than|from|to|like|and\s+now|now)\s+$"
)
_NOWADAYS_AFTER_RE = re.compile(
    r"(?i)(?:['\u2019]s\b|,?\s+(?:however|though)\b"
    r"|,?\s+(?:(?!(?:and|but|while|when|as|after|before|which|who|that|where)\b)[\w-]+\s+){0,4}?"
    r"(?:(?:is|are)\b(?!\s+\w+ing\b)|(?:remains?|continues?|still|no\s+longer|lives?|stands?)\b))"
)


def _means_nowadays(match: re.Match[str]) -> bool:
    """Is this 'today' the present era rather than the day of publication?"""
    text = match.string
    return (
        _NOWADAYS_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()) is not None
        or _NOWADAYS_AFTER_RE.match(text, match.end()) is not None
    )


def _on_count_relative(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'two months ago' counts back from the publication (report) date; 'two days later' and
    'three weeks earlier' count from the previous date in the document."""
    count = parse_number(match["n"])
    direction = match["dir"].lower()
    unit = match["unit"].lower()
    if count is None:
        return None
    if direction == "ago":
        base = _speaker_base(match, ctx, finer_than_month=unit != "month")
        if base is None:
            return None
        if unit == "day":
            return _mention(match, base - timedelta(days=count), 1, is_publication_relative=True)
        if unit == "week":
            return _mention(match, base - timedelta(days=7 * count), 2, is_publication_relative=True)
        return _mention(match, _shift_months(base, -count), 3, is_publication_relative=True)
    base = ctx.last_date or ctx.published
    if base is None or (direction in ("after", "before") and _YEAR_SOON_RE.match(match.string, match.end())):
        return None
    sign = 1 if direction.startswith(("later", "after")) else -1
    return _narrative_mention(match, base, unit, sign * count, ctx)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _on_weekday(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'on Friday': the latest such weekday on or before the publication (report) date;
    'last Friday' is strictly before it."""
    base = _speaker_base(match, ctx, finer_than_month=True)
    if base is None:
        return None
    target = _WEEKDAYS.index(match["wd"].lower())
    back = (base.weekday() - target) % 7
    last = _LAST_BEFORE_RE.search(match.string, max(0, match.start() - 15), match.start())
    if last is not None and back == 0:
        back = 7
    start = last.start() if last else None
    return _mention(match, base - timedelta(days=back), 1, start=start, is_publication_relative=True)


def _on_narrative(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'the next day', 'the following month': relative to the previous date in the document."""
    base = ctx.last_date or ctx.published
    if base is None:
        return None
    unit = (match["unit1"] or match["unit2"] or match["unit3"] or "day").lower()
    unit = "day" if unit == "night" else unit
    phrase = match["phrase"].lower()
    if "same" in phrase or "that" in phrase:
        return _narrative_mention(match, base, unit, 0, ctx)
    backwards = "previous" in phrase or (match["dir1"] or "").lower() == "before"
    return _narrative_mention(match, base, unit, -1 if backwards else 1, ctx)


def _narrative_mention(
    match: re.Match[str], base: date, unit: str, count: int, ctx: DateContext
) -> DateMention:
    if unit == "day":
        precision = ctx.last_precision if ctx.last_date else 1
        return _mention(match, base + timedelta(days=count), precision, is_narrative_relative=True)
    if unit == "week":
        return _mention(match, base + timedelta(days=7 * count), 2, is_narrative_relative=True)
    shifted = _shift_months(base, count).replace(day=15)
    return _mention(match, shifted, 3, is_narrative_relative=True)


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
    (_WEEKDAY_RE, _on_weekday, _WEEKDAYS, False, 0),
    (_MONTH_RANGE_RE, _on_month_range, ("between", "from"), False, 2),
    (_MONTH_RE, _on_month, None, False, 1),
)

# Each pattern's trigger words as one alternation: a single C-level scan per pattern.
_TRIGGER_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile("|".join(map(re.escape, triggers or ("",)))) for _, _, triggers, _, _ in _PATTERNS
)
