"""Reading a document for the engine: its clean text in pieces and its sentences.

A document is prepared (markup and boilerplate removed) and split into sentences chunk by chunk,
so a huge plain-text file never holds all its sentences in memory at once; empty, binary and
non-English input is reported with a warning instead of failing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from extraction.document import Document
from extraction.reading.sentences import Sentence, split_sentences
from extraction.reading.text import prepare_text

log = logging.getLogger(__name__)


_WORD_RE = re.compile(r"[A-Za-z]+")
# English function words: a headline-style note ('POLICE OFFICER DIES WHEN SUSPECTED MILITANTS
# SHOOT HIM DURING ROUTINE PATROL') has few articles, so pronouns and prepositions count too.
_ENGLISH_WORDS = frozenset(
    """the of and in to a on was were by for with at from that is an as said after killed when while
    during over into near against him his her their they he she it its who which not are be been has have
    had but or this these those two three several some other before between following outside""".split()
)
CHUNK_CHARS = 1_000_000  # huge documents are prepared and split into sentences chunk by chunk
PIECE_JOINER = "\n\n"  # the prepared text of a huge document: its prepared pieces joined by this


def prepared_pieces(doc: Document) -> Iterator[str]:
    """Clean text in pieces (one piece unless the text is huge); nothing, with a warning saying
    why, when there is nothing to read."""
    if not doc.text or not doc.text.strip():
        log.warning("document %s is empty: no events", doc.doc_id)
        return
    if _looks_binary(doc.text):
        log.warning("document %s looks binary (control or undecodable characters): no events", doc.doc_id)
        return
    whole = len(doc.text) <= CHUNK_CHARS or doc.fmt == "html"  # markup cannot be cut anywhere
    spans = [(0, len(doc.text))] if whole else _chunks(doc.text)
    for number, (start, end) in enumerate(spans):
        prepared = prepare_text(doc.text[start:end], doc.fmt)
        if number == 0:
            for warning in prepared.warnings:
                log.warning("document %s: %s", doc.doc_id, warning)
            if not _looks_english(prepared.text):
                log.warning(
                    "document %s does not look like English text: the rules may find no events", doc.doc_id
                )
        if prepared.text:
            yield prepared.text


def _looks_binary(text: str) -> bool:
    sample = text[:65_536]
    odd = sum(sample.count(c) for c in ("\x00", "\ufffd")) + len(re.findall(r"[\x01-\x08\x0e-\x1f]", sample))
    return odd > max(8, len(sample) // 20)


def _looks_english(text: str) -> bool:
    words = _WORD_RE.findall(text[:20_000].lower())
    if len(words) < 12:
        return bool(words)
    return sum(map(_ENGLISH_WORDS.__contains__, words)) / len(words) >= 0.05


def iter_sentences(text: str) -> Iterator[Sentence]:
    """Sentences of the whole text, split chunk by chunk so a huge document never holds all its
    sentences in memory at once; offsets are offsets in `text`."""
    for start, end in _chunks(text):
        for sentence in split_sentences(text[start:end]):
            yield Sentence(sentence.text, sentence.start + start, sentence.end + start)


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) spans of at most ~CHUNK_CHARS, cut after a line break where there is one."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            newline = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = newline + 1 if newline >= 0 else end
        yield start, end
        start = end
