"""actor1 and actor2 family accuracy of the full engine on corpus notes, a seeded sample per fold.

    .venv/bin/python bench/actor_families.py [--per-fold 400] [--seed 3]

The actor rules are written, not learned, so these are **in-sample** figures: they tell whether a
change of the actor rules helps across regions, not how well it generalises. Run it before and
after a change and compare. 'Family' is the name before its first '(' (`bench/actor_roles.py`,
which scores actor1 per sub-event type). Only aggregates are printed, never a note.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from actor_roles import CORPUS, family  # noqa: E402

from extraction.document import Document  # noqa: E402
from extraction.engine import Resources, extract_events  # noqa: E402
from training.cv import FOLDS  # noqa: E402
from training.place_table import region_name  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-fold", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["notes"]]
    resources = Resources.load()
    totals = [0, 0, 0]
    for name, regions in FOLDS.items():
        pool = [row for row in rows if region_name(row["region"]) in regions]
        sample = random.Random(args.seed).sample(pool, min(args.per_fold, len(pool)))
        right1 = right2 = 0
        for row in sample:
            document = Document(doc_id="note", text=row["notes"], source=row["source"] or None)
            events = extract_events(document, resources)
            first = events[0] if events else {}
            right1 += family(row["actor1"]) == family(first.get("actor1"))
            right2 += family(row["actor2"]) == family(first.get("actor2"))
        totals = [totals[0] + right1, totals[1] + right2, totals[2] + len(sample)]
        print(f"{name:26s} actor1 {right1:4d}  actor2 {right2:4d}  of {len(sample)}")
    right1, right2, n = totals
    print(f"{'total':26s} actor1 {right1 / n:.4f}  actor2 {right2 / n:.4f}  of {n}  (in-sample)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
