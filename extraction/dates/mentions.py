"""What date extraction returns and threads through a document: `DateMention` (one recordable
date in a sentence) and `DateContext` (what relative dates resolve against). See extraction.dates.finder
for ACLED's time precision and the roles of a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

__all__ = ["DateContext", "DateMention", "publication_date"]

PUBLICATION_PRECISION = 2  # a report naming no date tells of its day or the days before it


@dataclass(frozen=True)
class DateContext:
    """What relative dates resolve against: publication date, last event date, last year seen."""

    published: date | None = None
    last_date: date | None = None
    last_precision: int = 1
    year_hint: int | None = None
    speech_date: date | None = None
    speech_precision: int = 1
    sentence_year: int | None = None  # year of an earlier date in the same sentence (set by find_dates)

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
            speech_precision=last.time_precision if speech else 1, sentence_year=None,
        )

    @property
    def report_anchor(self) -> date | None:
        """The date 'yesterday'/'last week' count back from: publication, else the last date."""
        return self.published or self.last_date


@dataclass(frozen=True)
class DateMention:
    """One recordable date found in a sentence; `start`/`end` are offsets in that sentence.

    `role` is "event", or "report" for a date attached to a reporting or procedural verb
    ('police said on 3 May', 'On 19 March, police revealed that', 'in April 2024, Germany
    charged') or the reference point of a later backward date in a sentence with such a verb
    ('in April 2024, seven individuals arrested the previous July and charged'). A report date
    is the event date only when nothing better is said, so `is_report_date` is set only when
    the sentence also holds an event-role date: callers drop those. `order` is the mention's
    index among the sentence's mentions.
    """

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


def _mention(
    match: re.Match[str], day: date, precision: int, start: int | None = None, **flags: bool
) -> DateMention:
    """A mention spanning the match, or from `start` when a prefix ('around', 'in early') was
    read by looking back."""
    begin = match.start() if start is None else start
    return DateMention(day, precision, begin, match.end(), match.string[begin:match.end()], **flags)


def publication_date(published: date) -> DateMention:
    """The date of an event a short report tells without naming a day ('Gunmen killed five
    villagers in X, police said.'): ACLED codes it to the report's date at a lower time
    precision, since it happened on that day or shortly before. It spans nothing in the text."""
    return DateMention(published, PUBLICATION_PRECISION, 0, 0, "the publication date")
