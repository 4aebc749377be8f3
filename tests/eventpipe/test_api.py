"""The notebook API: eventpipe.extract, extract_frame and connect."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

import eventpipe
from eventpipe.errors import InputError
from schemas.extracted import ExtractedEvent
from schemas.validate import model_dtypes
from warehouse.connection import connect


def test_extract_reads_relative_dates_from_the_publication_date() -> None:
    events = eventpipe.extract("Gunmen killed three villagers in Mandera, Kenya, yesterday.",
                               published=date(2020, 5, 4))
    found = [(e["event_date"], e["location"], e["fatalities"]) for e in events]
    assert found == [("2020-05-03", "Mandera", 3)]


def test_extract_frame_has_the_model_columns_and_dtypes() -> None:
    docs = [
        "On 3 May 2020, Al Shabaab militants attacked a police post in Mandera, Kenya.",
        {"doc_id": "b", "text": "Police fired teargas at protesters in Nairobi, Kenya, yesterday.",
         "published": "2021-03-04"},
    ]
    frame = eventpipe.extract_frame(docs)
    assert frame.schema == pl.Schema(model_dtypes(ExtractedEvent))
    assert sorted(frame["doc_ids"].to_list()) == [["b"], ["doc1"]]


def test_extract_frame_names_a_document_it_cannot_read() -> None:
    with pytest.raises(InputError, match="row 2: a document is a Document, a mapping or a text, not int"):
        eventpipe.extract_frame(["On 3 May 2020, gunmen attacked a bus in Mandera, Kenya.", 7])  # type: ignore[list-item]


def test_connect_opens_the_configured_warehouse_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "wh.duckdb"
    connect(warehouse).close()
    monkeypatch.setenv("EVENTPIPE_WAREHOUSE", str(warehouse))
    with eventpipe.connect() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM events")
