"""Sentence segmentation for prepared text, with offsets.

A regex proposes boundaries (terminal punctuation, optional closing quotes, whitespace, then
something that can start a sentence); a boundary is rejected when the word before the period is
an abbreviation ('Gen.', 'Lt. Col.', 'No. 5', 'Jan. 3'), an initial ('A. B. Smith') or a dotted
acronym ('U.S.') followed by a name. Line breaks are hard boundaries (headings, list items),
except a soft wrap: a line without terminal punctuation followed by a lowercase line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text == source[start:end]`."""

    text: str
    start: int
    end: int


# Abbreviations that never end a sentence (compared lower-cased, without the period).
_TITLES = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig gov sen rep rev fr st mt ft "
    "hon pres supt insp det lieut gens cdr spt amb sheikh sh mgr jr sr messrs mme mlle "
    "vs v etc al inc ltd co corp bros dept govt univ approx est ca cf esp fig vol pp ed eds "
    # place abbreviations of addresses: barangay, santo / santa, province, district, township
    "brgy bgy sto sta prov dist twp".split()
)
# Abbreviations that are not sentence ends when a number follows ('No. 5', 'Jan. 3').
_BEFORE_NUMBER = frozenset(
    "no nos art sec para p ch jan feb mar apr jun jul aug sep sept oct nov dec km approx".split()
)
# Words that start a new sentence after a dotted acronym ('... in the U.S. The next day').
_STARTERS = frozenset(
    "the a an in on at this that these those he she it they we i there his her their its but and "
    "however meanwhile later after before according police security officials".split()
)
_BOUNDARY_RE = re.compile(r"([.!?…]+|[。！？؟।])([\"'”’)\]»]*)(\s+)(?=[\"'“‘(\[«]?[^\W_a-z])")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[«]?(\w+)")
# A line ending in one of these words continues on the next line even if that starts upper-case.
_CONTINUING = frozenset(
    "a an the of in on at to by for from with and or but near between against into onto than as".split()
)
_LINE_RE = re.compile(r"[^\n]+")
_TERMINAL = frozenset(".!?…:;\"'”’)。！？؟।")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, with their character offsets in `text`."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        sentences.extend(_split_block(text, block_start, block_end))
    return sentences


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard line boundaries, joining soft-wrapped lines."""
    blocks: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(text):
        start, end = match.span()
        if not match.group().strip():
            continue
        if blocks and _is_soft_wrap(text, blocks[-1][1], start):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _is_soft_wrap(text: str, prev_end: int, start: int) -> bool:
    """A single newline after a line without terminal punctuation, followed by a lower-case
    word or after a word that cannot end a sentence ('in', 'the')."""
    if start - prev_end != 1:
        return False
    prev_char = text[prev_end - 1]
    if prev_char in _TERMINAL:
        return False
    if text[start:start + 1].islower():
        return True
    last_word = text[max(0, prev_end - 12):prev_end].rsplit(None, 1)[-1:]
    return bool(last_word) and last_word[0].lower() in _CONTINUING


def _split_block(text: str, start: int, end: int) -> list[Sentence]:
    """Split one block at accepted boundaries."""
    out: list[Sentence] = []
    piece_start = start
    for match in _BOUNDARY_RE.finditer(text, start, end):
        if not _accept_boundary(text, piece_start, match):
            continue
        _append(out, text, piece_start, match.end(2))
        piece_start = match.end()
    _append(out, text, piece_start, end)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Append text[start:end] trimmed of surrounding whitespace, if not empty."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped)))


def _accept_boundary(text: str, piece_start: int, match: re.Match[str]) -> bool:
    """False when the period belongs to an abbreviation, initial or acronym."""
    punct = match.group(1)
    if punct != ".":
        return True
    before = text[max(piece_start, match.start() - 40):match.start() + 1]
    word_match = _WORD_BEFORE_RE.search(before)
    if word_match is None:
        return True
    word = word_match.group(1)
    next_match = _NEXT_WORD_RE.match(text, match.end())
    next_word = next_match.group(1) if next_match else ""
    return not _is_abbreviation(word, next_word)


def _is_abbreviation(word: str, next_word: str) -> bool:
    """Decide whether 'word.' followed by next_word is an abbreviation rather than a sentence end."""
    lower = word.lower()
    if "." in word:  # dotted acronym such as U.S or e.g
        return next_word.lower() not in _STARTERS
    if len(word) == 1 and word.isupper():  # an initial: 'A. B. Smith'
        return True
    if lower in _TITLES:
        return lower not in ("etc", "inc", "ltd", "co", "corp") or next_word.lower() not in _STARTERS
    return lower in _BEFORE_NUMBER and next_word[:1].isdigit()
