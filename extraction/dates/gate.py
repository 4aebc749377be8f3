"""The date gate: cheap tests that decide whether a text can hold a date before `find_dates` runs.

Most sentences of an article state no date; reading them with the full date grammar is the
costliest part of a dateless sentence. The gates below only let through text with a digit, a
month name or a time word, and were checked against every sentence of the ACLED notes and seed
articles (tests/extraction/test_speed_gates.py).
"""

from __future__ import annotations

import re

from extraction.dates.finder import DateContext, find_dates
from extraction.reading import lower_matches_ignorecase

_SENTENCE_DATE_HINT_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tonight|week"
    r"|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|later|earlier|ago|next"
    r"|following|previous|day|days|night|morning|evening|afternoon|before|after)\b",
    re.IGNORECASE,
)
_DATE_HINT_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,4}[/-]\d{1,2}\b"
    r"|\b(?:yesterday|today|tonight|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|later|earlier|ago|next|following|previous)\b",
    re.IGNORECASE,
)
# The same test, made cheaper: a digit is found by a C-level character scan; the sentence is
# lowercased and searched without IGNORECASE (the pattern's letters are all lowercase), which
# `re` runs several times faster on a long alternation (see lower_matches_ignorecase).
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_DATE_HINT_FOLDED_RE = re.compile(_SENTENCE_DATE_HINT_RE.pattern)


def could_hold_date(sentence: str) -> bool:
    """Cheap gate before `find_dates`: no digit, month name or time word, no date (most sentences
    of an article); checked against every sentence of the ACLED notes and seed articles."""
    if _DIGIT_RE.search(sentence) is not None:
        return True
    if lower_matches_ignorecase(sentence):
        return _SENTENCE_DATE_HINT_FOLDED_RE.search(sentence.lower()) is not None
    return _SENTENCE_DATE_HINT_RE.search(sentence) is not None


def has_any_date(text: str, context: DateContext) -> bool:
    """Does the text state any recordable date? Only the surroundings of date-like words are read."""
    for hint in _DATE_HINT_RE.finditer(text):
        window = text[max(0, hint.start() - 40) : hint.end() + 40]
        if find_dates(window, context):
            return True
    return False
