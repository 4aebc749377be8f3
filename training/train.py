"""Train a typing model end to end: rows -> rules' verdicts -> features -> CV -> final fit -> model dir.

`train_model` is what `eventpipe train` and `scripts/train_default_model.py` call. It scores the
leave-one-region-out protocol first (training.cv; skipped with `cv=False` or when the rows span
fewer than two folds), takes the softmax temperature, the rule-decided verdicts and the confidence
calibration map from it, then
fits the final model on every modern-taxonomy row and writes it (training.export).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from extraction.learned.features import FeatureSpec
from training.corpus import REVIEWED_KINDS, TrainRow, fingerprint
from training.cv import CvReport, prepare, run_loro
from training.export import library_versions, write_model
from training.policy import Policy
from training.rules_adapter import RulesCache
from training.trainer import TrainSettings, fit_linear
from training.vectorize import choose_vocabulary, matrix

log = logging.getLogger(__name__)

__all__ = ["TrainResult", "train_model"]

Progress = Callable[[str], None]
MIN_ROWS = 2


class TrainingError(ValueError):
    """Training cannot start: too few labelled rows, or a single class."""


@dataclass(frozen=True)
class TrainResult:
    directory: Path
    rows: int
    classes: tuple[str, ...]
    report: CvReport | None


def train_model(
    rows: list[TrainRow],
    out: Path,
    settings: TrainSettings | None = None,
    spec: FeatureSpec | None = None,
    cache: RulesCache | None = None,
    cv: bool = True,
    limit_per_fold: int | None = None,
    progress: Progress | None = None,
) -> TrainResult:
    """Train on the modern-taxonomy rows of `rows` and write the model to `out`."""
    settings, spec = settings or TrainSettings(), spec or FeatureSpec()
    say = progress or (lambda message: None)
    labelled = [r for r in rows if r.sub_event_type is not None]
    if len(labelled) < MIN_ROWS or len({r.sub_event_type for r in labelled}) < 2:
        raise TrainingError(
            f"{len(labelled)} rows with a sub_event_type: "
            f"training needs at least {MIN_ROWS} rows of two types"
        )
    say(f"reading {len(labelled)} notes with the rules (cached verdicts are reused)")
    cache = cache or RulesCache(None)
    verdicts = cache.verdicts_for(
        [r.text for r in labelled], progress=lambda done, total: say(f"  rules: {done}/{total} new notes")
    )
    prepared = prepare(labelled, verdicts, spec)
    report = None
    if cv and len({r.region for r in labelled}) > 1:
        say("leave-one-region-out cross-validation")
        report = run_loro(prepared, settings, progress=lambda m: say(f"  {m}"), limit_per_fold=limit_per_fold)
    say(f"fitting the final model on {len(labelled)} rows")
    everything = np.arange(len(labelled))
    vocabulary = choose_vocabulary(prepared.table, everything, settings.max_features, settings.min_df)
    model = fit_linear(
        matrix(prepared.table, everything, vocabulary, spec.evidence_percent / 100),
        [r.sub_event_type or "" for r in labelled],
        settings,
        np.asarray([r.weight for r in labelled]),
    )
    policy = report.policy if report is not None else Policy()
    meta = {
        "fingerprint": fingerprint(labelled),
        "training_rows": len(labelled),
        "reviewed_examples": {kind: sum(r.kind == kind for r in labelled) for kind in REVIEWED_KINDS},
        "settings": settings.as_dict(),
        "temperature": report.temperature if report is not None else 1.0,
        "calibration": report.calibration.as_dict() if report and report.calibration else None,
        "policy": policy.as_dict(),
        "cv": report.as_dict() if report is not None else None,
        "library_versions": library_versions(),
        "data_terms": "Trained on ACLED data (acleddata.com), ACLED Terms of Use apply; no notes are stored.",
    }
    write_model(out, model, vocabulary.names, spec, meta)
    say(f"model written to {out}")
    return TrainResult(out, len(labelled), model.classes, report)
