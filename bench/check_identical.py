"""Is the engine's output byte-identical to a recorded baseline? (refactoring guard)

    python bench/check_identical.py record  --out /tmp/baseline     # before a change
    python bench/check_identical.py compare --out /tmp/baseline     # after it: exit 1 on a difference

Runs `eventpipe extract --explain` on every note of `../shared/data/*.csv` (one document per
note, as `score_notes.py` builds them) and on the seed documents (`bench/seed_docs.jsonl`), and
records or compares the SHA-256 of each output and explanation file. The outputs hold ACLED
notes, so they are written outside the repository (`--out`), never committed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
SEED_DOCS = REPO / "bench" / "seed_docs.jsonl"


def note_documents(path: Path) -> list[dict[str, str]]:
    """One document per row with notes, keyed by event id and row (monadic ids repeat)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    documents = []
    for number, row in enumerate(rows, start=2):
        if (row.get("notes") or "").strip():
            doc = {"doc_id": f"{row.get('event_id_cnty') or 'row'}@{number}", "text": row["notes"]}
            if row.get("source"):
                doc["source"] = row["source"]
            documents.append(doc)
    return documents


def corpora(workdir: Path) -> dict[str, Path]:
    """name -> input JSONL for every corpus the check covers."""
    inputs = {"seed_docs": SEED_DOCS}
    for path in sorted(DATA.glob("*.csv")):
        target = workdir / f"{path.stem}.docs.jsonl"
        with target.open("w", encoding="utf-8") as handle:
            for doc in note_documents(path):
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
        inputs[path.stem] = target
    return inputs


def run(workdir: Path) -> dict[str, str]:
    """Extract every corpus; -> {file name: sha256} of the events and explanations."""
    workdir.mkdir(parents=True, exist_ok=True)
    digests = {}
    eventpipe = str(Path(sys.executable).with_name("eventpipe"))
    for name, docs in corpora(workdir).items():
        events, explain = workdir / f"{name}.events.jsonl", workdir / f"{name}.explain.txt"
        command = [eventpipe, "extract", "--input", str(docs), "--output", str(events)]
        command += ["--explain", str(explain)]
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
        for path in (events, explain):
            digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
            print(f"{path.name}: {digests[path.name][:16]}", file=sys.stderr)
    return digests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "compare"))
    parser.add_argument("--out", type=Path, required=True, help="a folder outside the repository")
    args = parser.parse_args()
    manifest = args.out / "digests.json"
    if args.mode == "record":
        digests = run(args.out)
        manifest.write_text(json.dumps(digests, indent=1, sort_keys=True))
        return 0
    recorded = json.loads(manifest.read_text())
    digests = run(args.out / "now")
    changed = sorted(name for name, digest in recorded.items() if digests.get(name) != digest)
    for name in changed:
        print(f"DIFFERENT: {name} (diff {args.out / name} {args.out / 'now' / name})")
    print("identical" if not changed else f"{len(changed)} file(s) differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
