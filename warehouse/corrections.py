"""Analysts' corrections, applied on top of extraction (migration 0005).

A correction names its event by a stable key, not by `event_id_cnty`: the event's primary
document, the span of its evidence sentence there and the date the extractor gave it
(`doc.txt#120-245@2024-03-02`). Ids are re-derived on every merge and change with extractor
upgrades; the key only changes when the text does. On every load (`sync_extracted`) the stored
corrections are replayed in order over the freshly extracted events, so they survive
re-extraction, and `events`, every view and every export show the corrected state.

When the text under a correction changes:
- the same sentence moved within its document (text added above it): the correction follows it
  (matched by document and identical sentence) and stays `applied`;
- the span now holds a different sentence: the correction is `stale` and is not applied (the
  extractor's reading of the new text stands until someone reviews it again);
- no event has the key or the sentence any more (document removed or no event found): the
  correction is `orphaned` and not applied. Stale and orphaned corrections are kept, never
  deleted, and come back into force if the text does.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import polars as pl

from eventpipe.errors import InputError
from schemas.codebook import (
    GEO_PRECISIONS,
    INTER_LABELS,
    SUB_EVENT_DISORDER,
    SUB_EVENT_PARENT,
    TIME_PRECISIONS,
    country_iso_numeric,
    interaction_number,
)

log = logging.getLogger(__name__)

ACCEPT, REJECT, MERGE = "_accept", "_reject", "_merge"
ACTIONS = (ACCEPT, REJECT, MERGE)
CORRECTABLE: tuple[str, ...] = (
    "sub_event_type", "event_date", "time_precision", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "civilian_targeting", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "notes",
)
KEY_SCHEMA: dict[str, pl.DataType] = {
    "event_id_cnty": pl.String(), "event_key": pl.String(), "doc_id": pl.String(),
    "span_start": pl.Int32(), "span_end": pl.Int32(), "extracted_date": pl.Date(), "evidence": pl.String(),
}
# Labelled examples for training: an analyst's decision counts more than one bulk ACLED row (1.0).
CORRECTED_WEIGHT = 5.0
ACCEPTED_WEIGHT = 3.0
REJECTED_WEIGHT = 5.0


def event_key(doc_id: object, span_start: object, span_end: object, extracted_date: object) -> str:
    """The stable key of an extracted event (see the module docstring)."""
    return f"{doc_id}#{span_start}-{span_end}@{extracted_date}"


def keys_frame(events: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """One key per event: its first mention (the primary document's) and its extracted date."""
    when = pl.col("event_date")
    when = when.str.to_date("%Y-%m-%d") if events.schema["event_date"] == pl.String() else when.cast(pl.Date)
    dates = events.select("event_id_cnty", when.alias("extracted_date")).unique(
        "event_id_cnty", keep="first", maintain_order=True)  # a repeated id keeps its first event
    first = mentions.unique("event_id_cnty", keep="first", maintain_order=True)
    keyed = first.join(dates, on="event_id_cnty", how="inner", maintain_order="left").with_columns(
        pl.format("{}#{}-{}@{}", *(pl.col(c).cast(pl.String).fill_null("None") for c in
                                   ("doc_id", "span_start", "span_end", "extracted_date")))
        .alias("event_key"))
    return keyed.select(pl.col(name).cast(dtype) for name, dtype in KEY_SCHEMA.items())


def changes_for(event: Mapping[str, Any], field_name: str, text: str | None) -> dict[str, Any]:
    """Column -> new value for setting `field_name` to `text` on `event`, with the columns the
    codebook derives from it (event_type and disorder_type from the sub-event type, year from
    the date, iso from the country, interaction from the inter codes). Raises InputError for a
    value the codebook does not allow."""
    if field_name not in CORRECTABLE:
        raise InputError(f"{field_name!r} cannot be corrected", hint="one of: " + ", ".join(CORRECTABLE))
    value = (text or "").strip()
    changes = _typed(field_name, value)
    if field_name in ("inter1", "inter2"):
        merged = {**event, **changes}
        changes["interaction"] = interaction_number(merged.get("inter1"), merged.get("inter2"))
    return changes


def _typed(name: str, value: str) -> dict[str, Any]:
    if name == "sub_event_type":
        if value not in SUB_EVENT_PARENT:
            raise InputError(f"unknown sub-event type {value!r}")
        return {"sub_event_type": value, "event_type": SUB_EVENT_PARENT[value],
                "disorder_type": SUB_EVENT_DISORDER[value]}
    if name == "event_date":
        when = _parse(name, value, date.fromisoformat)
        return {"event_date": when, "year": when.year}
    if name == "country":
        iso = country_iso_numeric(value)
        if iso is None:
            raise InputError(f"unknown country {value!r}")
        return {"country": value, "iso": iso}
    if name in ("inter1", "inter2"):
        if not value and name == "inter2":
            return {name: 0}
        return {name: _choice(name, _parse(name, value, int), INTER_LABELS)}
    if name in ("time_precision", "geo_precision"):
        allowed = TIME_PRECISIONS if name == "time_precision" else GEO_PRECISIONS
        return {name: _choice(name, _parse(name, value, int), allowed)}
    if name == "fatalities":
        return {name: _choice(name, _parse(name, value, int), range(0, 1_000_000))}
    if name in ("latitude", "longitude"):
        limit = 90 if name == "latitude" else 180
        return {name: _choice(name, _parse(name, value, float), None, limit)}
    if name == "actor1" and not value:
        raise InputError("actor1 cannot be empty")
    return {name: value or None}


def _parse(name: str, value: str, kind: type | Any) -> Any:
    try:
        return kind(value)
    except ValueError as error:
        raise InputError(f"{name}: {value!r} is not a valid value") from error


def _choice(name: str, value: Any, allowed: Any, limit: float | None = None) -> Any:
    if (allowed is not None and value not in allowed) or (limit is not None and abs(value) > limit):
        raise InputError(f"{name}: {value!r} is not allowed here")
    return value


@dataclass
class Corrected:
    """Extraction output with the corrections replayed, and what happened to each correction."""

    events: pl.DataFrame
    mentions: pl.DataFrame
    keys: pl.DataFrame
    statuses: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # id -> (status, event id)


def apply_corrections(con: duckdb.DuckDBPyConnection, events: pl.DataFrame,
                      mentions: pl.DataFrame) -> Corrected:
    """Replay every stored correction, in the order made, over freshly extracted frames."""
    keys = keys_frame(events, mentions)
    rows = con.execute("""SELECT correction_id, event_key, field, "after", evidence FROM corrections
        ORDER BY correction_id""").fetchall()
    result = Corrected(events, mentions, keys)
    if not rows:
        return result
    resolve = _resolver(keys)
    dropped: set[str] = set()
    moved: dict[str, str] = {}
    for correction_id, key, field_name, after, evidence in rows:
        event_id, status = resolve(key, evidence)
        if status == "applied" and event_id in dropped:
            status = "orphaned"
        if status == "applied" and field_name == MERGE:
            target, _ = resolve(after, None)
            if target is None or target in dropped or target == event_id:
                status = "orphaned"
            else:
                moved[event_id] = target
        result.statuses[correction_id] = (status, event_id)
        if status != "applied" or field_name == ACCEPT:
            continue
        if field_name in (REJECT, MERGE):
            dropped.add(event_id)
            continue
        result.events = _set_fields(result.events, event_id, field_name, after)
    _drop(result, dropped, moved)
    return result


def _resolver(keys: pl.DataFrame):
    by_key = {row["event_key"]: row for row in keys.iter_rows(named=True)}
    by_text = {(row["doc_id"], _norm(row["evidence"])): row["event_id_cnty"]
               for row in keys.iter_rows(named=True)}

    def resolve(key: str, evidence: str | None) -> tuple[str | None, str]:
        row = by_key.get(key)
        if row is not None and (evidence is None or _norm(row["evidence"]) == _norm(evidence)):
            return row["event_id_cnty"], "applied"
        moved = by_text.get((key.split("#", 1)[0], _norm(evidence))) if evidence else None
        if moved is not None:
            return moved, "applied"
        return (row["event_id_cnty"], "stale") if row is not None else (None, "orphaned")

    return resolve


def _norm(text: object) -> str:
    return " ".join(str(text or "").split())


def _set_fields(events: pl.DataFrame, event_id: str, field_name: str, after: str | None) -> pl.DataFrame:
    match = events.filter(pl.col("event_id_cnty") == event_id)
    if match.height == 0:
        return events
    try:
        changes = changes_for(match.row(0, named=True), field_name, after)
    except InputError as error:
        log.warning("correction of %s.%s no longer valid: %s", event_id, field_name, error)
        return events
    is_event = pl.col("event_id_cnty") == event_id
    return events.with_columns(
        pl.when(is_event).then(pl.lit(value, dtype=events.schema[column]))
        .otherwise(pl.col(column)).alias(column)
        for column, value in changes.items() if column in events.columns
    )


def _drop(result: Corrected, dropped: set[str], moved: dict[str, str]) -> None:
    """Remove rejected and merged-away events; a merged event's mentions go to its target."""
    gone = pl.Series(sorted(dropped), dtype=pl.String())
    result.events = result.events.filter(~pl.col("event_id_cnty").is_in(gone.implode()))
    result.keys = result.keys.filter(~pl.col("event_id_cnty").is_in(gone.implode()))
    mentions = result.mentions.with_columns(
        pl.col("event_id_cnty").replace(moved) if moved else pl.col("event_id_cnty"))
    result.mentions = mentions.filter(~pl.col("event_id_cnty").is_in(gone.implode()))


def store_corrected(con: duckdb.DuckDBPyConnection, corrected: Corrected) -> None:
    """Inside the load's transaction: replace `event_keys`, record each correction's status."""
    con.register("stage_keys", corrected.keys)
    try:
        con.execute("""DELETE FROM event_keys t WHERE NOT EXISTS (SELECT 1 FROM stage_keys s
            WHERE s.event_id_cnty = t.event_id_cnty AND s.event_key = t.event_key
              AND s.evidence IS NOT DISTINCT FROM t.evidence)""")
        con.execute("""INSERT INTO event_keys SELECT s.event_id_cnty, s.event_key, s.doc_id, s.span_start,
            s.span_end, s.extracted_date, s.evidence FROM stage_keys s
            WHERE s.event_id_cnty IN (SELECT event_id_cnty FROM events WHERE origin = 'extracted')
              AND NOT EXISTS (SELECT 1 FROM event_keys t WHERE t.event_id_cnty = s.event_id_cnty)""")
    finally:
        con.unregister("stage_keys")
    con.execute("DELETE FROM event_keys WHERE event_id_cnty NOT IN "
                "(SELECT event_id_cnty FROM events WHERE origin = 'extracted')")
    for correction_id, (status, event_id) in corrected.statuses.items():
        con.execute("""UPDATE corrections SET status = ?, event_id_cnty = coalesce(?, event_id_cnty)
            WHERE correction_id = ?
              AND (status <> ? OR event_id_cnty IS DISTINCT FROM coalesce(?, event_id_cnty))""",
                    [status, event_id, correction_id, status, event_id])


def record_correction(con: duckdb.DuckDBPyConnection, event_id: str, field_name: str, after: str | None,
                      who: str, note: str | None = None) -> int:
    """Store one correction and apply it to the warehouse now (one transaction); returns its id.

    `field_name` is a correctable column or an action: ACCEPT, REJECT, or MERGE with `after` the
    id of the event this one is part of. Only extracted events (which have a key) are corrected.
    """
    key = _stored_key(con, event_id)
    if field_name not in ACTIONS and field_name not in CORRECTABLE:
        raise InputError(f"{field_name!r} cannot be corrected", hint="one of: " + ", ".join(CORRECTABLE))
    event = _stored_event(con, event_id)
    before, stored_after = None, after
    con.execute("BEGIN TRANSACTION")
    try:
        if field_name == MERGE:
            stored_after = _merge_now(con, event_id, after)
        elif field_name == REJECT:
            _delete_event(con, event_id)
        elif field_name != ACCEPT:
            before = None if event[field_name] is None else str(event[field_name])
            changes = changes_for(event, field_name, after)
            assignments = ", ".join(f'"{column}" = ?' for column in changes)
            con.execute(f"UPDATE events SET {assignments} WHERE event_id_cnty = ?",
                        [*changes.values(), event_id])
        row = con.execute("""INSERT INTO corrections (event_key, event_id_cnty, field, "before", "after", who,
            note, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING correction_id""",
                          [key[0], event_id, field_name, before, stored_after, who, note, key[1]]).fetchall()
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return int(row[0][0])


def _stored_key(con: duckdb.DuckDBPyConnection, event_id: str) -> tuple[str, str | None]:
    rows = con.execute("SELECT event_key, evidence FROM event_keys WHERE event_id_cnty = ?",
                       [event_id]).fetchall()
    if not rows:
        raise InputError(f"event {event_id!r} is not a stored extracted event",
                         hint="only extracted events can be corrected; ACLED's are corrected at ACLED")
    return rows[0][0], rows[0][1]


def _stored_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    relation = con.execute("SELECT * FROM events WHERE event_id_cnty = ?", [event_id])
    names = [d[0] for d in relation.description]
    rows = relation.fetchall()
    if not rows:
        raise InputError(f"no event {event_id!r}")
    return dict(zip(names, rows[0], strict=True))


def _merge_now(con: duckdb.DuckDBPyConnection, event_id: str, target_id: str | None) -> str:
    if not target_id or target_id == event_id:
        raise InputError("merge needs the id of another event")
    target_key, _ = _stored_key(con, target_id)
    con.execute("UPDATE event_mentions SET event_id_cnty = ? WHERE event_id_cnty = ?", [target_id, event_id])
    _delete_event(con, event_id)
    return target_key


def _delete_event(con: duckdb.DuckDBPyConnection, event_id: str) -> None:
    for table in ("event_mentions", "event_lineage", "event_keys", "events"):
        con.execute(f"DELETE FROM {table} WHERE event_id_cnty = ?", [event_id])


@dataclass(frozen=True)
class LabelledExample:
    """One analyst-checked sentence for training: `labels` are the event's (corrected) fields, or
    {"is_event": False} for a rejected one; `weight` ranks it above bulk ACLED rows (1.0)."""

    text: str
    labels: dict[str, Any]
    weight: float
    kind: str  # "corrected" | "accepted" | "rejected"


LABEL_COLUMNS = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "inter1", "inter2",
                 "country", "admin1", "location", "fatalities")


