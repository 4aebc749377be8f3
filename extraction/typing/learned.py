"""The typing decision with the learned model in the loop: the rules' typing in, the decided typing out.

The rules decide whether a sentence reports an event and give their verdict with its evidence
(rule, cues); the actors found for it and whether anyone died are evidence too. The model reads
the text (a brief's whole text: models are trained on whole ACLED notes; else the sentence) with
that evidence, and the policy (extraction.learned.policy, chosen by leave-one-region-out numbers)
says who decides. The typing that comes out carries the calibrated probability as its confidence,
the model's top classes and the rules' own verdict, for `--explain`.

`fallback_typing` is the one case where the model types a note the rules found no event in: a
note-shaped brief (the engine checks its date lead) that no non-event filter rejects, with the
model at least `policy.fallback_probability` sure (chosen by leave-one-region-out numbers under
the false-alarm budget of the note-shaped negatives).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from extraction.learned import Evidence, LearnedModel
from extraction.learned.policy import decide, fallback
from extraction.typing.assertion import find_cues, non_event_reason
from extraction.typing.event_types import EventTyping
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

__all__ = [
    "FALLBACK_RULE", "MODEL_RULE", "fallback_evidence", "fallback_typing", "learned_typing", "rejected_note",
]

MODEL_RULE = "learned model"
FALLBACK_RULE = "learned model (the rules found no event in the note)"
TOP_CLASSES = 3


def learned_typing(
    typing: EventTyping,
    text: str,
    model: LearnedModel,
    assigned: Any,
    fatal: bool,
    find_actors: Callable[[EventTyping], Any],
) -> tuple[EventTyping, Any]:
    """`typing` decided anew by the policy over the rules' verdict and the model's probabilities,
    and the actors: `assigned` (found for the rules' typing: their kinds are evidence) if the type
    stands, else `find_actors(new typing)` (who is actor2 depends on the type)."""
    evidence = Evidence(
        sub_event_type=typing.sub_event_type,
        rule=typing.rule,
        cues=tuple(sorted(typing.cues)),
        inter1=assigned.inter1,
        inter2=assigned.inter2,
        fatal=fatal,
    )
    proba = model.predict_proba(text, evidence)
    sub, confidence, _ = decide(typing.sub_event_type, proba, model.classes, model.policy)
    top = tuple((name, round(p, 3)) for name, p in model.ranked(proba, TOP_CLASSES))
    decided = replace(
        typing, confidence=round(confidence, 3), model_top=top, rules_verdict=typing.sub_event_type
    )
    if sub is None or sub == typing.sub_event_type:
        return decided, assigned
    decided = replace(
        decided,
        event_type=SUB_EVENT_PARENT[sub],
        sub_event_type=sub,
        disorder_type=SUB_EVENT_DISORDER[sub],
        rule=f"{MODEL_RULE} (rules: {typing.rule})",
    )
    return decided, find_actors(decided)


def rejected_note(sentences: Sequence[str]) -> bool:
    """Does a non-event filter (aggregate, forecast, court, disaster, ...) reject any sentence of
    the note? Then the rules' "no event" is a judgement the fallback must not overrule."""
    return any(non_event_reason(s) is not None for s in sentences)


def fallback_evidence(text: str) -> Evidence:
    """The rules' evidence for a note they found no event in (as training reads it): the cues only."""
    return Evidence(cues=tuple(sorted(find_cues(text))))


def fallback_typing(text: str, sentences: Sequence[str], model: LearnedModel) -> EventTyping | None:
    """The model's typing of a dated note the rules found no event in, or None (a non-event
    filter fired, the policy has no fallback, or the model is below its threshold)."""
    if model.policy.fallback_probability is None or rejected_note(sentences):
        return None
    evidence = fallback_evidence(text)
    proba = model.predict_proba(text, evidence)
    sub, confidence = fallback(proba, model.classes, model.policy)
    if sub is None:
        return None
    return EventTyping(
        event_type=SUB_EVENT_PARENT[sub],
        sub_event_type=sub,
        disorder_type=SUB_EVENT_DISORDER[sub],
        trigger="",
        rule=FALLBACK_RULE,
        confidence=round(confidence, 3),
        cues=frozenset(evidence.cues),
        model_top=tuple((name, round(p, 3)) for name, p in model.ranked(proba, TOP_CLASSES)),
        rules_verdict=None,
    )
