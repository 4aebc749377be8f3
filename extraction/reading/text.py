"""Text preparation: raw bytes or markup -> clean prose the extractor can read.

Everything downstream (sentences, evidence spans) works on `PreparedText.text`, so offsets the
engine reports are offsets into that string. Preparation keeps paragraphs (blank lines) and
headings/list items (their own lines), drops page furniture (navigation, link lists, 'Leave a
Reply', 'RECOMMENDED', author bios, cookie notices) and strips footnote markers that would
otherwise glue numbers onto words ('influence.5' -> 'influence.').
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extraction.reading.html import html_to_text

log = logging.getLogger(__name__)

FORMATS = ("txt", "md", "html")
# Markdown: links/images keep their text, bare URLs and autolinks go.
_MD_IMAGE_RE = re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)")
# Literal first characters keep these fast; a leading optional group would be tried everywhere.
_MD_AUTOLINK_RE = re.compile(r"<(?:https?://|/)[^>\s]{0,2000}>")
_MD_EMPTY_PARENS_RE = re.compile(r" ?\(\s*\)")
_MD_SPACED_PATH_RE = re.compile(r" \((?:/|#)[^)\s]{0,500}\)")
_MD_BARE_PATH_RE = re.compile(r"\((?:/|#)[^)\s]{0,500}\)")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,1000}?)(?<=\S)\1")
_MD_STAR_RE = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\w*])")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_QUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_RULE_RE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_BULLET_RE = re.compile(r"^[ \t]*(?:[-*+•●▪◦·]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_URL_RE = re.compile(r"https?://\S{1,2000}")

# Footnote markers: a reference number or letter glued after punctuation or a word.
# Each pattern starts with a literal class (fast to scan); the letters before it are checked in
# Python, because a leading look-behind would be tried at every position of a 50 MB text.
_FOOTNOTE_AFTER_PUNCT_RE = re.compile(r"([.,;:!?][\"”’)]?|[\"”’)])\d{1,3}(?=[\s—–]|$)")
# The marker after a lowercase letter ('influence5 and'): the same matches as
# '([a-z])\d{1,3}(?=...)' without the letter, written digit-first so that `re` scans for a digit
# in C instead of trying the pattern at every letter of the text.
_FOOTNOTE_AFTER_WORD_RE = re.compile(r"\d(?<=[a-z]\d)\d{0,2}(?=[\s,.;:—–]|$)")
_FOOTNOTE_LETTER_RE = re.compile(r"([.,;:][\"”’]?)[a-k](?=\s)")
# A marker glued to a year: 'in May 2024.40 Across', 'in July 2023,41 and', 'August 20238—'.
_FOOTNOTE_AFTER_YEAR_RE = re.compile(r"[12][09]\d\d(?:[.,;:]\d{1,3}|\d{1,2})(?=[\s—–.,;:)]|$)")
_MONTH_BEFORE_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?$"
)
_YEAR_RANGE_BEFORE_RE = re.compile(r"(?:19|20)\d\d\s?[-–]\s?$")
_CAPITAL_NEXT_RE = re.compile(r"\s+[\"“‘(]?[A-Z]|\s*$")

_BOILERPLATE_LINE_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|post navigation|recommended"
    r"|related(?: (?:articles|posts|stories|content|news))?"
    r"|share(?: this)?(?: (?:article|story|post))?:?|subscribe.*|sign up.*|newsletter.*|check also|topics"
    r"|about the authors?|read more.*|see also|tags?:.*|advertisement|click here.*|follow us.*"
    r"|you (?:may|might) also like.*|more from.*|print|email|facebook|twitter|whatsapp|linkedin"
    r"|comments?|\d+ comments?|skip to (?:main )?content|menu|search|home|previous(?: article| post)?"
    r"|next(?: article| post)?|back to top|all rights reserved.*|©.*|copyright.*|brief analysis"
    r"|articles & testimony|in-depth reports"
    r"|by (?:[A-Z][\w.'’-]*\s?){1,4}(?:(?:,\s*|\s+and\s+)(?:[A-Z][\w.'’-]*\s?){1,4})*)$",
    re.IGNORECASE,
)
# Once one of these appears in the second half of a page, the rest is page furniture.
_TAIL_MARKER_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|post navigation|recommended|related (?:articles|posts|stories)|check also"
    r"|you (?:may|might) also like|more stories|read next|comments|about the authors?:?)$",
    re.IGNORECASE,
)
_BREADCRUMB_RE = re.compile(r"^[^>\n]{1,60}(?: [>»/] [^>»\n]{1,200}){2,}$")
_BREADCRUMB_SEPARATOR = re.compile(r" [>»/] ")  # what every breadcrumb holds: the cheap test first
_COOKIE_RE = re.compile(
    r"\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b", re.IGNORECASE
)
_BIO_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,4}(?:is|was|serves as)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}"
    r"(?i:researcher|professor|fellow|director|analyst|journalist|correspondent|editor|reporter"
    r"|specialist|writer|lecturer|scholar|consultant|student|author|contributor|associate|co-?founder)\b"
)
_VIOLENCE_RE = re.compile(r"\b(?:kill|attack|shot|arrest|died|dead|wound|injur|abduct|kidnap)", re.I)
_BIO_MAX_CHARS = 400
_SPACES = r"\t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000"
_WS_RE = re.compile(rf" [ {_SPACES}]+|[{_SPACES}]+")  # only runs and odd spaces: single spaces stay
_ORNAMENTS = " ❖■□◆◇►▶✦✧★☆|"
_BLANKS_RE = re.compile(r"\n{3,}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PreparedText:
    """Clean text (paragraphs separated by a blank line) and what preparation noticed."""

    text: str
    warnings: tuple[str, ...] = field(default_factory=tuple)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes: UTF-8 (BOM allowed), else cp1252/latin-1, with warnings.

    Binary files (many NUL/control bytes in the first 64 KiB) give empty text and a warning
    instead of garbage that would produce nonsense events.
    """
    if _looks_binary(data[:65536]):
        return "", ["binary content: not decoded"]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not UTF-8: decoded as cp1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not UTF-8: decoded as latin-1"]


