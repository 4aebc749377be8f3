"""The written forms of dates: month names, day numbers, ranges, weeks, months and the relative
phrases ('yesterday', 'two days later', 'the next day', 'on Friday') as compiled regexes.

Patterns that open with a plain character class ('_MONTH_AT_START', '_DAY_AT_START') let `re`
jump between candidate characters instead of trying the pattern at every position; the
prefilters ('_MONTH_STEM_RE', '_DIGIT_RE') let a sentence without any month or digit skip most
patterns. Which pattern wins where matches overlap is decided in extraction.dates.
"""

from __future__ import annotations

import calendar
import re

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
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<wd>" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
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
    r"|(?:last|this|earlier\s+this|late\s+last|early\s+last|the\s+past)\s+(?:week(?:end)?|month)"
    r"|(?:at|over|during)\s+the\s+weekend)\b)"
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


def _month_number(name: str | None) -> int | None:
    return _MONTH_NUMBERS.get(name.lower().rstrip(".")[:4]) or _MONTH_NUMBERS.get(
        name.lower().rstrip(".")[:3]
    ) if name else None
