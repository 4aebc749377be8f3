"""One event mention as an ACLED record: its columns, its provenance and the evidence per field.

The engine decides what happened, when, where and who; this module only lays those findings out
in ACLED's columns (with numeric inter codes and interaction), adds the provenance every
extracted record carries, and words the `explain` entries `eventpipe extract --explain` prints.

A `Mention` is built once (`new_mention`) and never edited: what later sentences add (a toll,
an escalation, a split over places) makes a new one with `Mention.replaced` (`dataclasses.replace`)
(extraction.records.continuation), so a mention and its explanation cannot drift apart. It reads
like a mapping of ACLED column names (`mention["sub_event_type"]`), which is what the merge, the
notes and the writers consume; `as_record()` gives the plain dict for JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType

from extraction.actors import ActorAssignment
from extraction.dates import DateMention
from extraction.document import Document
from extraction.reading import Sentence
from extraction.records.notes import write_note
from extraction.typing import EventTyping
from extraction.version import EXTRACTOR_VERSION
from schemas.codebook import interaction_number


@dataclass(frozen=True)
class Mention(Mapping[str, object]):
    """One event mention: ACLED's columns, its provenance, and the evidence behind each field."""

    event_date: str | None  # ISO date; None for an undated brief
    year: int | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str | None
    inter1: int
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int
    interaction: int
    civilian_targeting: str | None
    tags: str | None
    iso: int | None
    region: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str | None
    source_scale: str | None
    fatalities: int
    evidence: str  # the sentence, stripped
    span_start: int  # offsets in the prepared text
    span_end: int
    extractor_version: str
    confidence: float
    stated_confidence: float  # private (merge's rank): the confidence before calibration
    doc_id: str
    published: str | None  # the document's publication date (merge timestamps)
    brief: bool  # from a brief: two briefs tell one event only when typed alike (merge)
    explain: Mapping[str, str]  # field -> evidence, read-only
    notes: str
    occurrence: int | None = None  # the n-th occurrence a phrase counts ('two attacks in Kabul')

    def __post_init__(self) -> None:
        if not isinstance(self.explain, MappingProxyType):
            object.__setattr__(self, "explain", MappingProxyType(dict(self.explain)))

    def replaced(self, **changes: object) -> Mention:
        """`dataclasses.replace(self, **changes)` in an eighth of the time (~1 us, not ~8): the
        fields are copied as they are, without the generated __init__ setting forty frozen
        fields one by one; `explain` is made read-only as __post_init__ does. The engine makes
        a new mention this way for every pooled, completed or split one (~10k per MB of notes)."""
        unknown = changes.keys() - _FIELD_SET
        if unknown:
            raise TypeError(f"Mention has no field {sorted(unknown)[0]!r}")
        new = object.__new__(Mention)
        values = new.__dict__
        values.update(self.__dict__)
        values.update(changes)
        if "explain" in changes:
            new.__post_init__()
        return new

    def __getitem__(self, key: str) -> object:
        if key not in _FIELD_NAMES or (key == "occurrence" and self.occurrence is None):
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return (name for name in _FIELD_NAMES if name != "occurrence" or self.occurrence is not None)

    def __len__(self) -> int:
        return len(_FIELD_NAMES) - (self.occurrence is None)

    def as_record(self) -> dict[str, object]:
        """A plain dict (for JSON and the extraction cache); `occurrence` only on counted copies."""
        return {key: dict(value) if key == "explain" else value for key, value in self.items()}


_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Mention))
_FIELD_SET = frozenset(_FIELD_NAMES)


def new_mention(
    sentence: Sentence,
    typing: EventTyping,
    when: DateMention | None,
    place: object,
    assigned: ActorAssignment,
    fatalities: object,
    doc: Document,
    brief: bool,
) -> Mention:
    """The one place a mention's columns are laid out: ACLED columns, provenance, evidence, note."""
    record = mention_record(typing, when, place, assigned, fatalities.count, doc)  # type: ignore[attr-defined]
    record.update(provenance(sentence, typing, when, place))
    record["doc_id"] = doc.doc_id
    record["published"] = doc.published.isoformat() if doc.published else None
    record["brief"] = brief
    record["explain"] = explain_fields(sentence, typing, when, place, assigned, fatalities)
    record["notes"] = write_note(record) if when else sentence.text.strip()
    return Mention(**record)


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
    """Where the record comes from, and its confidence: with the learned model in the loop, the
    calibrated probability that its event and sub-event type are right (extraction.typing.learned);
    without it, the rules' fixed confidence discounted for a vague date or place."""
    confidence = typing.confidence
    if not typing.model_top:
        confidence *= 1.0 if when and when.time_precision == 1 else 0.85
        confidence *= 1.0 if place.geo_precision == 1 else 0.9
    confidence = round(min(1.0, max(0.0, confidence)), 3)
    stated = typing.stated_confidence
    return {
        "evidence": sentence.text.strip(),
        "span_start": sentence.start,
        "span_end": sentence.end,
        "extractor_version": EXTRACTOR_VERSION,
        "confidence": confidence,
        "stated_confidence": confidence if stated is None else stated,
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


def sub_event_evidence(typing: EventTyping) -> str:
    """The `--explain` line of the sub-event type: written wherever the record's typing is set,
    so the explanation always names the sub-event type the record holds."""
    return f"{typing.sub_event_type} (confidence {typing.confidence:.2f})"


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
    fields = {
        "event_type": f"rule {typing.rule!r}, trigger {typing.trigger!r}",
        "sub_event_type": sub_event_evidence(typing),
        "event_date": date_text,
        "location": str(getattr(place, "evidence", "") or place.location),
        "actor1": actor_evidence(assigned),
        "fatalities": (
            f"{fatalities.evidence!r} -> {fatalities.count}" if fatalities.evidence else "none stated: 0"
        ),
    }
    if typing.model_top:
        top = ", ".join(f"{name} {p:.2f}" for name, p in typing.model_top)
        fields["model"] = f"{top}; rules alone: {typing.rules_verdict or 'no event'}"
    return fields
