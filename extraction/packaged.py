"""Reading the data files packaged under `extraction/data/`, with one clear error when one is
missing or corrupt.

A broken installation (a file deleted, truncated, or a gazetteer built by a failed run of
scripts/build_gazetteer.py) would otherwise surface as a gzip, JSON or unpacking traceback from
deep inside the engine. Every packaged file is read through these functions, and any failure to
read or parse one becomes a `DataFileError` naming the file and the fix.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.abc import Traversable
from typing import Any, TypeVar

from eventpipe.errors import DataFileError

DATA_PACKAGE = "extraction.data"
REINSTALL = "reinstall eventpipe (`pip install -e .` in a checkout)"
REBUILD_GAZETTEER = f"rebuild it with `python scripts/build_gazetteer.py`, or {REINSTALL}"
# What goes wrong when a packaged file is damaged: decoding, decompressing, parsing, unpacking.
_CORRUPT = (ValueError, KeyError, IndexError, TypeError, EOFError, zlib.error, gzip.BadGzipFile)
T = TypeVar("T")


def data_root() -> Traversable:
    """The folder holding the packaged data (a function, so tests can point it elsewhere)."""
    return resources.files(DATA_PACKAGE)


def fix_for(filename: str) -> str:
    """How to repair a broken packaged file: the gazetteer can be rebuilt, the rest reinstalled."""
    return REBUILD_GAZETTEER if filename.startswith("gazetteer_") else REINSTALL


@contextmanager
def reading(filename: str) -> Iterator[None]:
    """Turn any failure to read or parse `filename` inside the block into a DataFileError."""
    try:
        yield
    except FileNotFoundError:
        raise DataFileError(data_file=filename, problem="is missing", fix=fix_for(filename)) from None
    except (OSError, *_CORRUPT) as error:
        problem = f"is corrupt ({type(error).__name__}: {error})"
        raise DataFileError(data_file=filename, problem=problem, fix=fix_for(filename)) from error


def read_bytes(filename: str) -> bytes:
    """The raw bytes of a packaged data file."""
    with reading(filename):
        return data_root().joinpath(filename).read_bytes()


def read_tsv_gz_rows(filename: str) -> list[str]:
    """The lines of a gzipped, UTF-8 TSV file after its header line (no trailing empty line)."""
    raw = read_bytes(filename)
    with reading(filename):
        lines = gzip.decompress(raw).decode("utf-8").split("\n")
    return lines[1:-1] if lines and not lines[-1] else lines[1:]


def read_json(filename: str) -> Any:
    """A packaged JSON file, parsed."""
    raw = read_bytes(filename)
    with reading(filename):
        return json.loads(raw.decode("utf-8"))


def parse(filename: str, parser: Callable[[], T]) -> T:
    """Run `parser` (which unpacks the rows of `filename`); a malformed row is a corrupt file."""
    with reading(filename):
        return parser()
