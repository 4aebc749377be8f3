"""Accuracy of the date and fatality modules on ACLED notes (gold: event_date, fatalities).

Usage: .venv/bin/python bench/measure_dates_fatalities.py [../shared/data/*.csv] [--show N]
Date: the first non-report date found in the note (sentences in order, context threaded),
compared exactly with the gold event_date; `date_exact_year_known` does the same with the gold
year as context (many Kenya notes say only 'On Oct 9th': without a year no parser can date
them, so this isolates the parser's own misses). Fatalities: count_fatalities(notes) vs gold,
over all rows and over rows with gold > 0. Also prints throughput in MB/s.
"""

from __future__ import annotations

import argparse
import csv
import glob
import time
from datetime import date, datetime
from pathlib import Path

from extraction.dates import DateContext, find_dates
from extraction.fatalities import count_fatalities
from extraction.reading import split_sentences

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def parse_gold_date(text: str, year: str) -> date | None:
    """ACLED date forms: ISO, 9-May-20, 21 March 2020, 31-12-19 (century from `year`)."""
    for fmt in ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%m-%y", "%d/%m/%Y"):
        try:
            parsed = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        if year.isdigit() and parsed.year != int(year):
            parsed = parsed.replace(year=int(year))
        return parsed
    return None


def first_event_date(notes: str, year: int | None = None) -> date | None:
    ctx = DateContext(year_hint=year)
    for sentence in split_sentences(notes):
        mentions = find_dates(sentence.text, ctx)
        for mention in mentions:
            if not mention.is_report_date:
                return mention.event_date
        ctx = ctx.updated(mentions)
    return None


def measure(path: str, show: int) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    date_ok = fat_ok = nz_ok = nz = year_ok = 0
    misses: list[str] = []
    fat_misses: list[str] = []
    started = time.perf_counter()
    for row in rows:
        notes = row["notes"]
        gold_date = parse_gold_date(row["event_date"], row.get("year", ""))
        found = first_event_date(notes)
        year = int(row["year"]) if row.get("year", "").isdigit() else None
        year_ok += (found if found is not None else first_event_date(notes, year)) == gold_date
        if found == gold_date:
            date_ok += 1
        elif len(misses) < show:
            misses.append(f"  date gold={gold_date} got={found} | {notes[:160]}")
        gold_fat = int(row["fatalities"] or 0)
        got = count_fatalities(notes).count
        fat_ok += got == gold_fat
        if gold_fat > 0:
            nz += 1
            nz_ok += got == gold_fat
        if got != gold_fat and len(fat_misses) < show:
            fat_misses.append(f"  fat gold={gold_fat} got={got} | {notes[:200]}")
    elapsed = time.perf_counter() - started
    mb = sum(len(r["notes"].encode()) for r in rows) / 1e6
    n = len(rows)
    print(
        f"{path}: n={n} date_exact={date_ok / n:.4f} date_exact_year_known={year_ok / n:.4f} "
        f"fatalities={fat_ok / n:.4f} "
        f"fatalities_nonzero={nz_ok / max(nz, 1):.4f} (nz={nz}) speed={mb / elapsed:.2f} MB/s"
    )
    print("\n".join(misses + fat_misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", default=sorted(glob.glob(str(SHARED_DATA / "*.csv"))))
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per file")
    args = parser.parse_args()
    for path in args.files:
        measure(path, args.show)


if __name__ == "__main__":
    main()
