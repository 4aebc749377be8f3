"""Records: an event mention laid out in ACLED's columns with provenance and evidence (`Mention`,
built once by `new_mention`), the notes and `--explain` text, the new versions later sentences
make of a mention, and the polars frame of merged events and its validation."""

from extraction.records.continuation import (
    another_occurrence,
    apply_escalation,
    complete_from_continuation,
    count_whole_brief,
    split_fatalities,
    with_explained,
)
from extraction.records.explain import format_explanation
from extraction.records.frame import events_frame, validate_events
from extraction.records.mention import Mention, new_mention
from extraction.records.notes import write_note
from extraction.records.value_pool import ValuePool

__all__ = [
    "Mention",
    "ValuePool",
    "another_occurrence",
    "apply_escalation",
    "complete_from_continuation",
    "count_whole_brief",
    "events_frame",
    "format_explanation",
    "new_mention",
    "split_fatalities",
    "validate_events",
    "with_explained",
    "write_note",
]
