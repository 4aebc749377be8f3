"""The JSONL contract of `eventpipe extract`: documents in, ACLED-named events out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventpipe.errors import InputError
from extraction.jsonl import output_record, read_documents, write_events


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_documents_with_optional_metadata(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [
            json.dumps(
                {"doc_id": "a", "text": "On 9 May 2020, ...", "published": "2020-05-10", "source": "Tiempo"}
            ),
            "",
            json.dumps(
                {"doc_id": 7, "text": "<p>x</p>", "fmt": "HTML", "title": "T", "source_scale": "National"}
            ),
        ],
    )
    first, second = read_documents(path)
    assert (first.doc_id, first.published, first.source) == ("a", date(2020, 5, 10), "Tiempo")
    assert first.fmt == "txt"
    assert (second.doc_id, second.fmt, second.title, second.source_scale) == ("7", "html", "T", "National")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc_id": "a", "text": "x"', "row 2: not valid JSON"),
        ('["a", "b"]', "row 2: expected a JSON object per line"),
        ('{"text": "x"}', "row 2, column 'doc_id': missing or empty doc_id"),
        ('{"doc_id": "b"}', "row 2, column 'text': missing text"),
        ('{"doc_id": "b", "text": 5}', "row 2, column 'text': text must be a string, got int"),
        ('{"doc_id": "b", "text": "x", "published": "May 2020"}', "published must be a date YYYY-MM-DD"),
        ('{"doc_id": "b", "text": "x", "fmt": "pdf"}', "fmt must be one of txt, md, html, got 'pdf'"),
        ('{"doc_id": "a", "text": "x"}', "row 2, column 'doc_id': duplicate doc_id 'a'"),
    ],
)
def test_malformed_line_is_an_error_naming_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = write_lines(tmp_path / "docs.jsonl", ['{"doc_id": "a", "text": "ok"}', line])
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_documents(path)


def test_non_utf8_bytes_are_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"doc_id": "a", "text": "caf\xe9"}\n')
    (document,) = read_documents(path)
    assert document.text == "caf\ufffd"


def test_missing_input_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read input: No such file or directory"):
        read_documents(tmp_path / "nope.jsonl")


def test_output_writes_doc_id_as_list_only_for_merged_events(tmp_path: Path) -> None:
    single = output_record({"doc_id": "a", "doc_ids": ["a"], "event_date": "2020-05-09"})
    merged = output_record({"doc_id": "a", "doc_ids": ["a", "b"], "event_date": "2020-05-09"})
    assert single["doc_id"] == "a" and merged["doc_id"] == ["a", "b"]
    assert list(single)[:3] == ["event_id_cnty", "event_date", "year"]


def test_write_events_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "out" / "events.jsonl"
    assert write_events(out, [{"doc_id": "a", "event_date": "2020-05-09"}]) == 1

    def failing():
        yield {"doc_id": "b", "event_date": "2020-05-10"}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_events(out, failing())
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["a"]
    assert [p.name for p in out.parent.iterdir()] == ["events.jsonl"]
