"""Pipeline benchmarks (a script, not a test): wall-clock seconds of real `eventpipe run` processes.

1. `make run` on the seed corpus (raw/) into a fresh warehouse, Prefect start-up included
   (target <= 15 s), then a rerun with nothing changed (target <= 5 s).
2. N synthetic documents (default 10,000) built from real ACLED notes (../shared/data or
   --acled) and sentences of the seed articles, end to end with the local (thread) task runner
   and with a 2-worker Dask LocalCluster; reports documents/s and checks both warehouses hold
   identical events.

Usage: .venv/bin/python bench/bench_pipeline.py [--docs 10000] [--out bench/out] [--skip-scale]
Writes <out>/bench_pipeline.json. Runs with PREFECT_API_URL unset unless it is set in the
environment (then it measures against that server).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))
SHARED_DATA = ROOT.parent / "shared" / "data"  # the shared ACLED exports beside the repository
DEFAULT_ACLED = [
    SHARED_DATA / "acled_kenya_1997_2019.csv",
    SHARED_DATA / "acled_2020_sample_other_regions.csv",
    SHARED_DATA / "acled_bangladesh_2022_2024.csv",
]
DOCS_PER_FOLDER = 1000


def run_eventpipe(args: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one `eventpipe` process; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    result = subprocess.run([EVENTPIPE, *args], env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"eventpipe {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return elapsed


def pipeline_env(raw: Path, work: Path, name: str) -> dict[str, str]:
    return {
        **os.environ,
        "EVENTPIPE_RAW_DIR": str(raw),
        "EVENTPIPE_WAREHOUSE": str(work / name / "events.duckdb"),
        "EVENTPIPE_EXPORT_DIR": str(work / name / "exports"),
    }


def bench_seed(work: Path) -> dict[str, float]:
    """`make run` (= `eventpipe run`) on raw/ from a fresh warehouse, then a rerun."""
    env = pipeline_env(ROOT / "raw", work, "seed")
    first = run_eventpipe(["run"], env)
    rerun = run_eventpipe(["run"], env)
    return {"seed_first_run_s": round(first, 2), "seed_rerun_s": round(rerun, 2)}


def acled_notes(paths: list[Path]) -> list[tuple[str, str]]:
    """(notes, source) of every ACLED row with notes."""
    notes = []
    for path in paths:
        with path.open(newline="", encoding="utf-8") as handle:
            notes += [
                (row["notes"], row.get("source") or "") for row in csv.DictReader(handle) if row.get("notes")
            ]
    return notes


def seed_sentences() -> list[str]:
    """Sentences of the seed articles (analysis prose: mostly not events, some are)."""
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "raw").glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 400]


def build_corpus(folder: Path, n_docs: int, notes: list[tuple[str, str]], sentences: list[str]) -> None:
    """n_docs .txt files (1-3 ACLED notes + 0-2 seed sentences each) and a manifest, seeded."""
    rng = random.Random(0)
    rows = [("file", "title", "source", "published", "notes")]
    for i in range(n_docs):
        picked = rng.sample(notes, rng.randint(1, 3))
        parts = [note for note, _ in picked] + rng.sample(sentences, rng.randint(0, 2))
        rng.shuffle(parts)
        name = f"{i // DOCS_PER_FOLDER:03d}/doc{i:05d}.txt"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        rows.append((name, f"Synthetic report {i}", picked[0][1], "", "bench_pipeline.py"))
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def warehouse_digest(warehouse: Path) -> tuple[int, str]:
    """(extracted events, a digest of their contents without run ids) to compare runners."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("""SELECT count(*), md5(string_agg(e::VARCHAR, '|' ORDER BY event_id_cnty))
            FROM (SELECT * EXCLUDE (run_id) FROM events WHERE origin = 'extracted') e""").fetchone()
    finally:
        con.close()


def bench_scale(work: Path, n_docs: int, acled: list[Path], batch_size: int) -> dict[str, object]:
    corpus = work / "synthetic"
    start = time.perf_counter()
    build_corpus(corpus, n_docs, acled_notes(acled), seed_sentences())
    report: dict[str, object] = {"docs": n_docs, "build_corpus_s": round(time.perf_counter() - start, 2)}
    digests = {}
    for runner in ("local", "dask"):
        env = pipeline_env(corpus, work, runner)
        seconds = run_eventpipe(
            [
                "run",
                "--quiet",
                "--task-runner",
                runner,
                "--dask-workers",
                "2",
                "--batch-size",
                str(batch_size),
            ],
            env,
        )
        rerun = run_eventpipe(["run", "--quiet", "--task-runner", runner], env)
        digests[runner] = warehouse_digest(Path(env["EVENTPIPE_WAREHOUSE"]))
        report[runner] = {
            "seconds": round(seconds, 2),
            "docs_per_s": round(n_docs / seconds, 1),
            "rerun_s": round(rerun, 2),
            "events": digests[runner][0],
        }
    report["identical_across_runners"] = digests["local"] == digests["dask"]
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--acled", type=Path, nargs="*", default=DEFAULT_ACLED)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--skip-scale", action="store_true", help="only the seed-corpus timings")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventpipe-bench-"))
    try:
        report: dict[str, object] = {"cpus": os.cpu_count(), **bench_seed(work)}
        print(json.dumps(report), flush=True)
        if not args.skip_scale:
            report["scale"] = bench_scale(work, args.docs, args.acled, args.batch_size)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_pipeline.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
