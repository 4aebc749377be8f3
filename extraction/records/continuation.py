"""Changes to a mention record after it was built: what later sentences of the report add.

A brief's toll stated anywhere, a following sentence's 'The attack killed 21 people.', a toll
split over several places, the copies of a phrase that counts occurrences, and a protest the
next sentence escalates: each updates the record's columns, its `explain` entry and its note
together, so `--explain` always shows the decision the record holds.
"""

from __future__ import annotations

from extraction.actors import ActorAssignment
from extraction.fatalities import count_fatalities
from extraction.records.mention import actor_evidence, typing_columns
from extraction.records.notes import write_note
from extraction.typing import EventTyping


def count_whole_brief(event: dict, text: str) -> None:
    """A brief that tells one event states its toll anywhere ('...; two killed', a closing
    'Fatalities split between 2 events', a victim named in the next sentence): read it from the
    whole text, whose reading also applies ACLED's lowest-figure and split rules, rather than
    from the clause and its neighbours only."""
    whole = count_fatalities(text)
    if whole.count == event["fatalities"]:
        return
    event["fatalities"] = whole.count
    reading = f"{whole.evidence!r} -> {whole.count} (whole brief)"
    event["explain"] = {**event["explain"], "fatalities": reading}
    event["notes"] = write_note(event) if event.get("event_date") else event["notes"]


def complete_from_continuation(event: dict, body: str, adjacent: bool) -> None:
    """'The attack killed 21 people.' right after the event sentence gives the event its
    fatalities; an explicit 'N fatalities.' later in the paragraph (how ACLED notes end) always
    wins. Figures further away are background, not this event's toll.
    """
    count = count_fatalities(body)
    authoritative = "fatalit" in count.evidence.lower()
    if count.count > 0 and (authoritative or (adjacent and not event.get("fatalities"))):
        event["fatalities"] = count.count
        event["explain"]["fatalities"] = f"{count.evidence!r} -> {count.count} (following sentence)"
        event["notes"] = write_note(event) if event.get("event_date") else event["notes"]


def split_fatalities(mentions: list[dict]) -> list[dict]:
    """A toll reported for several places is split evenly, the remainder to the first (ACLED).
    -> the mentions after the first (the first is already kept by the caller)."""
    if len(mentions) > 1:
        total = int(mentions[0]["fatalities"])
        share, remainder = divmod(total, len(mentions))
        for index, mention in enumerate(mentions):
            mention["fatalities"] = share + (remainder if index == 0 else 0)
            if total:
                mention["explain"]["fatalities"] += f" (split over {len(mentions)} places)"
    return mentions[1:] if len(mentions) > 1 else []


def another_occurrence(mention: dict, number: int) -> dict:
    """A copy of a mention for the number-th occurrence a phrase counts; `occurrence` keeps the
    copies apart when merging."""
    copy = {**mention, "explain": dict(mention["explain"]), "occurrence": number}
    copy["explain"]["event_type"] += f" (occurrence {number + 1} of those counted)"
    return copy


def apply_escalation(event: dict, typing: EventTyping, assigned: ActorAssignment) -> None:
    """Give the event the graver typing a following sentence or clause reported, with the actors
    read under that typing."""
    event.update(typing_columns(typing, assigned))
    event["explain"]["event_type"] += f"; escalated by the next sentence: rule {typing.rule!r}"
    event["explain"]["actor1"] = actor_evidence(assigned)
