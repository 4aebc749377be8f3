"""Cell-by-cell comparison of an ACLED file with our export of it (the round-trip check).

Used by tests/warehouse/test_acled_round_trip.py on the committed samples and by
bench/acled_round_trip.py on the full shared exports.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Columns some ACLED files carry that an export does not write back, and why. Everything else is
# compared as text, cell by cell.
NOT_EXPORTED: dict[str, str] = {
    "data_id": "ACLED's internal row id of old exports, not part of the event",
    "event_id_no_cnty": "the number of event_id_cnty (KEN7182 -> 7182), derivable",
    "iso3": "ISO alpha-3 of the country, derivable from iso",
    "countycode": "a Kenya-only column of one old export",
}
# Where ACLED's own files differ in ways an export cannot keep apart; compared after this
# normalisation (empty: none needed on the shared files).
NORMALISED: dict[str, str] = {}


@dataclass
class Comparison:
    """What differs between an ACLED file and its export."""

    rows_in: int = 0
    rows_out: int = 0
    missing_rows: list[str] = field(default_factory=list)  # keys in the file, not in the export
    extra_rows: list[str] = field(default_factory=list)
    differing: Counter = field(default_factory=Counter)  # column -> cells that differ
    examples: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # column -> (key, in, out)
    added_columns: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not (self.missing_rows or self.extra_rows or self.differing)


def read_rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Header and rows keyed by `event_id_cnty#n` (n: the actor row of a monadic event)."""
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        seen: Counter = Counter()
        rows = {}
        for row in reader:
            seen[row["event_id_cnty"]] += 1
            rows[f"{row['event_id_cnty']}#{seen[row['event_id_cnty']]}"] = row
        return list(reader.fieldnames or []), rows


def compare(original: Path, exported: Path, skip_keys: set[str] = frozenset()) -> Comparison:
    """Compare every cell the export writes back; `skip_keys` (e.g. rows rejected on import)
    are expected to be missing."""
    header_in, rows_in = read_rows(original)
    header_out, rows_out = read_rows(exported)
    result = Comparison(rows_in=len(rows_in), rows_out=len(rows_out))
    result.added_columns = [c for c in header_out if c not in header_in]
    columns = [c for c in header_in if c not in NOT_EXPORTED]
    for key, row in rows_in.items():
        if key.split("#")[0] in skip_keys:
            continue
        out = rows_out.get(key)
        if out is None:
            result.missing_rows.append(key)
            continue
        for column in columns:
            if row[column] != out.get(column):
                result.differing[column] += 1
                result.examples.setdefault(column, (key, row[column], str(out.get(column))))
    result.extra_rows = [k for k in rows_out if k not in rows_in]
    return result
