"""Extraction speed and memory: MB of text per second on one core, and peak RSS.

    .venv/bin/python bench/bench_extract.py [--corpus notes|articles] [--mb 10] [--big-mb 0]
                                            [--profile OUT.prof]

Builds a corpus, repeated up to --mb megabytes, runs `extract_events` over it in this process
and reports throughput (CPU seconds of the extraction only; resource loading is reported
separately) and peak RSS with the gazetteer loaded. Two corpora:
- `articles`: the five seed articles (analysis and news prose: a realistic event density);
- `notes`: the ACLED notes in ../shared/data grouped into ~20 KB documents (every sentence
  reports an event: the worst case, every stage runs on every sentence).
`--big-mb N` also runs one single N-MB document built from the same corpus (the robustness case).
Target: >= 1 MB/s and <= 500 MB peak RSS.
`--profile OUT.prof` runs the extraction under cProfile, timed in CPU seconds (the machine is
shared: wall time is noise), writes the stats to OUT.prof and prints the top functions; the
throughput printed then includes the profiler's overhead (about 1.3x here).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import resource
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
    args = parser.parse_args()
    start = time.perf_counter()
    resources = Resources.load(model=args.model)
    print(f"resources loaded in {time.perf_counter() - start:.2f} s, peak RSS {peak_rss_mb():.0f} MB")
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
