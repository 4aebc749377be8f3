"""Lineage frames: the per-field evidence of merged events, and rejects traced to their text.

Pure functions over the merged event dicts (`extraction.merge.merge_events` output), in the same
order as `flows.frames.events_frame`, whose row numbers the validation rejects refer to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

import polars as pl

LINEAGE_SCHEMA: dict[str, pl.DataType] = {"event_id_cnty": pl.String(), "field": pl.String(),
                                          "reason": pl.String()}


def lineage_frame(events: Sequence[Mapping[str, object]], keep_ids: Iterable[str]) -> pl.DataFrame:
    """One row per (event in `keep_ids`, explained field) with the engine's evidence text."""
    keep = set(keep_ids)
    rows = [{"event_id_cnty": event["event_id_cnty"], "field": str(field), "reason": str(reason)}
            for event in events if event.get("event_id_cnty") in keep
            for field, reason in _explain(event).items() if reason is not None]
    return pl.DataFrame(rows, schema=LINEAGE_SCHEMA)


def traceable_rejects(events: Sequence[Mapping[str, object]], rejects: pl.DataFrame) -> pl.DataFrame:
    """`rejects` (row, event_id_cnty, reasons) plus the rejected record's document id, evidence
    sentence and per-field evidence (JSON), so a reject can be traced to its text."""
    def pick(row: int | None, key: str) -> str | None:
        if row is None or not 0 <= row < len(events):
            return None
        event = events[row]
        if key == "explain":
            return json.dumps(_explain(event), ensure_ascii=False) if _explain(event) else None
        if key == "evidence":
            mentions = event.get("mentions") or [event]
            return mentions[0].get("evidence") if mentions else None
        value = event.get(key)
        return None if value is None else str(value)

    rows = rejects["row"].to_list()
    return rejects.with_columns(
        pl.Series(key, [pick(row, key) for row in rows], dtype=pl.String())
        for key in ("doc_id", "evidence", "explain")
    )


def _explain(event: Mapping[str, object]) -> dict[str, object]:
    explain = event.get("explain")
    return dict(explain) if isinstance(explain, Mapping) else {}
