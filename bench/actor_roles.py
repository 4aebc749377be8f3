"""actor1 family accuracy of the full engine on corpus notes, per sub-event type (and per fold).

    .venv/bin/python bench/actor_roles.py [--types "Remote explosive/landmine/IED,Grenade"]
                                          [--per-type 120] [--by-fold] [--seed 1]

The actor rules are written, not learned, so these are **in-sample** figures: they say whether a
change of the actor rules helps across regions, not how well it generalises. Run it before and
after a change and compare. 'Family' is the name before its first '(' ('Military Forces of
Kenya'), as `../shared/bench/score_notes.py` scores actor1_family. Notes are sampled per type (and
per fold with --by-fold) with a fixed seed; only aggregates are printed, never a note.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.document import Document  # noqa: E402
from extraction.engine import Resources, extract_events  # noqa: E402
from training.cv import FOLDS  # noqa: E402
from training.place_table import region_name  # noqa: E402

CORPUS = ROOT.parent / "shared" / "train" / "acled_corpus.csv.gz"


def family(actor: str | None) -> str:
    return re.sub(r"\s+", " ", (actor or "").split("(")[0]).strip().casefold()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", default="", help="comma-separated sub-event types (default: all)")
    parser.add_argument("--per-type", type=int, default=120, help="notes per type (per fold with --by-fold)")
    parser.add_argument("--by-fold", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    wanted = {t.strip() for t in args.types.split(",") if t.strip()}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sub = row["sub_event_type"]
            if not row["notes"] or not sub or (wanted and sub not in wanted):
                continue
            region = region_name(row["region"])
            fold = next((name for name, regions in FOLDS.items() if region in regions), "")
            groups[(fold if args.by_fold else "all", sub)].append(row)
    resources = Resources.load()
    right_total = n_total = 0
    for (fold, sub), rows in sorted(groups.items()):
        random.Random(args.seed).shuffle(rows)
        rows = rows[: args.per_type]
        right = 0
        for row in rows:
            events = extract_events(Document(doc_id="note", text=row["notes"]), resources)
            right += family(row["actor1"]) == family(events[0].get("actor1") if events else None)
        right_total, n_total = right_total + right, n_total + len(rows)
        print(f"{fold:26s} {sub:40s} {right:4d} / {len(rows)}")
    print(f"{'total':67s} {right_total:4d} / {n_total}  (in-sample: actor rules are not learned)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
