"""Numbers written as digits or English words ('21', '1,200', 'twenty-one', 'a dozen').

Shared by the date and fatality modules. `NUMBER_PATTERN` is a regex fragment (no groups) that
other patterns embed; `parse_number` turns a match of it into an int. Vague quantities follow
ACLED's codebook ('dozens' -> 12, 'hundreds' -> 100, 'several'/'few' -> 3, 'many' -> 10).
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ARTICLES: dict[str, int] = {"a": 1, "an": 1, "single": 1, "a single": 1, "lone": 1, "a lone": 1}
# ACLED codebook: vague quantities get fixed conservative values.
VAGUE: dict[str, int] = {
    "a dozen": 12, "dozen": 12, "dozens": 12, "dozens of": 12, "scores": 20, "scores of": 20,
    "hundreds": 100, "hundreds of": 100, "thousands": 1000, "thousands of": 1000,
    "several": 3, "a few": 3, "few": 3, "some": 3, "a number of": 3, "multiple": 3,
    "many": 10, "numerous": 10, "a couple of": 2, "a couple": 2, "a pair of": 2, "both": 2,
}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TEN})(?:[\s-]+(?:{_UNIT}))?|(?:{_UNIT}))"
    rf"(?:[\s-]+(?:hundred|thousand)(?:[\s-]+(?:and[\s-]+)?(?:(?:{_TEN})(?:[\s-]+(?:{_UNIT}))?|(?:{_UNIT})))?)?"
)
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+|\d+"
# Order matters: digits, then vague multi-word phrases, then word numbers, then articles.
NUMBER_PATTERN = (
    rf"(?:{DIGITS_PATTERN}|(?:{_VAGUE})|{_WORD_NUMBER}|an?(?=\s)|(?:a\s+)?(?:single|lone))"
)
_SPLIT_RE = re.compile(r"[\s-]+")


def parse_number(text: str) -> int | None:
    """Value of a number phrase matched by NUMBER_PATTERN (case-insensitive), else None.

    Word numbers are summed left to right with 'hundred'/'thousand' multiplying what precedes
    them ('two hundred and five' -> 205), which covers how news texts write casualty figures.
    """
    phrase = " ".join(text.lower().split())
    if not phrase:
        return None
    if phrase[0].isdigit():
        digits = phrase.replace(",", "")
        return int(digits) if digits.isdigit() and len(digits) < 10 else None
    if phrase in VAGUE:
        return VAGUE[phrase]
    if phrase in ARTICLES:
        return ARTICLES[phrase]
    return _parse_words(phrase)


def _parse_words(phrase: str) -> int | None:
    """Sum English number words; None if any word is not part of a number."""
    total, current = 0, 0
    for word in _SPLIT_RE.split(phrase):
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million"):
            total += max(current, 1) * SCALES[word]
            current = 0
        elif word != "and":
            return None
    return total + current
