"""The report in a real headless Chromium: it renders offline, without console errors, and its
filters work."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from report import build_report
from report.browser import Chromium

COUNTS = ("[document.getElementById('count-events').textContent, "
          "document.getElementById('count-fatalities').textContent]")


@pytest.fixture(scope="module")
def opened(mixed_warehouse: Path, chromium: Chromium, tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    out = tmp_path_factory.mktemp("html") / "report.html"
    con = duckdb.connect(str(mixed_warehouse), read_only=True)
    try:
        build_report(con, out)
    finally:
        con.close()
    chromium.open(out.as_uri())
    chromium.wait_for("document.body.dataset.ready === '1' || document.getElementById('status').className")
    return chromium


def _data(browser: Chromium, element: str, key: str) -> int:
    return int(browser.evaluate(f"document.getElementById('{element}').dataset.{key} || '0'"))


def test_it_renders_without_console_errors(opened: Chromium, mixed_warehouse: Path) -> None:
    assert opened.console_errors() == []
    assert opened.evaluate("document.body.dataset.ready") == "1"
    con = duckdb.connect(str(mixed_warehouse), read_only=True)
    located = con.execute("SELECT count(*) FROM events WHERE latitude IS NOT NULL").fetchall()[0][0]
    total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.close()
    assert opened.evaluate(COUNTS)[0] == f"{total:,}"
    assert _data(opened, "map", "points") == located
    assert _data(opened, "map", "outlines") > 150
    assert _data(opened, "timeline-events", "bars") > 0
    assert _data(opened, "timeline-fatalities", "bars") > 0
    assert _data(opened, "compare", "rows") > 0
    assert opened.evaluate("document.querySelectorAll('#events tbody tr').length") == 50


def test_the_map_canvas_is_painted(opened: Chromium) -> None:
    """Pixels, not just counters: the map has sea, land and coloured points."""
    colours = opened.evaluate("""(() => { const c = document.getElementById('map');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();
        for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
        return seen.size; })()""")
    assert colours > 10


def test_hostile_text_stays_text(opened: Chromium) -> None:
    assert opened.evaluate("window.pwned === undefined")
    assert opened.evaluate("document.querySelectorAll('#events img').length") == 0


def test_clicking_a_filter_changes_the_counts(opened: Chromium) -> None:
    before = opened.evaluate(COUNTS)
    points = _data(opened, "map", "points")
    opened.click("label:has(#f-type-0) input")
    after = opened.evaluate(COUNTS)
    assert after != before
    assert _data(opened, "map", "points") < points
    opened.click("label:has(#f-type-0) input")
    assert opened.evaluate(COUNTS) == before


def test_origin_filter_leaves_only_extracted_events(opened: Chromium) -> None:
    opened.click(".f-origin[value=acled]")
    assert opened.evaluate(COUNTS)[0] == "60"
    assert _data(opened, "compare", "rows") == 0
    opened.click(".f-origin[value=acled]")
    assert opened.console_errors() == []


def test_paging_moves_through_the_table(opened: Chromium) -> None:
    first = opened.evaluate("document.querySelector('#events tbody tr').dataset.event")
    opened.click("#page-next")
    assert opened.evaluate("document.getElementById('page-info').textContent").startswith("page 2 of")
    assert opened.evaluate("document.querySelector('#events tbody tr').dataset.event") != first
