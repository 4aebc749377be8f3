"""Measure the gazetteer and the place resolver: load time, memory, find_places speed, accuracy.

    .venv/bin/python bench/bench_gazetteer.py [--per-file 2000] [--errors 30] [--data ../shared/data]

Accuracy uses ACLED notes as documents (each note is one event) and compares the resolved
country, admin1 and location with the gold columns, normalised as the project's scorer does
(case, diacritics, hyphens = spaces, apostrophes dropped). The ACLED files are read only here,
to evaluate; the gazetteer is never built from them.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.places import (  # noqa: E402
    Gazetteer,  # noqa: E402
    country_from_text,
    document_context,
    find_places,
    resolve_location,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def norm_place(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value or "").casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("-", " ").replace("'", "").replace("’", "").split())


def measure_load() -> Gazetteer:
    process = psutil.Process()
    before = process.memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    gazetteer = Gazetteer.load()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    added, total = (process.memory_info().rss - before) / 1e6, process.memory_info().rss / 1e6
    print(f"load: {wall:.3f} s wall, {cpu:.3f} s CPU, RSS +{added:.0f} MB (total {total:.0f} MB)")
    return gazetteer


def read_sample(path: Path, limit: int, seed: int = 0) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes")]
    random.Random(seed).shuffle(rows)
    return rows[:limit]


def resolve_note(note: str, gazetteer: Gazetteer, source: str = ""):
    """As the engine does: the note's own priors, then countries its source names ('Star (Kenya)')."""
    context = document_context(note, gazetteer, fallback=country_from_text(source, gazetteer))
    for sentence in _SENTENCE_END.split(note):
        place = resolve_location(find_places(sentence, gazetteer), context, gazetteer)
        if place is not None:
            return place
    return None


def evaluate(path: Path, limit: int, gazetteer: Gazetteer, show_errors: int) -> dict[str, float]:
    rows = read_sample(path, limit)
    hits = {"country": 0, "admin1": 0, "location": 0, "resolved": 0}
    errors = []
    for row in rows:
        place = resolve_note(row["notes"], gazetteer, row.get("source", ""))
        predicted = {
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "location": place.location if place else None,
        }
        hits["resolved"] += place is not None
        wrong = [
            f for f in ("country", "admin1", "location") if norm_place(predicted[f]) != norm_place(row[f])
        ]
        for field in ("country", "admin1", "location"):
            hits[field] += field not in wrong
        if wrong and len(errors) < show_errors:
            errors.append(
                f"  {wrong} gold=({row['country']}|{row['admin1']}|{row['location']}) "
                f"pred=({predicted['country']}|{predicted['admin1']}|{predicted['location']}) "
                f":: {row['notes'][:160]}"
            )
    scores = {k: v / len(rows) for k, v in hits.items()}
    print(f"{path.name}: n={len(rows)} " + " ".join(f"{k}={v:.3f}" for k, v in scores.items()))
    print("\n".join(errors))
    return scores


def measure_speed(paths: list[Path], gazetteer: Gazetteer) -> None:
    text = "\n".join(r["notes"] for p in paths for r in read_sample(p, 100_000))
    size = len(text.encode("utf-8")) / 1e6
    started, cpu = time.perf_counter(), time.process_time()
    for line in text.split("\n"):
        find_places(line, gazetteer)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    rate = size / cpu
    print(f"find_places: {size:.2f} MB in {elapsed:.2f} s wall, {cpu:.2f} s CPU = {rate:.2f} MB/s per core")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--per-file", type=int, default=2000)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    gazetteer = measure_load()
    paths = sorted(args.data.glob("*.csv"))
    for path in paths:
        evaluate(path, args.per_file, gazetteer, args.errors)
    if not args.no_speed:
        measure_speed(paths, gazetteer)
    print(f"peak RSS: {psutil.Process().memory_info().rss / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
