"""How long Prefect's temporary server takes to answer, the floor of every `eventpipe run` without
PREFECT_API_URL (the no-change rerun's target is 5 s; README, Benchmarks).

    .venv/bin/python bench/bench_prefect_boot.py [--runs 3]

Starts the same server `eventpipe run` starts (`flows.server.temporary_api_server`) and times it
from launch to its first healthy `/health` answer, then stops it; also times `import
flows.pipeline` in a fresh interpreter (what `eventpipe run` imports beside the booting server).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.server import temporary_api_server  # noqa: E402


def boot_seconds() -> float:
    start = time.perf_counter()
    with temporary_api_server() as (_, wait):
        wait()
        return time.perf_counter() - start


def import_seconds() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import flows.pipeline"], cwd=ROOT, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for run in range(1, args.runs + 1):
        print(f"run {run}: server healthy after {boot_seconds():.2f} s; "
              f"import flows.pipeline {import_seconds():.2f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