def _looks_binary(sample: bytes) -> bool:
    """True when more than 10% of the sample are NUL or non-whitespace control bytes."""
    if not sample:
        return False
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) // 100:
        return True
    controls = sum(sample.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 10


# Zero-width and other invisible characters split words ('Nai\u200brobi' read as 'Nai'): removed
# before anything reads the text. Soft hyphens and word joiners are invisible too.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
# str.translate looks every character up in the table (~70 ms per MB); one regex search (C, a
# few ms per MB) tells whether there is anything to remove at all, and most texts have nothing.
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CHARS}]")


# UTF-8 read as cp1252 or latin-1 somewhere upstream ('LabÃ©' for 'Labé', 'â€™' for '’'): a lead
# character of a two-byte sequence (Latin letters) or of 'â' (general punctuation: dashes, quotes)
# followed by its continuation characters as cp1252 shows them. Each run is re-decoded on its own,
# and kept as it is when it is no valid UTF-8 or no such character.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_RE = re.compile(
    f"[\u00c2-\u00df][{_CP1252_CONTINUATION}]|\u00e2[{_CP1252_CONTINUATION}]{{2}}"
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text decoded as cp1252 ('MÃ©naka' -> 'Ménaka'), run by run."""
    if not _MOJIBAKE_RE.search(text):
        return text
    return _MOJIBAKE_RE.sub(_redecoded, text)


def _redecoded(match: re.Match[str]) -> str:
    """The character a run stands for, if it is a Latin letter or sign or a general punctuation
    mark ('à « ...' in French, with its no-break spaces, is no mojibake of a Samaritan letter)."""
    run = match.group(0)
    for encoding in ("cp1252", "latin-1"):
        try:
            char = run.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if 0x00A0 <= ord(char) <= 0x024F or 0x2010 <= ord(char) <= 0x2122:
            return char
    return run


def prepare_text(raw: str, fmt: str = "txt") -> PreparedText:
    """Clean a document of format `fmt` ("txt", "md" or "html") for extraction.

    Plain text also gets the markdown cleanup: many 'txt' files are pages converted to markdown.
    Unknown formats are treated as text with a warning.
    """
    warnings: list[str] = []
    if fmt not in FORMATS:
        warnings.append(f"unknown format {fmt!r}: treated as txt")
    text = _CONTROL_RE.sub(" ", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE) if _INVISIBLE_RE.search(text) else text
    text = repair_mojibake(text)
    if fmt == "html":
        text = html_to_text(text)
    text = strip_markdown(text)
    text = strip_footnote_markers(text)
    text, dropped = drop_boilerplate(text)
    if dropped:
        log.debug("dropped %d boilerplate lines", dropped)
    return PreparedText(text=title_case_datelines(text), warnings=tuple(warnings))


# A wire dateline opening a line: 'KABUL (Reuters) - ', 'MAIDUGURI, Nigeria (Reuters) - ',
# 'WASHINGTON, March 4 (AP) -- ', 'NEW DELHI - '. Its place is written in capitals. ('PESHAWAR: '
# is left alone: a heading 'ISKP: ...' has the same shape, and acronyms are matched as written.)
_DATELINE_RE = re.compile(
    r"[ \t]*([A-Z][A-Z'’.]*[A-Z](?:[ -][A-Z][A-Z'’.]*[A-Z])*)"  # one parse per run: linear
    r"(?=(?:,[ \t]*[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3})?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]\d{1,2})?[ \t]*(?:\([A-Za-z][\w .&/-]{0,30}\))?"
    r"[ \t]*[-–—]{1,2}[ \t])",
)
_DATELINE_MIN_LETTERS = 4  # 'UN - ' is no place
_CAPITALS_LINE = re.compile(r"\n(?=[ \t]*[A-Z][A-Z])")  # where a dateline may start (a fast scan)


def title_case_datelines(text: str) -> str:
    """'KABUL (Reuters) - ...' -> 'Kabul (Reuters) - ...': the place readers take an all-capitals
    word for an acronym, so a dateline's place would be lost (the length is kept)."""
    if not any(dash in text for dash in ("- ", "–", "—")):
        return text
    starts = [0, *(m.end() for m in _CAPITALS_LINE.finditer(text))]
    pieces, done = [], 0
    for start in starts:
        found = _DATELINE_RE.match(text, start)
        if found is None or sum(c.isalpha() for c in found.group(1)) < _DATELINE_MIN_LETTERS:
            continue
        pieces += [text[done : found.start(1)], found.group(1).title()]
        done = found.end(1)
    return "".join([*pieces, text[done:]]) if pieces else text


