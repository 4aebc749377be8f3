"""Extraction speed and memory: MB of text per second on one core, and peak RSS.

    .venv/bin/python bench/bench_extract.py [--corpus notes|articles] [--mb 10] [--big-mb 0]
                                            [--model default|none|DIR] [--profile OUT.prof]
    .venv/bin/python bench/bench_extract.py --suite [--mb 3]     # every figure issues 8 and 9 ask for

`--suite` runs each corpus with and without the model, each in a fresh process (so no run
inherits another's warm caches), and prints one table: dense notes and articles in MB per CPU
second, the resources' load (tables, then the model, CPU and wall seconds), peak RSS, and the
load average (the machine is shared: CPU seconds are the figure, wall time is noise).
Targets (issues 8 and 9): notes >= 1.5 MB/s (>= 1 with the model), articles >= 4 MB/s,
resources <= 0.5 s, model <= 0.5 s, peak RSS <= 300 MB (<= 400 with the model).

Builds a corpus, repeated up to --mb megabytes, runs `extract_events` over it in this process
and reports throughput (CPU seconds of the extraction only; resource loading is reported
separately) and peak RSS with the gazetteer loaded. Two corpora:
- `articles`: the five seed articles (analysis and news prose: a realistic event density);
- `notes`: the ACLED notes in ../shared/data grouped into ~20 KB documents (every sentence
  reports an event: the worst case, every stage runs on every sentence).
`--big-mb N` also runs one single N-MB document built from the same corpus (the robustness case).
`--profile OUT.prof` runs the extraction under cProfile, timed in CPU seconds (the machine is
shared: wall time is noise), writes the stats to OUT.prof and prints the top functions; the
throughput printed then includes the profiler's overhead (about 1.3x here).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import os
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction.document import Document  # noqa: E402
from extraction.engine import Resources, extract_events  # noqa: E402

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
RAW_DIR = ROOT / "raw"
DOC_CHARS = 20_000


def source_texts(kind: str) -> list[str]:
    """The seed articles, or ACLED notes grouped into ~20 KB documents."""
    if kind == "articles":
        return [p.read_text(encoding="utf-8") for p in sorted(RAW_DIR.glob("*.txt"))]
    texts, current = [], []
    for path in sorted(DATA_DIR.glob("*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                current.append(row.get("notes") or "")
                if sum(map(len, current)) >= DOC_CHARS:
                    texts.append("\n\n".join(current))
                    current = []
    return texts


def corpus(kind: str, megabytes: float) -> Iterator[Document]:
    """Documents cycling through the source texts until `megabytes` of text were produced."""
    texts, produced, n = source_texts(kind), 0, 0
    if not texts:
        where = RAW_DIR / "*.txt" if kind == "articles" else DATA_DIR / "*.csv"
        sys.exit(f"no {kind} to build the corpus from: {where} is empty (see the module docstring)")
    while produced < megabytes * 1e6:
        text = texts[n % len(texts)]
        produced += len(text.encode("utf-8"))
        yield Document(doc_id=f"bench{n}", text=text, source="bench")
        n += 1


def run(
    documents: list[Document], resources: Resources, profile: cProfile.Profile | None = None
) -> tuple[float, int, int]:
    """(CPU seconds, bytes, events) of extracting every document, under `profile` if given."""
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    start = time.process_time()
    if profile is not None:
        profile.enable()
    events = sum(len(extract_events(d, resources)) for d in documents)
    if profile is not None:
        profile.disable()
    return time.process_time() - start, size, events


def report_profile(profile: cProfile.Profile, path: str, top: int = 25) -> None:
    """Write the stats to `path` and print the functions with the most own CPU time."""
    profile.dump_stats(path)
    pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def load_resources(model: str) -> Resources:
    """The resources, timed in two steps: the tables (gazetteer, places, actors), then the model."""
    cpu, wall = time.process_time(), time.perf_counter()
    resources = Resources.load(model="none")
    tables_cpu, tables_wall = time.process_time() - cpu, time.perf_counter() - wall
    cpu, wall = time.process_time(), time.perf_counter()
    resources = Resources.load(model=model)
    model_cpu, model_wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"BENCH load resources_cpu_s={tables_cpu:.2f} resources_wall_s={tables_wall:.2f} "
        f"model_cpu_s={model_cpu:.2f} model_wall_s={model_wall:.2f} peak_rss_mb={peak_rss_mb():.0f}"
    )
    return resources


def run_suite(megabytes: float) -> int:
    """Each corpus with and without the model, each in a fresh process; one summary table."""
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    for model in ("default", "none"):
        for kind in ("notes", "articles"):
            command = [sys.executable, __file__, "--corpus", kind, "--mb", str(megabytes), "--model", model]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            fields = dict(
                part.split("=", 1)
                for line in output.splitlines()
                if line.startswith("BENCH ")
                for part in line.split()[2:]
            )
            rows.append((model, kind, fields))
    print(
        f"{'model':8} {'corpus':9} {'MB/CPU-s':>8} {'cpu_s':>6} {'res_cpu':>7} {'res_wall':>8} "
        f"{'mdl_cpu':>7} {'mdl_wall':>8} {'rss_MB':>6}"
    )
    for model, kind, f in rows:
        print(
            f"{model:8} {kind:9} {f['mb_per_s']:>8} {f['cpu_s']:>6} {f['resources_cpu_s']:>7} "
            f"{f['resources_wall_s']:>8} {f['model_cpu_s']:>7} {f['model_wall_s']:>8} {f['peak_rss_mb']:>6}"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        choices=("articles", "notes"),
        default="articles",
        help="seed articles (realistic) or ACLED notes (every sentence an event)",
    )
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--big-mb", type=float, default=0.0, help="also time one document of this size")
    parser.add_argument("--profile", metavar="OUT", help="profile the extraction (CPU time) into this file")
    parser.add_argument("--model", default="default", help="typing model: 'default', 'none' or a directory")
    parser.add_argument("--suite", action="store_true", help="both corpora, with and without the model")
    args = parser.parse_args()
    if args.suite:
        return run_suite(args.mb)
    resources = load_resources(args.model)
    documents = list(corpus(args.corpus, args.mb))
    profile = cProfile.Profile(time.process_time) if args.profile else None
    seconds, size, events = run(documents, resources, profile)
    if profile is not None:
        report_profile(profile, args.profile)
    print(f"corpus {args.corpus}: {len(documents)} documents, {size / 1e6:.1f} MB, {events} event mentions")
    print(
        f"BENCH extract corpus={args.corpus} mb_per_s={size / 1e6 / seconds:.2f} cpu_s={seconds:.1f} "
        f"peak_rss_mb={peak_rss_mb():.0f}"
    )
    if args.big_mb:
        documents.clear()
        base = "\n\n".join(source_texts(args.corpus))
        text = (base * int(args.big_mb * 1e6 // len(base) + 1))[: int(args.big_mb * 1e6)]
        del base
        seconds, size, events = run([Document(doc_id="big", text=text)], resources)
        print(
            f"BENCH big_document mb={size / 1e6:.1f} mb_per_s={size / 1e6 / seconds:.2f} events={events} "
            f"peak_rss_mb={peak_rss_mb():.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
