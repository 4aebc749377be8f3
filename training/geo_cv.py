"""Leave one region out for geography: country, admin1, admin2, location, coordinates.

For each fold of `training.cv.FOLDS` a seeded sample of the fold's ACLED notes is run through
the engine (one document per note, the first event is scored) with the ACLED place and source
tables rebuilt from every row *outside the held-out region*: the engine never saw the held-out
region's place names, spellings, admin units or news outlets. `holdout="rows"` instead builds
the tables from everything but the scored events (new events in regions the table knows).

Scores (accuracy over rows whose gold field is non-empty; names folded as the shared scorer
does): country, admin1, admin2, location, coords25 (within 25 km, over rows where both sides
have coordinates) and coords25_all (a missing prediction counts as wrong). Errors (a row with a
wrong country, admin1 or location) are split by kind:
- no_event: the engine found no event in the note (typing's miss: every field is wrong);
- no_place: an event without a located place: country only, nothing, or a name the gazetteer
  lacks (kept as ACLED's location, but without coordinates);
- precision3: the event was coded to a region (geo_precision 3) instead of the town;
- wrong_namesake: the right name, but a place of that name elsewhere (> 25 km, or another country);
- wrong_admin: the right town (name or point within 25 km) with wrong admin names;
- other_place: another place (usually another name of the note).
Only aggregates leave this module; no row is written anywhere.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from extraction.document import Document
from extraction.evaluate import fold
from training.cv import FOLDS
from training.place_table import TABLE_COLUMNS, region_name, source_table_from_rows, table_from_rows

FIELDS = ("country", "admin1", "admin2", "location", "coords25", "coords25_all")
KINDS = ("no_event", "no_place", "precision3", "wrong_namesake", "wrong_admin", "other_place")
# The columns a row needs here: the place tables' and the scored fields.
PLACE_COLUMNS = (*TABLE_COLUMNS, "notes", "event_id_cnty")

Progress = Callable[[str], None]


@dataclass
class GeoReport:
    """Per-fold scores (None: no row had the field), sample sizes and error kinds."""

    folds: dict[str, dict[str, float | None]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    errors: dict[str, dict[str, int]] = field(default_factory=dict)

    def mean(self) -> dict[str, float | None]:
        means: dict[str, float | None] = {}
        for name in FIELDS:
            values = [s[name] for s in self.folds.values() if s[name] is not None]
            means[name] = sum(values) / len(values) if values else None
        return means

    def error_shares(self) -> dict[str, float]:
        total = Counter()
        for kinds in self.errors.values():
            total.update(kinds)
        count = sum(total.values()) or 1
        return {kind: total[kind] / count for kind in KINDS}

    def as_dict(self) -> dict:
        return {
            "folds": self.folds,
            "sizes": self.sizes,
            "errors": self.errors,
            "mean": self.mean(),
            "error_shares": self.error_shares(),
        }


def place_rows(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """The place columns of ACLED rows (what the tables and the scores read)."""
    return [{k: row.get(k) or "" for k in PLACE_COLUMNS} for row in rows]


def scorable(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """Rows with notes, a coded location and coordinates: the evaluation pool."""
    return [r for r in rows if r["notes"] and r["location"] and r["latitude"]]


def fold_sample(pool: Sequence[dict], regions: tuple[str, ...], limit: int | None, seed: int) -> list[dict]:
    rows = [r for r in pool if region_name(r["region"]) in regions]
    return random.Random(seed).sample(rows, min(limit, len(rows))) if limit else rows


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
    """The kind of a row's geography error (None: country, admin1 and location are right)."""
    if all(result[f] in (True, None) for f in ("country", "admin1", "location")):
        return None
    if not pred:
        return "no_event"
    if not pred.get("location") or _float(pred.get("latitude")) is None:
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


