"""Leave-one-region-out geography benchmark: country, admin1, admin2, location, coordinates.

    .venv/bin/python bench/geo_loro.py [--per-fold 500] [--seed 0] [--folds "South Asia,Europe"]
                                      [--no-table] [--report /tmp/geo_loro.json]

For each fold (a group of ACLED regions) a seeded sample of corpus notes from that region is run
through the engine (`extract_events`, one document per note, the first event is scored), with
the ACLED place and source tables rebuilt from the corpus and `../shared/data` *without the
held-out region*: the engine never saw the held-out region's place names, spellings, admin units
or news outlets.
`--no-table` runs the GeoNames gazetteer alone (the baseline before the place table existed);
`--holdout rows` builds the table from everything but the scored events (new events in regions
the table knows: what users of those regions get, but not leave-one-region-out).

Scores (accuracy over rows whose gold field is non-empty; names folded as the shared scorer
does): country, admin1, admin2, location, coords25 (within 25 km, over rows where both sides
have coordinates) and coords25_all (a missing prediction counts as wrong). Errors (a row with a
wrong country, admin1 or location) are split by kind:
- no_event: the engine found no event in the note (typing's miss: every field is wrong);
- no_place: an event without a location (country only, or nothing);
- precision3: the event was coded to a region (geo_precision 3) instead of the town;
- wrong_namesake: the right name, but a place of that name elsewhere (> 25 km, or another country);
- wrong_admin: the right town (name or point within 25 km) with wrong admin names;
- other_place: another place (usually another name of the note).
Only aggregates are printed or written; no corpus row leaves this script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_place_table import (  # noqa: E402
    DEFAULT_INPUTS,
    read_rows,
    region_name,
    render_sources,
    source_table_from_rows,
    table_from_rows,
    write_place_table,
)

from extraction.document import Document  # noqa: E402
from extraction.evaluate import fold  # noqa: E402
from training.cv import FOLDS  # noqa: E402  (the folds evaluate --cv region uses)

FIELDS = ("country", "admin1", "admin2", "location", "coords25", "coords25_all")
KINDS = ("no_event", "no_place", "precision3", "wrong_namesake", "wrong_admin", "other_place")
KEEP = (
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "region",
    "notes",
    "source",
    "event_id_cnty",
)


def read_corpus() -> tuple[list[dict], list[dict]]:
    """(every row of the corpus and shared/data for the place tables; corpus rows with notes and
    a coded place, the evaluation pool)."""
    everything: list[dict] = []
    pool: list[dict] = []
    for path in DEFAULT_INPUTS:
        for row in read_rows(path):
            everything.append({k: row.get(k, "") for k in (*KEEP, "admin3", "iso", "geo_precision", "year")})
            if path == DEFAULT_INPUTS[0] and row["notes"] and row["location"] and row["latitude"]:
                pool.append(everything[-1])
    return everything, pool


def fold_sample(pool: list[dict], regions: tuple[str, ...], limit: int, seed: int) -> list[dict]:
    rows = [r for r in pool if region_name(r["region"]) in regions]
    return random.Random(seed).sample(rows, min(limit, len(rows)))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def distance(gold: dict, pred: dict | None) -> float | None:
    if not pred:
        return None
    points = [
        _float(v) for v in (gold["latitude"], gold["longitude"], pred.get("latitude"), pred.get("longitude"))
    ]
    return None if None in points else km(*points)  # type: ignore[arg-type]


def score(gold: dict, pred: dict | None) -> dict[str, bool | None]:
    """Per-field correctness (None: not scored for this row)."""
    result: dict[str, bool | None] = {}
    for name in ("country", "admin1", "admin2", "location"):
        result[name] = None if not gold[name] else bool(pred) and fold(gold[name]) == fold(pred.get(name))
    far = distance(gold, pred)
    result["coords25"] = None if far is None else far <= 25
    result["coords25_all"] = far is not None and far <= 25
    return result


def error_kind(gold: dict, pred: dict | None, result: dict) -> str | None:
    if all(result[f] in (True, None) for f in ("country", "admin1", "location")):
        return None
    if not pred:
        return "no_event"
    if not pred.get("location"):
        return "no_place"
    if pred.get("geo_precision") == 3:
        return "precision3"
    far = distance(gold, pred)
    same_name = fold(gold["location"]) == fold(pred.get("location"))
    if same_name and (far is None or far > 25 or not result["country"]):
        return "wrong_namesake"
    if same_name or (far is not None and far <= 25):
        return "wrong_admin"
    return "other_place"


def make_resources(table: Path | None, sources: Path | None = None):
    """The engine's resources with the ACLED place table at `table` (and its source table at
    `sources`) layered over the gazetteer (None: the GeoNames gazetteer alone, as before the table
    existed)."""
    from extraction.engine import Resources

    packaged = Resources.load()
    gazetteer = packaged.gazetteer
    if not hasattr(gazetteer, "with_place_table"):  # an engine without place tables: the baseline
        return packaged
    lines = _lines(table) if table else None
    return replace(packaged, gazetteer=gazetteer.with_place_table(lines, _lines(sources) if sources else ()))


def _lines(path: Path) -> list[str]:
    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()[1:]


def run_fold(name: str, rows: list[dict], everything: list[dict], use_table: bool, holdout: str) -> dict:
    from extraction.engine import extract_events

    with tempfile.TemporaryDirectory() as folder:
        table = sources = None
        if use_table:
            table, sources = Path(folder) / "places.tsv.gz", Path(folder) / "sources.tsv.gz"
            known = _table_rows(everything, rows, FOLDS[name], holdout)
            write_place_table(table_from_rows(known), table)
            sources.write_bytes(render_sources(source_table_from_rows(known)))
        resources = make_resources(table, sources)
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        kinds: Counter = Counter()
        started = time.process_time()
        for row in rows:
            document = Document(
                doc_id=row["event_id_cnty"] or "row", text=row["notes"], source=row["source"] or None
            )
            events = extract_events(document, resources)
            pred = events[0] if events else None
            result = score(row, pred)
            for field, ok in result.items():
                if ok is not None:
                    totals[field][0] += ok
                    totals[field][1] += 1
            kind = error_kind(row, pred, result)
            if kind:
                kinds[kind] += 1
    scores = {f: totals[f][0] / totals[f][1] if totals[f][1] else None for f in FIELDS}
    return {"n": len(rows), "scores": scores, "errors": dict(kinds), "cpu_s": time.process_time() - started}


def _table_rows(
    everything: list[dict], rows: list[dict], regions: tuple[str, ...], holdout: str
) -> list[dict]:
    """The rows the fold's place table is built from: all but the held-out region ('region'), or
    all but the evaluated events themselves ('rows': the place names of *known* regions, for
    events the table has not seen; their duplicates by id or notes are held out too)."""
    if holdout == "region":
        return [r for r in everything if region_name(r["region"]) not in regions]
    ids = {r["event_id_cnty"] for r in rows if r["event_id_cnty"]}
    notes = {r["notes"] for r in rows}
    return [r for r in everything if r["event_id_cnty"] not in ids and r["notes"] not in notes]


def format_table(results: dict[str, dict]) -> str:
    lines = [f"{'fold':<26}{'n':>5} " + " ".join(f"{f:>12}" for f in FIELDS)]
    for name, result in results.items():
        cells = " ".join(
            f"{result['scores'][f]:>12.3f}" if result["scores"][f] is not None else f"{'n/a':>12}"
            for f in FIELDS
        )
        lines.append(f"{name:<26}{result['n']:>5} {cells}")
    means = {f: [r["scores"][f] for r in results.values() if r["scores"][f] is not None] for f in FIELDS}
    lines.append(
        f"{'mean over folds':<26}{'':>5} " + " ".join(f"{sum(v) / len(v):>12.3f}" for v in means.values())
    )
    errors: Counter = Counter()
    for result in results.values():
        errors.update(result["errors"])
    total = sum(errors.values()) or 1
    lines.append("errors by kind: " + ", ".join(f"{k} {errors[k]} ({errors[k] / total:.0%})" for k in KINDS))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-fold", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", default=",".join(FOLDS), help="comma-separated fold names")
    parser.add_argument("--no-table", action="store_true", help="the gazetteer alone (baseline)")
    parser.add_argument(
        "--holdout",
        choices=("region", "rows"),
        default="region",
        help="what the place table leaves out: the fold's region (default) or only the scored events",
    )
    parser.add_argument("--report", type=Path, default=None, help="also write the results as JSON")
    args = parser.parse_args()
    everything, pool = read_corpus()
    results = {}
    for name in [f.strip() for f in args.folds.split(",")]:
        rows = fold_sample(pool, FOLDS[name], args.per_fold, args.seed)
        results[name] = run_fold(name, rows, everything, not args.no_table, args.holdout)
        print(f"{name}: {json.dumps(results[name])}", file=sys.stderr)
    print(format_table(results))
    if args.report:
        args.report.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
