"""Leave one region out: the figure that decides every rule or model change.

For each fold (a region, or a group of small ones) the model is trained on every other region and
scored on the fold's modern-taxonomy rows, next to the rules alone and the combined system
(training.policy). The combined system's rule-decided verdicts for fold R are chosen on the other
folds' out-of-region predictions only, and its probabilities use a temperature fitted on the
other folds too, so no figure of fold R has seen R. The confidence calibration map
(training.calibration) is fitted on the pooled out-of-region (confidence, right?) pairs of all
folds for the model to keep, and measured nested: fold R's confidences through a map fitted on
the other folds' pairs (those pairs' temperature and threshold were fitted on folds that include
R: one scalar each, a small leak the figures state). Scores: event_type and sub_event_type
accuracy and sub_event_type macro-F1 (over the fold's gold classes); a note the rules find no
event in counts as wrong for the rules, and for the combined system unless the model's fallback
types it (a brief no non-event filter rejects, `TrainSettings.fallback_probability` with a date
lead, `undated_fallback_probability` without; see extraction.learned.policy).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from extraction.learned.calibration import Calibration
from extraction.learned.features import Evidence, FeatureSpec
from extraction.typing import DATED, unarmed_crowd_against_state
from schemas.codebook import SUB_EVENT_PARENT
from training.calibration import expected_calibration_error, fit_calibration, nested_calibrated
from training.corpus import TrainRow
from training.policy import EXPLICIT_CASES, Policy, choose_rule_decided, decide, fallback
from training.rules_adapter import fallback_candidate
from training.trainer import TrainSettings, fit_linear, fit_temperature, softmax
from training.vectorize import GramTable, build_table, choose_vocabulary, matrix

log = logging.getLogger(__name__)

__all__ = ["FOLDS", "CvReport", "Prepared", "choose_policy", "class_f1", "combine_fold", "fold_metrics",
           "format_report", "macro_f1", "prepare", "report_from_outputs", "run_loro"]

FOLDS: dict[str, tuple[str, ...]] = {
    "South Asia": ("South Asia",),
    "Southeast Asia": ("Southeast Asia",),
    "Eastern Africa": ("Eastern Africa",),
    "Western Africa": ("Western Africa",),
    "Northern Africa": ("Northern Africa",),
    "Europe": ("Europe",),
    "Middle + Southern Africa": ("Middle Africa", "Southern Africa"),
    "Americas": ("Central America", "South America", "Caribbean"),
}
SYSTEMS = ("rules", "model", "combined")
# The model overrides the rules only where it is more likely right than wrong (p >= 0.5). With
# 0.0 and 0.4 allowed too, LORO chose 0.4 (sqrt class weights flatten the probabilities):
# combined 0.896/0.863/F1 0.649 against 0.898/0.867/0.643, and on news prose, which LORO does
# not measure, it overrode the rules on a seed article's bombing (p 0.44) and lost it.
MIN_PROBABILITIES = (0.5, 0.6, 0.7)
BINS = np.linspace(0.0, 1.0, 11)

Progress = Callable[[str], None]


@dataclass
class Prepared:
    """Rows with the rules' verdicts and their grams, featurised once for every fold."""

    rows: list[TrainRow]
    rules_sub: list[str | None]
    evidences: list[Evidence]
    table: GramTable
    spec: FeatureSpec
    candidates: np.ndarray  # per row: the rules found no event and the engine would ask the model
    # under the 'dated' or the 'undated' fallback ('' : not at all)


@dataclass
class FoldResult:
    name: str
    test: np.ndarray
    classes: tuple[str, ...]
    scores: np.ndarray  # test rows x classes (raw class scores)


