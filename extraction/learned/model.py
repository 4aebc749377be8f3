"""The learned typing model at inference: plain arrays and a JSON sidecar, read with numpy only.

A model directory holds `model.npz` (arrays written without pickle: `weights` features x classes,
`bias`, and `vocabulary`, the feature names as UTF-8 joined by newlines) and `model.json` (the
feature definition, the classes, the softmax temperature fitted on out-of-region predictions,
the confidence calibration map (extraction.learned.calibration), the training-data fingerprint,
library versions and cross-validated metrics). The model scores
sub-event types; an event type's probability is the sum over its sub-event types (the codebook's
hierarchy in schemas.codebook), so the two decisions never disagree.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from extraction.learned.calibration import Calibration
from extraction.learned.features import Evidence, FeatureSpec, evidence_grams, text_grams
from extraction.learned.policy import Policy
from schemas.codebook import SUB_EVENT_PARENT

__all__ = [
    "ARRAYS_FILE",
    "DEFAULT_MODEL",
    "NO_MODEL",
    "SIDECAR_FILE",
    "LearnedModel",
    "ModelError",
    "default_model_dir",
    "encode",
    "model_label",
    "resolve_model_dir",
]

ARRAYS_FILE = "model.npz"
SIDECAR_FILE = "model.json"
FORMAT = "eventpipe-typing-model/1"
DEFAULT_MODEL = "default"  # the packaged model (when present)
NO_MODEL = "none"  # the rules alone


class ModelError(ValueError):
    """A model directory that cannot be read: missing files, another format, inconsistent arrays."""


def default_model_dir() -> Path:
    """The packaged default model (extraction/data/model/, built by scripts/train_default_model.py)."""
    return Path(str(resources.files("extraction.data").joinpath("model")))


def resolve_model_dir(choice: str | Path | None) -> Path | None:
    """The model directory a user's choice names: 'default' (or None) is the packaged model when
    it is installed, 'none' the rules alone, anything else a directory (which must hold a model)."""
    text = str(choice) if choice is not None else DEFAULT_MODEL
    if text.strip().lower() == NO_MODEL:
        return None
    if text.strip().lower() == DEFAULT_MODEL:
        folder = default_model_dir()
        return folder if (folder / SIDECAR_FILE).is_file() else None
    folder = Path(text).expanduser().resolve()
    if not (folder / SIDECAR_FILE).is_file() or not (folder / ARRAYS_FILE).is_file():
        raise ModelError(f"{folder}: not a model directory (needs {SIDECAR_FILE} and {ARRAYS_FILE})")
    return folder


def model_label(folder: Path | None) -> str:
    """How runs and caches name a model without loading its arrays: 'none', or
    'DIRNAME@FINGERPRINT12' from its sidecar ('+cal' and 8 hex digits more with a calibration map:
    the map changes the records' confidence, so a pipeline cache made without it is not reused)."""
    if folder is None:
        return NO_MODEL
    label = _label(folder.name, json.loads((folder / SIDECAR_FILE).read_text(encoding="utf-8")))
    return label + _tables_digest(folder)


def _tables_digest(folder: Path) -> str:
    """'+tab' and 8 hex digits over the directory's other files (the place and source tables
    `eventpipe train` writes beside the model): they change records' places, so retraining them in
    the same directory must not reuse a pipeline cache. Empty when the directory holds only the
    model itself, as the packaged default does."""
    others = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in (SIDECAR_FILE, ARRAYS_FILE))
    if not others:
        return ""
    digest = hashlib.sha256()
    for path in others:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return f"+tab{digest.hexdigest()[:8]}"


def _label(name: str, meta: dict) -> str:
    label = f"{name}@{str(meta.get('fingerprint', ''))[:12]}"
    calibration = meta.get("calibration")
    if not calibration:
        return label
    digest = hashlib.sha256(json.dumps(calibration, sort_keys=True).encode("utf-8")).hexdigest()
    return f"{label}+cal{digest[:8]}"


def encode(
    text: str, evidence: Evidence | None, vocabulary: dict[str, int], spec: FeatureSpec
) -> tuple[list[int], list[float]]:
    """Feature indices and values of one text: known text grams share a unit L2 norm (binary
    presence), each rules' evidence gram counts `spec.evidence_percent` / 100. Sorted by index,
    so the encoding is canonical."""
    known = vocabulary.get  # one probe per gram (this set is most of the model's CPU time)
    text_ids = {index for gram in text_grams(text, spec) if (index := known(gram)) is not None}
    weight = 1.0 / math.sqrt(len(text_ids)) if text_ids else 0.0
    values = dict.fromkeys(text_ids, weight)
    if evidence is not None:
        for gram in evidence_grams(evidence):
            index = vocabulary.get(gram)
            if index is not None:
                values[index] = spec.evidence_percent / 100
    ordered = sorted(values)
    return ordered, [values[i] for i in ordered]


