"""`acled-sync` against a local ACLED API (tests/warehouse/acled_api_server.py): OAuth, paging,
429 and expired-token recovery, splitting, the timestamp watermark, deletions, no leaked secrets."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import duckdb
import pytest

from eventpipe.cli import main
from eventpipe.errors import InputError
from tests.warehouse.acled_api_server import PASSWORD, USERNAME, FakeAcled, LocalAcled, api_rows
from tests.warehouse.conftest import KENYA
from warehouse.acled_api import AcledApiError, AcledClient, Credentials, RetryPolicy
from warehouse.acled_sync import SyncQuery, read_watermarks, sync_acled
from warehouse.connection import connect

KENYA_QUERY = SyncQuery(countries=("Kenya",))


def _client(server: LocalAcled, sleeps: list[float], password: str = PASSWORD) -> AcledClient:
    retry = RetryPolicy(attempts=3, base_seconds=0.01, sleep=sleeps.append)
    return AcledClient(Credentials(USERNAME, password), base_url=server.url, retry=retry, page_limit=5)


def _ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT event_id_cnty FROM events WHERE origin = 'acled'").fetchall()}


def test_sync_pages_retries_renews_then_syncs_incrementally_with_deletions(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    events = api_rows(KENYA, 12)
    state = FakeAcled(events=events, fail_next=[], expire_token_after=2)
    con = connect(tmp_path / "w.duckdb")
    messages: list[str] = []
    sleeps: list[float] = []
    with LocalAcled(state) as server:
        state.fail_next = [429]
        first = sync_acled(con, _client(server, sleeps), KENYA_QUERY, progress=messages.append)
        assert (first.fetched, first.stats.added, first.stats.rejected) == (12, 12, 0)
        assert _ids(con) == {e["event_id_cnty"] for e in events}
        assert sleeps == [0.0]  # the 429 was retried once, after its Retry-After (0 s)
        assert state.tokens_issued == 2  # signed in, then renewed with the refresh token
        pages = [p for path, p, _ in state.log if path == "/api/acled/read" and "page" in p]
        assert {p["page"] for p in pages} == {"1", "2", "3"} and all(p["limit"] == "5" for p in pages)
        assert pages[0]["event_date_where"] == "BETWEEN" and pages[0]["country"] == "Kenya"
        assert "timestamp" not in pages[0]
        watermark = max(int(e["timestamp"]) for e in events)
        assert read_watermarks(con, KENYA_QUERY.key())[0] == first.watermark == watermark

        # ACLED revises one event (newer timestamp) and deletes another.
        revised, deleted = events[0], events[1]
        revised.update(timestamp=str(watermark + 50), fatalities="9")
        state.deletions = [{"event_id_cnty": deleted["event_id_cnty"],
                            "deleted_timestamp": str(int(time.time()) + 60)}]
        second = sync_acled(con, _client(server, sleeps), KENYA_QUERY, progress=messages.append)
    asked = [p for path, p, _ in state.log if path == "/api/acled/read"][-1]
    assert (asked["timestamp"], asked["timestamp_where"]) == (str(watermark), ">=")
    assert (second.stats.updated, second.stats.removed) == (1, 1)
    assert deleted["event_id_cnty"] not in _ids(con) and len(_ids(con)) == 11
    fatalities = con.execute("SELECT fatalities FROM events WHERE event_id_cnty = ?",
                             [revised["event_id_cnty"]]).fetchone()[0]
    assert fatalities == 9
    assert read_watermarks(con, KENYA_QUERY.key())[0] == watermark + 50
    runs = con.execute("SELECT status, count(*) FROM runs WHERE kind = 'acled-sync' GROUP BY 1").fetchall()
    assert runs == [("success", 2)]
    assert any("page 3" in m for m in messages)
    for text in (caplog.text, "\n".join(messages)):
        assert PASSWORD not in text and "access-" not in text and "refresh-" not in text


def test_a_range_too_large_for_one_request_is_split(tmp_path: Path) -> None:
    state = FakeAcled(events=api_rows(KENYA, 12), too_large_days=4000)
    messages: list[str] = []
    con = connect(tmp_path / "w.duckdb")
    with LocalAcled(state) as server:
        result = sync_acled(con, _client(server, []), KENYA_QUERY, progress=messages.append)
    assert result.stats.added == 12
    assert any("splitting" in m for m in messages)
    ranges = {p["event_date"] for path, p, _ in state.log if path == "/api/acled/read"}
    assert len(ranges) > 2


def test_wrong_password_fails_with_one_line_and_changes_nothing(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    with LocalAcled(FakeAcled(events=api_rows(KENYA, 3))) as server:
        with pytest.raises(AcledApiError, match=r"ACLED refused the sign-in \(HTTP 400\)") as caught:
            sync_acled(con, _client(server, [], password="wrong"), KENYA_QUERY)
    assert "wrong" not in str(caught.value)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)


def test_cli_reads_credentials_from_the_environment_and_never_prints_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    state = FakeAcled(events=api_rows(KENYA, 7))
    with LocalAcled(state) as server:
        monkeypatch.setenv("EVENTPIPE_ACLED_API_URL", server.url)
        monkeypatch.setenv("ACLED_USERNAME", USERNAME)
        monkeypatch.setenv("ACLED_PASSWORD", PASSWORD)
        code = main(["-v", "acled-sync", "--country", "Kenya", "--warehouse", str(tmp_path / "w.duckdb")])
    out, err = capsys.readouterr()
    assert code == 0 and "7 events and 0 deletions fetched" in out and "added 7" in out
    assert PASSWORD not in out + err and "access-1" not in out + err


def test_credentials_come_from_a_file_and_are_never_in_repr(tmp_path: Path) -> None:
    path = tmp_path / "acled.env"
    path.write_text(f"# myACLED\nACLED_USERNAME={USERNAME}\nACLED_PASSWORD='{PASSWORD}'\n", encoding="utf-8")
    credentials = Credentials.load({}, path)
    assert (credentials.username, credentials.password) == (USERNAME, PASSWORD)
    assert PASSWORD not in repr(credentials)
    with pytest.raises(InputError, match="no ACLED credentials .*ACLED_USERNAME"):
        Credentials.load({})