@dataclass
class CvReport:
    """Per-fold metrics per system, the chosen policy per fold and the reliability table."""

    folds: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    policy_per_fold: dict[str, dict] = field(default_factory=dict)
    temperature: float = 1.0
    policy: Policy = field(default_factory=Policy)
    reliability: list[dict] = field(default_factory=list)
    reliability_calibrated: list[dict] = field(default_factory=list)  # nested: map fitted on the other folds
    ece: dict[str, float] = field(default_factory=dict)
    calibration: Calibration | None = None
    settings: dict = field(default_factory=dict)
    outputs: dict[str, dict] = field(default_factory=dict)  # per fold: gold, rules, model, scores, classes
    # sub_event_type macro-F1 over every fold's out-of-region predictions at once, per system: a
    # type a fold holds a handful of notes of weighs as much as the others in a fold's mean
    pooled_macro_f1: dict[str, float] = field(default_factory=dict)

    def mean(self, system: str) -> dict[str, float]:
        names = ("event_type", "sub_event_type", "sub_event_macro_f1")
        values = [self.folds[f][system] for f in self.folds]
        return {n: float(np.mean([v[n] for v in values])) for n in names}

    def as_dict(self) -> dict:
        return {
            "protocol": "leave one region out; modern-taxonomy rows of the held-out region",
            "folds": {f: {s: _rounded(m) for s, m in v.items()} for f, v in self.folds.items()},
            "rows_per_fold": self.sizes,
            "mean": {s: _rounded(self.mean(s)) for s in SYSTEMS},
            "pooled_sub_event_macro_f1": _rounded(self.pooled_macro_f1),
            "policy_per_fold": {f: p["min_probability"] for f, p in self.policy_per_fold.items()},
            "policy": self.policy.as_dict(),
            "temperature": self.temperature,
            "reliability_combined": self.reliability,
            "reliability_calibrated_nested": self.reliability_calibrated,
            "ece": self.ece,
            "settings": self.settings,
        }


def _rounded(metrics: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in metrics.items()}


def prepare(rows: list[TrainRow], verdicts: Sequence[dict], spec: FeatureSpec) -> Prepared:
    """Attach the rules' verdicts (training.rules_adapter) and featurise every row once."""
    evidences = [Evidence.from_dict(v["evidence"]) for v in verdicts]
    table = build_table([r.text for r in rows], evidences, spec)
    rules_sub = [v["sub_event_type"] for v in verdicts]
    pairs = zip(rows, rules_sub, strict=True)
    candidates = np.asarray([(sub is None and fallback_candidate(r.text)) or "" for r, sub in pairs])
    return Prepared(rows, rules_sub, evidences, table, spec, candidates)


def fold_of(region: str) -> str | None:
    for name, regions in FOLDS.items():
        if region in regions:
            return name
    return None


def run_loro(
    prepared: Prepared,
    settings: TrainSettings,
    progress: Progress | None = None,
    limit_per_fold: int | None = None,
    seed: int = 0,
) -> CvReport:
    """Train without each fold, score it, then derive the policy, calibration and metrics."""
    folds = np.asarray([fold_of(r.region) or "" for r in prepared.rows])
    modern = np.asarray([r.sub_event_type is not None for r in prepared.rows])
    results = []
    for name in FOLDS:
        test = np.flatnonzero((folds == name) & modern)
        if limit_per_fold and len(test) > limit_per_fold:
            test = np.sort(np.random.default_rng(seed).choice(test, limit_per_fold, replace=False))
        if not len(test):
            continue
        train = np.flatnonzero((folds != name) & modern)
        results.append(_train_and_score(prepared, name, train, test, settings))
        if progress is not None:
            progress(f"fold {name}: trained on {len(train)} rows, scored {len(test)}")
    return _report(prepared, results, settings)


def _train_and_score(
    prepared: Prepared, name: str, train: np.ndarray, test: np.ndarray, settings: TrainSettings
) -> FoldResult:
    vocabulary = choose_vocabulary(prepared.table, train, settings.max_features, settings.min_df)
    labels = [prepared.rows[i].sub_event_type or "" for i in train]
    value = prepared.spec.evidence_percent / 100
    weights = np.asarray([prepared.rows[i].weight for i in train])
    model = fit_linear(matrix(prepared.table, train, vocabulary, value), labels, settings, weights)
    scores = model.scores(matrix(prepared.table, test, vocabulary, value))
    return FoldResult(name, test, model.classes, scores)


