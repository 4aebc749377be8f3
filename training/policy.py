"""The one decision: the rules' verdict and the model's probabilities -> a sub-event type and a confidence.

The rules decide *whether* a note reports an event (they carry the non-event filters and the
date/place gates, and the model never creates an event). *Which* type it is goes to the model,
except where the rules' verdict is an explicit codebook case that measures better rule-decided
out of region (`rule_decided`, chosen by `choose_rule_decided` on the leave-one-region-out
predictions). The confidence is a probability: the model's calibrated probability of the chosen
type, or, for a rule-decided verdict, the rules' measured out-of-region precision on that verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Policy", "choose_rule_decided", "decide"]

MIN_SUPPORT = 20  # a verdict the rules gave fewer times out of region cannot be judged: the model decides


@dataclass(frozen=True)
class Policy:
    """Which rules' verdicts stand, and how sure each is (its out-of-region precision)."""

    rule_decided: frozenset[str] = frozenset()
    rule_precision: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "rule_decided": sorted(self.rule_decided),
            "rule_precision": {k: round(v, 4) for k, v in sorted(self.rule_precision.items())},
        }

    @classmethod
    def from_dict(cls, raw: dict) -> Policy:
        return cls(frozenset(raw.get("rule_decided", ())), dict(raw.get("rule_precision", {})))


def decide(
    rules_sub: str | None, proba: np.ndarray, classes: Sequence[str], policy: Policy
) -> tuple[str | None, float, str]:
    """(sub-event type, confidence, who decided: 'rules' | 'model'); (None, 0, 'rules') when the
    rules found no event."""
    if rules_sub is None:
        return None, 0.0, "rules"
    if rules_sub in policy.rule_decided or not len(classes):
        return rules_sub, float(policy.rule_precision.get(rules_sub, 0.5)), "rules"
    best = int(np.argmax(proba))
    return classes[best], float(proba[best]), "model"


def choose_rule_decided(
    rules: Sequence[str | None], model: Sequence[str], gold: Sequence[str]
) -> tuple[frozenset[str], dict[str, float]]:
    """The rules' verdicts on which the rules beat the model (on rows where the rules gave that
    verdict, at least MIN_SUPPORT of them), and the rules' precision per verdict."""
    counts: dict[str, list[int]] = {}
    for r, m, g in zip(rules, model, gold, strict=True):
        if r is None:
            continue
        tally = counts.setdefault(r, [0, 0, 0])
        tally[0] += 1
        tally[1] += r == g
        tally[2] += m == g
    precision = {v: t[1] / t[0] for v, t in counts.items()}
    chosen = frozenset(v for v, t in counts.items() if t[0] >= MIN_SUPPORT and t[1] > t[2])
    return chosen, precision
