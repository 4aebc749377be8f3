"""Dates: every date phrase of a text read against the document's anchor (publication date, the
dates named so far), and the date gate that lets `find_dates` skip sentences that cannot hold one."""

from extraction.dates.finder import DateContext, DateMention, find_dates
from extraction.dates.gate import could_hold_date, has_any_date
from extraction.dates.mentions import publication_date
from extraction.dates.patterns import WEEKDAYS

__all__ = [
    "DateContext",
    "DateMention",
    "WEEKDAYS",
    "could_hold_date",
    "find_dates",
    "has_any_date",
    "publication_date",
]
