"""Relative dates: 'yesterday', 'last week', 'two months ago', 'on Friday' count back from the
publication (or report) date, or from when a quoted speaker spoke; 'the next day', 'two days
later', 'the following month' count from the previous date in the document. 'today' meaning
'nowadays' in analysis prose is no date. Each `_on_*` handler takes a match of its pattern in
extraction.date_patterns.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from extraction.dates.mentions import DateContext, DateMention, _mention
from extraction.dates.patterns import _LAST_BEFORE_RE, WEEKDAYS
from extraction.reading import parse_number

# 'a week after the 2024 Moscow attack': counted from another event, not from the last date.
_YEAR_SOON_RE = re.compile(r"\s+(?:[^\s.;]+\s+){0,3}?(?:19|20)\d\d\b")


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
    target = WEEKDAYS.index(match["wd"].lower())
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