def strip_markdown(text: str) -> str:
    """Remove markdown syntax, keeping link and emphasis text."""
    if "](" in text:
        text = _MD_IMAGE_RE.sub(r"\1", text)
        text = _MD_LINK_RE.sub(lambda m: _MD_ESCAPE_RE.sub(r"\1", m.group(1)), text)
    if "<" in text:
        text = _MD_AUTOLINK_RE.sub("", text)
        text = _MD_EMPTY_PARENS_RE.sub("", text) if "()" in text or "( )" in text else text
    # Each rewrite runs only when its marker character occurs: most texts (news prose, ACLED
    # notes) have none, and a line-anchored pattern is tried at every position of the text.
    if "\\" in text:
        text = _MD_ESCAPE_RE.sub(r"\1", text)
    if "(/" in text or "(#" in text:
        text = _MD_BARE_PATH_RE.sub("", _MD_SPACED_PATH_RE.sub("", text))
    if "*" in text or "__" in text:
        text = _MD_EMPHASIS_RE.sub(r"\2", text)
        text = _MD_STAR_RE.sub(r"\1", text)
    if "#" in text:
        text = _strip_line_starts(_MD_HEADING_RE, text)
    if ">" in text:
        text = _strip_line_starts(_MD_QUOTE_RE, text)
    if "-" in text or "*" in text or "_" in text:
        text = _strip_line_starts(_MD_RULE_RE, text)
    text = _strip_line_starts(_BULLET_RE, text)
    return _URL_RE.sub("", text) if "http" in text else text


def _strip_line_starts(pattern: re.Pattern[str], text: str) -> str:
    """`pattern.sub("", text)` for a pattern anchored at line starts; a one-line text (an ACLED
    note, a snippet) has one line start, so one match attempt replaces a scan of every position."""
    if "\n" in text:
        return pattern.sub("", text)
    found = pattern.match(text)
    return text[found.end() :] if found else text


# The only letters `re` IGNORECASE matches to an ASCII letter that str.lower() does not turn
# into that letter ('İ' -> 'i̇', 'ı', 'ſ'); see lower_matches_ignorecase.
FOLD_TRAPS = ("\u0130", "\u0131", "\u017f")


def lower_matches_ignorecase(text: str) -> bool:
    """Does a pattern whose letters are ASCII lowercase find the same in `text.lower()` without
    IGNORECASE as in `text` with it? True unless the text holds one of FOLD_TRAPS: searching the
    lowercased text is several times faster on long alternations, and it allows substring gates."""
    return text.isascii() or not any(trap in text for trap in FOLD_TRAPS)


