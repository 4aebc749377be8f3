"""The model's fallbacks on briefs the rules find no event in (dated: a date lead; undated: none):
what they gain (leave one region out) and cost (false alarms on the negative sets), per threshold.

    .venv/bin/python bench/learned_fallback.py [--limit N] [--settings JSON] [--spec JSON]

Gain: on each held-out region, the notes the rules find no event in that the engine would ask the
model about (note-shaped briefs: a date lead, no non-event filter firing; training.rules_adapter.
fallback_candidate), and how many of those the model types right at each threshold, with the
combined system's event_type / sub_event_type / macro-F1 at that threshold. Cost: the model
trained on every corpus row reads bench/negatives.csv and bench/news_negatives.csv (written for
this repository, not ACLED data); a negative is a false alarm at a threshold when the rules find
no event in it, the engine would ask the model, and the model's best class reaches the threshold.
The negatives are not training data; the threshold is chosen on them, so the false-alarm figure
at the chosen threshold is in-sample for that one choice.
"""

from __future__ import annotations

import csv
import logging
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dataclasses import replace  # noqa: E402

from experiment_args import experiment_parser, spec_and_settings  # noqa: E402  (bench/, beside this script)

from extraction.learned.features import Evidence, FeatureSpec  # noqa: E402
from extraction.learned.model import encode  # noqa: E402
from extraction.typing import DATED, UNDATED  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import choose_policy, class_f1, combine_fold, fold_metrics, prepare, run_loro  # noqa: E402
from training.rules_adapter import RulesCache, fallback_candidate, rules_evidence  # noqa: E402
from training.trainer import TrainSettings, fit_linear, softmax  # noqa: E402
from training.vectorize import choose_vocabulary, matrix  # noqa: E402

SHARED = ROOT.parent / "shared"
THRESHOLDS = (None, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
NEGATIVES = (ROOT / "bench" / "negatives.csv", ROOT / "bench" / "news_negatives.csv")


def main() -> int:
    parser = experiment_parser(__doc__)
    parser.add_argument("--out", type=Path, default=None, help="save the out-of-region outputs (.npz)")
    parser.add_argument("--no-cost", action="store_true", help="skip the negatives (no final fit)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.monotonic()
    paths = [SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))]
    rows = [r for r in read_rows(paths) if r.sub_event_type is not None]
    verdicts = RulesCache(args.rules_cache).verdicts_for([r.text for r in rows])
    spec, settings = spec_and_settings(args)
    prepared = prepare(rows, verdicts, spec)
    print(f"{len(rows)} rows, {int((prepared.candidates != '').sum())} fallback candidates "
          f"({time.monotonic() - started:.0f}s)", file=sys.stderr)
    report = run_loro(prepared, settings, lambda m: print(m, file=sys.stderr), limit_per_fold=args.limit)
    print(f"spec {spec.as_dict()} settings {settings.as_dict()} limit {args.limit}", flush=True)
    print(gain_table(report, DATED), flush=True)
    print(gain_table(report, UNDATED), flush=True)
    print(per_class_table(report), flush=True)
    if args.out is not None:
        save_outputs(report, args.out)
    if not args.no_cost:
        print(cost_table(prepared, settings, spec, report.temperature))
    return 0


def save_outputs(report, path: Path) -> None:
    """Per fold: class scores, classes, gold, the rules' verdicts and the fallback candidates."""
    dump = {}
    for fold, o in report.outputs.items():
        dump[f"{fold}/scores"] = o["scores"]
        dump[f"{fold}/proba"] = o["proba"]
        dump[f"{fold}/classes"] = np.asarray(o["classes"])
        dump[f"{fold}/gold"] = np.asarray(o["gold"])
        dump[f"{fold}/rules"] = np.asarray([r or "" for r in o["rules"]])
        dump[f"{fold}/candidate"] = np.asarray(o["candidate"])
    np.savez_compressed(path, **dump)


