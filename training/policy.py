"""Choosing the combined system's rule-decided verdicts by numbers (see extraction.learned.policy)."""

from __future__ import annotations

from collections.abc import Sequence

from extraction.learned.policy import Policy, decide, fallback

__all__ = ["EXPLICIT_CASES", "MIN_SUPPORT", "Policy", "choose_rule_decided", "decide", "fallback"]

MIN_SUPPORT = 20  # a verdict the rules gave fewer times out of region cannot be judged: the model decides
# The codebook's explicit cases: a verdict the rules give from one decisive cue (the weapon, the
# act, a report that no fighting took place), not from weighing the whole note. Only these may stay
# rule-decided, and only where the rules beat the model on them out of region (choose_policy): every
# verdict the rules win elsewhere measured worse (0.888 / 0.854 / 0.640, bench/learned_policy.py).
EXPLICIT_CASES = frozenset(
    {
        "Suicide bomb",
        "Chemical weapon",
        "Arrests",
        "Sexual violence",
        "Air/drone strike",
        "Grenade",
        "Excessive force against protesters",
        "Non-violent transfer of territory",
    }
)


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
