"""Human-readable evidence for `eventpipe extract --explain`.

An analyst deciding whether to trust a record needs to see, field by field, what in the text
produced it: the sentence, the matched date phrase, the gazetteer entry, the actor alias and the
type rule. The engine records these in each mention's `explain` dict; this module only lays them
out.
"""

from __future__ import annotations

from collections.abc import Mapping

EXPLAIN_ORDER = (
    "event_type",
    "sub_event_type",
    "event_date",
    "location",
    "actor1",
    "actor2",
    "fatalities",
    "split",
)


def format_explanation(event: Mapping[str, object]) -> str:
    """A block of lines: the record's summary, its mentions, then the evidence of each field."""
    lines = [_headline(event)]
    for mention in event.get("mentions") or [event]:
        lines.append(
            f"  evidence [{mention.get('doc_id')} chars {mention.get('span_start')}-"
            f"{mention.get('span_end')}]: {_quote(mention.get('evidence'))}"
        )
    explain = event.get("explain") or {}
    if isinstance(explain, Mapping):
        keys = [k for k in EXPLAIN_ORDER if k in explain]
        keys += sorted(k for k in explain if k not in EXPLAIN_ORDER)
        lines.extend(f"  {key}: {explain[key]}" for key in keys)
    lines.append(f"  note: {event.get('notes')}")
    return "\n".join(lines)


def _headline(event: Mapping[str, object]) -> str:
    place = ", ".join(str(p) for p in (event.get("location"), event.get("admin1"), event.get("country")) if p)
    actors = " vs ".join(str(a) for a in (event.get("actor1"), event.get("actor2")) if a)
    return (
        f"EVENT {event.get('event_id_cnty', '?')} {event.get('event_date')} "
        f"(precision {event.get('time_precision')}) | {event.get('event_type')} / "
        f"{event.get('sub_event_type')} | {place} | {actors} | fatalities {event.get('fatalities')} "
        f"| confidence {event.get('confidence')}"
    )


def _quote(text: object) -> str:
    value = " ".join(str(text or "").split())
    return f'"{value[:400]}{"..." if len(value) > 400 else ""}"'
