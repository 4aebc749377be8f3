"""The gazetteer's folded-name index kept as its sorted TSV lines, searched by bisection.

The index maps 470k folded names to the place rows that carry them. Building a dict of it at load
(one key and one value string per name, plus the table) cost about 0.3 s of CPU and ~60 MB on
every process start, for a table the engine probes a few tens of thousands of times per MB of
text. The file's lines already sort by name, so a lookup is one `bisect` over them (C code, about
two microseconds) and loading is only decompressing and splitting the file.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import repeat


class NameIndex:
    """Folded name -> the comma-separated place row numbers of the index file's `key\\trows` lines.

    Behaves like the read-only dict it replaces (`in`, `get`, `len`, iteration over names)."""

    __slots__ = ("_lines",)

    def __init__(self, lines: list[str]) -> None:
        """`lines` are the file's rows without its header. They are sorted in place: a no-op
        pass on a file `scripts/build_gazetteer.py` wrote (it sorts by name), and a guard
        against one written otherwise. Lines sort as their names do because a folded name holds
        only letters, digits and spaces, which all sort after the tab that ends it."""
        if not all(map(str.__contains__, lines, repeat("\t"))):  # one C-level pass
            raise ValueError("an index line without a tab")  # a corrupt file, as the dict said
        lines.sort()
        self._lines = lines

    def _line(self, key: str) -> str | None:
        """The line of `key`, or None."""
        prefix = key + "\t"
        lines = self._lines
        at = bisect_left(lines, prefix)
        if at < len(lines) and lines[at].startswith(prefix):
            return lines[at]
        return None

    def __contains__(self, key: str) -> bool:
        return self._line(key) is not None

    def get(self, key: str, default: str | None = None) -> str | None:
        """The row numbers of `key` as written in the file ('12,40'), or `default`."""
        line = self._line(key)
        return default if line is None else line[len(key) + 1 :]

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[str]:
        return (line[: line.index("\t")] for line in self._lines)
