"""Absolute dates: day, range, week and month forms ('3 May 2020', '30 April - 2 May',
'the week of 4 May', 'in early March') turned into a date with ACLED's time precision.

A form without a year takes it from the sentence, the publication date or the previous date in
the document (never a date after publication). Each `_on_*` handler takes a match of its pattern
in extraction.dates.patterns and returns a `DateMention`, or None when the text is no recordable
date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from extraction.dates.mentions import DateContext, DateMention, _mention
from extraction.dates.patterns import _APPROX_BEFORE_RE, _MONTH_PREFIX_RE, _WORD_START_RE, _month_number


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
