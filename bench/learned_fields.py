"""Leave one region out for fields other than the type (issue 9): does a model beat the rules on
inter1 (actor1's kind), fatal versus non-fatal, and civilian targeting?

    .venv/bin/python bench/learned_fields.py [--rules-cache FILE] [--fields inter1,fatal,civilian]

For each fold the field's model (the typing model's features: text grams plus the rules'
evidence, one-vs-rest logistic regression) is trained on the other regions' labelled rows and
scored on the fold's, next to the rules' own value for the same note (their first event's
inter1, whether they counted a death, whether they coded civilian targeting). Scored on the
notes the rules found an event in: only those become records whose field a model could set.
Civilian targeting is labelled only in exports that carry the column (a file that has the
column at all: empty means not targeted); the rules' value is read by running them again on
those notes. Reads the shared corpus (never committed); prints the table.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.document import Document  # noqa: E402
from extraction.engine import extract_events  # noqa: E402
from extraction.learned.features import FeatureSpec  # noqa: E402
from extraction.resources import Resources  # noqa: E402
from schemas.codebook import inter_code  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import FOLDS, fold_of, macro_f1, prepare  # noqa: E402
from training.rules_adapter import RulesCache  # noqa: E402
from training.trainer import TrainSettings, fit_linear  # noqa: E402
from training.vectorize import choose_vocabulary, matrix  # noqa: E402

SHARED = ROOT.parent / "shared"
CIVILIANS = "Civilian targeting"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rules-cache", type=Path, default=Path("/tmp/eventpipe_rules_cache.jsonl"))
    parser.add_argument("--fields", default="inter1,fatal,civilian")
    parser.add_argument("--settings", default="{}", help="TrainSettings fields as JSON")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    paths = [SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))]
    rows = [r for r in read_rows(paths) if r.sub_event_type is not None]
    verdicts = RulesCache(args.rules_cache).verdicts_for([r.text for r in rows])
    prepared = prepare(rows, verdicts, FeatureSpec())
    settings = TrainSettings(**json.loads(args.settings))
    gold = read_gold(paths)
    found = np.asarray([v["sub_event_type"] is not None for v in verdicts])
    fields: dict[str, tuple[Callable, Callable]] = {
        "inter1": (lambda g: g["inter1"], lambda v, t: v["evidence"].get("inter1")),
        "fatal": (lambda g: g["fatal"], lambda v, t: bool(v["evidence"].get("fatal"))),
        "civilian": (lambda g: g["civilian"], lambda v, t: rules_civilian(t)),
    }
    for name in args.fields.split(","):
        label_of, rules_of = fields[name]
        labels = [label_of(gold.get(r.text, {})) for r in rows]
        print(field_table(name, prepared, labels, verdicts, rules_of, found, settings), flush=True)
    return 0


def read_gold(paths: list[Path]) -> dict[str, dict]:
    """Per note (first row wins, as training.corpus.dedupe): inter1 code, fatal, civilian targeting
    (None where the row's file has no civilian_targeting column or leaves it empty everywhere)."""
    gold: dict[str, dict] = {}
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
            records = list(csv.DictReader(handle))
        with_column = {
            r.get("src_path") or str(path) for r in records if (r.get("civilian_targeting") or "").strip()
        }
        for r in records:
            text = (r.get("notes") or "").strip()
            if not text or text in gold:
                continue
            fatalities = (r.get("fatalities") or "").strip()
            civ = (r.get("civilian_targeting") or "").strip()
            gold[text] = {
                "inter1": inter_code(r.get("inter1")),
                "fatal": int(float(fatalities)) > 0 if fatalities.replace(".", "").isdigit() else None,
                "civilian": (civ == CIVILIANS) if (r.get("src_path") or str(path)) in with_column else None,
            }
    return gold


def rules_civilian(text: str) -> bool | None:
    events = extract_events(Document(doc_id="note", text=text), _rules())
    return bool(events and events[0].get("civilian_targeting"))


_RESOURCES: list[Resources] = []


def _rules() -> Resources:
    if not _RESOURCES:
        _RESOURCES.append(Resources.load(model="none"))
    return _RESOURCES[0]


def field_table(name, prepared, labels, verdicts, rules_of, found, settings: TrainSettings) -> str:
    folds = np.asarray([fold_of(r.region) or "" for r in prepared.rows])
    known = np.asarray([label is not None for label in labels])
    lines = [f"== {name}: accuracy (macro-F1), notes the rules found an event in", "fold  rows  rules  model"]
    means = {"rules": [], "model": []}
    for fold in FOLDS:
        test = np.flatnonzero((folds == fold) & known & found)
        train = np.flatnonzero((folds != fold) & known)
        if len(test) < 20 or len({labels[i] for i in train}) < 2:
            continue
        vocabulary = choose_vocabulary(prepared.table, train, settings.max_features, settings.min_df)
        value = prepared.spec.evidence_percent / 100
        x = matrix(prepared.table, train, vocabulary, value)
        model = fit_linear(x, [str(labels[i]) for i in train], settings)
        best = model.scores(matrix(prepared.table, test, vocabulary, value)).argmax(axis=1)
        truth = [str(labels[i]) for i in test]
        predicted = {
            "rules": [str(rules_of(verdicts[i], prepared.rows[i].text)) for i in test],
            "model": [model.classes[b] for b in best],
        }
        cells = []
        for system, values in predicted.items():
            accuracy = float(np.mean([p == t for p, t in zip(values, truth, strict=True)]))
            means[system].append((accuracy, macro_f1(values, truth)))
            cells.append(f"{accuracy:.3f} ({macro_f1(values, truth):.3f})")
        lines.append(f"{fold:<26}{len(test):>6}  " + "  ".join(cells))
    lines.append("mean" + " " * 28 + "  ".join(
        f"{np.mean([a for a, _ in v]):.3f} ({np.mean([f for _, f in v]):.3f})" for v in means.values()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