def labelled_examples(con: duckdb.DuckDBPyConnection) -> list[LabelledExample]:
    """Accepted, corrected and rejected extracted events as training examples (applied
    corrections only: stale and orphaned ones describe text that is no longer there)."""
    rows = con.execute(f"""
        WITH decided AS (
            SELECT event_key, any_value(evidence) AS evidence, bool_or(field = '_reject') AS rejected,
                   bool_or(field NOT IN ('_accept', '_reject', '_merge')) AS corrected
            FROM corrections WHERE status = 'applied' GROUP BY event_key)
        SELECT d.event_key, coalesce(k.evidence, d.evidence), d.rejected, d.corrected,
               {", ".join(f"e.{c}" for c in LABEL_COLUMNS)}
        FROM decided d LEFT JOIN event_keys k USING (event_key) LEFT JOIN events e USING (event_id_cnty)
        ORDER BY d.event_key""").fetchall()
    examples = []
    for _key, text, rejected, corrected, *values in rows:
        if rejected:
            examples.append(LabelledExample(text or "", {"is_event": False}, REJECTED_WEIGHT, "rejected"))
        elif values[0] is not None:
            labels = {"is_event": True, **dict(zip(LABEL_COLUMNS, values, strict=True))}
            weight, kind = (CORRECTED_WEIGHT, "corrected") if corrected else (ACCEPTED_WEIGHT, "accepted")
            examples.append(LabelledExample(text or "", labels, weight, kind))
    return examples
