"""Settings precedence: flags over environment over defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventpipe.cli import main
from eventpipe.errors import InputError
from eventpipe.settings import Settings


def test_defaults_without_environment() -> None:
    settings = Settings.load(environ={})
    assert settings.warehouse == Path("warehouse/events.duckdb")
    assert settings.raw_dir == Path("raw")
    assert settings.export_dir == Path("exports")


def test_environment_overrides_defaults_and_flags_override_environment() -> None:
    environ = {"EVENTPIPE_WAREHOUSE": "/tmp/a.duckdb", "EVENTPIPE_RAW_DIR": "/tmp/raw",
               "EVENTPIPE_BATCH_SIZE": "7"}
    settings = Settings.load({"raw_dir": "/data/raw", "export_dir": None}, environ=environ)
    assert settings.warehouse == Path("/tmp/a.duckdb")
    assert settings.raw_dir == Path("/data/raw")
    assert settings.export_dir == Path("exports")  # why: None means "flag not given"
    assert settings.batch_size == 7


@pytest.mark.parametrize(("environ", "message"), [
    ({"EVENTPIPE_BATCH_SIZE": "abc"},
     "EVENTPIPE_BATCH_SIZE='abc' is invalid: input should be a valid integer"),
    ({"EVENTPIPE_BATCH_SIZE": "0"}, "EVENTPIPE_BATCH_SIZE='0' is invalid: input should be greater than"),
    ({"EVENTPIPE_TASK_RUNNER": "ray"}, "EVENTPIPE_TASK_RUNNER='ray' is invalid: input should be 'local' or"),
])
def test_invalid_values_name_their_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(InputError) as caught:
        Settings.load(environ=environ)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_cli_reports_a_bad_setting_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("EVENTPIPE_BATCH_SIZE", "abc")
    assert main(["status"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eventpipe status: error: EVENTPIPE_BATCH_SIZE='abc' is invalid")
    assert len(err.strip().splitlines()) == 1
