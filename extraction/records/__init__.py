"""Records: an event mention laid out in ACLED's columns with provenance and evidence, the notes
and `--explain` text, later updates to a record, and the polars frame and its validation."""

from typing import Any

from extraction.records.continuation import (
    another_occurrence,
    apply_escalation,
    complete_from_continuation,
    count_whole_brief,
    split_fatalities,
)
from extraction.records.explain import format_explanation
from extraction.records.mention import (
    actor_evidence,
    explain_fields,
    mention_record,
    provenance,
    typing_columns,
)
from extraction.records.notes import write_note
from extraction.records.value_pool import ValuePool

__all__ = [
    "ValuePool",
    "actor_evidence",
    "another_occurrence",
    "apply_escalation",
    "complete_from_continuation",
    "count_whole_brief",
    "explain_fields",
    "format_explanation",
    "mention_record",
    "provenance",
    "split_fatalities",
    "typing_columns",
    "validate_events",
    "write_note",
]


def __getattr__(name: str) -> Any:
    """`validate_events` is imported on first use: it pulls in pandera, polars and (when installed)
    pandas, about 100 MB that extracting events never needs, so the engine and its workers stay
    small (peak RSS with resources loaded: 314 -> about 220 MB)."""
    if name == "validate_events":
        from extraction.records.frame import validate_events

        return validate_events
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
