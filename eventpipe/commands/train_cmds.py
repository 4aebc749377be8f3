"""`eventpipe train`: learn the event typing decision from ACLED records.

The notes of the given ACLED exports (and/or the ACLED-origin events already imported into the
warehouse) are the text, their coded event and sub-event types the labels. The rules read every
note first (their verdict and evidence are features), a leave-one-region-out cross-validation
scores the result, and the model is written as plain arrays plus a JSON sidecar.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventpipe.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `train` to the `eventpipe` parser."""
    train = subparsers.add_parser(
        "train",
        help="train the event typing model on ACLED records (their notes and coded types)",
        description="Train the learned event typing layer on ACLED exports: notes are the text, "
        "event_type/sub_event_type the labels, the rules' own verdict and evidence extra features. "
        "Prints progress and the leave-one-region-out metrics, and writes MODEL_DIR/model.npz + "
        "model.json (no pickle; inference needs numpy only), and beside them the ACLED place and "
        "source tables (the packaged ones with the places of your ACLED events added), which the "
        "engine uses with the model. Use it with `extract --model`, `run --model` or EVENTPIPE_MODEL.",
    )
    train.add_argument("--acled", nargs="*", type=Path, default=[], metavar="FILE",
                       help="ACLED CSV exports (any vintage; .csv.gz too)")
    train.add_argument("--from-warehouse", action="store_true",
                       help="also train on the ACLED-origin events imported into the warehouse and on "
                       "analysts' corrected (weight 5) and accepted (weight 3) extracted events")
    train.add_argument("--warehouse", type=Path, default=None,
                       help="the warehouse for --from-warehouse (default: EVENTPIPE_WAREHOUSE)")
    train.add_argument("--out", required=True, type=Path, metavar="MODEL_DIR",
                       help="where the model is written")
    train.add_argument("--no-cv", action="store_true", help="skip the leave-one-region-out cross-validation")
    train.add_argument("--cv-limit", type=int, default=None, metavar="N",
                       help="score at most N seeded rows per held-out region")
    train.add_argument("--rules-cache", type=Path, default=None, metavar="FILE",
                       help="a JSONL file caching the rules' verdict per note across runs")
    train.set_defaults(handler=run_train)


def run_train(args: argparse.Namespace) -> int:
    from training.corpus import dedupe, read_reviewed, read_rows, read_warehouse
    from training.cv import format_report
    from training.rules_adapter import RulesCache
    from training.train import TrainingError, train_model

    rows = read_rows(_existing(args.acled))
    if args.from_warehouse:
        warehouse = _warehouse(args)
        # Analysts' corrected/accepted events first: on the same sentence their label wins.
        rows = dedupe([*read_reviewed(warehouse), *rows, *read_warehouse(warehouse)])
    if not rows:
        raise InputError(
            "no labelled ACLED rows: give --acled FILE... and/or --from-warehouse", column="--acled"
        )
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    try:
        result = train_model(
            rows, args.out, cache=RulesCache(args.rules_cache), cv=not args.no_cv,
            limit_per_fold=args.cv_limit, progress=progress,
        )
    except TrainingError as error:
        raise InputError(str(error), column="--acled") from error
    if result.report is not None:
        print("leave-one-region-out (trained without the region, scored on its modern-taxonomy rows):")
        print(format_report(result.report))
    reviewed = sum(r.kind != "acled" for r in rows if r.sub_event_type)
    print(f"{result.rows} rows ({reviewed} reviewed by analysts), {len(result.classes)} sub-event types "
          f"-> {result.directory}")
    places, sources = _refresh_place_tables(args)
    print(f"place table: {places} places, {sources} news sources (packaged + your ACLED events) "
          f"-> {result.directory}")
    return 0


def _refresh_place_tables(args: argparse.Namespace) -> tuple[int, int]:
    """The packaged ACLED place and source tables with the places of the given exports and the
    warehouse's ACLED events added, beside the model: `--model DIR` uses them."""
    from training.place_table import read_rows, read_warehouse_rows, refresh_model_tables

    rows = [row for path in args.acled for row in read_rows(path)]
    if args.from_warehouse:
        rows += read_warehouse_rows(_warehouse(args))
    return refresh_model_tables(rows, args.out)


def _existing(paths: list[Path]) -> list[Path]:
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file", column="--acled")
    return paths


def _warehouse(args: argparse.Namespace) -> Path:
    if args.warehouse is not None:
        return args.warehouse
    from eventpipe.settings import Settings

    return Settings.load().warehouse
