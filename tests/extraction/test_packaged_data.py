"""A missing or corrupt packaged data file gives one line naming the file and the fix."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventpipe.cli import main
from eventpipe.errors import DataFileError
from extraction import packaged
from extraction.actors import load_actor_dictionary
from extraction.places import Gazetteer
from extraction.places.gazetteer import _load_packaged
from extraction.resources import _load_resources, _tables

REAL_DATA = Path(packaged.data_root())  # type: ignore[arg-type]


def _clear_caches() -> None:
    for loader in (_load_packaged, load_actor_dictionary, _load_resources, _tables):
        loader.cache_clear()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the packaged data the loaders read instead; the real tables are reloaded after."""
    copy = tmp_path / "data"
    shutil.copytree(REAL_DATA, copy)
    monkeypatch.setattr(packaged, "data_root", lambda: copy)
    _clear_caches()
    yield copy
    _clear_caches()


def test_a_missing_gazetteer_file_names_it_and_the_rebuild(data_copy: Path) -> None:
    (data_copy / "gazetteer_admin1.tsv.gz").unlink()
    with pytest.raises(DataFileError) as raised:
        Gazetteer.load()
    assert raised.value.data_file == "gazetteer_admin1.tsv.gz"
    assert str(raised.value) == (
        "packaged data file gazetteer_admin1.tsv.gz is missing (rebuild it with "
        "`python scripts/build_gazetteer.py`, or reinstall eventpipe (`pip install -e .` in a checkout))"
    )


@pytest.mark.parametrize(
    "damage",
    [
        b"not gzip at all",  # truncated download or a text file in its place
        gzip.compress(b"header\nonly\tthree\tcolumns\n"),  # a row of the wrong shape
        gzip.compress(b"header\n\xff\xfe\n"),  # not UTF-8
    ],
)
def test_a_corrupt_gazetteer_file_names_it(data_copy: Path, damage: bytes) -> None:
    (data_copy / "gazetteer_countries.tsv.gz").write_bytes(damage)
    with pytest.raises(DataFileError, match=r"^packaged data file gazetteer_countries\.tsv\.gz is corrupt"):
        Gazetteer.load()


@pytest.mark.parametrize("damage", ["{", '{"groups": 3}', ""])
def test_a_corrupt_actor_dictionary_names_it_and_the_reinstall(data_copy: Path, damage: str) -> None:
    (data_copy / "actors.json").write_text(damage)
    expected = r"^packaged data file actors\.json is corrupt .*reinstall eventpipe"
    with pytest.raises(DataFileError, match=expected):
        load_actor_dictionary()


def test_the_cli_prints_one_line_not_a_traceback(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "actors.json").unlink()
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"doc_id": "a", "text": "On 3 May 2020 gunmen attacked a bus in Mandera."}\n')
    code = main(["extract", "--input", str(docs), "--output", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [
        "eventpipe extract: error: packaged data file actors.json is missing "
        "(reinstall eventpipe (`pip install -e .` in a checkout))"
    ]
