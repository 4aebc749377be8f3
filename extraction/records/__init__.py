"""Records: an event mention laid out in ACLED's columns with provenance and evidence, the notes
and `--explain` text, later updates to a record, and the polars frame and its validation."""

from extraction.records.continuation import (
    another_occurrence,
    apply_escalation,
    complete_from_continuation,
    count_whole_brief,
    split_fatalities,
)
from extraction.records.explain import format_explanation
from extraction.records.frame import validate_events
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
