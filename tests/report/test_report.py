"""`eventpipe report` without a browser: filters as bound SQL, the payload, the file, the CLI."""

from __future__ import annotations

import base64
import gzip
import json
import re
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from eventpipe.cli import main
from eventpipe.errors import InputError
from report import ReportFilter, build_report
from report.payload import dictionary_encode, pack
from report.query import fetch_events


def read_payload(html: str) -> dict:
    packed = re.search(r'<script id="report-data" type="application/octet-stream">([^<]*)</script>', html)
    assert packed, "the data element is missing"
    return json.loads(gzip.decompress(base64.b64decode(packed.group(1))))


def test_dictionary_encoding_round_trips_with_nulls() -> None:
    series = pl.Series(["Kenya", None, "Bangladesh", "Kenya"])
    labels, codes = dictionary_encode(series)
    assert labels == ["Bangladesh", "Kenya"]
    assert [labels[c] if c >= 0 else None for c in codes] == series.to_list()


def test_pack_is_gzip_json_in_base64() -> None:
    document = {"notes": ["é </script>"], "n": 1}
    assert json.loads(gzip.decompress(base64.b64decode(pack(document)))) == document


@pytest.mark.parametrize(("report_filter", "where"), [
    (ReportFilter(), "true"),
    (ReportFilter(since=date(2010, 1, 1)), "event_date >= DATE '2010-01-01'"),
    (ReportFilter(countries=("Kenya",), origins=("extracted",)),
     "country = 'Kenya' AND origin = 'extracted'"),
    (ReportFilter(event_types=("Battles", "Riots"), until=date(2015, 12, 31)),
     "event_type IN ('Battles', 'Riots') AND event_date <= DATE '2015-12-31'"),
    (ReportFilter(where="country = 'Kenya' and fatalities > 2"), "country = 'Kenya' AND fatalities > 2"),
    (ReportFilter(origins=("acled",), where="event_type in ('Riots', 'Protests') or fatalities >= 10"),
     "origin = 'acled' AND (event_type IN ('Riots', 'Protests') OR fatalities >= 10)"),
])
def test_filters_select_what_sql_selects(mixed_warehouse: Path, report_filter: ReportFilter,
                                         where: str) -> None:
    con = duckdb.connect(str(mixed_warehouse), read_only=True)
    try:
        expected = con.execute(f"SELECT count(*) FROM events WHERE {where}").fetchall()[0][0]
        assert expected > 0
        assert fetch_events(con, report_filter).height == expected
    finally:
        con.close()


def test_user_text_is_bound_never_spliced(mixed_warehouse: Path) -> None:
    con = duckdb.connect(str(mixed_warehouse), read_only=True)
    try:
        hostile = ReportFilter(countries=("Kenya') OR true OR ('",))
        assert fetch_events(con, hostile).height == 0
        hostile_where = ReportFilter(where="notes = 'x''); DROP TABLE events; --'")
        assert fetch_events(con, hostile_where).height == 0
        assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0
    finally:
        con.close()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"event_types": ("Battle",)}, "unknown event type 'Battle'"),
    ({"origins": ("gdelt",)}, "unknown origin 'gdelt' (acled or extracted)"),
    ({"since": date(2020, 1, 2), "until": date(2020, 1, 1)},
     "--since 2020-01-02 is after --until 2020-01-01"),
])
def test_bad_filters_say_what_is_wrong(kwargs: dict, message: str) -> None:
    with pytest.raises(InputError) as error:
        ReportFilter(**kwargs)
    assert str(error.value).startswith(message)


def test_the_file_is_self_contained(mixed_warehouse: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(mixed_warehouse), read_only=True)
    try:
        result = build_report(con, tmp_path / "r.html")
    finally:
        con.close()
    html = result.path.read_text(encoding="utf-8")
    assert result.bytes == len(html.encode("utf-8"))
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.IGNORECASE)
    assert not re.search(r"https?://", html), "no URL may appear: the report works offline"
    assert "default-src 'none'" in html
    payload = read_payload(html)
    assert payload["n"] == result.events
    extracted = payload["origin"]["labels"].index("extracted")
    rows = [i for i, code in enumerate(payload["origin"]["codes"]) if code == extracted]
    assert len(rows) == 60
    assert all(payload["evidence"][i] and payload["doc_ids"]["codes"][i] >= 0 for i in rows)


def test_cli_writes_the_report_with_progress(mixed_warehouse: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kenya.html"
    code = main(["report", "--warehouse", str(mixed_warehouse), "--out", str(out), "--country", "Kenya",
                 "--since", "2000-01-01"])
    stdout, stderr = capsys.readouterr()
    assert code == 0
    assert "report: reading events from the warehouse" in stderr
    assert "report: writing the HTML file" in stderr
    payload = read_payload(out.read_text(encoding="utf-8"))
    assert payload["country"]["labels"] == ["Kenya"]
    assert min(payload["day"]) >= (date(2000, 1, 1) - date(1970, 1, 1)).days
    assert stdout.startswith(f"{out}: {payload['n']:,} events")


@pytest.mark.parametrize(("argv", "message"), [
    (["--since", "2020-13-01"],
     "eventpipe report: error: --since '2020-13-01' is not a date (use YYYY-MM-DD)"),
    (["--event-type", "Battle"], "eventpipe report: error: unknown event type 'Battle'"),
    (["--where", "1=0)) TO 'a.csv' (FORMAT csv); --"], "eventpipe report: error: --where:"),
    (["--where", "no_such_column = 1"], "eventpipe report: error: --where:"),
])
def test_cli_errors_are_one_line(mixed_warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 argv: list[str], message: str) -> None:
    code = main(["report", "--warehouse", str(mixed_warehouse), "--out", str(tmp_path / "r.html"), *argv])
    assert code == 2
    assert capsys.readouterr().err.startswith(message)
    assert not (tmp_path / "r.html").exists()


def test_report_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--help"])
    assert exit_info.value.code == 0
    assert "--warehouse" in capsys.readouterr().out
