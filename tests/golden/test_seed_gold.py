"""Checks on the hand-coded seed gold and the benchmark input it is scored against.

The gold CSV is what the extractor's recall/precision on the seed articles is measured against,
so a typo in it (an event type ACLED does not have, a country spelled differently from our
codebook, a date after the article was published) silently turns a correct extraction into a
miss. These tests catch such slips; they do not second-guess coding decisions (see README.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from schemas.codebook import EVENT_TYPES, SUB_EVENT_PARENT, country_alpha3, country_name

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "seed_events.csv"
DOCS = REPO / "bench" / "seed_docs.jsonl"
COLUMNS = ["gold_id", "doc", "required", "date_from", "date_to", "country", "admin1", "location",
           "event_types", "sub_event_types", "fatalities", "actor1_pattern", "description"]


def read_gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_docs() -> dict[str, dict]:
    with DOCS.open(encoding="utf-8") as fh:
        return {d["doc_id"]: d for d in (json.loads(line) for line in fh if line.strip())}


def alternatives(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


ROWS = read_gold()
ROW_IDS = [r["gold_id"] for r in ROWS]


def test_header_is_the_score_docs_contract() -> None:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS


def test_gold_ids_are_unique_and_the_required_set_is_substantial() -> None:
    assert len(set(ROW_IDS)) == len(ROW_IDS)
    assert sum(r["required"] == "1" for r in ROWS) >= 30


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_row_uses_codebook_values(row: dict[str, str]) -> None:
    assert row["required"] in ("0", "1")
    alpha3 = country_alpha3(row["country"])
    assert alpha3 is not None and country_name(alpha3) == row["country"], "not ACLED's country spelling"
    assert row["gold_id"].startswith(alpha3 + "-")
    types = alternatives(row["event_types"])
    assert types and set(types) <= set(EVENT_TYPES)
    assert all(SUB_EVENT_PARENT[sub] in types for sub in alternatives(row["sub_event_types"]))
    assert all(int(f) >= 0 for f in alternatives(row["fatalities"]))
    re.compile(row["actor1_pattern"], re.IGNORECASE)
    assert row["description"].strip()


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_date_window_precedes_every_reporting_article(row: dict[str, str]) -> None:
    docs = read_docs()
    start, end = dt.date.fromisoformat(row["date_from"]), dt.date.fromisoformat(row["date_to"])
    assert start <= end
    for doc_id in alternatives(row["doc"]):
        published = docs[doc_id].get("published")
        if published:
            assert end <= dt.date.fromisoformat(published), f"{doc_id} was published {published}"


def test_seed_docs_are_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "seed_docs.jsonl"
    subprocess.run([sys.executable, str(REPO / "bench" / "make_seed_docs.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == DOCS.read_bytes()


def test_seed_docs_carry_manifest_dates_and_raw_texts() -> None:
    docs = read_docs()
    assert sorted(docs) == sorted(p.stem for p in (REPO / "raw").glob("*.txt"))
    assert docs["001_488e6410282b3c42"]["published"] == "2024-06-01"
    assert "published" not in docs["000_96cb802ce4c39959"]
    raw = (REPO / "raw" / "003_4f347b1e551ca9e1.txt").read_bytes().decode("utf-8")
    assert docs["003_4f347b1e551ca9e1"]["text"] == raw


def test_make_seed_docs_reports_a_missing_text(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("file,title,source,published,notes\ngone.txt,T,S,,\n")
    done = subprocess.run([sys.executable, str(REPO / "bench" / "make_seed_docs.py"), "--raw", str(tmp_path),
                           "--out", str(tmp_path / "o.jsonl")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "listed file 'gone.txt' does not exist" in done.stderr
