"""ACLED-style notes for extracted events.

ACLED notes open with the date at the record's precision and name the place with its admin units
('On 21 March 2024, ... in Kandahar city (Kandahar), killing 21.'). Analysts read them next to the
other columns, so the note restates the coded date, place and fatality count in that shape and
keeps the reporting sentence itself as the body: the text is evidence, never paraphrased.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_LEADING_DATE = re.compile(
    rf"^\s*(?:on|in|around|during|between|early|late|mid|at the (?:beginning|end) of|by)\b"
    rf"(?=[^,]{{0,40}}?(?:\d|\b{_MONTH}\b))[^,]{{0,40}}?(?:\([^)]*\))?\s*,\s*",
    re.IGNORECASE,
)
_FATALITY_NOTE = re.compile(r"\b\d+\s+fatalit(?:y|ies)\b", re.IGNORECASE)


def date_phrase(event_date: date, time_precision: int) -> str:
    """'On 21 March 2024' (day), 'During the week of 21 March 2024' (week), 'In March 2024' (month)."""
    day_month_year = f"{event_date.day} {event_date:%B %Y}"
    if time_precision == 2:
        return f"During the week of {day_month_year}"
    if time_precision == 3:
        return f"In {event_date:%B %Y}"
    return f"On {day_month_year}"


def place_phrase(
    location: str | None, admin1: str | None, admin2: str | None = None, country: str | None = None
) -> str:
    """'Kandahar (Kandahar)' or 'Watamu (Kilifi North, Kilifi)': the place with its admin units."""
    head = location or admin1 or country or "an unknown location"
    units = [u for u in (admin2, admin1) if u and u != head]
    return f"{head} ({', '.join(units)})" if units else head


def write_note(event: Mapping[str, object]) -> str:
    """One ACLED-style note for an event dict with ACLED columns and an `evidence` sentence.

    The date phrase of the evidence is replaced by the coded date so the note never shows two
    different dates; 'N fatalities.' is appended as ACLED does when the body does not say it.
    """
    body = _strip_leading_date(str(event.get("evidence") or "").strip())
    body = body.rstrip(" .;:") + "." if body else ""
    when = date_phrase(date.fromisoformat(str(event["event_date"])), int(event.get("time_precision") or 1))
    where = place_phrase(
        _text(event.get("location")),
        _text(event.get("admin1")),
        _text(event.get("admin2")),
        _text(event.get("country")),
    )
    note = f"{when}, in {where}: {body}" if body else f"{when}, in {where}."
    fatalities = int(event.get("fatalities") or 0)
    if fatalities and not _FATALITY_NOTE.search(note):
        note += f" {fatalities} {'fatality' if fatalities == 1 else 'fatalities'}."
    return note


def _strip_leading_date(sentence: str) -> str:
    stripped = _LEADING_DATE.sub("", sentence, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped != sentence else sentence


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
