"""Writing one output file safely: `-` is stdout, special files are written in place.

A regular file (or a path that does not exist yet) is written to a temporary file next to it
and renamed into place, so a failed write never leaves half a file. Anything else (a FIFO, a
character device such as /dev/stdout or /dev/null, a symlink) is opened and written where it
is: renaming over it would replace the device node or the link instead of writing to it.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from eventpipe.errors import InputError

STDIO = "-"


def is_stdio(path: str | Path) -> bool:
    """True for the conventional `-` (stdin for inputs, stdout for outputs)."""
    return str(path) == STDIO


def writes_in_place(path: Path) -> bool:
    """True when `path` exists and is not a plain regular file (device, FIFO, socket, symlink)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode)


@contextmanager
def open_output(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """A handle to write `path`; published (renamed into place) only if the block succeeds."""
    if is_stdio(path):
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(path)
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    if writes_in_place(path):
        with _open(path, mode, encoding) as handle:
            yield handle
        return
    with _atomic(path, mode, encoding) as handle:
        yield handle


@contextmanager
def _open(path: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    try:
        with open(path, mode, encoding=encoding) as handle:
            yield handle
    except OSError as error:
        raise InputError(f"cannot write output: {error.strerror or error}", file=str(path)) from None


@contextmanager
def _atomic(path: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"cannot write output: {error.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
        os.replace(tmp_name, path)
    except OSError as error:
        Path(tmp_name).unlink(missing_ok=True)
        raise InputError(f"cannot write output: {error.strerror or error}", file=str(path)) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
