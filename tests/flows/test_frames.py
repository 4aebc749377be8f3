"""Extracted events reach the warehouse in the current ACLED conventions."""

from __future__ import annotations

from flows.frames import events_frame


def test_civilian_targeting_is_written_as_acled_files_write_it() -> None:
    """The Bangladesh 2022-2024 export (the newest shared one) writes "Civilian targeting"."""
    frame = events_frame([{"event_id_cnty": "KEN1", "civilian_targeting": "Civilians targeted"},
                          {"event_id_cnty": "KEN2", "civilian_targeting": None}])
    assert frame["civilian_targeting"].to_list() == ["Civilian targeting", None]
