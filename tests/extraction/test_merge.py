"""Cross-document merge: the same event told twice becomes one record with both reports kept."""

from __future__ import annotations

import re

import pytest

from extraction.merge import conservative_fatalities, date_window, dates_compatible, event_id, merge_events


def mention(doc_id: str = "a", **fields: object) -> dict:
    base = {
        "doc_id": doc_id,
        "event_date": "2024-03-21",
        "year": 2024,
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Suicide bomb",
        "actor1": "Islamic State (Afghanistan)",
        "actor2": "Civilians (Afghanistan)",
        "country": "Afghanistan",
        "admin1": "Kandahar",
        "location": "Kandahar",
        "geo_precision": 1,
        "source": f"Source {doc_id.upper()}",
        "source_scale": None,
        "fatalities": 21,
        "evidence": f"sentence of {doc_id}",
        "span_start": 0,
        "span_end": 10,
        "confidence": 0.8,
        "published": None,
    }
    return {**base, **fields}


def test_kandahar_bank_attack_reported_twice_becomes_one_event() -> None:
    # why: two articles on the 21 March 2024 Kandahar bank bombing are one ACLED event.
    events = merge_events([mention("a"), mention("b", fatalities=0, published="2024-06-01")])
    assert len(events) == 1
    event = events[0]
    assert event["doc_ids"] == ["a", "b"]
    assert event["source"] == "Source A; Source B"
    assert [m["doc_id"] for m in event["mentions"]] == ["a", "b"]
    assert event["fatalities"] == 21
    assert event["timestamp"] == 1717200000  # 2024-06-01T00:00:00Z, the latest publication
    assert "published" not in event


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"event_date": "2024-03-22"}, "another day is another event"),
        ({"location": "Kabul", "admin1": "Kabul"}, "another place is another event"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "another family of event types"),
        ({"event_type": "Strategic developments", "sub_event_type": "Arrests"}, "arrests are not the attack"),
        ({"actor1": "Taliban", "actor2": "Civilians (Afghanistan)"}, "different named actors"),
    ],
)
def test_different_events_stay_apart(changes: dict, why: str) -> None:
    assert len(merge_events([mention("a"), mention("b", **changes)])) == 2, why


def test_month_precise_report_merges_into_the_day_precise_one() -> None:
    vague = mention("b", event_date="2024-03-15", time_precision=3)
    events = merge_events([vague, mention("a")])
    assert len(events) == 1
    assert events[0]["event_date"] == "2024-03-21" and events[0]["time_precision"] == 1


def test_unidentified_actor_is_compatible_with_a_named_one() -> None:
    other = mention("b", actor1="Unidentified Armed Group (Afghanistan)")
    assert len(merge_events([mention("a"), other])) == 1


def test_event_ids_are_deterministic_and_acled_shaped() -> None:
    first = merge_events([mention("a"), mention("b", location="Kabul")])
    again = merge_events([mention("a"), mention("b", location="Kabul")])
    ids = [e["event_id_cnty"] for e in first]
    assert ids == [e["event_id_cnty"] for e in again]
    assert all(re.fullmatch(r"AFG\d+", i) for i in ids)
    assert len(set(ids)) == 2


def test_event_id_of_unknown_country_still_matches_the_pattern() -> None:
    assert re.fullmatch(r"^[A-Z]{3}\d+$", event_id({"country": "Atlantis", "event_date": "2020-01-01"}))


def test_order_follows_first_mention_and_timestamp_falls_back_to_event_date() -> None:
    events = merge_events([mention("a", location="Kabul"), mention("b"), mention("c", location="Kabul")])
    assert [e["location"] for e in events] == ["Kabul", "Kandahar"]
    assert events[0]["doc_ids"] == ["a", "c"]
    assert events[1]["timestamp"] == 1710979200  # 2024-03-21T00:00:00Z


def test_each_document_main_event_comes_before_its_merged_background_events() -> None:
    # why: scorers and readers take the first event naming a document as its main event.
    background = {"event_date": "2018-05-24", "location": "Odesa"}
    events = merge_events(
        [
            mention("a", location="Kyiv"),
            mention("a", **background),
            mention("b", location="Lviv"),
            mention("b", **background),
        ]
    )
    assert [e["location"] for e in events] == ["Kyiv", "Lviv", "Odesa"]


@pytest.mark.parametrize(("counts", "expected"), [([21, 0, 17], 17), ([0, 0], 0), ([], 0), ([5], 5)])
def test_conservative_fatalities_takes_lowest_reported(counts: list[int], expected: int) -> None:
    assert conservative_fatalities(counts) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("2020-05-06", 2), ("2020-05-09", 2), False),
        (("2020-05-06", 1), ("2020-05-09", 2), False),
        (("2020-05-09", 1), ("2020-05-09", 2), True),
        (("2020-05-15", 3), ("2020-05-09", 1), True),
        (("2020-05-15", 3), ("2020-06-15", 3), False),
        (("2020-05-09", 1), ("2020-05-10", 1), False),
    ],
)
def test_dates_compatible_by_precision(a: tuple[str, int], b: tuple[str, int], same: bool) -> None:
    first = {"event_date": a[0], "time_precision": a[1]}
    assert dates_compatible(first, {"event_date": b[0], "time_precision": b[1]}) is same


