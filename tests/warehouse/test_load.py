"""Loads: idempotent, newest timestamp wins, full-corpus sync of extracted events, atomic."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from tests.warehouse.conftest import KENYA, snapshot
from warehouse.acled_csv import read_acled_csv
from warehouse.importer import split_valid
from warehouse.load import LoadStats, load_acled, sync_extracted

NO_REJECTS = pl.DataFrame(schema={"row": pl.Int64, "event_id_cnty": pl.String, "reasons": pl.String})


def _kenya(n: int = 20) -> pl.DataFrame:
    parsed = read_acled_csv(KENYA)
    valid, _ = split_valid(parsed.events.head(n), parsed.reasons.clear())
    return valid


def _extracted(events: pl.DataFrame, prefix: str = "AFG") -> pl.DataFrame:
    """ACLED rows dressed as extracted events (new ids, provenance columns)."""
    return events.with_columns(
        pl.format("{}{}", pl.lit(prefix), pl.int_range(1, pl.len() + 1) + 900000).alias("event_id_cnty"),
        pl.lit("0.1").alias("extractor_version"),
        pl.lit(0.75).alias("confidence"),
        pl.concat_list(pl.lit("doc-a")).alias("doc_ids"),
    )


def _mentions(events: pl.DataFrame, doc_id: str = "doc-a") -> pl.DataFrame:
    return events.select(
        "event_id_cnty",
        pl.lit(doc_id).alias("doc_id"),
        pl.col("notes").alias("evidence"),
        pl.lit(0).alias("span_start"),
        pl.lit(10).alias("span_end"),
    )


def _documents(*doc_ids: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": list(doc_ids),
            "path": [f"raw/{d}.txt" for d in doc_ids],
            "title": None,
            "source": "Daily Nation",
            "published": None,
            "content_hash": [f"hash-{d}" for d in doc_ids],
            "fmt": "txt",
            "n_chars": 100,
        }
    )


def test_load_acled_twice_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    events = _kenya()
    assert load_acled(con, events, NO_REJECTS, "r1", "k.csv") == LoadStats(added=20)
    before = snapshot(con)
    assert load_acled(con, events, NO_REJECTS, "r2", "k.csv") == LoadStats(unchanged=20)
    assert snapshot(con) == before


def test_duplicates_in_one_batch_keep_the_newest_timestamp(con: duckdb.DuckDBPyConnection) -> None:
    one = _kenya(1)
    newer = one.with_columns(pl.col("timestamp") + 10, pl.lit(42, dtype=pl.Int32).alias("fatalities"))
    load_acled(con, pl.concat([one, newer, one]), NO_REJECTS, "r1", "k.csv")
    assert con.execute("SELECT fatalities FROM events").fetchall() == [(42,)]


def test_rejects_are_stored_with_run_and_file(con: duckdb.DuckDBPyConnection) -> None:
    rejects = pl.DataFrame(
        {"row": [7], "event_id_cnty": ["KEN1"], "reasons": ["year: year_is_year_of_event_date"]}
    )
    stats = load_acled(con, _kenya(2), rejects, "r1", "k.csv")
    assert stats.rejected == 1
    stored = 'SELECT run_id, source_file, "row", event_id_cnty, reasons FROM rejects'
    assert con.execute(stored).fetchall() == [
        ("r1", "k.csv", 7, "KEN1", "year: year_is_year_of_event_date")
    ]


def test_a_failing_load_leaves_the_previous_state(con: duckdb.DuckDBPyConnection) -> None:
    load_acled(con, _kenya(5), NO_REJECTS, "r1", "k.csv")
    before = snapshot(con)
    broken = _kenya(10).with_columns(
        pl.when(pl.int_range(pl.len()) == 8).then(None).otherwise(pl.col("country")).alias("country")
    )
    with pytest.raises(duckdb.ConstraintException, match="NOT NULL"):
        load_acled(con, broken, NO_REJECTS, "r2", "k.csv")
    assert snapshot(con) == before


def test_sync_extracted_inserts_and_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    events = _extracted(_kenya(4))
    stats = sync_extracted(con, events, _mentions(events), _documents("doc-a"), NO_REJECTS, "r1")
    assert stats == LoadStats(added=4)
    before = snapshot(con)
    again = sync_extracted(con, events, _mentions(events), _documents("doc-a"), NO_REJECTS, "r2")
    assert again == LoadStats(unchanged=4)
    assert snapshot(con) == before
    assert con.execute("SELECT DISTINCT origin, extractor_version, confidence FROM events").fetchall() == [
        ("extracted", "0.1", 0.75)
    ]


def test_sync_extracted_updates_removes_and_replaces_mentions(con: duckdb.DuckDBPyConnection) -> None:
    events = _extracted(_kenya(4))
    sync_extracted(con, events, _mentions(events), _documents("doc-a", "doc-b"), NO_REJECTS, "r1")
    changed = events.head(3).with_columns(
        pl.when(pl.int_range(pl.len()) == 0)
        .then(pl.lit(99, dtype=pl.Int32))
        .otherwise("fatalities")
        .alias("fatalities")
    )
    mentions = _mentions(changed).with_columns(
        pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("doc-a2")).otherwise("doc_id").alias("doc_id")
    )
    stats = sync_extracted(con, changed, mentions, _documents("doc-a"), NO_REJECTS, "r2")
    assert stats == LoadStats(updated=1, removed=1, unchanged=2)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    assert con.execute("SELECT doc_id FROM documents").fetchall() == [("doc-a",)]
    stored = con.execute("SELECT event_id_cnty, doc_id FROM event_mentions ORDER BY ALL").fetchall()
    assert stored == sorted(mentions.select("event_id_cnty", "doc_id").rows())
    run_ids = dict(con.execute("SELECT event_id_cnty, run_id FROM events").fetchall())
    assert sorted(run_ids.values()) == ["r1", "r1", "r2"]  # untouched rows keep their run


def test_sync_extracted_never_touches_acled_events(con: duckdb.DuckDBPyConnection) -> None:
    acled = _kenya(3)
    load_acled(con, acled, NO_REJECTS, "r1", "k.csv")
    colliding = _extracted(_kenya(1)).with_columns(pl.lit(acled["event_id_cnty"][0]).alias("event_id_cnty"))
    stats = sync_extracted(con, colliding, _mentions(colliding), _documents("doc-a"), NO_REJECTS, "r2")
    assert (stats.added, stats.rejected) == (0, 1)
    assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 0
    assert con.execute("SELECT event_id_cnty, reasons FROM rejects").fetchall() == [
        (acled["event_id_cnty"][0], "event_id_cnty: collides with an ACLED event")
    ]
    empty = sync_extracted(
        con, colliding.clear(), _mentions(colliding).clear(), _documents().clear(), NO_REJECTS, "r3"
    )
    assert empty.removed == 0
    assert con.execute("SELECT count(*), min(origin) FROM events").fetchone() == (3, "acled")


def test_sync_extracted_keeps_the_first_of_a_repeated_id(con: duckdb.DuckDBPyConnection) -> None:
    events = _extracted(_kenya(2))
    repeated = pl.concat([events, events.head(1).with_columns(pl.lit(0.1).alias("confidence"))])
    stats = sync_extracted(con, repeated, _mentions(events), _documents("doc-a"), NO_REJECTS, "r1")
    assert (stats.added, stats.rejected) == (2, 1)
    assert con.execute("SELECT min(confidence) FROM events").fetchone()[0] == 0.75
    assert con.execute('SELECT "row", reasons FROM rejects').fetchall() == [
        (2, "event_id_cnty: the same id twice in one sync (the first event was kept)")
    ]


def test_mentions_of_unstored_events_are_dropped(con: duckdb.DuckDBPyConnection) -> None:
    events = _extracted(_kenya(3))
    kept = events.head(2)  # the third was rejected by validation, its mention still comes along
    sync_extracted(con, kept, _mentions(events), _documents("doc-a"), NO_REJECTS, "r1")
    stored = {r[0] for r in con.execute("SELECT event_id_cnty FROM event_mentions").fetchall()}
    assert stored == set(kept["event_id_cnty"])


def test_extraction_rejects_reflect_the_latest_sync_only(con: duckdb.DuckDBPyConnection) -> None:
    acled_rejects = pl.DataFrame({"row": [3], "event_id_cnty": [None], "reasons": ["event_id_cnty: missing"]})
    load_acled(con, _kenya(2), acled_rejects, "r0", "k.csv")
    events = _extracted(_kenya(2))
    rejects = pl.DataFrame({"row": [0], "event_id_cnty": ["AFG9"], "reasons": ["event_date: null"]})
    for run_id in ("r1", "r2"):
        sync_extracted(con, events, _mentions(events), _documents("doc-a"), rejects, run_id)
    stored = con.execute('SELECT run_id, source_file, reasons FROM rejects ORDER BY run_id').fetchall()
    assert stored == [("r0", "k.csv", "event_id_cnty: missing"), ("r2", None, "event_date: null")]
