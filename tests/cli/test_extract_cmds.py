"""`eventpipe extract` and `eventpipe evaluate` end to end, in process (the real engine)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventpipe.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "extraction"
KANDAHAR_A = (
    "On 21 March 2024, a suicide bomber blew himself up outside a bank in Kandahar city, "
    "Kandahar province, Afghanistan, killing 21 people."
)
KANDAHAR_B = (
    "In Kandahar, Afghanistan, on 21 March 2024 an Islamic State suicide bomber attacked a "
    "bank, killing at least 21 people."
)


def write_docs(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def read_events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_writes_acled_named_events(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", [{"doc_id": "k1", "text": KANDAHAR_A, "source": "Tolo"}])
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--input", str(docs), "--output", str(out)]) == 0
    (event,) = read_events(out)
    assert event["doc_id"] == "k1"
    assert event["event_date"] == "2024-03-21"
    assert event["country"] == "Afghanistan"
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["source"] == "Tolo"
    assert event["notes"].startswith("On 21 March 2024, in Kandahar")


def test_extract_merges_one_event_reported_by_two_documents(tmp_path: Path) -> None:
    docs = write_docs(
        tmp_path / "docs.jsonl",
        [
            {"doc_id": "a", "text": KANDAHAR_A, "source": "A"},
            {"doc_id": "b", "text": KANDAHAR_B, "source": "B", "published": "2024-03-22"},
        ],
    )
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--input", str(docs), "--output", str(out)]) == 0
    (event,) = read_events(out)
    assert event["doc_id"] == ["a", "b"]
    assert event["source"] == "A; B"
    assert len(event["mentions"]) == 2


def test_extract_explain_shows_evidence_for_each_field(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", [{"doc_id": "k1", "text": KANDAHAR_A}])
    assert main(["extract", "--input", str(docs), "--output", str(tmp_path / "o.jsonl"), "--explain"]) == 0
    shown = capsys.readouterr().out
    for expected in (
        "EVENT ",
        "evidence [k1",
        "event_type: rule",
        "event_date: '21 March 2024'",
        "location:",
        "actor1:",
        "fatalities:",
    ):
        assert expected in shown


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"doc_id": "a", "text": "x"}\n{oops\n', "row 2: not valid JSON"),
        ('{"doc_id": "a"}\n', "row 1, column 'text': missing text"),
    ],
)
def test_malformed_input_exits_2_naming_the_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, content: str, message: str
) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(content, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--input", str(docs), "--output", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02" * 300,
        "Der Präsident sprach gestern über die Wirtschaft und die Schulen des Landes.",
        "The weather in Nairobi was sunny and the markets were busy on 3 May 2019.",
    ],
)
def test_texts_without_events_give_zero_events_and_exit_0(tmp_path: Path, text: str) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", [{"doc_id": "x", "text": text}])
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--input", str(docs), "--output", str(out)]) == 0
    assert read_events(out) == []


def test_evaluate_prints_per_field_accuracy(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    report = tmp_path / "scores.json"
    assert main(["evaluate", "--acled", str(DATA / "acled_other_sample.csv"), "--report", str(report)]) == 0
    table = capsys.readouterr().out
    for field in (
        "event_type",
        "sub_event_type",
        "event_date",
        "country",
        "admin1",
        "location",
        "fatalities",
        "actor1_family",
    ):
        assert field in table
    scores = json.loads(report.read_text())
    assert scores["rows"] == 25
    assert scores["fields"]["country"]["accuracy"] >= 0.8


def test_evaluate_reads_monadic_exports_and_limits_rows(capsys: pytest.CaptureFixture) -> None:
    assert main(["evaluate", "--acled", str(DATA / "acled_bangladesh_sample.csv"), "--limit", "5"]) == 0
    assert "rows=5 " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--acled", "missing.csv"], "file missing.csv: no such file"),
        (
            ["--acled", str(DATA / "acled_other_sample.csv"), "--limit", "0"],
            "--limit must be a positive number",
        ),
    ],
)
def test_evaluate_user_errors_exit_2(capsys: pytest.CaptureFixture, args: list[str], message: str) -> None:
    assert main(["evaluate", *args]) == 2
    assert message in capsys.readouterr().err


def test_evaluate_rejects_a_csv_that_is_not_an_acled_export(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["evaluate", "--acled", str(bad)]) == 2
    message = "column 'event_id_cnty': required ACLED column is missing from the header"
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("command", ["extract", "evaluate"])
def test_every_command_has_help_text(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventpipe.cli", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "usage: eventpipe " + command in result.stdout


@pytest.mark.parametrize(("flags", "expected"), [([], [None]), (["--drop-undated"], [])])
def test_undated_note_events_are_kept_unless_dropped(
    tmp_path: Path, flags: list[str], expected: list
) -> None:
    # why: an ACLED note without a date still shows its type and place; --drop-undated keeps output storable.
    docs = write_docs(
        tmp_path / "docs.jsonl", [{"doc_id": "n", "text": "Police shot dead two suspects in Kisumu."}]
    )
    out = tmp_path / "events.jsonl"
    assert main(["extract", "--input", str(docs), "--output", str(out), *flags]) == 0
    assert [e["event_date"] for e in read_events(out)] == expected


def test_evaluate_cv_region_reports_geography_per_region(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "acled_2020_other_regions_sample.csv"
    report = tmp_path / "cv.json"
    args = ["evaluate", "--cv", "region", "--acled", str(sample), "--cv-limit", "5", "--geo-limit", "5"]
    assert main([*args, "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "geography, leave one region out" in out and "errors by kind: no_event" in out
    geography = json.loads(report.read_text(encoding="utf-8"))["geography"]
    assert set(geography["mean"]) == {"country", "admin1", "admin2", "location", "coords25", "coords25_all"}
    assert "Europe" in geography["folds"] and geography["sizes"]["Europe"] == 5
    assert set(geography["error_shares"]) >= {"no_place", "wrong_namesake", "wrong_admin", "precision3"}
