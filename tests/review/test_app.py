"""The review app over HTTP (no browser): safety checks, errors people read, read-only mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from eventpipe.cli import main
from review import create_app
from tests.warehouse.test_corrections import _mentions
from tests.warehouse.test_load import NO_REJECTS, _documents, _extracted, _kenya
from warehouse.connection import connect
from warehouse.load import sync_extracted

LOCAL = "http://127.0.0.1"


@pytest.fixture
def warehouse(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "events.duckdb"
    events = _extracted(_kenya(4))
    con = connect(path)
    try:
        sync_extracted(con, events, _mentions(events), _documents("doc-a"), NO_REJECTS, "run")
    finally:
        con.close()
    return path, events["event_id_cnty"].to_list()


def _token(client: TestClient, event_id: str) -> str:
    page = client.get(f"/event/{event_id}")
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_a_correction_needs_the_csrf_token(warehouse: tuple[Path, list[str]]) -> None:
    path, ids = warehouse
    client = TestClient(create_app(path, who="ana"), base_url=LOCAL)
    token = _token(client, ids[0])
    body = {"field": "fatalities", "value": "3"}
    refused = client.post(f"/event/{ids[0]}/correct", data=body, follow_redirects=False)
    assert refused.status_code == 403 and "CSRF token" in refused.text
    done = client.post(f"/event/{ids[0]}/correct", data={**body, "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303
    assert '<td id="value-fatalities">3</td>' in client.get(f"/event/{ids[0]}").text


def test_a_value_outside_the_codebook_is_explained(warehouse: tuple[Path, list[str]]) -> None:
    path, ids = warehouse
    client = TestClient(create_app(path), base_url=LOCAL)
    token = _token(client, ids[0])
    answer = client.post(f"/event/{ids[0]}/correct",
                         data={"field": "sub_event_type", "value": "Riot", "csrf_token": token})
    assert answer.status_code == 400
    assert "unknown sub-event type &#39;Riot&#39;" in answer.text


def test_other_hosts_are_refused(warehouse: tuple[Path, list[str]]) -> None:
    path, _ = warehouse
    client = TestClient(create_app(path), base_url="http://attacker.example")
    assert client.get("/").status_code == 400


def test_read_only_shows_but_never_changes(warehouse: tuple[Path, list[str]]) -> None:
    path, ids = warehouse
    client = TestClient(create_app(path, read_only=True), base_url=LOCAL)
    page = client.get(f"/event/{ids[0]}")
    assert page.status_code == 200 and 'method="post"' not in page.text
    token = client.cookies.get("eventpipe_csrf")
    answer = client.post(f"/event/{ids[0]}/reject", data={"csrf_token": token})
    assert answer.status_code == 403 and "read-only" in answer.text
    assert ids[0] in client.get("/").text


def test_the_queue_puts_the_least_confident_first(warehouse: tuple[Path, list[str]]) -> None:
    path, ids = warehouse
    con = connect(path)
    try:
        con.execute("UPDATE events SET confidence = 0.2 WHERE event_id_cnty = ?", [ids[2]])
    finally:
        con.close()
    page = TestClient(create_app(path), base_url=LOCAL).get("/").text
    assert re.findall(r'<tr data-event="([^"]+)">', page)[0] == ids[2]


@pytest.mark.parametrize("command", ["report", "review"])
def test_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "--warehouse" in capsys.readouterr().out


def test_a_place_from_the_gazetteer_sets_all_place_fields(warehouse: tuple[Path, list[str]]) -> None:
    path, ids = warehouse
    client = TestClient(create_app(path), base_url=LOCAL)
    page = client.get(f"/event/{ids[0]}", params={"place": "Kisumu"}).text
    assert "Use this place" in page
    token = client.cookies.get("eventpipe_csrf")
    place = {"location": "Kisumu", "admin1": "Kisumu", "country": "Kenya", "latitude": "-0.1022",
             "longitude": "34.7617", "csrf_token": token}
    assert client.post(f"/event/{ids[0]}/correct", data=place, follow_redirects=False).status_code == 303
    shown = client.get(f"/event/{ids[0]}").text
    assert '<td id="value-location">Kisumu</td>' in shown and '<td id="value-latitude">-0.1022</td>' in shown