def strip_footnote_markers(text: str) -> str:
    """Drop reference markers: 'influence.5' -> 'influence.', 'it,6 much' -> 'it, much'.

    Only digits glued to a word or to punctuation right after a word are removed, so '2024.',
    '17 people' and '3.5' stay intact.
    """
    text = _FOOTNOTE_AFTER_YEAR_RE.sub(_remove_year_marker, text)
    text = _FOOTNOTE_AFTER_PUNCT_RE.sub(_marker_remover(1, includes_letter=False), text)
    text = _FOOTNOTE_AFTER_WORD_RE.sub(_word_marker_remover, text)
    return _FOOTNOTE_LETTER_RE.sub(_marker_remover(2, includes_letter=False), text)


def _remove_year_marker(match: re.Match[str]) -> str:
    """'May 2024.40 Across' -> 'May 2024. Across'; 'August 20238—' -> 'August 2023—'.

    Only years that follow a month name ('July 2023,41') or open a range ('2022-2024.28'),
    and for '.NN' only before a capital letter, so '2020,15 people' and '2024.5%' stay intact.
    """
    text, start = match.string, match.start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,$€£"):
        return match.group(0)
    window = text[max(0, start - 24) : start]
    after_month = _MONTH_BEFORE_RE.search(window) is not None
    sep = match.group(0)[4]
    if not after_month and not (sep == "." and _YEAR_RANGE_BEFORE_RE.search(window)):
        return match.group(0)
    if sep == "." and not _CAPITAL_NEXT_RE.match(text, match.end()):
        return match.group(0)
    return match.group(0)[:4] + (sep if sep in ".,;:" else "")


def _marker_remover(letters: int, includes_letter: bool) -> Callable[[re.Match[str]], str]:
    """A replacement keeping group 1 and dropping the marker when the `letters` characters
    before it are letters (lower-case ones, and counting the match's own first letter, when
    `includes_letter`); otherwise the match is left as it was."""

    def replace(match: re.Match[str]) -> str:
        end = match.start() + (1 if includes_letter else 0)
        before = match.string[max(0, end - letters) : end]
        is_word = len(before) == letters and before.isalpha()
        if is_word and (not includes_letter or before.islower()):
            return match.group(1)
        return match.group(0)

    return replace


def _word_marker_remover(match: re.Match[str]) -> str:
    """Drop a marker glued to a word when the four characters before it are lowercase letters
    ('influence5' -> 'influence', not 'COVID19' or 'F16')."""
    before = match.string[max(0, match.start() - 4) : match.start()]
    return "" if len(before) == 4 and before.isalpha() and before.islower() else match.group(0)


def drop_boilerplate(text: str) -> tuple[str, int]:
    """Normalise whitespace and drop furniture lines; return the text and lines dropped."""
    # one whitespace pass over the whole text: _WS_RE never matches a line break
    lines = [line.strip(_ORNAMENTS) for line in _WS_RE.sub(" ", text).split("\n")]
    cut = _tail_cut(lines)
    kept: list[str] = []
    dropped = len(lines) - cut
    for line in lines[:cut]:
        if line and _is_boilerplate(line):
            dropped += 1
            continue
        kept.append(line)
    cleaned = _BLANKS_RE.sub("\n\n", "\n".join(kept)).strip()
    return cleaned, dropped


def _tail_cut(lines: list[str]) -> int:
    """Index of the first tail marker ('Leave a Reply', 'RECOMMENDED') that sits in the last
    third of the page: what follows it is comments and teasers. A marker with much text after
    it is a heading inside a long document, not page furniture."""
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        if seen * 3 > total * 2 and len(line) < 40 and _TAIL_MARKER_RE.match(line):
            return index
        seen += len(line)
    return len(lines)


def _maybe_cookie(line: str) -> bool:
    """False only when _COOKIE_RE cannot match: every notice it knows says 'cookies' (compared
    lowercased, unless the line holds a letter IGNORECASE matches that lowercasing misses)."""
    return "cookies" in line.lower() or not lower_matches_ignorecase(line)


def _is_boilerplate(line: str) -> bool:
    """A navigation word, a cookie notice, an author bio or a line that is only a link path."""
    if len(line) < 60 and _BOILERPLATE_LINE_RE.match(line):
        return True
    if len(line) < 300 and _maybe_cookie(line) and _COOKIE_RE.search(line):
        return True
    if len(line) < _BIO_MAX_CHARS and _BIO_RE.match(line) and not _VIOLENCE_RE.search(line):
        return True
    if _BREADCRUMB_SEPARATOR.search(line) and _BREADCRUMB_RE.match(line):
        return True
    return line.startswith("(/") or line in {"#", "|", "❖"}
