"""Self-evaluation: run the engine on the notes of a user's ACLED export and score it per field.

An analyst who wants to trust the engine on their own region exports ACLED events for it and runs
`eventpipe evaluate --acled FILE.csv`: each row's `notes` becomes one document, the engine's first
event for it is compared with the row. Names are compared the way ACLED users read them
(case, diacritics, hyphens and apostrophes ignored); actors by family (the text before '(').
"""

from __future__ import annotations

import logging
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extraction.document import Document
from schemas.codebook import inter_code, parse_interaction
from warehouse.acled_csv import read_acled_csv

log = logging.getLogger(__name__)


@dataclass
class FieldScore:
    """correct / n over the rows where the gold field is non-empty."""

    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass
class Evaluation:
    """Per-field scores, the number of rows evaluated and how many got at least one event."""

    rows: int = 0
    covered: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)

    def add(self, name: str, ok: bool) -> None:
        score = self.fields.setdefault(name, FieldScore())
        score.n += 1
        score.correct += bool(ok)


def read_acled_rows(path: Path) -> list[dict[str, str]]:
    """Events of an ACLED CSV export that have notes, as rows of text values.

    Read with the warehouse's ACLED reader, so evaluation accepts exactly what `import-acled`
    accepts (any vintage; a monadic export's rows of one event become one event with actor2).
    """
    events = read_acled_csv(Path(path)).events
    return [
        {key: "" if value is None else str(value) for key, value in row.items()}
        for row in events.iter_rows(named=True)
        if row.get("notes")
    ]


def sample_rows(rows: Sequence[dict[str, str]], limit: int | None, seed: int = 0) -> list[dict[str, str]]:
    """A seeded random sample of `limit` rows in file order (all rows without a limit)."""
    if not limit or limit >= len(rows):
        return list(rows)
    keep = sorted(random.Random(seed).sample(range(len(rows)), limit))
    return [rows[i] for i in keep]


def evaluate_rows(rows: Iterable[Mapping[str, str]], extract: Callable[[Document], list[dict]]) -> Evaluation:
    """Run `extract` on each row's notes and score its first event against the row."""
    evaluation = Evaluation()
    for row in rows:
        document = Document(doc_id=row["event_id_cnty"], text=row["notes"], source=row.get("source") or None)
        events = extract(document)
        evaluation.rows += 1
        evaluation.covered += bool(events)
        score_row(evaluation, row, events[0] if events else None)
    return evaluation


def score_row(
    evaluation: Evaluation, gold: Mapping[str, str], predicted: Mapping[str, object] | None
) -> None:
    """Add one row's per-field results; a missing prediction is wrong on every scored field."""
    pred = predicted or {}
    for name, gold_value, pred_value in _comparisons(gold, pred):
        if gold_value not in (None, ""):
            evaluation.add(name, predicted is not None and gold_value == pred_value)


def _comparisons(gold: Mapping[str, str], pred: Mapping[str, object]) -> list[tuple[str, object, object]]:
    gold_fatalities = _int(gold.get("fatalities"))
    pairs = [
        (name, fold(gold.get(name)), fold(pred.get(name)))
        for name in ("event_type", "sub_event_type", "country", "admin1", "admin2", "location")
    ]
    pairs += [
        (
            "event_date",
            _iso_date(gold.get("event_date")),
            _iso_date(pred.get("event_date")),
        ),
        ("fatalities", gold_fatalities, _int(pred.get("fatalities"))),
        ("fatalities_nonzero", gold_fatalities or None, _int(pred.get("fatalities"))),
        ("actor1_family", actor_family(gold.get("actor1")), actor_family(pred.get("actor1"))),
        (
            "actor2_family",
            actor_family(gold.get("actor2")) if "actor2" in gold else None,
            actor_family(pred.get("actor2")),
        ),
        ("inter1", inter_code(gold.get("inter1")), inter_code(pred.get("inter1"))),
        ("interaction", _interaction_key(gold.get("interaction")), _interaction_key(pred.get("interaction"))),
    ]
    return pairs


def fold(value: object) -> str:
    """Case, diacritics, dashes, apostrophes and whitespace folded; hyphens count as spaces."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212-]", " ", text)
    text = re.sub(r"['\u2018\u2019`\u02bc]", "", text)
    return " ".join(text.split())


def actor_family(value: object) -> str:
    """'Military Forces of Kenya (2013-)' -> 'military forces of kenya'."""
    return fold(str(value or "").split("(", 1)[0])


def _iso_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _interaction_key(value: object) -> tuple[int, ...] | None:
    number = parse_interaction(value)
    if number is None:
        return None
    return tuple(sorted(d for d in divmod(number, 10) if d))


def _int(value: object) -> int | None:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return None


def format_table(evaluation: Evaluation) -> str:
    """A plain-text table: field, correct, n, accuracy."""
    lines = [f"{'field':<20} {'correct':>8} {'n':>6} {'accuracy':>9}", "-" * 46]
    for name, score in evaluation.fields.items():
        accuracy = "n/a" if score.accuracy is None else f"{score.accuracy:.3f}"
        lines.append(f"{name:<20} {score.correct:>8} {score.n:>6} {accuracy:>9}")
    coverage = evaluation.covered / evaluation.rows if evaluation.rows else 0.0
    lines.append(f"rows={evaluation.rows} with_event={evaluation.covered} coverage={coverage:.3f}")
    return "\n".join(lines)