def _report(prepared: Prepared, results: list[FoldResult], settings: TrainSettings) -> CvReport:
    """Metrics per fold, each fold's policy and temperature fitted on the other folds only."""
    return report_from_outputs({r.name: _fold_outputs(prepared, r) for r in results}, settings)


def report_from_outputs(outputs: dict[str, dict], settings: TrainSettings) -> CvReport:
    """The report from saved out-of-region outputs (per fold: gold, rules, candidate, model,
    scores, classes), so a rules or policy change is measured without retraining."""
    report = CvReport(settings=settings.as_dict())
    report.outputs = outputs
    names = list(outputs)
    temperatures = {n: _temperature([outputs[m] for m in names if m != n]) for n in names}
    for n in names:
        outputs[n]["proba"] = softmax(outputs[n]["scores"], temperatures[n])
    fold_conf, fold_ok = [], []
    pooled: dict[str, list] = {"gold": [], "rules": [], "model": [], "combined": []}
    for name in names:
        fold = outputs[name]
        policy = choose_policy([outputs[m] for m in names if m != name], *_fallbacks(settings))
        combined, confidence = combine_fold(fold, policy)
        for key, values in (("gold", fold["gold"]), ("rules", fold["rules"]), ("model", fold["model"])):
            pooled[key].extend(values)
        pooled["combined"].extend(combined)
        report.folds[name] = {
            "rules": fold_metrics(fold["rules"], fold["gold"]),
            "model": fold_metrics(fold["model"], fold["gold"]),
            "combined": fold_metrics(combined, fold["gold"]),
        }
        report.sizes[name] = len(fold["gold"])
        report.policy_per_fold[name] = policy.as_dict()
        typed = [k for k, s in enumerate(combined) if s is not None]
        fold_conf.append(np.asarray([confidence[k] for k in typed], dtype=float))
        fold_ok.append(np.asarray([combined[k] == fold["gold"][k] for k in typed], dtype=bool))
    report.pooled_macro_f1 = {s: macro_f1(pooled[s], pooled["gold"]) for s in SYSTEMS if pooled["gold"]}
    report.temperature = _temperature(list(outputs.values()))
    report.policy = choose_policy(list(outputs.values()), *_fallbacks(settings))
    _calibrate(report, fold_conf, fold_ok)
    return report


def _calibrate(report: CvReport, fold_conf: list[np.ndarray], fold_ok: list[np.ndarray]) -> None:
    """The reliability tables and ECE before and after calibration (nested), and the map to keep."""
    if not fold_conf:
        return
    stated, correct = np.concatenate(fold_conf), np.concatenate(fold_ok).astype(float)
    calibrated = np.concatenate(nested_calibrated(fold_conf, fold_ok))
    report.reliability = reliability(stated, correct)
    report.reliability_calibrated = reliability(calibrated, correct)
    report.ece = {
        "stated": expected_calibration_error(stated, correct),
        "calibrated_nested": expected_calibration_error(calibrated, correct),
    }
    if len(fold_conf) > 1 and len(np.unique(correct)) > 1:
        report.calibration = fit_calibration(stated, correct)


def _fallbacks(settings: TrainSettings) -> tuple[float | None, float | None]:
    return settings.fallback_probability, settings.undated_fallback_probability


