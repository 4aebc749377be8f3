"""The gazetteer's bisected name index answers exactly as the dict of its lines it replaced."""

from __future__ import annotations

import pytest

from extraction import packaged
from extraction.places.gazetteer import INDEX_FILE
from extraction.places.name_index import NameIndex

LINES = ["kabul\t3,1", "kabul city\t7", "kab\t9", "mazar e sharif\t2", "1 decembrie\t5"]


@pytest.fixture(scope="module")
def packaged_lines() -> list[str]:
    return packaged.read_tsv_gz_rows(INDEX_FILE)


def test_lookups_match_a_dict_of_the_lines() -> None:
    index, plain = NameIndex(list(LINES)), dict(line.split("\t", 1) for line in LINES)
    for key in [*plain, "kabu", "kabul c", "kabulx", "", "zzz", "0", "mazar"]:
        assert (key in index) == (key in plain)
        assert index.get(key) == plain.get(key)
    assert sorted(index) == sorted(plain) and len(index) == len(plain)


def test_an_unsorted_file_is_sorted_not_silently_missed() -> None:
    index = NameIndex(list(reversed(LINES)))
    assert index.get("kabul") == "3,1" and index.get("1 decembrie") == "5"


def test_the_packaged_index_agrees_with_its_dict(packaged_lines: list[str]) -> None:
    plain = dict(line.split("\t", 1) for line in packaged_lines)
    index = NameIndex(list(packaged_lines))
    assert len(index) == len(plain)
    for key in list(plain)[::997]:
        assert index.get(key) == plain[key]
        assert key + "x" not in plain or key + "x" in index


@pytest.mark.parametrize("lines", [["kabul"], ["a\t1", "kabul", "zz\t2"]])
def test_a_line_without_a_tab_is_a_corrupt_file(lines: list[str]) -> None:
    with pytest.raises(ValueError):
        NameIndex(lines)