def table_rows(
    everything: list[dict], rows: list[dict], regions: tuple[str, ...], holdout: str
) -> list[dict]:
    """The rows a fold's place table is built from: all but the held-out region ('region'), or
    all but the evaluated events themselves ('rows'; their duplicates by id or notes too)."""
    if holdout == "region":
        return [r for r in everything if region_name(r["region"]) not in regions]
    ids = {r["event_id_cnty"] for r in rows if r["event_id_cnty"]}
    notes = {r["notes"] for r in rows}
    return [r for r in everything if r["event_id_cnty"] not in ids and r["notes"] not in notes]


def fold_resources(resources, known: list[dict] | None):
    """`resources` with the place and source tables of `known` rows layered over the gazetteer
    (None: the GeoNames gazetteer alone, the baseline before the place table existed)."""
    if known is None:
        return replace(resources, gazetteer=resources.gazetteer.with_place_table(None))
    places = [row.as_line() for row in table_from_rows(known)]
    sources = ["\t".join(str(v) for v in row) for row in source_table_from_rows(known)]
    return replace(resources, gazetteer=resources.gazetteer.with_place_table(places, sources))


def score_fold(rows: list[dict], resources) -> tuple[dict[str, float | None], dict[str, int]]:
    """(scores, error kinds) of the engine with `resources` on `rows`."""
    from extraction.engine import extract_events

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    kinds: Counter = Counter()
    for row in rows:
        document = Document(
            doc_id=row["event_id_cnty"] or "row", text=row["notes"], source=row["source"] or None
        )
        events = extract_events(document, resources)
        pred = events[0] if events else None
        result = score(row, pred)
        for name, ok in result.items():
            if ok is not None:
                totals[name][0] += ok
                totals[name][1] += 1
        kind = error_kind(row, pred, result)
        if kind:
            kinds[kind] += 1
    scores = {f: totals[f][0] / totals[f][1] if totals[f][1] else None for f in FIELDS}
    return scores, dict(kinds)


def run_geo_loro(
    everything: list[dict],
    resources,
    pool: list[dict] | None = None,
    limit_per_fold: int | None = 500,
    seed: int = 0,
    holdout: str = "region",
    folds: Iterable[str] | None = None,
    progress: Progress | None = None,
    use_table: bool = True,
) -> GeoReport:
    """Geography leave-one-region-out over `everything` (place rows, `place_rows`): the pool
    (default: its scorable rows) is sampled per fold, the tables rebuilt without the fold."""
    say = progress or (lambda message: None)
    pool = scorable(everything) if pool is None else pool
    report = GeoReport()
    for name in folds or FOLDS:
        rows = fold_sample(pool, FOLDS[name], limit_per_fold, seed)
        if not rows:
            continue
        known = table_rows(everything, rows, FOLDS[name], holdout) if use_table else None
        report.folds[name], report.errors[name] = score_fold(rows, fold_resources(resources, known))
        report.sizes[name] = len(rows)
        say(f"geography {name}: {len(rows)} notes")
    return report


def format_geo_report(report: GeoReport) -> str:
    """The per-fold table, the mean over folds and the error kinds' shares."""
    lines = [f"{'fold':<26}{'n':>5} " + " ".join(f"{f:>12}" for f in FIELDS)]
    for name, scores in report.folds.items():
        cells = " ".join(f"{scores[f]:>12.3f}" if scores[f] is not None else f"{'n/a':>12}" for f in FIELDS)
        lines.append(f"{name:<26}{report.sizes[name]:>5} {cells}")
    means = report.mean()
    lines.append(
        f"{'mean over folds':<26}{'':>5} "
        + " ".join(f"{means[f]:>12.3f}" if means[f] is not None else f"{'n/a':>12}" for f in FIELDS)
    )
    total = Counter()
    for kinds in report.errors.values():
        total.update(kinds)
    count = sum(total.values()) or 1
    lines.append("errors by kind: " + ", ".join(f"{k} {total[k]} ({total[k] / count:.0%})" for k in KINDS))
    return "\n".join(lines)
