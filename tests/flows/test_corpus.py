"""Document discovery: formats, manifest and front matter metadata, change detection."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from eventpipe.errors import InputError
from extraction.corpus import diff_corpus, discover, load_document, split_front_matter

CORPUS = Path(__file__).parents[1] / "data" / "flows" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CORPUS, tmp_path / "raw"))


def test_discovers_every_format_sorted_by_doc_id() -> None:
    entries = discover(CORPUS)
    assert [e.doc_id for e in entries] == sorted(p.name for p in CORPUS.iterdir() if p.name != "manifest.csv")
    assert {e.fmt for e in entries} == {"txt", "md", "html"}


@pytest.mark.parametrize(("doc_id", "title", "source", "published"), [
    ("doc00.md", "Report KEN7182", "Daily Nation (Kenya)", date(2020, 1, 1)),  # front matter
    ("doc02.txt", "Report KEN7159", "Citizen (Kenya)", date(2020, 1, 2)),  # manifest
    ("doc01.html", "Report KEN7171", "Nairobi News", None),  # manifest, no date
])
def test_metadata_from_front_matter_and_manifest(doc_id: str, title: str, source: str,
                                                 published: date | None) -> None:
    entry = {e.doc_id: e for e in discover(CORPUS)}[doc_id]
    assert (entry.title, entry.source, entry.published) == (title, source, published)


def test_manifest_wins_over_front_matter(corpus: Path) -> None:
    (corpus / "manifest.csv").write_text((corpus / "manifest.csv").read_text()
                                         + "doc00.md,Curated title,Curated source,2020-01-05,\n")
    entry = {e.doc_id: e for e in discover(corpus)}["doc00.md"]
    expected = ("Curated title", "Curated source", date(2020, 1, 5))
    assert (entry.title, entry.source, entry.published) == expected


def test_document_text_has_no_front_matter() -> None:
    entry = {e.doc_id: e for e in discover(CORPUS)}["doc00.md"]
    document = load_document(entry)
    assert document.text.startswith("# Kenya") and "title:" not in document.text
    assert (document.doc_id, document.fmt, document.published) == ("doc00.md", "md", date(2020, 1, 1))


def test_hash_changes_with_content_and_with_metadata(corpus: Path) -> None:
    before = {e.doc_id: e.content_hash for e in discover(corpus)}
    (corpus / "doc05.txt").write_text("On 3 May 2020, police shot a man in Juarez.\n")
    manifest = (corpus / "manifest.csv").read_text().replace(
        "doc08.txt,Report BGD28031,Prothom Alo,,", "doc08.txt,Report BGD28031,Prothom Alo,2024-08-06,")
    (corpus / "manifest.csv").write_text(manifest)
    (corpus / "doc09.md").unlink()
    (corpus / "sub").mkdir()
    (corpus / "sub" / "new.txt").write_text("On 1 May 2020, protesters gathered in Nairobi.\n")
    diff = diff_corpus(discover(corpus), before)
    assert diff.new == ("sub/new.txt",)
    assert diff.changed == ("doc05.txt", "doc08.txt")
    assert diff.removed == ("doc09.md",)
    assert len(diff.unchanged) == len(before) - 3


def test_hidden_files_and_other_suffixes_are_ignored(corpus: Path) -> None:
    (corpus / ".draft.txt").write_text("x")
    (corpus / "notes.docx").write_bytes(b"x")
    assert ".draft.txt" not in {e.doc_id for e in discover(corpus)}
    assert "notes.docx" not in {e.doc_id for e in discover(corpus)}


@pytest.mark.parametrize(("manifest", "message"), [
    ("name,title\nx.txt,t\n", "manifest has no 'file' column"),
    ("file,title\n../outside.txt,t\n", "row 2, column 'file': path '../outside.txt' leaves the raw folder"),
    ("file,title\n/etc/passwd.txt,t\n", "row 2, column 'file': path '/etc/passwd.txt' leaves the raw folder"),
    ("file,title\ndoc02.txt,caf\xe9\n", "manifest is not UTF-8 (byte 25)"),
])
def test_bad_manifest_is_an_input_error(corpus: Path, manifest: str, message: str) -> None:
    (corpus / "manifest.csv").write_bytes(manifest.encode("latin-1"))
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        discover(corpus)


def test_missing_raw_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="raw folder does not exist"):
        discover(tmp_path / "nope")


@pytest.mark.parametrize(("text", "meta", "body"), [
    ("---\ntitle: A\nsource: 'B'\n---\nbody\n", {"title": "A", "source": "B"}, "body\n"),
    ("---\nno closing fence\nbody\n", {}, "---\nno closing fence\nbody\n"),
    ("plain text\n", {}, "plain text\n"),
])
def test_split_front_matter(text: str, meta: dict[str, str], body: str) -> None:
    assert split_front_matter(text) == (meta, body)
