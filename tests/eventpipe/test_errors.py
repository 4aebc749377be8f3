"""The error module sits at the bottom of the import graph, and its errors carry fields."""

from __future__ import annotations

import json
import subprocess
import sys

from eventpipe.errors import DataFileError, EventpipeError, WarehouseError, WarehouseLocked


def test_importing_the_errors_loads_nothing_else_of_ours() -> None:
    """extraction, warehouse and schemas import eventpipe.errors: it must not drag in the CLI,
    Prefect or the other packages (an import cycle, and seconds of start-up)."""
    code = (
        "import json, sys; import eventpipe.errors; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('eventpipe', 'extraction', 'warehouse', 'schemas', 'flows', 'prefect', 'duckdb', 'polars'))))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                       check=True).stdout)
    assert loaded == ["eventpipe", "eventpipe.errors"]


def test_warehouse_locked_carries_the_holder() -> None:
    error = WarehouseLocked(pid=4242, command="eventpipe run --wait 5", lock_file="wh/events.duckdb.lock")
    assert (error.pid, error.command) == (4242, "eventpipe run --wait 5")
    assert isinstance(error, WarehouseError)
    assert str(error) == (
        "file wh/events.duckdb.lock: another eventpipe run holds the warehouse lock "
        "(pid 4242: eventpipe run --wait 5) (wait for it to finish or retry; "
        "`eventpipe run --wait SECONDS` waits)"
    )


def test_warehouse_locked_without_a_known_holder_still_reads() -> None:
    error = WarehouseLocked(pid=None, command=None, lock_file="x.lock")
    assert "holds the warehouse lock (pid unknown)" in str(error)


def test_data_file_error_names_the_file_and_the_fix() -> None:
    error = DataFileError(data_file="actors.json", problem="is missing", fix="reinstall eventpipe")
    assert isinstance(error, EventpipeError)
    assert str(error) == "packaged data file actors.json is missing (reinstall eventpipe)"
