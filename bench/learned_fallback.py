"""The model's fallback on notes the rules find no event in: what it gains (leave one region out)
and what it costs (false alarms on the negative sets), per probability threshold.

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

import argparse
import csv
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.learned.features import Evidence, FeatureSpec  # noqa: E402
from extraction.learned.model import encode  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import _combine, _metrics, choose_policy, prepare, run_loro  # noqa: E402
from training.rules_adapter import RulesCache, fallback_candidate, rules_evidence  # noqa: E402
from training.trainer import TrainSettings, fit_linear, softmax  # noqa: E402
from training.vectorize import choose_vocabulary, matrix  # noqa: E402

SHARED = ROOT.parent / "shared"
THRESHOLDS = (None, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
NEGATIVES = (ROOT / "bench" / "negatives.csv", ROOT / "bench" / "news_negatives.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", default="{}", help="FeatureSpec fields as JSON")
    parser.add_argument("--settings", default="{}", help="TrainSettings fields as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score at most N seeded rows per region")
    parser.add_argument("--rules-cache", type=Path, default=Path("/tmp/eventpipe_rules_cache.jsonl"))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.monotonic()
    paths = [SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))]
    rows = [r for r in read_rows(paths) if r.sub_event_type is not None]
    verdicts = RulesCache(args.rules_cache).verdicts_for([r.text for r in rows])
    spec, settings = FeatureSpec(**json.loads(args.spec)), TrainSettings(**json.loads(args.settings))
    prepared = prepare(rows, verdicts, spec)
    print(f"{len(rows)} rows, {int(prepared.candidates.sum())} fallback candidates "
          f"({time.monotonic() - started:.0f}s)", file=sys.stderr)
    report = run_loro(prepared, settings, lambda m: print(m, file=sys.stderr), limit_per_fold=args.limit)
    print(gain_table(report))
    print(cost_table(prepared, settings, spec, report.temperature))
    return 0


def gain_table(report) -> str:
    """Per threshold: candidates fired and right (pooled), and the mean combined metrics."""
    lines = ["threshold  fired  right  candidates  combined et/sub/F1 (mean over folds)"]
    names = list(report.outputs)
    for threshold in THRESHOLDS:
        fired = right = candidates = 0
        metrics = []
        for name in names:
            fold = report.outputs[name]
            others = [report.outputs[m] for m in names if m != name]
            combined, _ = _combine(fold, choose_policy(others, threshold))
            for sub, gold, rules, cand in zip(combined, fold["gold"], fold["rules"], fold["candidate"], strict=True):
                if rules is None and cand:
                    candidates += 1
                    fired += sub is not None
                    right += sub == gold
            metrics.append(_metrics(combined, fold["gold"]))
        mean = {k: np.mean([m[k] for m in metrics]) for k in ("event_type", "sub_event_type", "sub_event_macro_f1")}
        lines.append(f"{threshold!s:>9}  {fired:>5}  {right:>5}  {candidates:>10}  "
                     f"{mean['event_type']:.3f}/{mean['sub_event_type']:.3f}/{mean['sub_event_macro_f1']:.3f}")
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
            if verdict["sub_event_type"] is not None or not fallback_candidate(text):
                best.append(("", 0.0, text))
                continue
            ids, values = encode(text, Evidence.from_dict(verdict["evidence"]), names, spec)
            scores = np.asarray(values) @ model.weights[ids].astype(np.float64) + model.bias if ids else model.bias
            proba = softmax(np.asarray(scores, dtype=np.float64)[None, :], temperature)[0]
            best.append((model.classes[int(proba.argmax())], float(proba.max()), text))
        asked = sum(p > 0 for _, p, _ in best)
        lines.append(f"{path.name}: {len(texts)} negatives, {asked} would be asked")
        for threshold in THRESHOLDS[1:]:
            alarms = [(c, p, t) for c, p, t in best if p > 0 and p >= threshold]
            lines.append(f"  p >= {threshold}: {len(alarms)} false alarms ({len(alarms) / len(texts):.3f})")
        lines += [f"    {p:.2f} {c}: {t[:110]}" for c, p, t in sorted(best, key=lambda b: -b[1]) if p > 0]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
