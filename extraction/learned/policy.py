"""The one decision: the rules' verdict and the model's probabilities -> a sub-event type and a confidence.

The rules decide *whether* a text reports an event (they carry the non-event filters and the
date/place gates; the model never creates an event). *Which* type it is goes to the model,
except where the rules' verdict is an explicit codebook case that measures better rule-decided
on regions neither has seen (`rule_decided`, chosen by training.policy on the
leave-one-region-out predictions). The confidence is a probability: the model's calibrated
probability of the chosen type, or, for a rule-decided verdict, the rules' measured
out-of-region precision on that verdict. Where the model is unsure (its best class below
`min_probability`) the rules' verdict stands, with the model's probability for it. The record
states this confidence through the model's calibration map (extraction.learned.calibration).

One codebook limit on the model: a crowd the rules found facing state forces (rioters or
protesters against police or soldiers: 'students clashed with police') is a riot or a protest,
never a battle, which needs two organised armed sides; where the model would make it one, the
rules' verdict stands (`crowd_against_state`). ACLED's notes nearly always name the protest in such
events, so out of region this changes 9 of 70,711 verdicts (net -1); news prose often does not,
and there the model's 'clashed' read as an Armed clash.

One exception to "the model never creates an event": a brief (one short note, no non-event
filter firing) in which the rules find no event at all gets the model's type when its best class
reaches `fallback_probability` if its event date leads it (a note-shaped brief: 'On 3 May 2020,
...'), `undated_fallback_probability` if not (old notes that date the event late, tokenised
notes, headline-like lines: the shape news prose has too, so the bar is higher) (`fallback`;
None: never). The rules miss such notes for want of a cue, not because they judged them
non-events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from schemas.codebook import SUB_EVENT_PARENT

__all__ = ["Policy", "crowd_against_state", "decide", "fallback"]

UNMEASURED_PRECISION = 0.5  # a verdict the rules never gave out of region: no better than a coin
CROWD_INTERS = frozenset({5, 6})  # ACLED's inter codes: rioters, protesters
STATE_INTER = 1  # state forces
CROWD_EVENT_TYPES = frozenset({"Riots", "Protests"})


@dataclass(frozen=True)
class Policy:
    """Which rules' verdicts stand, and how sure each is (its out-of-region precision)."""

    rule_decided: frozenset[str] = frozenset()
    rule_precision: dict[str, float] = field(default_factory=dict)
    min_probability: float = 0.0  # below this the model is unsure and the rules' verdict stands
    fallback_probability: float | None = None  # a note the rules find no event in: the model's type from here
    undated_fallback_probability: float | None = None  # the same for a brief without a date lead

    def as_dict(self) -> dict:
        return {
            "rule_decided": sorted(self.rule_decided),
            "rule_precision": {k: round(v, 4) for k, v in sorted(self.rule_precision.items())},
            "min_probability": self.min_probability,
            "fallback_probability": self.fallback_probability,
            "undated_fallback_probability": self.undated_fallback_probability,
        }

    @classmethod
    def from_dict(cls, raw: dict | None) -> Policy:
        raw = raw or {}
        return cls(
            frozenset(raw.get("rule_decided", ())),
            dict(raw.get("rule_precision", {})),
            float(raw.get("min_probability", 0.0)),
            _optional_float(raw.get("fallback_probability")),
            _optional_float(raw.get("undated_fallback_probability")),
        )


def _optional_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def crowd_against_state(inter1: int | None, inter2: int | None) -> bool:
    """Did the rules find a crowd (rioters, protesters) facing state forces?"""
    return inter1 in CROWD_INTERS and inter2 == STATE_INTER


def decide(
    rules_sub: str | None,
    proba: np.ndarray,
    classes: Sequence[str],
    policy: Policy,
    crowd_vs_state: bool = False,
) -> tuple[str | None, float, str]:
    """(sub-event type, confidence, who decided: 'rules' | 'model'); (None, 0, 'rules') when the
    rules found no event. `crowd_vs_state`: see `crowd_against_state`."""
    if rules_sub is None:
        return None, 0.0, "rules"
    if rules_sub in policy.rule_decided or not len(classes):
        return rules_sub, float(policy.rule_precision.get(rules_sub, UNMEASURED_PRECISION)), "rules"
    best = int(np.argmax(proba))
    crowd_battle = (
        crowd_vs_state
        and SUB_EVENT_PARENT.get(rules_sub) in CROWD_EVENT_TYPES
        and SUB_EVENT_PARENT.get(classes[best]) == "Battles"
    )
    if proba[best] < policy.min_probability or crowd_battle:
        index = list(classes).index(rules_sub) if rules_sub in classes else None
        confidence = proba[index] if index is not None else policy.rule_precision.get(rules_sub, 0.0)
        return rules_sub, float(confidence), "rules"
    return classes[best], float(proba[best]), "model"


def fallback(
    proba: np.ndarray, classes: Sequence[str], policy: Policy, dated: bool = True
) -> tuple[str | None, float]:
    """The model's type for an eligible brief the rules found no event in (`dated`: its event date
    leads it), with its probability, or (None, 0.0) when the policy has no such fallback or the
    model is below its threshold."""
    threshold = policy.fallback_probability if dated else policy.undated_fallback_probability
    if threshold is None or not len(classes):
        return None, 0.0
    best = int(np.argmax(proba))
    if proba[best] < threshold:
        return None, 0.0
    return classes[best], float(proba[best])
