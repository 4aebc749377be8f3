"""Build bench/seed_docs.jsonl, the input of `score_docs.py` for the five seed articles.

The benchmark needs the exact texts the gold file (tests/golden/seed_events.csv) was coded
from, plus each article's publication date: relative dates ("in March", "two years ago") are
resolved against it. Output is byte-for-byte reproducible: documents in file-name order, keys in
a fixed order, UTF-8, one JSON object per line, '\\n' line ends.

Usage: python3 bench/make_seed_docs.py [--raw RAW_DIR] [--out OUT.jsonl]
Standard library only, so the benchmark can be rebuilt without the project installed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANIFEST_COLUMNS = ("file", "title", "source", "published")


def read_manifest(raw_dir: Path) -> list[dict[str, str]]:
    """Rows of raw/manifest.csv sorted by file name (the manifest's own order is not a contract)."""
    path = raw_dir / "manifest.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    return sorted(rows, key=lambda r: r["file"])


def build_doc(raw_dir: Path, row: dict[str, str]) -> dict[str, str]:
    """One manifest row -> the JSONL document; `published` is left out when the manifest is blank.

    The text is decoded as is (no newline translation) so span offsets match the raw file.
    """
    path = raw_dir / row["file"]
    if not path.is_file():
        raise ValueError(f"{raw_dir / 'manifest.csv'}: listed file {row['file']!r} does not exist")
    doc = {"doc_id": Path(row["file"]).stem, "text": path.read_bytes().decode("utf-8")}
    if row["published"]:
        doc["published"] = row["published"]
    doc["source"] = row["source"]
    doc["title"] = row["title"]
    return doc


def write_jsonl(docs: list[dict[str, str]], out: Path) -> None:
    """Write one compact JSON object per line (non-ASCII kept readable)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=REPO / "raw", help="folder with manifest.csv and texts")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "seed_docs.jsonl", help="output JSONL")
    args = ap.parse_args(argv)
    try:
        docs = [build_doc(args.raw, row) for row in read_manifest(args.raw)]
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_jsonl(docs, args.out)
    print(f"wrote {len(docs)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
