"""Leave-one-region-out F1 per sub-event type (rules, model, combined): what the LORO table hides.

    nice .venv/bin/python bench/typing_loro_classes.py --out /tmp/model_check \
        [--rules-cache /tmp/eventpipe_rules_cache.jsonl] [--compare extraction/data/model]

Builds the default model exactly as scripts/train_default_model.py does (same rows, settings and
seeds) into --out, prints the LORO table, then each class's F1 per system: the mean over the folds
holding the class (the per-fold macro-F1's view) and pooled over every fold's out-of-region
predictions. The combined system applies each fold's own policy (chosen on the other folds).
`--compare DIR` then says whether the built files are byte-identical to DIR's (the build is
deterministic: a rebuild from the same data and rules must give the same bytes). Prints aggregates
only, never a note.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.learned.policy import Policy  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import class_f1, combine_fold, format_report  # noqa: E402
from training.rules_adapter import RulesCache  # noqa: E402
from training.train import train_model  # noqa: E402

SHARED = ROOT.parent / "shared"
SYSTEMS = ("rules", "model", "combined")


Table = dict[str, dict[str, tuple[float, float]]]


def per_class(outputs: dict[str, dict], policies: dict[str, dict]) -> Table:
    """class -> system -> (mean F1 over the folds holding it, pooled F1)."""
    verdicts: dict[str, dict[str, list]] = {}
    for name, fold in outputs.items():
        combined, _ = combine_fold(fold, Policy.from_dict(policies[name]))
        verdicts[name] = {"gold": list(fold["gold"]), "rules": list(fold["rules"]),
                          "model": list(fold["model"]), "combined": combined}
    labels = sorted({g for v in verdicts.values() for g in v["gold"]})
    table: Table = {}
    for label in labels:
        holding = [v for v in verdicts.values() if label in v["gold"]]
        table[label] = {}
        for system in SYSTEMS:
            mean = float(np.mean([class_f1(v[system], v["gold"], label) for v in holding]))
            pooled = class_f1([p for v in verdicts.values() for p in v[system]],
                              [g for v in verdicts.values() for g in v["gold"]], label)
            table[label][system] = (mean, pooled)
    return table


def identical(built: Path, other: Path) -> bool:
    names = sorted(p.name for p in built.iterdir())
    return names == sorted(p.name for p in other.iterdir()) and all(
        (built / n).read_bytes() == (other / n).read_bytes() for n in names
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--rules-cache", type=Path, default=Path("/tmp/eventpipe_rules_cache.jsonl"))
    parser.add_argument("--compare", type=Path, help="a model directory the build must equal")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.monotonic()
    rows = read_rows([SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))])
    args.out.mkdir(parents=True, exist_ok=True)
    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", file=sys.stderr, flush=True)

    result = train_model(rows, args.out, cache=RulesCache(args.rules_cache), progress=say)
    report = result.report
    print(format_report(report))
    head = "class (LORO F1: mean over folds holding it / pooled)"
    print(f"{head:<44}" + "".join(f"{s:>16}" for s in SYSTEMS))
    for label, systems in per_class(report.outputs, report.policy_per_fold).items():
        print(f"{label:<44}" + "".join(f"{systems[s][0]:>9.3f}/{systems[s][1]:.3f}" for s in SYSTEMS))
    if args.compare:
        print(f"byte-identical to {args.compare}: {identical(args.out, args.compare)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
