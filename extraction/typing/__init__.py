"""Event typing: cue phrases, assertion (hedges, negation, nominal mentions), the decision
procedures, crowds, follow-up sentences and phrase-level reading. `classify_event` gives a
sentence's ACLED event type and sub-event type with the rule that decided it."""

from extraction.typing.cues import NOTE_PREFIX
from extraction.typing.event_types import EventTyping, classify_event, non_event_reason
from extraction.typing.followups import (
    BATTLE_FOLLOWUP_RULE,
    DEMONSTRATION_RANK,
    battle_followup,
    demonstration_followup,
    escalates,
    followup_typing,
)
from extraction.typing.gates import has_trigger
from extraction.typing.learned import (
    DATED,
    FALLBACK_RULE,
    UNDATED,
    fallback_candidate,
    fallback_typing,
    learned_typing,
    note_fallback,
    rejected_note,
    unarmed_crowd_against_state,
)
from extraction.typing.pattern_gates import index_gates
from extraction.typing.patterns import FoldedPattern, Match, factor_first_letters, rx, superset_regex
from extraction.typing.phrases import (
    date_segments,
    date_window,
    in_quoted_speech,
    is_hedged,
    mask_plot_targets,
    occurrence_count,
    quotes_speaker,
    type_phrase,
)

__all__ = [
    "BATTLE_FOLLOWUP_RULE",
    "DATED",
    "DEMONSTRATION_RANK",
    "FALLBACK_RULE",
    "NOTE_PREFIX",
    "UNDATED",
    "EventTyping",
    "FoldedPattern",
    "Match",
    "battle_followup",
    "classify_event",
    "date_segments",
    "date_window",
    "demonstration_followup",
    "escalates",
    "factor_first_letters",
    "fallback_candidate",
    "fallback_typing",
    "followup_typing",
    "has_trigger",
    "in_quoted_speech",
    "index_gates",
    "is_hedged",
    "learned_typing",
    "mask_plot_targets",
    "non_event_reason",
    "note_fallback",
    "occurrence_count",
    "quotes_speaker",
    "rejected_note",
    "rx",
    "superset_regex",
    "type_phrase",
    "unarmed_crowd_against_state",
]
