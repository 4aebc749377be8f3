"""The typing decision with the learned model in the loop: the rules' typing in, the decided typing out.

The rules decide whether a sentence reports an event and give their verdict with its evidence
(rule, cues); the actors found for it and whether anyone died are evidence too. The model reads
the text (a brief's whole text: models are trained on whole ACLED notes; else the sentence) with
that evidence, and the policy (extraction.learned.policy, chosen by leave-one-region-out numbers)
says who decides. The typing that comes out carries the calibrated probability as its confidence,
the model's top classes and the rules' own verdict, for `--explain`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from extraction.learned import Evidence, LearnedModel
from extraction.learned.policy import decide
from extraction.typing.event_types import EventTyping
from schemas.codebook import SUB_EVENT_DISORDER, SUB_EVENT_PARENT

__all__ = ["MODEL_RULE", "learned_typing"]

MODEL_RULE = "learned model"
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
