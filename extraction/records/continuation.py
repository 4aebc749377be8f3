"""What later sentences of a report add to a mention already built: each returns a new
`Mention` (`Mention.replaced`), never edits one.

A brief's toll stated anywhere, a following sentence's 'The attack killed 21 people.', a toll
split over several places, the copies of a phrase that counts occurrences, and a protest the
next sentence escalates: each sets the record's columns, its `explain` entries and its note
together, so `--explain` always shows the decision the record holds.
"""

from __future__ import annotations

from extraction.actors import ActorAssignment
from extraction.fatalities import count_fatalities
from extraction.records.mention import Mention, actor_evidence, sub_event_evidence, typing_columns
from extraction.records.notes import write_note
from extraction.typing import EventTyping


def with_explained(mention: Mention, **entries: str) -> Mention:
    """The mention with these `explain` entries replaced (the others kept)."""
    return mention.replaced(explain={**mention.explain, **entries})


def with_fatalities(mention: Mention, count: int, evidence: str) -> Mention:
    """The mention with a new toll, its explanation and a note that states it."""
    changed = mention.replaced(fatalities=count, explain={**mention.explain, "fatalities": evidence})
    return changed.replaced(notes=write_note(changed)) if changed.event_date else changed


def count_whole_brief(event: Mention, text: str) -> Mention:
    """A brief that tells one event states its toll anywhere ('...; two killed', a closing
    'Fatalities split between 2 events', a victim named in the next sentence): read it from the
    whole text, whose reading also applies ACLED's lowest-figure and split rules, rather than
    from the clause and its neighbours only."""
    whole = count_fatalities(text)
    if whole.count == event.fatalities:
        return event
    return with_fatalities(event, whole.count, f"{whole.evidence!r} -> {whole.count} (whole brief)")


def complete_from_continuation(event: Mention, body: str, adjacent: bool) -> Mention:
    """'The attack killed 21 people.' right after the event sentence gives the event its
    fatalities; an explicit 'N fatalities.' later in the paragraph (how ACLED notes end) always
    wins. Figures further away are background, not this event's toll.
    """
    count = count_fatalities(body)
    authoritative = "fatalit" in count.evidence.lower()
    if count.count > 0 and (authoritative or (adjacent and not event.fatalities)):
        reading = f"{count.evidence!r} -> {count.count} (following sentence)"
        return with_fatalities(event, count.count, reading)
    return event


def split_fatalities(mentions: list[Mention]) -> list[Mention]:
    """A toll reported for several places is split evenly, the remainder to the first (ACLED).
    -> all the mentions, the first included."""
    if len(mentions) < 2:
        return mentions
    total = int(mentions[0].fatalities)
    share, remainder = divmod(total, len(mentions))
    split = []
    for index, mention in enumerate(mentions):
        mention = mention.replaced(fatalities=share + (remainder if index == 0 else 0))
        if total:
            note = f"{mention.explain['fatalities']} (split over {len(mentions)} places)"
            mention = with_explained(mention, fatalities=note)
        split.append(mention)
    return split


def another_occurrence(mention: Mention, number: int) -> Mention:
    """A copy of a mention for the number-th occurrence a phrase counts; `occurrence` keeps the
    copies apart when merging."""
    typed = f"{mention.explain['event_type']} (occurrence {number + 1} of those counted)"
    return with_explained(mention.replaced(occurrence=number), event_type=typed)


def apply_escalation(event: Mention, typing: EventTyping, assigned: ActorAssignment) -> Mention:
    """The event with the graver typing a following sentence or clause reported, with the actors
    read under that typing, and the explanation of both."""
    escalated = event.replaced(**typing_columns(typing, assigned))
    return with_explained(
        escalated,
        event_type=f"{event.explain['event_type']}; escalated by the next sentence: rule {typing.rule!r}",
        sub_event_type=sub_event_evidence(typing),
        actor1=actor_evidence(assigned),
    )