def gain_table(report, kind: str = DATED) -> str:
    """Per threshold of the `kind` fallback (the other one as trained): candidates of that kind
    fired and right (pooled), and the mean combined metrics."""
    field = "fallback_probability" if kind == DATED else "undated_fallback_probability"
    lines = [f"{kind} fallback: threshold  fired  right  candidates  combined et/sub/F1 (mean over folds)"]
    names = list(report.outputs)
    fallbacks = report.policy.fallback_probability, report.policy.undated_fallback_probability
    policies = {n: choose_policy([report.outputs[m] for m in names if m != n], *fallbacks) for n in names}
    for threshold in THRESHOLDS:
        fired = right = candidates = 0
        metrics = []
        for name in names:
            fold = report.outputs[name]
            combined, _ = combine_fold(fold, replace(policies[name], **{field: threshold}))
            rows = zip(combined, fold["gold"], fold["rules"], fold["candidate"], strict=True)
            for sub, gold, rules, cand in rows:
                if rules is None and cand == kind:
                    candidates += 1
                    fired += sub is not None
                    right += sub == gold
            metrics.append(fold_metrics(combined, fold["gold"]))
        mean = {k: np.mean([m[k] for m in metrics]) for k in metrics[0]}
        lines.append(f"{threshold!s:>9}  {fired:>5}  {right:>5}  {candidates:>10}  "
                     f"{mean['event_type']:.3f}/{mean['sub_event_type']:.3f}/{mean['sub_event_macro_f1']:.3f}")
    return "\n".join(lines)


def per_class_table(report) -> str:
    """F1 per gold class, mean over the folds where the class occurs (model alone, combined)."""
    names = list(report.outputs)
    fallbacks = report.policy.fallback_probability, report.policy.undated_fallback_probability
    policies = {n: choose_policy([report.outputs[m] for m in names if m != n], *fallbacks) for n in names}
    scores: dict[str, dict[str, list[float]]] = {}
    for name in names:
        fold = report.outputs[name]
        combined, _ = combine_fold(fold, policies[name])
        for label in sorted(set(fold["gold"])):
            entry = scores.setdefault(label, {"n": [], "rules": [], "model": [], "combined": []})
            entry["n"].append(sum(g == label for g in fold["gold"]))
            systems = (("rules", fold["rules"]), ("model", fold["model"]), ("combined", combined))
            for system, predicted in systems:
                entry[system].append(class_f1(predicted, fold["gold"], label))
    lines = ["class  rows  folds  F1 rules / model / combined (mean over folds holding it)"]
    for label, e in sorted(scores.items(), key=lambda kv: np.mean(kv[1]["combined"])):
        lines.append(f"{label:<40}{sum(e['n']):>6} {len(e['n']):>2}  {np.mean(e['rules']):.3f} / "
                     f"{np.mean(e['model']):.3f} / {np.mean(e['combined']):.3f}")
    return "\n".join(lines)


def cost_table(prepared, settings: TrainSettings, spec: FeatureSpec, temperature: float) -> str:
    """False alarms per threshold on each negative set, with a model fitted on every row."""
    everything = np.arange(len(prepared.rows))
    vocabulary = choose_vocabulary(prepared.table, everything, settings.max_features, settings.min_df)
    model = fit_linear(matrix(prepared.table, everything, vocabulary, spec.evidence_percent / 100),
                       [r.sub_event_type or "" for r in prepared.rows], settings)
    names = vocabulary.as_dict()
    lines = []
    for path in NEGATIVES:
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [row["notes"] for row in csv.DictReader(handle)]
        best = []
        for text in texts:
            verdict = rules_evidence(text)
            kind = fallback_candidate(text)
            if verdict["sub_event_type"] is not None or not kind:
                best.append(("", 0.0, "", text))
                continue
            ids, values = encode(text, Evidence.from_dict(verdict["evidence"]), names, spec)
            scores = model.bias + (np.asarray(values) @ model.weights[ids].astype(np.float64) if ids else 0.0)
            proba = softmax(np.asarray(scores, dtype=np.float64)[None, :], temperature)[0]
            best.append((model.classes[int(proba.argmax())], float(proba.max()), kind, text))
        for kind in (DATED, UNDATED):
            asked = [b for b in best if b[1] > 0 and b[2] == kind]
            lines.append(f"{path.name}: {len(texts)} negatives, {len(asked)} would be asked ({kind})")
            for threshold in THRESHOLDS[1:]:
                alarms = [b for b in asked if b[1] >= threshold]
                rate = len(alarms) / len(texts)
                lines.append(f"  p >= {threshold}: {len(alarms)} false alarms ({rate:.3f})")
            lines += [f"    {p:.2f} {c}: {t[:110]}" for c, p, _, t in sorted(asked, key=lambda b: -b[1])]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
