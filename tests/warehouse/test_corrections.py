"""Corrections: applied at once, replayed over every re-extraction, and honest when text changes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from eventpipe.errors import InputError
from tests.warehouse.test_load import NO_REJECTS, _documents, _extracted, _kenya
from warehouse.corrections import (
    ACCEPT,
    CORRECTED_WEIGHT,
    MERGE,
    REJECT,
    REJECTED_WEIGHT,
    labelled_examples,
    record_correction,
)
from warehouse.export import export_csv
from warehouse.load import sync_extracted


def _mentions(events: pl.DataFrame, shift: int = 0) -> pl.DataFrame:
    """One mention per event in doc-a, each at its own span (the sentence is the note)."""
    return events.select(
        "event_id_cnty", pl.lit("doc-a").alias("doc_id"), pl.col("notes").alias("evidence"),
        (pl.int_range(pl.len()) * 1000 + shift).cast(pl.Int32).alias("span_start"),
        (pl.int_range(pl.len()) * 1000 + shift + 200).cast(pl.Int32).alias("span_end"),
    )


@pytest.fixture
def events() -> pl.DataFrame:
    return _extracted(_kenya(6))


def _sync(con: duckdb.DuckDBPyConnection, events: pl.DataFrame, mentions: pl.DataFrame | None = None) -> None:
    sync_extracted(con, events, _mentions(events) if mentions is None else mentions, _documents("doc-a"),
                   NO_REJECTS, "run")


def _event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    relation = con.execute("SELECT * FROM events WHERE event_id_cnty = ?", [event_id])
    names = [d[0] for d in relation.description]
    rows = relation.fetchall()
    return dict(zip(names, rows[0], strict=True)) if rows else None


def _statuses(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute("SELECT status FROM corrections ORDER BY correction_id").fetchall()]


def test_a_correction_applies_now_and_survives_re_extraction(con: duckdb.DuckDBPyConnection,
                                                             events: pl.DataFrame, tmp_path: Path) -> None:
    _sync(con, events)
    target = events["event_id_cnty"][0]
    record_correction(con, target, "sub_event_type", "Air/drone strike", "ana", "a drone, not a clash")
    corrected = _event(con, target)
    assert (corrected["event_type"], corrected["sub_event_type"], corrected["disorder_type"]) == (
        "Explosions/Remote violence", "Air/drone strike", "Political violence")
    _sync(con, events)  # the extractor says the old type again
    assert _event(con, target)["sub_event_type"] == "Air/drone strike"
    assert _statuses(con) == ["applied"]
    export_csv(con, tmp_path / "events.csv")
    exported = pl.read_csv(tmp_path / "events.csv", infer_schema=False)
    row = exported.filter(pl.col("event_id_cnty") == target)
    assert row["sub_event_type"].to_list() == ["Air/drone strike"]


def test_reject_and_merge_remove_events_for_good(con: duckdb.DuckDBPyConnection,
                                                 events: pl.DataFrame) -> None:
    _sync(con, events)
    rejected, merged, kept = events["event_id_cnty"].to_list()[1:4]
    record_correction(con, rejected, REJECT, None, "ana", "an opinion piece")
    record_correction(con, merged, MERGE, kept, "ana")
    for _ in range(2):
        assert _event(con, rejected) is None and _event(con, merged) is None
        docs = con.execute("SELECT count(*) FROM event_mentions WHERE event_id_cnty = ?", [kept]).fetchall()
        assert docs[0][0] == 2
        assert con.execute("SELECT count(*) FROM event_mentions WHERE event_id_cnty IN (?, ?)",
                           [rejected, merged]).fetchall()[0][0] == 0
        _sync(con, events)
    assert _statuses(con) == ["applied", "applied"]


def test_changed_text_under_a_correction(con: duckdb.DuckDBPyConnection, events: pl.DataFrame) -> None:
    """Moved sentence: followed. Different sentence at the span: stale, extraction stands.
    Sentence back: applied again. Document gone: orphaned."""
    _sync(con, events)
    target = events["event_id_cnty"][0]
    extracted_type = _event(con, target)["sub_event_type"]
    record_correction(con, target, "fatalities", "7", "ana")
    _sync(con, events, _mentions(events, shift=35))  # text added above: every span moved
    assert (_event(con, target)["fatalities"], _statuses(con)) == (7, ["applied"])
    rewritten = _mentions(events).with_columns(
        pl.when(pl.col("event_id_cnty") == target).then(pl.lit("A different sentence now."))
        .otherwise(pl.col("evidence")).alias("evidence"))
    _sync(con, events, rewritten)
    assert _statuses(con) == ["stale"]
    assert _event(con, target)["fatalities"] == events["fatalities"][0]
    assert _event(con, target)["sub_event_type"] == extracted_type
    _sync(con, events)
    assert (_event(con, target)["fatalities"], _statuses(con)) == (7, ["applied"])
    _sync(con, events.filter(pl.col("event_id_cnty") != target))
    assert _statuses(con) == ["orphaned"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("sub_event_type", "Riot", "unknown sub-event type 'Riot'"),
    ("inter1", "9", "inter1: 9 is not allowed here"),
    ("event_date", "2020-02-30", "event_date: '2020-02-30' is not a valid value"),
    ("country", "Atlantis", "unknown country 'Atlantis'"),
    ("origin", "acled", "'origin' cannot be corrected"),
])
def test_values_outside_the_codebook_are_refused(con: duckdb.DuckDBPyConnection, events: pl.DataFrame,
                                                field: str, value: str, message: str) -> None:
    _sync(con, events)
    with pytest.raises(InputError) as error:
        record_correction(con, events["event_id_cnty"][0], field, value, "ana")
    assert str(error.value).startswith(message)
    assert con.execute("SELECT count(*) FROM corrections").fetchall()[0][0] == 0


def test_inter_code_corrections_recompute_the_interaction(con: duckdb.DuckDBPyConnection,
                                                          events: pl.DataFrame) -> None:
    _sync(con, events)
    target = events["event_id_cnty"][0]
    record_correction(con, target, "inter1", "1", "ana")
    record_correction(con, target, "inter2", "2", "ana")
    assert (_event(con, target)["inter1"], _event(con, target)["interaction"]) == (1, 12)


def test_acled_events_are_not_corrected_here(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(InputError) as error:
        record_correction(con, "KEN1", "fatalities", "1", "ana")
    assert str(error.value) == ("event 'KEN1' is not a stored extracted event (only extracted events can be "
                                "corrected; ACLED's are corrected at ACLED)")


def test_decisions_become_weighted_training_examples(con: duckdb.DuckDBPyConnection,
                                                     events: pl.DataFrame) -> None:
    _sync(con, events)
    ids = events["event_id_cnty"].to_list()
    record_correction(con, ids[0], "sub_event_type", "Abduction/forced disappearance", "ana")
    record_correction(con, ids[1], REJECT, None, "ana")
    record_correction(con, ids[2], ACCEPT, None, "ana")
    examples = {example.kind: example for example in labelled_examples(con)}
    assert set(examples) == {"corrected", "rejected", "accepted"}
    corrected = examples["corrected"]
    assert corrected.labels["sub_event_type"] == "Abduction/forced disappearance"
    assert corrected.labels["event_type"] == "Violence against civilians"
    assert corrected.text == events["notes"][0] and corrected.weight == CORRECTED_WEIGHT
    assert examples["rejected"].labels == {"is_event": False}
    assert examples["rejected"].weight == REJECTED_WEIGHT and examples["rejected"].text == events["notes"][1]
    assert examples["accepted"].weight < CORRECTED_WEIGHT and examples["accepted"].weight > 1.0
