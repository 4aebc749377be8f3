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
    extract.set_defaults(handler=run_extract)

    evaluate = subparsers.add_parser(
        "evaluate",
        help="score the engine on the notes of an ACLED export (per-field accuracy)",
        description="Run the engine on each row's notes of an ACLED CSV export and print the accuracy "
        "of every field, so you can check the engine on your own region before trusting it.",
    )
    evaluate.add_argument("--acled", required=True, type=Path, help="an ACLED CSV export")
    evaluate.add_argument("--limit", type=int, default=None, help="score a seeded random sample of N rows")
    evaluate.add_argument("--seed", type=int, default=0, help="seed of the --limit sample (default 0)")
    evaluate.add_argument("--report", type=Path, default=None, help="also write the scores as JSON")
    evaluate.set_defaults(handler=run_evaluate)


def run_extract(args: argparse.Namespace) -> int:
    """Extract, merge, validate and write events; returns the exit code."""
    # Imported here, not at module level: every `eventpipe` command builds this parser, and the
    # engine's import cost (~0.7 s) must not slow down `run`, `sql` or `status`.
    from extraction.engine import Resources, extract_events
    from extraction.jsonl import read_documents, write_events
    from extraction.merge import merge_events
    from extraction.records import validate_events

    documents = read_documents(args.input)
    resources = Resources.load()
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
    from extraction.engine import Resources, extract_events
    from extraction.evaluate import evaluate_rows, format_table, read_acled_rows, sample_rows

    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be a positive number", column="--limit")
    rows = sample_rows(read_acled_rows(args.acled), args.limit, args.seed)
    resources = Resources.load()
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
