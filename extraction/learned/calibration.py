"""The confidence calibration map: a stated confidence -> the accuracy observed out of region.

The combined system's confidence (extraction.learned.policy: the model's probability of the
chosen type, or of the rules' verdict where the model is unsure) understates how often the
rules are right when they stand, and the class weights flatten the model's probabilities.
Training (training.calibration) fits a monotone map from that confidence to the accuracy observed
on leave-one-region-out predictions (each point predicted by a model that never saw its region)
and stores it in the model's sidecar as two plain arrays: knots of stated confidence, increasing,
and the accuracy at each knot, strictly increasing too, so the map never reorders two
confidences. Inference interpolates linearly between knots (np.interp; flat outside them).
The map changes the confidence only: the decision thresholds act on the model's probabilities.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Calibration"]


@dataclass(frozen=True)
class Calibration:
    """Knots of a monotone piecewise-linear map from stated confidence to observed accuracy."""

    confidence: tuple[float, ...]
    accuracy: tuple[float, ...]

    def __post_init__(self) -> None:
        x, y = np.asarray(self.confidence), np.asarray(self.accuracy)
        if len(x) < 2 or len(x) != len(y):
            raise ValueError(f"a calibration map needs two or more knots of both kinds: {len(x)}, {len(y)}")
        if not (np.all(np.diff(x) > 0) and np.all(np.diff(y) > 0)):
            raise ValueError("a calibration map must be strictly increasing in both its knots and values")
        if x[0] < 0 or x[-1] > 1 or y[0] < 0 or y[-1] > 1:
            raise ValueError("a calibration map lives in [0, 1]")

    def apply(self, confidence: float) -> float:
        """The calibrated confidence: the observed accuracy at `confidence` (interpolated)."""
        return float(np.interp(confidence, self.confidence, self.accuracy))

    def as_dict(self) -> dict[str, list[float]]:
        return {"confidence": list(self.confidence), "accuracy": list(self.accuracy)}

    @classmethod
    def from_dict(cls, raw: dict | None) -> Calibration | None:
        """The map stored in a sidecar, or None (a model trained without cross-validation)."""
        if not raw:
            return None
        return cls(tuple(float(v) for v in raw["confidence"]), tuple(float(v) for v in raw["accuracy"]))
