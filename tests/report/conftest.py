"""Fixtures of the report tests: a real DuckDB warehouse holding both origins, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from report.browser import Chromium
from warehouse.connection import connect
from warehouse.importer import import_acled

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLES = [DATA / "acled_kenya_1997_2019_sample.csv", DATA / "acled_bangladesh_2022_2024_sample.csv"]
HOSTILE_NOTE = "</script><script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>"


def add_extracted_twins(warehouse: Path, country: str, limit: int) -> int:
    """Store `limit` ACLED events of `country` again as extracted events ('X' + id) with a
    document mention each, so country-months hold both origins (as after a pipeline run over
    news of the same period). One twin carries a hostile note that must stay text in the page."""
    con = connect(warehouse)
    try:
        con.execute("""INSERT INTO events SELECT * REPLACE ('X' || event_id_cnty AS event_id_cnty,
            'extracted' AS origin, 0.5 AS confidence, '0.2.0' AS extractor_version)
            FROM events WHERE country = ? ORDER BY event_id_cnty LIMIT ?""", [country, limit])
        con.execute("""INSERT INTO event_mentions SELECT event_id_cnty, 'news/' || event_id_cnty || '.txt',
            split_part(notes, '.', 1) || '.', 0, length(split_part(notes, '.', 1)) + 1
            FROM events WHERE origin = 'extracted'""")
        con.execute("""UPDATE events SET notes = ? WHERE event_id_cnty =
            (SELECT min(event_id_cnty) FROM events WHERE origin = 'extracted')""", [HOSTILE_NOTE])
        return con.execute("SELECT count(*) FROM events WHERE origin = 'extracted'").fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="session")
def mixed_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ACLED samples (Kenya, Bangladesh) plus 60 extracted twins of Kenyan events."""
    path = tmp_path_factory.mktemp("report") / "events.duckdb"
    con = connect(path)
    try:
        for sample in SAMPLES:
            import_acled(con, sample)
    finally:
        con.close()
    add_extracted_twins(path, "Kenya", 60)
    return path


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    """One headless Chromium for the session (Debian's package; `.ci/run` installs it)."""
    with Chromium() as browser:
        yield browser
