"""The review loop end to end in a real browser: correct a sub-event type and reject an event in
`eventpipe review`, re-extract everything, and find the corrected state in the warehouse, the
ACLED CSV export and the HTML report."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest
import uvicorn

from flows.pipeline import pipeline_flow
from report import build_report
from report.browser import Chromium
from review import create_app, labelled_examples
from tests.report.test_report import read_payload
from warehouse.export import export_csv

pytestmark = pytest.mark.usefixtures("prefect_harness")
NEW_TYPE = "Abduction/forced disappearance"


def _run(raw: Path, warehouse: Path, exports: Path) -> None:
    pipeline_flow(raw_dir=str(raw), warehouse=str(warehouse), export_dir=str(exports))


@pytest.fixture
def warehouse(corpus: Path, tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "events.duckdb"
    _run(corpus, path, tmp_path / "exports")
    return path


@pytest.fixture(scope="module")
def chromium() -> Iterator[Chromium]:
    with Chromium() as browser:
        yield browser


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serve(warehouse: Path, corpus: Path) -> Iterator[callable]:
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(read_only: bool = False) -> str:
        port = _free_port()
        app = create_app(warehouse, read_only=read_only, who="tester", raw_dir=corpus)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


def _post_status(browser: Chromium, path: str, body: str) -> int:
    return browser.evaluate(f"""fetch({path!r}, {{method: 'POST', body: {body!r},
        headers: {{'Content-Type': 'application/x-www-form-urlencoded'}}, redirect: 'manual'}})
        .then(r => r.status)""")


def test_corrections_reach_warehouse_export_and_report(serve, warehouse: Path, corpus: Path,
                                                       tmp_path: Path, chromium: Chromium) -> None:
    base = serve()
    chromium.open(base + "/")
    queue = chromium.evaluate("[...document.querySelectorAll('#queue tbody tr')].map(r => r.dataset.event)")
    assert len(queue) >= 3
    corrected, rejected = queue[0], queue[1]

    chromium.open(f"{base}/event/{corrected}")
    assert chromium.evaluate("document.querySelector('mark.evidence') !== null")
    assert chromium.evaluate("document.querySelectorAll('#lineage tr').length") >= 5
    assert _post_status(chromium, f"/event/{corrected}/accept", "csrf_token=forged") == 403
    chromium.evaluate(f"document.getElementById('input-sub_event_type').value = {NEW_TYPE!r}")
    chromium.click("#save-sub_event_type", navigates=True)
    assert chromium.evaluate("location.pathname") == f"/event/{corrected}"
    assert chromium.evaluate("document.getElementById('value-sub_event_type').textContent") == NEW_TYPE
    assert "Violence against civilians / " + NEW_TYPE in chromium.evaluate(
        "document.getElementById('headline').textContent")
    assert NEW_TYPE in chromium.evaluate("document.getElementById('history').textContent")
    chromium.screenshot(tmp_path / "review_event.png")

    chromium.open(f"{base}/event/{rejected}")
    chromium.click("#reject", navigates=True)
    assert chromium.evaluate("location.pathname") == "/"
    shown = chromium.evaluate("[...document.querySelectorAll('#queue tbody tr')].map(r => r.dataset.event)")
    assert rejected not in shown and corrected in shown
    assert chromium.console_errors() == []

    read_only = serve(read_only=True)
    chromium.open(f"{read_only}/event/{corrected}")
    assert chromium.evaluate("document.querySelectorAll('form[method=post]').length") == 0
    assert chromium.evaluate("document.getElementById('read-only') !== null")

    shutil.rmtree(warehouse.with_name(warehouse.name + ".cache"))  # re-extract every document
    _run(corpus, warehouse, tmp_path / "exports")
    _assert_corrected(warehouse, tmp_path, corrected, rejected, chromium)


def _assert_corrected(warehouse: Path, tmp_path: Path, corrected: str, rejected: str,
                      chromium: Chromium) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = dict(con.execute("SELECT event_id_cnty, sub_event_type FROM events").fetchall())
        event_type = con.execute("SELECT event_type FROM events WHERE event_id_cnty = ?",
                                 [corrected]).fetchall()
        export_csv(con, tmp_path / "acled.csv")
        build_report(con, tmp_path / "report.html")
        examples = labelled_examples(con)
    finally:
        con.close()
    assert rows[corrected] == NEW_TYPE and event_type[0][0] == "Violence against civilians"
    assert rejected not in rows
    csv = pl.read_csv(tmp_path / "acled.csv", infer_schema=False)
    assert csv.filter(pl.col("event_id_cnty") == corrected)["sub_event_type"].to_list() == [NEW_TYPE]
    assert rejected not in csv["event_id_cnty"].to_list()
    payload = read_payload((tmp_path / "report.html").read_text(encoding="utf-8"))
    index = payload["event_id_cnty"].index(corrected)
    labels = payload["sub_event_type"]["labels"]
    assert labels[payload["sub_event_type"]["codes"][index]] == NEW_TYPE
    assert rejected not in payload["event_id_cnty"]
    chromium.open((tmp_path / "report.html").as_uri())
    chromium.wait_for("document.body.dataset.ready === '1'")
    assert chromium.evaluate("document.getElementById('count-events').textContent") == f"{len(rows):,}"
    assert {e.kind for e in examples} == {"corrected", "rejected"}