def choose_policy(
    outputs: list[dict],
    fallback_probability: float | None = None,
    undated_fallback_probability: float | None = None,
) -> Policy:
    """The policy measured best on `outputs` (folds with calibrated 'proba'): the model decides
    where its best class reaches a probability threshold (chosen from MIN_PROBABILITIES), else
    the rules' verdict stands, except the explicit codebook cases (training.policy.EXPLICIT_CASES)
    the rules beat the model on in `outputs`, which stay rule-decided. Keeping every explicit case
    rule-decided, or every verdict the rules win elsewhere, measured worse (bench/learned_policy.py).
    The fallback thresholds are fixed by the caller: the corpus holds no non-events, so its cost
    (false alarms) is measured on the negative sets (bench/learned_fallback.py), not here."""
    won, precision = choose_rule_decided(
        _concat(o["rules"] for o in outputs), _concat(o["model"] for o in outputs),
        _concat(o["gold"] for o in outputs),
    )
    decided = won & EXPLICIT_CASES

    def correct(threshold: float) -> int:
        policy = Policy(decided, precision, threshold, fallback_probability, undated_fallback_probability)
        return sum(
            sum(p == g for p, g in zip(combine_fold(o, policy)[0], o["gold"], strict=True)) for o in outputs
        )

    best = max(MIN_PROBABILITIES, key=lambda t: (correct(t), -t))
    return Policy(decided, precision, best, fallback_probability, undated_fallback_probability)


def combine_fold(fold: dict, policy: Policy) -> tuple[list[str | None], list[float]]:
    """The combined system's sub-event verdicts and confidences on one fold's saved outputs, under
    `policy` (public: the benchmarks replay policies on saved folds without retraining)."""
    combined, confidence = [], []
    crowds = fold.get("crowd") or [False] * len(fold["rules"])  # saved outputs before 0.3.5 have none
    rows = zip(fold["rules"], fold["proba"], fold["candidate"], crowds, strict=True)
    for rules_sub, proba, candidate, crowd in rows:
        sub, conf, _ = decide(rules_sub, proba, fold["classes"], policy, crowd)
        if rules_sub is None and candidate:
            sub, conf = fallback(proba, fold["classes"], policy, dated=candidate == DATED)
        combined.append(sub)
        confidence.append(conf)
    return combined, confidence


def _fold_outputs(prepared: Prepared, result: FoldResult) -> dict:
    best = result.scores.argmax(axis=1)
    return {
        "gold": [prepared.rows[i].sub_event_type for i in result.test],
        "rules": [prepared.rules_sub[i] for i in result.test],
        "candidate": prepared.candidates[result.test].tolist(),
        "crowd": [_unarmed_crowd(prepared, i) for i in result.test],
        "model": [result.classes[j] for j in best],
        "scores": result.scores,
        "classes": result.classes,
    }


def _unarmed_crowd(prepared: Prepared, i: int) -> bool:
    evidence = prepared.evidences[i]
    return unarmed_crowd_against_state(evidence.inter1, evidence.inter2, prepared.rows[i].text)


def _concat(lists) -> list:
    return [x for part in lists for x in part]


def _temperature(outputs: list[dict]) -> float:
    """One temperature over folds whose class lists may differ: each fold's true-class index."""
    scores, truth = [], []
    for o in outputs:
        index = {c: i for i, c in enumerate(o["classes"])}
        keep = [k for k, g in enumerate(o["gold"]) if g in index]
        width = len(o["classes"])
        padded = np.full((len(keep), len(SUB_EVENT_PARENT)), -1e9)
        padded[:, :width] = o["scores"][keep]
        scores.append(padded)
        truth.append([index[o["gold"][k]] for k in keep])
    return fit_temperature(np.vstack(scores), np.concatenate(truth)) if scores else 1.0


def fold_metrics(predicted: Sequence[str | None], gold: Sequence[str]) -> dict[str, float]:
    """event_type and sub_event_type accuracy and sub-event macro-F1 of one fold's verdicts."""
    n = len(gold)
    sub_ok = sum(p == g for p, g in zip(predicted, gold, strict=True))
    et_ok = sum(
        p is not None and SUB_EVENT_PARENT[p] == SUB_EVENT_PARENT[g]
        for p, g in zip(predicted, gold, strict=True)
    )
    return {
        "event_type": et_ok / n,
        "sub_event_type": sub_ok / n,
        "sub_event_macro_f1": macro_f1(predicted, gold),
        "coverage": sum(p is not None for p in predicted) / n,
    }


