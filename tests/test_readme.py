"""The README's Python example runs as written and prints what it promises."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.connection import connect

README = Path(__file__).resolve().parents[1] / "README.md"


def python_example() -> str:
    section = README.read_text(encoding="utf-8").split("## From Python (notebooks)", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README's Python section has a ```python block"
    return match.group(1)


def test_the_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = tmp_path / "events.duckdb"
    connect(warehouse).close()  # an empty, migrated warehouse for eventpipe.connect()
    monkeypatch.setenv("EVENTPIPE_WAREHOUSE", str(warehouse))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(python_example(), str(README), "exec"), {})  # noqa: S102
    assert out.getvalue().splitlines() == [
        "2020-05-03 Armed clash Al Shabaab 2",
        "(datetime.date(2021, 3, 3), 'Protest with intervention', 'Kisumu')",
        "(0,)",
    ]


def test_importing_eventpipe_loads_no_engine() -> None:
    """The API is imported lazily: `eventpipe --help` and `import eventpipe.errors` stay fast."""
    code = (
        "import sys, eventpipe; "
        "print(sorted(m for m in sys.modules if m.startswith(('extraction', 'polars'))))"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"
