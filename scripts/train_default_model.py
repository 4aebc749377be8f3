"""Build the packaged default typing model, deterministically, into extraction/data/model/.

    .venv/bin/python scripts/train_default_model.py [--shared ../shared] [--rules-cache FILE]

Trains on ../shared/train/acled_corpus.csv.gz plus ../shared/data/*.csv (ACLED data: never
committed; only the weights and aggregate metrics are), runs the leave-one-region-out
cross-validation whose temperature and rule-decided verdicts the model keeps, and writes
model.npz + model.json. The same input gives byte-identical files (fixed seeds, fixed zip dates,
sorted vocabulary). The rules' verdicts are cached in --rules-cache so a rebuild reads each note
with the rules once.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from training.corpus import read_rows  # noqa: E402
from training.cv import format_report  # noqa: E402
from training.rules_adapter import RulesCache  # noqa: E402
from training.train import train_model  # noqa: E402

MAX_BYTES = 15 * 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rules-cache", type=Path, default=Path("/tmp/eventpipe_rules_cache.jsonl"))
    parser.add_argument("--out", type=Path, default=ROOT / "extraction" / "data" / "model")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the rules warn about every non-English note
    started = time.monotonic()
    paths = [args.shared / "train" / "acled_corpus.csv.gz", *sorted((args.shared / "data").glob("*.csv"))]
    rows = read_rows(paths)

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f}s] {message}", file=sys.stderr, flush=True)

    result = train_model(rows, args.out, cache=RulesCache(args.rules_cache), progress=progress)
    if result.report is not None:
        print(format_report(result.report))
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"{result.rows} rows -> {args.out} ({size / 1e6:.1f} MB)")
    if size > MAX_BYTES:
        print(f"the model is over {MAX_BYTES} bytes: lower TrainSettings.max_features", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
