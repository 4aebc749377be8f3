"""The rules alone on the rare sub-event types: per-class F1 before and after a rule change.

    .venv/bin/python bench/typing_rare.py --before /tmp/rules_030.jsonl --before-version 0.3.0 \
        --touch 'grenade|suicide|recaptur' [--write-cache /tmp/rules_031.jsonl]
    .venv/bin/python bench/typing_rare.py --before /tmp/rules_030.jsonl --before-version 0.3.0 \
        --after /tmp/rules_031.jsonl     # two full passes (scripts/train_default_model.py's caches)

The rules read every modern-taxonomy corpus note in a few minutes, too slow for a loop over rule
edits. So the verdicts of a full pass (a `RulesCache` file written by an older engine, keyed by
its version) stand for every note, and only notes matching `--touch` (a regular expression that
covers every pattern and word the change reads: a note it cannot match keeps its verdict) are
read again by the current rules. Prints aggregates only, never a note: the rules' pooled and
fold-mean macro-F1, event_type and sub_event_type accuracy, and P/R/F1 per class, before and
after. All **in-sample** for the rules (these notes are what the rules are judged on, not what
decides them: the LORO of scripts/train_default_model.py does). `--write-cache` writes a cache
at the current version (kept verdicts plus re-read ones), so a model rebuild reads only the
touched notes; the rebuild from an empty cache must give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.resources import Resources  # noqa: E402
from extraction.version import EXTRACTOR_VERSION  # noqa: E402
from schemas.codebook import SUB_EVENT_PARENT  # noqa: E402
from training.corpus import read_rows  # noqa: E402
from training.cv import fold_of, macro_f1  # noqa: E402
from training.rules_adapter import note_key, rules_evidence  # noqa: E402

SHARED = ROOT.parent / "shared"
RARE = (
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Excessive force against protesters",
    "Non-violent transfer of territory",
    "Grenade",
    "Mob violence",
    "Suicide bomb",
)


def old_key(version: str, text: str) -> str:
    return hashlib.sha1(f"{version}\0{text}".encode()).hexdigest()


def load_cache(path: Path) -> dict[str, dict]:
    verdicts = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                verdicts[record.pop("key")] = record
    return verdicts


def class_scores(predicted: list, gold: list, label: str) -> tuple[float, float, float, int]:
    tp = sum(p == label and g == label for p, g in zip(predicted, gold, strict=True))
    fp = sum(p == label and g != label for p, g in zip(predicted, gold, strict=True))
    fn = sum(g == label and p != label for p, g in zip(predicted, gold, strict=True))
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * tp / max(2 * tp + fp + fn, 1), tp + fp


def summary(predicted: list, gold: list, folds: list) -> dict[str, float]:
    n = len(gold)
    by_fold = defaultdict(list)
    for k, f in enumerate(folds):
        by_fold[f].append(k)
    fold_f1 = [macro_f1([predicted[k] for k in ks], [gold[k] for k in ks]) for ks in by_fold.values()]
    return {
        "event_type": sum(p is not None and SUB_EVENT_PARENT[p] == SUB_EVENT_PARENT[g]
                          for p, g in zip(predicted, gold, strict=True)) / n,
        "sub_event_type": sum(p == g for p, g in zip(predicted, gold, strict=True)) / n,
        "macro_f1_pooled": macro_f1(predicted, gold),
        "macro_f1_fold_mean": sum(fold_f1) / len(fold_f1),
    }


def confusions(predicted: list, gold: list, label: str, as_gold: bool) -> str:
    """The most frequent wrong verdicts on the class's notes (as_gold) or true types of its false alarms."""
    counts: dict[str, int] = defaultdict(int)
    for p, g in zip(predicted, gold, strict=True):
        if p != g and (g if as_gold else p) == label:
            counts[str(p if as_gold else g)] += 1
    return ", ".join(f"{n} {c}" for c, n in sorted(counts.items(), key=lambda x: -x[1])[:4])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="a RulesCache file of a full pass")
    parser.add_argument("--before-version", required=True, help="the extractor version that wrote it")
    parser.add_argument("--touch", help="regex: notes the change can affect (re-read by the rules)")
    parser.add_argument("--after", type=Path, help="instead of --touch: a RulesCache of a full pass at "
                        "the current version (scripts/train_default_model.py --rules-cache)")
    parser.add_argument("--confusions", action="store_true", help="what each rare class is confused with")
    parser.add_argument("--write-cache", type=Path, help="write a cache at the current version")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    started = time.monotonic()
    rows = read_rows([SHARED / "train" / "acled_corpus.csv.gz", *sorted((SHARED / "data").glob("*.csv"))])
    before = load_cache(args.before)
    after = read_after(args, rows)
    modern = [r for r in rows if r.sub_event_type is not None]
    old = [before[old_key(args.before_version, r.text)]["sub_event_type"] for r in modern]
    new = [after[r.text]["sub_event_type"] if r.text in after else o
           for r, o in zip(modern, old, strict=True)]
    changed = sum(o != n for o, n in zip(old, new, strict=True))
    print(f"{len(modern)} modern rows, {len(after)} notes re-read, {changed} verdicts changed, "
          f"{time.monotonic() - started:.0f}s  [in-sample, rules alone]")
    print_scores(old, new, [r.sub_event_type for r in modern], [fold_of(r.region) or "" for r in modern],
                 args.confusions)
    if args.write_cache:
        write_cache(args.write_cache, rows, before, after, args.before_version)
    return 0


def read_after(args: argparse.Namespace, rows: list) -> dict[str, dict]:
    """The current rules' verdicts by note: a full pass's cache, or the touched notes re-read."""
    if args.after:
        cache = load_cache(args.after)
        return {r.text: cache[note_key(r.text)] for r in rows if note_key(r.text) in cache}
    touch = re.compile(args.touch or r"(?!)", re.IGNORECASE)
    resources = Resources.load(model="none")
    return {r.text: rules_evidence(r.text, resources) for r in rows if touch.search(r.text)}


def print_scores(old: list, new: list, gold: list, folds: list, show_confusions: bool) -> None:
    """The summary figures and each rare class's P/R/F1 and verdict count, before -> after."""
    for name, value in summary(old, gold, folds).items():
        print(f"  {name:<22} {value:.4f} -> {summary(new, gold, folds)[name]:.4f}")
    print(f"  {'class':<38} {'P  R  F1  verdicts':>23}  ->  after")
    for label in RARE:
        cells = [" ".join(f"{x:.3f}" for x in s[:3]) + f" {s[3]:>5}"
                 for s in (class_scores(old, gold, label), class_scores(new, gold, label))]
        print(f"  {label:<38} {cells[0]}  ->  {cells[1]}")
        if show_confusions:
            print("     gold->pred", confusions(new, gold, label, True))
            print("     pred<-gold", confusions(new, gold, label, False))


def write_cache(path: Path, rows: list, before: dict, after: dict, version: str) -> None:
    """Every row's verdict keyed at the current version: re-read where touched, else kept (rows the
    full pass never read are left out: the build reads them itself)."""
    seen: set[str] = set()
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            key = note_key(row.text)
            if key in seen:
                continue
            seen.add(key)
            verdict = after.get(row.text) or before.get(old_key(version, row.text))
            if verdict is None:
                continue  # a row the full pass did not read (legacy rows, when it read modern ones only)
            handle.write(json.dumps({"key": key, **verdict}) + "\n")
            written += 1
    print(f"wrote {written} verdicts at {EXTRACTOR_VERSION} to {path}")


if __name__ == "__main__":
    sys.exit(main())
