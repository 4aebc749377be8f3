"""`eventpipe extract` and `eventpipe evaluate`: the extraction engine from the command line.

`extract` reads documents as JSONL, extracts and merges events across all of them (so two reports
of one event become one record) and writes JSONL with ACLED column names. `evaluate` runs the
engine on the notes of an ACLED export and prints per-field accuracy.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TextIO

from eventpipe.errors import InputError

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `extract` and `evaluate` to the `eventpipe` parser."""
    extract = subparsers.add_parser(
        "extract",
        help="extract ACLED-style events from documents (JSONL in, JSONL out)",
        description="Extract ACLED-style events from documents given as JSONL (one object per line with "
        "doc_id, text and optionally published, source, title, fmt, source_scale). Reports of "
        "the same event in several documents are merged into one record.",
    )
    extract.add_argument("--input", required=True, type=Path, help="documents, one JSON object per line")
    extract.add_argument("--output", required=True, type=Path, help="events, one JSON object per line")
    extract.add_argument(
        "--explain",
        nargs="?",
        const="-",
        default=None,
        metavar="FILE",
        help="print the evidence behind every field of every event (to FILE, or stdout)",
    )
    extract.add_argument(
        "--drop-undated",
        action="store_true",
        help="leave out incomplete events: those whose date or place a brief text does not state "
        "(kept by default with null date or place columns, as ACLED notes carry their date in "
        "a separate column)",
    )
    _add_model_flag(extract)
    extract.set_defaults(handler=run_extract)

    evaluate = subparsers.add_parser(
        "evaluate",
        help="score the engine on the notes of an ACLED export (per-field accuracy)",
        description="Run the engine on each row's notes of an ACLED CSV export and print the accuracy "
        "of every field, so you can check the engine on your own region before trusting it.",
    )
    evaluate.add_argument("--acled", required=True, type=Path, nargs="+", metavar="FILE",
                          help="ACLED CSV exports (one, unless --cv)")
    evaluate.add_argument("--cv", choices=["region"], default=None,
                          help="leave one region out: train the model without each region and score the "
                          "rules, the model and the combined system on that region's modern-taxonomy rows; "
                          "then the geography (location, admin1, admin2, country, coordinates within 25 km "
                          "and the errors by kind) with the place table rebuilt without the region")
    evaluate.add_argument("--geo-limit", type=int, default=500, metavar="N",
                          help="with --cv: notes scored for geography per region (default 500; 0: all)")
    evaluate.add_argument("--no-geo", action="store_true", help="with --cv: skip the geography table")
    evaluate.add_argument("--cv-limit", type=int, default=None, metavar="N",
                          help="with --cv: score a seeded sample of at most N rows per region")
    evaluate.add_argument("--rules-cache", type=Path, default=None, metavar="FILE",
                          help="with --cv: a JSONL file caching the rules' verdict per note across runs")
    evaluate.add_argument("--limit", type=int, default=None, help="score a seeded random sample of N rows")
    evaluate.add_argument("--seed", type=int, default=0, help="seed of the --limit sample (default 0)")
    evaluate.add_argument("--report", type=Path, default=None, help="also write the scores as JSON")
    _add_model_flag(evaluate)
    evaluate.set_defaults(handler=run_evaluate)


def _add_model_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="DIR",
        default=None,
        help="typing model: a directory from `eventpipe train`, 'default' (the packaged model) or "
        "'none' (rules alone); default: EVENTPIPE_MODEL or 'default'",
    )


def _load_resources(args: argparse.Namespace) -> object:
    """The engine's resources with the model the flag or EVENTPIPE_MODEL names."""
    from eventpipe.settings import Settings
    from extraction.learned import ModelError
    from extraction.resources import Resources

    choice = Settings.load({"model": args.model}).model
    try:
        return Resources.load(model=choice)
    except ModelError as error:
        raise InputError(str(error), column="--model") from error