@dataclass(frozen=True)
class LearnedModel:
    """A linear sub-event type classifier over text and rules-evidence grams."""

    classes: tuple[str, ...]
    weights: np.ndarray  # float16 as stored, features x classes (rows are gathered, then widened)
    bias: np.ndarray  # float32, classes
    vocabulary: dict[str, int]
    spec: FeatureSpec
    temperature: float
    policy: Policy
    meta: dict
    path: str = ""
    calibration: Calibration | None = None  # None: a model trained without cross-validation

    @classmethod
    def load(cls, directory: Path | str) -> LearnedModel:
        """Read a model directory (cached per path: the engine asks once per process)."""
        return _load(str(Path(directory).resolve()))

    @property
    def name(self) -> str:
        """How runs record the model (as `model_label`): its directory name, training-data
        fingerprint and calibration map."""
        return model_label(Path(self.path)) if self.path else _label("", self.meta)

    def logits(self, text: str, evidence: Evidence | None) -> np.ndarray:
        indices, values = encode(text, evidence, self.vocabulary, self.spec)
        scores = self.bias.astype(np.float64)
        if indices:
            scores = scores + np.asarray(values) @ self.weights[indices].astype(np.float64)
        return scores

    def predict_proba(self, text: str, evidence: Evidence | None = None) -> np.ndarray:
        """Calibrated probabilities over `classes` (a softmax of the class scores at the
        temperature fitted on out-of-region predictions)."""
        return _softmax(self.logits(text, evidence) / self.temperature)

    def calibrate(self, confidence: float) -> float:
        """The record's confidence for the policy's `confidence`: the accuracy observed out of
        region at that stated confidence (the sidecar's calibration map), or itself without a map."""
        return confidence if self.calibration is None else self.calibration.apply(confidence)

    def top(self, text: str, evidence: Evidence | None = None, k: int = 3) -> list[tuple[str, float]]:
        """The k likeliest sub-event types with their probabilities, likeliest first."""
        return self.ranked(self.predict_proba(text, evidence), k)

    def ranked(self, proba: np.ndarray, k: int = 3) -> list[tuple[str, float]]:
        """The k likeliest classes of a `predict_proba` answer, likeliest first."""
        order = np.argsort(-proba, kind="stable")[:k]
        return [(self.classes[i], float(proba[i])) for i in order]

    def event_type_proba(self, proba: np.ndarray) -> dict[str, float]:
        """Event type -> probability: the sum over its sub-event types."""
        totals: dict[str, float] = {}
        for sub, p in zip(self.classes, proba, strict=True):
            parent = SUB_EVENT_PARENT[sub]
            totals[parent] = totals.get(parent, 0.0) + float(p)
        return totals


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max())
    return shifted / shifted.sum()


@cache
def _load(directory: str) -> LearnedModel:
    folder = Path(directory)
    sidecar, arrays_path = folder / SIDECAR_FILE, folder / ARRAYS_FILE
    if not sidecar.is_file() or not arrays_path.is_file():
        raise ModelError(f"{folder}: not a model directory (needs {SIDECAR_FILE} and {ARRAYS_FILE})")
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ModelError(f"{sidecar}: format {meta.get('format')!r}, expected {FORMAT!r}")
    with np.load(arrays_path, allow_pickle=False) as arrays:
        weights = arrays["weights"]
        bias = arrays["bias"].astype(np.float32)
        names = arrays["vocabulary"].tobytes().decode("utf-8").split("\n")
    classes = tuple(meta["classes"])
    if weights.shape != (len(names), len(classes)) or bias.shape != (len(classes),):
        raise ModelError(f"{arrays_path}: arrays do not match the sidecar's {len(classes)} classes")
    unknown = [c for c in classes if c not in SUB_EVENT_PARENT]
    if unknown:
        raise ModelError(f"{sidecar}: classes outside the codebook: {unknown}")
    try:
        calibration = Calibration.from_dict(meta.get("calibration"))
    except (KeyError, ValueError) as error:
        raise ModelError(f"{sidecar}: calibration map: {error}") from error
    return LearnedModel(
        classes=classes,
        weights=weights,
        bias=bias,
        vocabulary=dict(zip(names, range(len(names)), strict=True)),
        spec=FeatureSpec.from_dict(meta["features"]),
        temperature=float(meta.get("temperature", 1.0)),
        policy=Policy.from_dict(meta.get("policy")),
        meta=meta,
        path=directory,
        calibration=calibration,
    )
