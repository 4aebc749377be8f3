"""What earlier sentences of a document tell later ones, as the engine walks it in order.

The date anchor for relative dates, the document's place priors and fallback countries, the
current paragraph's last sentences, its last event and place, and whether the document is a
brief (one short paragraph telling one story). extraction.places.resolution reads it as a `PlaceTrail`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extraction.dates import DateContext, DateMention, has_any_date, publication_date
from extraction.places import Place, PlaceContext
from extraction.reading import Sentence
from extraction.records import Mention

PARAGRAPH_BREAK = "\n"
BRIEF_CHARS = 2_000  # a single paragraph this short tells one story (an ACLED note, a news brief)
HEADLINE_CHARS = 200
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "\u201d")


def is_brief(first: str) -> bool:
    """Is a document whose first prepared piece is `first` a brief: one short paragraph, or one
    under its headline (see `headline_end`)?"""
    text = first.strip()
    return len(text) <= BRIEF_CHARS and (PARAGRAPH_BREAK not in text or headline_end(first) > 0)


def headline_end(first: str) -> int:
    """Where the paragraph under a news item's headline starts ('Police fire tear gas at protesters
    in Nairobi' on its own line, then one paragraph), else 0. A headline is a short line that
    does not end a sentence; it tells the same story as the paragraph, so it is read as context
    (places, groups) and yields no event of its own."""
    text = first.lstrip()
    if len(text.rstrip()) > BRIEF_CHARS:
        return 0
    head, _, body = text.partition(PARAGRAPH_BREAK)
    headline = 0 < len(head) <= HEADLINE_CHARS and not head.rstrip().endswith(_SENTENCE_ENDS)
    if not headline or not body.strip() or PARAGRAPH_BREAK in body.strip():
        return 0
    return len(first) - len(body.lstrip())


@dataclass
class DocumentState:
    """What earlier sentences tell later ones: the document's priors and the current paragraph."""

    dates: DateContext
    places: PlaceContext  # the document's countries/admin1, most named first
    fallback_countries: list[str]  # named in the source/title: the last resort for the country
    undated_text: str | None = None  # a brief's text: read for dates on demand
    brief: bool = False  # one short paragraph (a news brief, an ACLED note): it tells one story
    headline_end: int = 0  # a brief's headline (context only) ends before this offset
    prev_end: int = 0
    paragraph: list[str] = field(default_factory=list)  # the paragraph's last few sentences
    previous_date: DateMention | None = None  # the previous sentence's scene-setting date, if any
    events: list[Mention] = field(default_factory=list)  # the document's mentions so far
    last_index: int | None = None  # in `events`: the paragraph's event dateless sentences continue
    since_event: int = 0  # sentences read since last_event
    last_place: Place | None = None
    brief_text: str = ""  # a brief's whole text: every sentence of it is context for the others
    _undated: bool | None = None
    _first_dates: DateContext | None = None  # the date context `undated_text` is read with

    @property
    def last_event(self) -> Mention | None:
        """The paragraph's event that dateless sentences continue, if any."""
        return None if self.last_index is None else self.events[self.last_index]

    def replace_last_event(self, event: Mention) -> None:
        """Put the continued event's new version (mentions are immutable) in its place."""
        assert self.last_index is not None
        self.events[self.last_index] = event

    @property
    def undated(self) -> bool:
        """A brief that names no date at all: its events take the publication date (see
        `undated_date`), or stay undated without one (an ACLED note whose date is in its own
        column). Read lazily, once: most documents never ask, and reading every date hint costs."""
        if self._undated is None:
            text, dates = self.undated_text, self._first_dates or self.dates
            self._undated = text is not None and not has_any_date(text, dates)
            self.undated_text = None
        return self._undated

    @property
    def undated_date(self) -> DateMention | None:
        """The date of an undated brief's events: its publication date, if it has one."""
        published = self.dates.published
        return publication_date(published) if published is not None and self.undated else None

    def enter(self, sentence: Sentence, piece: str, offset: int) -> None:
        """Reset the paragraph state when a line break (or a new piece of a huge document)
        separates `sentence` from the previous one; `offset` is where `piece` starts."""
        gap = piece[self.prev_end - offset : sentence.start - offset] if self.prev_end >= offset else "\n"
        if PARAGRAPH_BREAK in gap:
            self.paragraph, self.last_index, self.last_place = [], None, None
            self.previous_date = None
        self.prev_end = sentence.end