def run_extract(args: argparse.Namespace) -> int:
    """Extract, merge, validate and write events; returns the exit code."""
    # Imported here, not at module level: every `eventpipe` command builds this parser, and the
    # engine's import cost (~0.7 s) must not slow down `run`, `sql` or `status`.
    from extraction.engine import extract_events
    from extraction.jsonl import read_documents, write_events
    from extraction.merge import merge_events
    from extraction.records import validate_events

    documents = read_documents(args.input)
    resources = _load_resources(args)
    mentions = [event for document in documents for event in extract_events(document, resources)]
    events = validate_events(merge_events(mentions), allow_undated=not args.drop_undated)
    written = write_events(args.output, events)
    log.info("%d documents -> %d mentions -> %d events", len(documents), len(mentions), written)
    if args.explain is not None:
        _write_explanations(events, args.explain)
    print(
        f"{len(documents)} documents, {len(mentions)} event mentions, {written} events -> {args.output}",
        file=sys.stderr,
    )
    return 0


def _write_explanations(events: list[dict], target: str) -> None:
    if target == "-":
        _print_explanations(events, sys.stdout)
        return
    with open(target, "w", encoding="utf-8") as handle:
        _print_explanations(events, handle)


def _print_explanations(events: list[dict], out: TextIO) -> None:
    from extraction.records import format_explanation

    for event in events:
        print(format_explanation(event), file=out)
        print(file=out)


def run_evaluate(args: argparse.Namespace) -> int:
    """Score the engine on an ACLED export and print the per-field table."""
    from extraction.engine import extract_events
    from extraction.evaluate import evaluate_rows, format_table, read_acled_rows, sample_rows

    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be a positive number", column="--limit")
    if args.cv is not None:
        return _run_cross_validation(args)
    if len(args.acled) > 1:
        raise InputError("give one ACLED export (several are for --cv)", column="--acled")
    rows = sample_rows(read_acled_rows(args.acled[0]), args.limit, args.seed)
    resources = _load_resources(args)
    evaluation = evaluate_rows(rows, lambda document: extract_events(document, resources))
    print(format_table(evaluation))
    if args.report is not None:
        scores = {
            name: {"correct": s.correct, "n": s.n, "accuracy": s.accuracy}
            for name, s in evaluation.fields.items()
        }
        args.report.write_text(
            json.dumps({"rows": evaluation.rows, "covered": evaluation.covered, "fields": scores}, indent=1),
            encoding="utf-8",
        )
    return 0


def _run_cross_validation(args: argparse.Namespace) -> int:
    """`evaluate --cv region`: the leave-one-region-out table for rules, model and combined."""
    from extraction.learned.features import FeatureSpec
    from training.corpus import read_rows
    from training.cv import format_report, prepare, run_loro
    from training.rules_adapter import RulesCache
    from training.trainer import TrainSettings

    for path in args.acled:
        if not path.is_file():
            raise InputError(f"{path}: no such file", column="--acled")
    rows = [r for r in read_rows(args.acled) if r.sub_event_type is not None]
    if not rows:
        raise InputError("no modern-taxonomy rows with a sub_event_type", column="--acled")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    cache = RulesCache(args.rules_cache)
    verdicts = cache.verdicts_for([r.text for r in rows], lambda d, n: progress(f"rules: {d}/{n} new notes"))
    prepared = prepare(rows, verdicts, FeatureSpec())
    report = run_loro(prepared, TrainSettings(), progress, limit_per_fold=args.cv_limit, seed=args.seed)
    print(format_report(report))
    results = report.as_dict()
    if not args.no_geo:
        geography = _geography_cv(args, progress)
        results["geography"] = geography.as_dict()
    if args.report is not None:
        args.report.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _geography_cv(args: argparse.Namespace, progress) -> object:
    """The geography half of `evaluate --cv region` (training.geo_cv), printed."""
    from training.geo_cv import format_geo_report, place_rows, run_geo_loro
    from training.place_table import read_rows as read_place_rows

    everything = [row for path in args.acled for row in place_rows(read_place_rows(path))]
    report = run_geo_loro(
        everything,
        _load_resources(args),
        limit_per_fold=args.geo_limit or None,
        seed=args.seed,
        progress=progress,
    )
    print()
    print("geography, leave one region out (place table rebuilt without the region; mean over folds):")
    print(format_geo_report(report))
    return report