@pytest.mark.parametrize(
    ("precision", "window"),
    [
        (1, ("2024-02-29", "2024-02-29")),
        (2, ("2024-02-26", "2024-03-03")),
        (3, ("2024-02-01", "2024-02-29")),
    ],
)
def test_date_window_by_precision(precision: int, window: tuple[str, str]) -> None:
    lo, hi = date_window({"event_date": "2024-02-29", "time_precision": precision})
    assert (lo.isoformat(), hi.isoformat()) == window


def test_undated_mentions_are_kept_apart_with_timestamp_zero() -> None:
    events = merge_events([mention("a", event_date=None), mention("b", event_date=None)])
    assert [e["doc_ids"] for e in events] == [["a"], ["b"]]
    assert events[0]["timestamp"] == 0


def test_two_reports_typing_one_attack_differently_merge_to_the_more_confident_type() -> None:
    # why: 'a suicide bomber' (Suicide bomb) and 'IS-K killed 21 people at a bank' (Attack) are one event.
    attack = mention(
        "b",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        confidence=0.6,
        event_date="2024-03-15",
        time_precision=3,
    )
    (event,) = merge_events([attack, mention("a")])
    assert (event["sub_event_type"], event["event_date"]) == ("Suicide bomb", "2024-03-21")


def test_the_confidence_before_calibration_ranks_mentions_the_calibration_map_ties() -> None:
    # why: the calibration map reads 0.991 and 0.993 both as 0.982; the model's own probabilities
    # still say which report is surer, and the record must not depend on the map.
    attack = mention("b", event_type="Violence against civilians", sub_event_type="Attack",
                     confidence=0.982, stated_confidence=0.993)
    (event,) = merge_events([mention("a", confidence=0.982, stated_confidence=0.991), attack])
    assert (event["sub_event_type"], event["confidence"]) == ("Attack", 0.982)
    assert "stated_confidence" not in event


def test_a_country_only_report_joins_the_one_located_event_it_fits() -> None:
    # why: 'the deadliest attack in Russia in March' and 'the Crocus City Hall attack in Krasnogorsk'.
    located = mention("a", country="Russia", location="Krasnogorsk", admin1="Moscow Oblast")
    vague = mention(
        "b",
        country="Russia",
        location=None,
        admin1=None,
        event_date="2024-03-15",
        time_precision=3,
        geo_precision=3,
    )
    (event,) = merge_events([vague, located])
    assert event["location"] == "Krasnogorsk" and event["doc_ids"] == ["b", "a"]


def test_a_country_only_report_with_two_candidates_stays_apart() -> None:
    vague = mention("c", location=None, event_date="2024-03-15", time_precision=3)
    assert len(merge_events([mention("a"), mention("b", location="Kabul"), vague])) == 3


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Bamyan", "Bamiyan", True),
        ("Mazar-e Sharif", "Mazar-i-Sharif", True),
        ("Dhaka - Shahbagh", "Dhaka - Ramna", False),
    ],
)
def test_transliterations_of_one_town_are_one_place(first: str, second: str, merged: bool) -> None:
    # why: one article writes 'Bamyan', another 'Bamiyan'; neighbourhoods of one city stay apart.
    events = merge_events([mention("a", location=first), mention("b", location=second)])
    assert (len(events) == 1) is merged


def test_mentions_of_one_sentence_are_never_merged() -> None:
    # why: 'two attacks in Kabul the following month' are two events the extractor already split.
    first, second = mention("a", span_start=40), mention("a", span_start=40, occurrence=1)
    events = merge_events([first, second])
    assert len(events) == 2 and len({e["event_id_cnty"] for e in events}) == 2
    assert all("occurrence" not in e for e in events)


def test_a_branch_of_a_group_is_compatible_with_the_group() -> None:
    # why: one sentence names 'the Islamic State', another 'ISK' for the same Kerman bombing.
    events = merge_events(
        [mention("a"), mention("b", actor1="Islamic State Khorasan Province (ISKP)", span_start=99)]
    )
    assert len(events) == 1


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        ({"brief": True, "event_type": "Violence against civilians", "sub_event_type": "Attack"}, False),
        ({"brief": True}, True),
        ({"brief": False, "event_type": "Violence against civilians", "sub_event_type": "Attack"}, True),
    ],
    ids=["two_briefs_typed_apart", "two_briefs_typed_alike", "a_brief_and_an_article"],
)
def test_briefs_typed_apart_are_two_events(second: dict, merged: bool) -> None:
    # why: two ACLED notes (a bombing and an attack in Kandahar on one day) are two records,
    # while an article may call the bombing an attack in passing.
    events = merge_events([mention("a", brief=True), mention("b", **second)])
    assert len(events) == (1 if merged else 2)
    assert all("brief" not in event for event in events)


def test_placeless_reports_never_merge() -> None:
    # why: two briefs naming no resolvable place on one day may be anywhere: nothing says they
    # are one event.
    unplaced = {"country": None, "admin1": None, "location": None, "iso": None}
    events = merge_events([mention("a", brief=True, **unplaced), mention("b", brief=True, **unplaced)])
    assert [event["doc_ids"] for event in events] == [["a"], ["b"]]
