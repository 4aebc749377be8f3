"""Leave-one-region-out experiments for the learned typing layer (numbers for issue 9).

    .venv/bin/python bench/learned_cv.py                       # the default settings, all rows
    .venv/bin/python bench/learned_cv.py --spec '{"char_min": 3, "char_max": 5}' --limit 1000
    .venv/bin/python bench/learned_cv.py --settings '{"alpha": 1e-5}'
    .venv/bin/python bench/learned_cv.py --legacy              # do legacy rows help event_type?

Reads ../shared/train/acled_corpus.csv.gz and ../shared/data/*.csv (never committed); the rules'
verdicts are cached in --rules-cache (default /tmp/eventpipe_rules_cache.jsonl), so the rules
read each note once across experiments. Writes the report as JSON to --out.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from experiment_args import experiment_parser, spec_and_settings  # noqa: E402  (bench/, beside this script)

from schemas.codebook import SUB_EVENT_PARENT  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import FOLDS, fold_of, format_report, prepare, run_loro  # noqa: E402
from training.rules_adapter import RulesCache  # noqa: E402
from training.trainer import TrainSettings, fit_linear  # noqa: E402
from training.vectorize import choose_vocabulary, matrix  # noqa: E402

SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = experiment_parser(__doc__)
    parser.add_argument("--legacy", action="store_true", help="event_type model with vs without legacy rows")
    parser.add_argument("--out", type=Path, default=Path("/tmp/eventpipe_learned_cv.json"))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.monotonic()
    paths = [SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))]
    rows = read_rows(paths)
    if not args.legacy:
        rows = [r for r in rows if r.sub_event_type is not None]
    cache = RulesCache(args.rules_cache)
    verdicts = cache.verdicts_for(
        [r.text for r in rows], lambda d, n: print(f"rules {d}/{n}", file=sys.stderr)
    )
    spec, settings = spec_and_settings(args)
    prepared = prepare(rows, verdicts, spec)
    print(f"{len(rows)} rows featurised in {time.monotonic() - started:.0f}s", file=sys.stderr)
    if args.legacy:
        result = legacy_experiment(prepared, settings, args.limit)
        print(json.dumps(result, indent=1))
        args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
        return 0
    report = run_loro(prepared, settings, lambda m: print(f"{m} ({time.monotonic() - started:.0f}s)",
                                                          file=sys.stderr), limit_per_fold=args.limit)
    print(f"spec {spec.as_dict()} settings {settings.as_dict()} limit {args.limit}")
    print(format_report(report))
    args.out.write_text(json.dumps(report.as_dict(), indent=1), encoding="utf-8")
    dump = {}
    for fold, o in report.outputs.items():
        dump[f"{fold}/scores"] = o["scores"]
        dump[f"{fold}/classes"] = np.asarray(o["classes"])
        dump[f"{fold}/gold"] = np.asarray(o["gold"])
        dump[f"{fold}/rules"] = np.asarray([r or "" for r in o["rules"]])
    np.savez_compressed(args.out.with_suffix(".npz"), **dump)  # out-of-region outputs, for policy studies
    return 0


def legacy_experiment(prepared, settings: TrainSettings, limit: int | None) -> dict:
    """Event-type accuracy (model alone) on each held-out region's modern rows: an event_type
    classifier trained on modern rows only vs on modern + legacy rows (mapped types)."""
    rows = prepared.rows
    folds = np.asarray([fold_of(r.region) or "" for r in rows])
    modern = np.asarray([r.sub_event_type is not None for r in rows])
    labelled = np.asarray([r.event_type is not None for r in rows])
    result: dict[str, dict[str, float]] = {}
    for name in FOLDS:
        test = np.flatnonzero((folds == name) & modern)
        if limit and len(test) > limit:
            test = np.sort(np.random.default_rng(0).choice(test, limit, replace=False))
        gold = [rows[i].event_type for i in test]
        scores = {}
        for variant, mask in (("modern only", modern), ("modern + legacy", labelled)):
            train = np.flatnonzero((folds != name) & mask)
            vocabulary = choose_vocabulary(prepared.table, train, settings.max_features, settings.min_df)
            model = fit_linear(matrix(prepared.table, train, vocabulary), [rows[i].event_type for i in train],
                               settings)
            best = model.scores(matrix(prepared.table, test, vocabulary)).argmax(axis=1)
            scores[variant] = float(np.mean([model.classes[b] == g for b, g in zip(best, gold, strict=True)]))
        sub_train = np.flatnonzero((folds != name) & modern)
        vocabulary = choose_vocabulary(prepared.table, sub_train, settings.max_features, settings.min_df)
        sub_model = fit_linear(matrix(prepared.table, sub_train, vocabulary),
                               [rows[i].sub_event_type for i in sub_train], settings)
        best = sub_model.scores(matrix(prepared.table, test, vocabulary)).argmax(axis=1)
        scores["from the sub-event model"] = float(
            np.mean([SUB_EVENT_PARENT[sub_model.classes[b]] == g for b, g in zip(best, gold, strict=True)])
        )
        result[name] = scores
        print(name, scores, file=sys.stderr, flush=True)
    variants = next(iter(result.values())).keys()
    result["mean"] = {v: float(np.mean([result[f][v] for f in FOLDS if f in result])) for v in variants}
    return result


if __name__ == "__main__":
    sys.exit(main())