def macro_f1(predicted: Sequence[str | None], gold: Sequence[str]) -> float:
    """Mean F1 over the gold classes present (a missing prediction is a miss for its gold class)."""
    scores = [class_f1(predicted, gold, label) for label in sorted(set(gold))]
    return float(np.mean(scores)) if scores else 0.0


def class_f1(predicted: Sequence[str | None], gold: Sequence[str], label: str) -> float:
    """F1 of one class (0 when it is never predicted right): the per-class view macro-F1 averages."""
    tp = sum(p == label and g == label for p, g in zip(predicted, gold, strict=True))
    fp = sum(p == label and g != label for p, g in zip(predicted, gold, strict=True))
    fn = sum(g == label and p != label for p, g in zip(predicted, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def reliability(confidence: np.ndarray, correct: np.ndarray) -> list[dict]:
    """Predicted-confidence bins against observed accuracy."""
    table = []
    for low, high in zip(BINS[:-1], BINS[1:], strict=True):
        inside = (confidence >= low) & ((confidence < high) | (high == 1.0))
        if inside.any():
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "n": int(inside.sum()),
                    "mean_confidence": round(float(confidence[inside].mean()), 3),
                    "accuracy": round(float(correct[inside].mean()), 3),
                }
            )
    return table


def format_report(report: CvReport) -> str:
    """The per-fold table (event_type / sub_event_type / macro-F1 per system) and the mean."""
    columns = "  ".join(f"{s + ' et/sub/F1':<22}" for s in SYSTEMS)
    head = f"{'fold (held out)':<26}{'rows':>6}  {columns}"
    lines = [head, "-" * len(head)]
    for name, systems in report.folds.items():
        cells = "  ".join(_cell(systems[s]) for s in SYSTEMS)
        lines.append(f"{name:<26}{report.sizes[name]:>6}  {cells}")
    lines.append("-" * len(head))
    lines.append(f"{'mean':<26}{'':>6}  " + "  ".join(_cell(report.mean(s)) for s in SYSTEMS))
    if report.pooled_macro_f1:
        lines.append("sub_event_type macro-F1 pooled over the folds' out-of-region predictions: " + ", ".join(
            f"{s} {report.pooled_macro_f1[s]:.3f}" for s in SYSTEMS))
    threshold = report.policy.min_probability
    lines.append(f"temperature {report.temperature}; policy: the model decides where its best class has "
                 f"p >= {threshold}, else the rules' verdict stands (thresholds chosen on the other folds); "
                 f"rule-decided: {', '.join(sorted(report.policy.rule_decided)) or 'none'}; "
                 f"fallback on briefs the rules find no event in: p >= "
                 f"{report.policy.fallback_probability} (date lead), "
                 f"{report.policy.undated_fallback_probability} (none)")
    for title, table in (
        ("stated", report.reliability),
        ("calibrated by a map fitted on the other folds", report.reliability_calibrated),
    ):
        lines.append(f"reliability (combined, out of region, {title}): bin, n, mean confidence, accuracy")
        lines += [f"  {b['bin']}  {b['n']:>6}  {b['mean_confidence']:.3f}  {b['accuracy']:.3f}"
                  for b in table]
    if report.ece:
        ece = report.ece
        lines.append(f"ECE stated {ece['stated']:.4f}, calibrated (nested) {ece['calibrated_nested']:.4f}")
    return "\n".join(lines)


def _cell(metrics: dict[str, float]) -> str:
    et, sub, f1 = metrics["event_type"], metrics["sub_event_type"], metrics["sub_event_macro_f1"]
    return f"{et:.3f}/{sub:.3f}/{f1:.3f}".ljust(22)
