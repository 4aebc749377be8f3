"""Fit the confidence calibration map (extraction.learned.calibration) and measure calibration.

The map is isotonic regression (scikit-learn, training time only) of "was the combined system
right" on its stated confidence, over leave-one-region-out predictions, read off at GRID and
blended with the identity by IDENTITY_SHARE so that it is strictly increasing: two records keep
their order of confidence (the merge step picks a group's typing by it). `nested_calibrated`
measures the map out of sample: each fold's confidences go through a map fitted on the other
folds only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from extraction.learned.calibration import Calibration

__all__ = ["GRID", "expected_calibration_error", "fit_calibration", "nested_calibrated"]

GRID = np.linspace(0.0, 1.0, 101)
IDENTITY_SHARE = 0.02  # a flat isotonic step still rises 0.0002 per knot
BINS = np.linspace(0.0, 1.0, 11)
QUANTILE_BINS = 200
MIN_BIN_ROWS = 200


def fit_calibration(confidence: np.ndarray, correct: np.ndarray) -> Calibration:
    """The monotone map from stated confidence to observed accuracy on these predictions."""
    from sklearn.isotonic import IsotonicRegression

    stated, right = np.asarray(confidence, dtype=np.float64), np.asarray(correct, dtype=np.float64)
    x, y, weight = _quantile_bins(stated, right)
    isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    isotonic.fit(x, y, sample_weight=weight)
    accuracy = (1 - IDENTITY_SHARE) * isotonic.predict(GRID) + IDENTITY_SHARE * GRID
    return Calibration(tuple(round(float(x), 2) for x in GRID), tuple(round(float(y), 5) for y in accuracy))


def _quantile_bins(confidence: np.ndarray, correct: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean confidence, accuracy and size of consecutive groups of at least MIN_BIN_ROWS rows (in
    confidence order; QUANTILE_BINS at most): the sparse low end is read from a few hundred rows,
    not from a handful."""
    order = np.argsort(confidence, kind="stable")
    size = max(MIN_BIN_ROWS, len(order) // QUANTILE_BINS)
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    if len(groups) > 1 and len(groups[-1]) < size:
        groups[-2:] = [np.concatenate(groups[-2:])]
    return (
        np.asarray([confidence[g].mean() for g in groups]),
        np.asarray([correct[g].mean() for g in groups]),
        np.asarray([len(g) for g in groups], dtype=np.float64),
    )


def nested_calibrated(confidences: Sequence[np.ndarray], correct: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Each fold's confidences through a map fitted on the other folds' (confidence, correct)."""
    calibrated = []
    for k, fold in enumerate(confidences):
        others = [i for i in range(len(confidences)) if i != k]
        if not others:
            calibrated.append(np.asarray(fold, dtype=np.float64))
            continue
        fitted = fit_calibration(
            np.concatenate([confidences[i] for i in others]), np.concatenate([correct[i] for i in others])
        )
        calibrated.append(np.interp(fold, fitted.confidence, fitted.accuracy))
    return calibrated


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Mean |stated - observed| over ten equal-width confidence bins, weighted by their rows."""
    confidence, correct = np.asarray(confidence, dtype=np.float64), np.asarray(correct, dtype=np.float64)
    if not len(confidence):
        return 0.0
    total = 0.0
    for low, high in zip(BINS[:-1], BINS[1:], strict=True):
        inside = (confidence >= low) & ((confidence < high) | (high == 1.0))
        if inside.any():
            total += inside.sum() * abs(confidence[inside].mean() - correct[inside].mean())
    return round(float(total / len(confidence)), 4)
