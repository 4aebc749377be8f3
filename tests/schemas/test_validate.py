"""AcledEvent / ExtractedEvent through validate_frame: every failing row with every reason."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from eventpipe.errors import InputError
from schemas.acled import AcledEvent
from schemas.extracted import ExtractedEvent
from schemas.validate import validate_frame
from tests.warehouse.conftest import SAMPLES
from warehouse.acled_csv import RECORD, read_acled_csv

GOOD: dict[str, object] = {
    "event_id_cnty": "AFG1001",
    "event_date": "2024-03-05",
    "year": 2024,
    "time_precision": 1,
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Military Forces of Afghanistan (2021-)",
    "assoc_actor_1": None,
    "inter1": 1,
    "actor2": "Islamic State Khorasan Province (ISKP)",
    "assoc_actor_2": None,
    "inter2": 2,
    "interaction": 12,
    "civilian_targeting": None,
    "iso": 4,
    "region": "Caucasus and Central Asia",
    "country": "Afghanistan",
    "admin1": "Kabul",
    "admin2": "Kabul",
    "admin3": None,
    "location": "Kabul",
    "latitude": 34.5167,
    "longitude": 69.1833,
    "geo_precision": 1,
    "source": "Tolo News",
    "source_scale": "National",
    "notes": "On 5 March 2024, ...",
    "fatalities": 3,
    "tags": None,
    "timestamp": 1710000000,
}
PROVENANCE: dict[str, object] = {
    "doc_ids": ["doc-1"],
    "evidence": "Fighting broke out in Kabul.",
    "span_start": 10,
    "span_end": 38,
    "extractor_version": "0.1",
    "confidence": 0.8,
}


def _frame(*rows: dict[str, object]) -> pl.DataFrame:
    return pl.DataFrame([{**GOOD, **row} for row in rows], infer_schema_length=None)


def test_a_good_row_passes_and_is_cast() -> None:
    result = validate_frame(_frame({}), AcledEvent)
    assert result.rejects.height == 0
    assert result.valid["event_date"].to_list() == [date(2024, 3, 5)]
    assert result.valid.schema["inter1"] == pl.Int32


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"sub_event_type": "Peaceful protest"}, "sub_event_type: sub_event_type_belongs_to_event_type"),
        ({"disorder_type": "Demonstrations"}, "disorder_type: disorder_type_matches_sub_event_type"),
        ({"year": 2023}, "year: year_is_year_of_event_date"),
        (
            {"interaction": 21},  # the lower code comes first
            "interaction: interaction_agrees_with_inter_codes (got interaction=21, inter1=1, inter2=2)",
        ),
        ({"interaction": 13}, "interaction: interaction_agrees_with_inter_codes"),
        ({"actor2": None, "interaction": 12}, "inter2: inter2_zero_without_actor2"),
        ({"iso": 586}, "iso: iso_agrees_with_country (got iso=586, country=Afghanistan)"),
        ({"latitude": 91.0}, "latitude: less_than_or_equal_to(90) (got '91.0')"),
        ({"longitude": -180.5}, "longitude: greater_than_or_equal_to(-180) (got '-180.5')"),
        ({"fatalities": -1}, "fatalities: greater_than_or_equal_to(0) (got '-1')"),
        ({"fatalities": 1.5}, "fatalities: not a valid Int32"),
        ({"time_precision": 4}, "time_precision: isin([1, 2, 3]) (got '4')"),
        ({"geo_precision": 0}, "geo_precision: isin([1, 2, 3]) (got '0')"),
        ({"event_id_cnty": "afg1"}, "event_id_cnty: str_matches('^[A-Z]{3}\\d+$') (got 'afg1')"),
        ({"event_type": "Terrorism"}, "event_type: isin"),
        ({"civilian_targeting": "yes"}, "civilian_targeting: isin"),
        ({"region": "Asia"}, "region: isin"),  # old names ("Southern Asia") are valid: files keep them
        ({"event_date": "05/03/2024"}, "event_date: not a valid Date"),
        ({"country": None}, "country: missing value"),
    ],
)
def test_each_rule_rejects_with_its_reason(change: dict[str, object], reason: str) -> None:
    result = validate_frame(_frame({}, change), AcledEvent)
    assert result.valid.height == 1
    assert result.rejects.select("row", "event_id_cnty").rows() == [
        (1, change.get("event_id_cnty", "AFG1001"))
    ]
    assert reason in result.rejects["reasons"][0]


def test_event_date_in_the_future_is_rejected() -> None:
    tomorrow = date.today() + timedelta(days=1)
    result = validate_frame(_frame({"event_date": tomorrow.isoformat(), "year": tomorrow.year}), AcledEvent)
    assert result.rejects["reasons"].to_list() == [
        f"event_date: event_date_not_in_future (got event_date={tomorrow.isoformat()})"
    ]


def test_one_sided_event_and_both_civilian_targeting_spellings_pass() -> None:
    frame = _frame(
        {"actor2": None, "inter2": 0, "interaction": 10},
        {
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "inter1": 3,
            "inter2": 7,
            "interaction": 37,
            "civilian_targeting": "Civilian targeting",
        },
        {
            "event_type": "Protests",
            "sub_event_type": "Excessive force against protesters",
            "disorder_type": "Political violence; Demonstrations",
            "inter1": 1,
            "inter2": 6,
            "interaction": 16,
            "civilian_targeting": "Civilians targeted",
        },
    )
    assert validate_frame(frame, AcledEvent).rejects.height == 0


def test_validation_is_lazy_every_reason_of_every_row() -> None:
    frame = _frame({}, {"fatalities": -2, "year": 2020, "inter1": 9}, {}, {"latitude": 100.0})
    result = validate_frame(frame, AcledEvent)
    assert result.valid.height == 2
    assert result.rejects["row"].to_list() == [1, 3]
    reasons = result.rejects["reasons"][0].split("; ")
    assert {r.split(":")[0] for r in reasons} >= {"fatalities", "year", "inter1"}


def test_a_missing_column_is_an_input_error_naming_it() -> None:
    with pytest.raises(InputError, match="column 'tags': required column is missing"):
        validate_frame(_frame({}).drop("tags"), AcledEvent)


def test_extracted_event_checks_provenance() -> None:
    frame = _frame(
        {**PROVENANCE},
        {**PROVENANCE, "confidence": 1.5},
        {**PROVENANCE, "span_start": 40, "span_end": 20},
        {**PROVENANCE, "extractor_version": None},
    )
    result = validate_frame(frame, ExtractedEvent)
    assert result.valid.height == 1
    reasons = result.rejects["reasons"].to_list()
    assert "confidence: less_than_or_equal_to(1.0) (got '1.5')" in reasons[0]
    assert reasons[1] == "span_end: span_end_not_before_span_start (got span_end=20, span_start=40)"
    assert reasons[2] == "extractor_version: missing value"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_real_acled_rows_pass(sample) -> None:
    """Every row of the real samples is valid, except the one row without an event_id_cnty."""
    events = read_acled_csv(sample).events
    result = validate_frame(events, AcledEvent)
    missing_id = events.filter(pl.col("event_id_cnty").is_null()).height
    assert result.rejects["reasons"].to_list() == ["event_id_cnty: missing value"] * missing_id
    assert result.valid.height == events.height - missing_id
    assert RECORD in result.valid.columns  # helper columns ride along


COUNTRY_ONLY = {"location": None, "admin1": None, "admin2": None, "latitude": None, "longitude": None}


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({}, True),
        (COUNTRY_ONLY, False),  # a battle known only by its country: quarantined
        ({**COUNTRY_ONLY, "location": " "}, False),
        (
            {
                **COUNTRY_ONLY,
                "disorder_type": "Strategic developments",
                "event_type": "Strategic developments",
                "sub_event_type": "Agreement",
                "actor2": None,
                "inter2": 0,
                "interaction": 10,
            },
            True,  # an agreement may stand at country level
        ),
        (
            {
                **COUNTRY_ONLY,
                "disorder_type": "Strategic developments",
                "event_type": "Strategic developments",
                "sub_event_type": "Arrests",
            },
            False,  # an arrest happens somewhere
        ),
    ],
)
def test_extracted_events_need_a_location_below_the_country(change: dict, valid: bool) -> None:
    result = validate_frame(_frame({**PROVENANCE, **change}), ExtractedEvent)
    assert result.valid.height == int(valid)
    if not valid:
        reason = result.rejects["reasons"].to_list()[0]
        assert reason.startswith("location: location_below_country_level (got ")
