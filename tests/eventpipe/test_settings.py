"""Settings precedence: flags over environment over defaults."""

from __future__ import annotations

from pathlib import Path

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
