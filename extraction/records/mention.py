"""One event mention as an ACLED record: its columns, its provenance and the evidence per field.

The engine decides what happened, when, where and who; this module only lays those findings out
in ACLED's columns (with numeric inter codes and interaction), adds the provenance every
extracted record carries, and words the `explain` entries `eventpipe extract --explain` prints.
"""

from __future__ import annotations

from extraction.actors import ActorAssignment
from extraction.dates import DateMention
from extraction.document import Document
from extraction.reading import Sentence
from extraction.typing import EventTyping
from extraction.version import EXTRACTOR_VERSION
from schemas.codebook import interaction_number


def mention_record(
    typing: EventTyping,
    when: DateMention | None,
    place: object,
    assigned: object,
    fatalities: int,
    doc: Document,
) -> dict:
    """The ACLED columns of one mention."""
    return {
        "event_date": when.event_date.isoformat() if when else None,
        "year": when.event_date.year if when else None,
        "time_precision": when.time_precision if when else None,
        **typing_columns(typing, assigned),
        "iso": place.iso,
        "region": place.region,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "location": place.location,
        "latitude": _coordinate(place.latitude),
        "longitude": _coordinate(place.longitude),
        "geo_precision": place.geo_precision,
        "source": doc.source,
        "source_scale": doc.source_scale,
        "fatalities": max(0, int(fatalities)),
    }


def typing_columns(typing: EventTyping, assigned: ActorAssignment) -> dict:
    """The columns that follow from the event's type and its actors."""
    inter1, inter2 = int(assigned.inter1), int(assigned.inter2 or 0)
    return {
        "disorder_type": typing.disorder_type,
        "event_type": typing.event_type,
        "sub_event_type": typing.sub_event_type,
        "actor1": assigned.actor1,
        "assoc_actor_1": assigned.assoc_actor_1 or None,
        "inter1": inter1,
        "actor2": assigned.actor2 or None,
        "assoc_actor_2": assigned.assoc_actor_2 or None,
        "inter2": inter2,
        "interaction": interaction_number(inter1, inter2),
        "civilian_targeting": assigned.civilian_targeting or None,
        "tags": _tags(typing),
    }


def _coordinate(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _tags(typing: EventTyping) -> str | None:
    """ACLED tags crowd size on demonstrations; the text rarely gives it, so 'no report'."""
    return "crowd size=no report" if typing.event_type in ("Protests", "Riots") else None


def provenance(sentence: Sentence, typing: EventTyping, when: DateMention | None, place: object) -> dict:
    confidence = typing.confidence * (1.0 if when and when.time_precision == 1 else 0.85)
    confidence *= 1.0 if place.geo_precision == 1 else 0.9
    return {
        "evidence": sentence.text.strip(),
        "span_start": sentence.start,
        "span_end": sentence.end,
        "extractor_version": EXTRACTOR_VERSION,
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
    }


def actor_evidence(assigned: ActorAssignment) -> str:
    """'Islamic State (Afghanistan) <- 'IS-K'' for each actor, from the actor module's evidence."""
    found = assigned.evidence or {}
    parts = [
        f"{name} <- {found.get(role)!r}" if found.get(role) else f"{name} (default for the event type)"
        for role, name in (("actor1", assigned.actor1), ("actor2", assigned.actor2))
        if name
    ]
    return "; ".join(parts)


def explain_fields(
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention | None,
    place: object,
    assigned: object,
    fatalities: object,
) -> dict[str, str]:
    """Field -> the evidence behind it, for `eventpipe extract --explain`."""
    date_text = (
        f"{when.text!r} -> {when.event_date.isoformat()} (precision {when.time_precision})"
        if when
        else "no date in the text: undated"
    )
    return {
        "event_type": f"rule {typing.rule!r}, trigger {typing.trigger!r}",
        "sub_event_type": f"{typing.sub_event_type} (confidence {typing.confidence:.2f})",
        "event_date": date_text,
        "location": str(getattr(place, "evidence", "") or place.location),
        "actor1": actor_evidence(assigned),
        "fatalities": (
            f"{fatalities.evidence!r} -> {fatalities.count}" if fatalities.evidence else "none stated: 0"
        ),
    }
