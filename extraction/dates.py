"""Event dates in a sentence: absolute forms and relative ones, with ACLED time precision.

ACLED's time_precision: 1 = the day is known; 2 = only the week/weekend (or 'around' a day) is
known, recorded at its middle; 3 = only the month is known, recorded on the 15th (the 1st for
'early/beginning of', the last day for 'late/end of'). Anything vaguer (a year alone, 'since
2020', durations) is not a recordable date and is not returned.

Relative dates need a `DateContext`: 'yesterday', 'on Friday', 'last week', 'in March' resolve
against the publication date (or, without one, the report date seen last, as in ACLED notes:
'On 3 December 2019, it was reported that "last week" ...'); 'the next day', 'two months later'
resolve against the previous event date in the document. No date after the publication date is
ever produced. The caller walks the document's sentences in order and threads the context with
`DateContext.updated`.
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
            speech_precision=last.time_precision if speech else 1,
        )

    @property
    def report_anchor(self) -> date | None:
        """The date 'yesterday'/'last week' count back from: publication, else the last date."""
        return self.published or self.last_date


@dataclass(frozen=True)
class DateMention:
    """One recordable date found in a sentence; `start`/`end` are offsets in that sentence."""

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
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL"
    r"|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_MON = rf"(?P<mon>{_MONTH})(?:\.(?!\d))?"
_MON2 = rf"(?P<mon2>{_MONTH})(?:\.(?!\d))?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
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

_ISO_RE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)\b")
_DMY_DASH_RE = re.compile(rf"\b(?P<d>[0-3]?\d)-{_MON}-(?P<y>\d{{4}}|\d{{2}})\b")
_NUMERIC_RE = re.compile(r"\b(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d\d|\d\d)\b(?![/.-]\d)")
_DAY_MONTH_NUM_RE = re.compile(r"(?<![\d/.])\b(?P<d>[0-3]?\d)/(?P<m>[01]\d)\b(?![/.]\d)")
_RANGE_RE = re.compile(
    rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"
)
_RANGE_MDY_RE = re.compile(
    rf"\b{_MON}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and|&)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+{_YEAR})?"
)
_WEEK_OF_RE = re.compile(
    rf"\b(?P<kind>[Ww]eek(?:end)?)\s+(?:of|starting|beginning)\s+(?:the\s+)?"
    rf"(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*[0-3]?\d)?\s+(?:of\s+)?{_MON}"
    rf"|{_MON2}\s+(?P<d_b>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:-|–)\s*[0-3]?\d)?)(?:,?\s+{_YEAR})?\b"
)
_DMY_RE = re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?\b")
_MDY_RE = re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*[-–:]\s*\d|,\d)(?:,?\s+{_YEAR}\b)?")
_MONTH_RE = re.compile(rf"\b{_MON}(?:,?\s+{_YEAR})?\b")
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
    r"|the\s+day\s+(?P<dir1>after|before)|that\s+(?:same\s+)?day|the\s+same\s+day)\b"
)
_DIGIT_RE = re.compile(r"\d")
_WORD_START_RE = re.compile(r"\b\w")
_RESTATE_GAP_RE = re.compile(r"\s*[,(–—-]?\s*(?:on|in|at|i\.e\.|namely)?\s*(?:the\s+)?")
_ANY_MONTH_RE = re.compile(rf"\b{_MONTH}")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec") + tuple(
    name.upper()[:3] for name in calendar.month_name[1:]
)
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
        mentions.append(mention)
        ctx = ctx.updated([mention])
    return _flag_report_dates(_drop_restated(mentions, sentence), sentence)


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
    has_month = any(stem in sentence for stem in _MONTH_STEMS) and _ANY_MONTH_RE.search(sentence) is not None
    for priority, (pattern, handler, triggers, needs_digit, needs_month) in enumerate(_PATTERNS):
        if (needs_digit and not has_digit) or (needs_month and not has_month):
            continue
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


def _flag_report_dates(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """Mark a date that introduces a report of a relative date ('On 3 December 2019, it was
    reported that "last week" ...'): the relative date after it is the event date."""
    flagged = list(mentions)
    later_relative = False
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if later_relative and _REPORT_AFTER_RE.match(sentence, mention.end):
            flagged[index] = replace(mention, is_report_date=True)
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
    the year of the previous date in the document."""
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
    return _mention(match, day, 3, start=prefix.start() if prefix else None)


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
    """The year of the latest such month on or before publication, else the year in context."""
    if ctx.published is not None:
        return ctx.published.year if month <= ctx.published.month else ctx.published.year - 1
    return ctx.year_hint


def _month_day(year: int, month: int, qualifier: str) -> date:
    if any(word in qualifier for word in ("early", "beginning", "start", "first")):
        return date(year, month, 1)
    if any(word in qualifier for word in ("late", "end", "last", "second half")):
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 15)


def _on_publication_relative(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'yesterday', 'last week', 'this month' against the publication (or report) date."""
    base = ctx.report_anchor
    if base is None:
        return None
    word = " ".join(match["word"].lower().split())
    flags = {"is_publication_relative": True}
    if word in ("yesterday", "last night"):
        return _mention(match, base - timedelta(days=1), 1, **flags)
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


def _on_count_relative(match: re.Match[str], ctx: DateContext) -> DateMention | None:
    """'two months ago' counts back from the publication (report) date; 'two days later' and
    'three weeks earlier' count from the previous date in the document."""
    count = parse_number(match["n"])
    direction = match["dir"].lower()
    unit = match["unit"].lower()
    if count is None:
        return None
    if direction == "ago":
        base = ctx.report_anchor
        if base is None:
            return None
        if unit == "day":
            return _mention(match, base - timedelta(days=count), 1, is_publication_relative=True)
        if unit == "week":
            return _mention(match, base - timedelta(days=7 * count), 2, is_publication_relative=True)
        return _mention(match, _shift_months(base, -count), 3, is_publication_relative=True)
    base = ctx.last_date or ctx.published
    if base is None:
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
    base = ctx.report_anchor
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
    unit = (match["unit1"] or "day").lower()
    phrase = match["phrase"].lower()
    if "same" in phrase or phrase.startswith("that"):
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
_NARRATIVE_TRIGGERS = ("next", "following", "previous", "same day", "that day", "day after", "day before")
_PUB_TRIGGERS = ("yesterday", "today", "tonight", "night", "morning", "week", "month")
# (pattern, handler, lowercase trigger words or None, needs a digit, needs a month name).
# A pattern only runs when its requirements occur in the sentence (most sentences have no date,
# so this keeps the module fast). Earlier patterns win where matches overlap.
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, tuple[str, ...] | None, bool, bool], ...] = (
    (_WEEK_OF_RE, _on_week_of, ("week",), True, True),
    (_ISO_RE, _on_iso, ("-",), True, False),
    (_DMY_DASH_RE, _on_day_month_name, ("-",), True, True),
    (_NUMERIC_RE, _on_numeric, None, True, False),
    (_RANGE_RE, _on_range, None, True, True),
    (_RANGE_MDY_RE, _on_range, None, True, True),
    (_DMY_RE, _on_day_month_name, None, True, True),
    (_MDY_RE, _on_day_month_name, None, True, True),
    (_DAY_MONTH_NUM_RE, _on_numeric, ("/",), True, False),
    (_COUNT_RELATIVE_RE, _on_count_relative, _COUNT_TRIGGERS, False, False),
    (_NARRATIVE_RE, _on_narrative, _NARRATIVE_TRIGGERS, False, False),
    (_PUB_RELATIVE_RE, _on_publication_relative, _PUB_TRIGGERS, False, False),
    (_WEEKDAY_RE, _on_weekday, _WEEKDAYS, False, False),
    (_MONTH_RE, _on_month, None, False, True),
)
