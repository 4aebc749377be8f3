"""The confidence calibration map: fitted monotone, stored as plain arrays, applied at inference."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from extraction.learned import LearnedModel, ModelError, default_model_dir
from extraction.learned.calibration import Calibration
from extraction.learned.model import ARRAYS_FILE, SIDECAR_FILE, model_label
from training.calibration import expected_calibration_error, fit_calibration, nested_calibrated

SKEWED = Calibration((0.0, 1.0), (0.1, 0.2))  # any confidence lands in [0.1, 0.2]: visibly applied


def overconfident(seed: int, n: int = 5_000) -> tuple[np.ndarray, np.ndarray]:
    """Stated confidences right only with probability stated ** 2."""
    rng = np.random.default_rng(seed)
    stated = rng.uniform(0.0, 1.0, n)
    return stated, rng.uniform(0.0, 1.0, n) < stated**2


def test_the_fitted_map_is_strictly_increasing_and_follows_the_observed_accuracy() -> None:
    fitted = fit_calibration(*overconfident(0))
    assert np.all(np.diff(fitted.confidence) > 0) and np.all(np.diff(fitted.accuracy) > 0)
    for stated in (0.3, 0.5, 0.8):
        assert fitted.apply(stated) == pytest.approx(stated**2, abs=0.05)


def test_the_nested_map_lowers_the_calibration_error_on_folds_it_did_not_see() -> None:
    folds = [overconfident(seed) for seed in range(4)]
    stated = [s for s, _ in folds]
    correct = [c for _, c in folds]
    calibrated = nested_calibrated(stated, correct)
    before = expected_calibration_error(np.concatenate(stated), np.concatenate(correct))
    after = expected_calibration_error(np.concatenate(calibrated), np.concatenate(correct))
    assert before > 0.1 and after < 0.03


@pytest.mark.parametrize(
    ("confidence", "accuracy", "message"),
    [
        ((0.0, 0.5, 1.0), (0.2, 0.1, 0.9), "strictly increasing"),
        ((0.0, 0.5, 1.0), (0.2, 0.2, 0.9), "strictly increasing"),
        ((0.5,), (0.5,), "two or more knots"),
        ((0.0, 1.5), (0.1, 0.9), "lives in"),
    ],
)
def test_a_map_that_is_not_monotone_is_refused(confidence, accuracy, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Calibration(confidence, accuracy)


def test_a_sidecar_with_a_broken_map_is_a_model_error(tmp_path: Path) -> None:
    for name in (ARRAYS_FILE, SIDECAR_FILE):
        (tmp_path / name).write_bytes((default_model_dir() / name).read_bytes())
    meta = json.loads((tmp_path / SIDECAR_FILE).read_text(encoding="utf-8"))
    meta["calibration"] = {"confidence": [0.0, 0.5, 1.0], "accuracy": [0.5, 0.4, 0.9]}
    (tmp_path / SIDECAR_FILE).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="calibration map"):
        LearnedModel.load(tmp_path)


def test_the_packaged_model_carries_a_monotone_map_fitted_out_of_region() -> None:
    model = LearnedModel.load(default_model_dir())
    assert model.calibration is not None, "the default model lost its calibration map"
    assert np.all(np.diff(model.calibration.confidence) > 0)
    assert np.all(np.diff(model.calibration.accuracy) > 0)
    assert model.meta["cv"]["ece"]["calibrated_nested"] < model.meta["cv"]["ece"]["stated"]
    assert "+cal" in model_label(default_model_dir()) == model.name  # caches made without it are stale


def test_the_engine_reports_the_calibrated_confidence_and_keeps_every_other_field() -> None:
    from extraction.document import Document
    from extraction.engine import extract_events
    from extraction.resources import Resources

    resources = Resources.load(model="default")
    assert resources.model is not None
    raw = replace(resources, model=replace(resources.model, calibration=None))
    skewed = replace(resources, model=replace(resources.model, calibration=SKEWED))
    note = "On 3 May 2021, Al Shabaab militants attacked a police post in Mandera, Kenya, killing 2 officers."
    (before,) = extract_events(Document("n", note), raw)
    (after,) = extract_events(Document("n", note), skewed)
    assert after["confidence"] == pytest.approx(0.1 + 0.1 * before["confidence"], abs=0.002)
    different = {k for k in before if before[k] != after[k]}
    assert different <= {"confidence", "explain"}


def test_a_model_directorys_place_table_is_part_of_its_identity(tmp_path: Path) -> None:
    """Retraining only the place table in the same directory must not reuse a pipeline cache."""
    from flows.pipeline import extraction_version

    folder = tmp_path / "mine"
    folder.mkdir()
    for name in (SIDECAR_FILE, ARRAYS_FILE):
        (folder / name).write_bytes((default_model_dir() / name).read_bytes())
    bare = model_label(folder)
    assert "+tab" not in bare
    (folder / "acled_places.tsv.gz").write_bytes(b"one table")
    first = model_label(folder)
    (folder / "acled_places.tsv.gz").write_bytes(b"another table")
    second = model_label(folder)
    assert first.startswith(bare + "+tab") and second.startswith(bare + "+tab") and first != second
    assert extraction_version(str(folder)).endswith(second)
    assert LearnedModel.load(folder).name == second
