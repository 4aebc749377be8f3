"""Training rows: ACLED notes with their coded types, from CSV exports, the shared corpus or the warehouse.

A row is one coded event: its notes are the text, its sub-event type (modern taxonomy) or only its
event type (legacy rows whose old type maps to one modern type) are the labels, its region picks
its cross-validation fold. Rows are deduplicated by identical notes (the first row wins), so an
event present in several exports counts once.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from schemas.codebook import EVENT_TYPES, SUB_EVENT_PARENT

__all__ = [
    "REVIEWED_KINDS", "TrainRow", "dedupe", "fingerprint", "read_acled_file", "read_reviewed", "read_rows",
    "read_warehouse",
]
REVIEWED_KINDS = ("corrected", "accepted")

# Older exports' region names -> today's.
_REGION_ALIASES = {"Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia"}
_EVENT_TYPE_FIXES = {e.casefold(): e for e in EVENT_TYPES}
_SUB_FIXES = {s.casefold(): s for s in SUB_EVENT_PARENT} | {
    "excessive force against protestors": "Excessive force against protesters"
}


@dataclass(frozen=True)
class TrainRow:
    """One labelled note. `sub_event_type` is None on legacy rows (event type only)."""

    key: str
    text: str
    event_type: str | None
    sub_event_type: str | None
    region: str
    modern: bool
    weight: float = 1.0  # sample weight in the fit: 1 for ACLED rows, more for analysts' decisions
    kind: str = "acled"  # "acled", or the review decision: "corrected" | "accepted"


def read_rows(paths: Iterable[Path]) -> list[TrainRow]:
    """Labelled rows of every file, deduplicated by notes (first file first)."""
    return dedupe(row for path in paths for row in read_acled_file(Path(path)))


def read_acled_file(path: Path) -> Iterator[TrainRow]:
    """Rows of an ACLED CSV export (any vintage) or of the shared corpus (plain or .gz)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        yield from _labelled(csv.DictReader(handle))


def read_warehouse(warehouse: Path) -> list[TrainRow]:
    """ACLED-origin events already imported into the warehouse (`events` where origin='acled')."""
    from warehouse.connection import connect  # the warehouse is only opened for --from-warehouse

    with connect(warehouse, read_only=True) as con:
        result = con.execute(
            "select event_id_cnty, notes, event_type, sub_event_type, region from events "
            "where origin = 'acled' and notes is not null order by event_id_cnty"
        ).fetchall()
    records = [
        {"event_id_cnty": r[0], "notes": r[1], "event_type": r[2], "sub_event_type": r[3], "region": r[4]}
        for r in result
    ]
    return dedupe(_labelled(records))


def read_reviewed(warehouse: Path) -> list[TrainRow]:
    """Corrected and accepted extracted events (applied corrections) as weighted rows. Their
    region is empty: no cross-validation fold scores them, every fold trains on them."""
    from warehouse.connection import connect
    from warehouse.corrections import labelled_examples

    with connect(warehouse, read_only=True) as con:
        examples = labelled_examples(con)
    rows = []
    for example in examples:
        sub = _SUB_FIXES.get(str(example.labels.get("sub_event_type") or "").casefold())
        if example.kind not in REVIEWED_KINDS or sub is None or not example.text.strip():
            continue  # rejected ("not an event"): the rules' decision, not the typing model's
        rows.append(TrainRow(key="", text=example.text.strip(), event_type=SUB_EVENT_PARENT[sub],
                             sub_event_type=sub, region="", modern=True, weight=example.weight,
                             kind=example.kind))
    return dedupe(rows)


def _labelled(records: Iterable[dict]) -> Iterator[TrainRow]:
    for record in records:
        text = (record.get("notes") or "").strip()
        sub = _SUB_FIXES.get((record.get("sub_event_type") or "").strip().casefold())
        event_type = _EVENT_TYPE_FIXES.get((record.get("event_type") or "").strip().casefold())
        modern = (record.get("taxonomy") or "modern") == "modern" and sub is not None
        if not text or (sub is None and event_type is None):
            continue
        region = (record.get("region") or "").strip()
        yield TrainRow(
            key=record.get("event_id_cnty") or "",
            text=text,
            event_type=SUB_EVENT_PARENT[sub] if modern and sub else event_type,
            sub_event_type=sub if modern else None,
            region=_REGION_ALIASES.get(region, region),
            modern=modern,
        )


def dedupe(rows: Iterable[TrainRow]) -> list[TrainRow]:
    """The first row of every distinct note."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row.text not in seen:
            seen.add(row.text)
            kept.append(row)
    return kept


def fingerprint(rows: Iterable[TrainRow]) -> str:
    """sha256 over the rows' notes and labels, in order: which data a model was trained on."""
    digest = hashlib.sha256()
    buffer = io.StringIO()
    for row in rows:
        weight = "" if row.weight == 1.0 else f"\x1f{row.weight}"  # unweighted rows: fingerprints as before
        buffer.write(f"{row.text}\x1f{row.event_type}\x1f{row.sub_event_type}{weight}\x1e")
        if buffer.tell() > 1 << 20:
            digest.update(buffer.getvalue().encode("utf-8"))
            buffer = io.StringIO()
    digest.update(buffer.getvalue().encode("utf-8"))
    return digest.hexdigest()
