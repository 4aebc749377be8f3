"""Benchmark `eventpipe report` at 50,000 events: build time, file size, load time in Chromium.

    .venv/bin/python bench/bench_report.py [--events 50000] [--data ../shared/data] [--screenshot out.png]

The events are synthesised from real ACLED exports: every `*.csv` export under `--data` is
imported into a temporary warehouse, then copies of those events are added with new ids, dates
shifted by whole weeks and coordinates nudged, every other copy stored as an extracted event
with one document mention (its note's first sentence as evidence), until `--events` are stored.
So the texts, actors and places have the real distribution and both origins share
country-months. Nothing of the data is kept: the warehouse and the report live in a temporary
folder (pass `--keep DIR` to keep the report).

Load time is measured in headless Chromium over the DevTools protocol: the page records
`performance.now()` (milliseconds since navigation start) when the data is decoded and the map,
timeline, comparison and first table page are drawn; each of `--loads` fresh page loads counts.
Filter time is the page's own measure of one filter change (re-select 50k rows and redraw all).
Writes `bench/out/bench_report.json`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report import build_report  # noqa: E402
from report.browser import Chromium  # noqa: E402
from warehouse.connection import connect  # noqa: E402
from warehouse.importer import import_acled  # noqa: E402

SYNTHESISE = """
INSERT INTO events
SELECT e.* REPLACE (
    event_id_cnty || 'S' || k AS event_id_cnty,
    event_date + (7 * k)::INTEGER AS event_date,
    year(event_date + (7 * k)::INTEGER) AS year,
    latitude + ((hash(event_id_cnty, k) % 200)::INTEGER - 100) / 2000.0 AS latitude,
    longitude + ((hash(k, event_id_cnty) % 200)::INTEGER - 100) / 2000.0 AS longitude,
    CASE WHEN k % 2 = 1 THEN 'extracted' ELSE 'acled' END AS origin,
    CASE WHEN k % 2 = 1 THEN 0.3 + (hash(event_id_cnty) % 70)::INTEGER / 100.0 END AS confidence
)
FROM events e, range(1, ?) AS copies(k)
WHERE event_id_cnty NOT LIKE '%S%'
ORDER BY k, event_id_cnty
LIMIT ?
"""
READY = "document.body.dataset.ready === '1' || document.getElementById('status').className"
MENTIONS = """
INSERT INTO event_mentions
SELECT event_id_cnty, 'synthetic/' || event_id_cnty || '.txt',
       split_part(notes, '.', 1) || '.', 0, length(split_part(notes, '.', 1)) + 1
FROM events WHERE origin = 'extracted'
"""


def build_warehouse(path: Path, data: Path, target: int) -> int:
    """Import every ACLED export under `data`, then synthesise copies up to `target` events."""
    con = connect(path)
    try:
        for csv in sorted(data.glob("*.csv")):
            import_acled(con, csv)
        base = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        copies = -(-target // max(base, 1))
        con.execute(SYNTHESISE, [copies + 1, max(0, target - base)])
        con.execute(MENTIONS)
        return con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()


def measure_loads(html: Path, loads: int, screenshot: Path | None) -> dict[str, object]:
    """Median and all page-load times (ms), one filter change, and any console errors."""
    times, walls, errors = [], [], []
    with Chromium(width=1400, height=1000, timeout=180) as browser:
        for _ in range(loads):
            started = time.perf_counter()
            browser.open(html.as_uri())
            browser.wait_for(READY)
            walls.append(round((time.perf_counter() - started) * 1000))
            times.append(float(browser.evaluate("document.body.dataset.readyAt")))
            errors += browser.console_errors()
        browser.click("label:has(#f-type-0) input")
        filter_ms = float(browser.evaluate("document.body.dataset.updateMs"))
        browser.click("label:has(#f-type-0) input")
        if screenshot:
            browser.screenshot(screenshot)
    return {"load_ms_median": statistics.median(times), "load_ms": times, "wall_ms": walls,
            "filter_change_ms": filter_ms, "console_errors": errors}


def data_sizes(html: Path) -> dict[str, int]:
    """The file's parts: the compressed data element and everything else."""
    text = html.read_text(encoding="utf-8")
    start = text.index('type="application/octet-stream">') + len('type="application/octet-stream">')
    packed = text[start:text.index("</script>", start)]
    return {"file_bytes": html.stat().st_size, "data_base64_bytes": len(packed),
            "file_gzip_bytes": len(gzip.compress(text.encode("utf-8")))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="copy the report into this folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "bench_report.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        warehouse, html = Path(tmp) / "events.duckdb", Path(tmp) / "report.html"
        started = time.perf_counter()
        stored = build_warehouse(warehouse, args.data, args.events)
        print(f"warehouse: {stored:,} events in {time.perf_counter() - started:.1f} s", flush=True)
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            built = build_report(con, html, progress=lambda m: print(f"  report: {m}", flush=True))
        finally:
            con.close()
        result = {"events": built.events, "build_seconds": round(built.seconds, 2), **data_sizes(html),
                  **measure_loads(html, args.loads, args.screenshot)}
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / "report.html").write_bytes(html.read_bytes())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
