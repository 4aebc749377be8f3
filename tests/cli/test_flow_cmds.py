"""`eventpipe run`, `serve`, `status`: help texts, messages, status output and one real run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventpipe.cli import main
from warehouse.connection import connect
from warehouse.runs import finish_run, start_run

CORPUS = Path(__file__).resolve().parents[1] / "data" / "flows" / "corpus"
EVENTPIPE = str(Path(sys.executable).with_name("eventpipe"))


@pytest.mark.parametrize(("command", "text"), [
    ("run", "--quiet"), ("run", "--task-runner"), ("serve", "--interval"), ("serve", "--cron"),
    ("status", "--runs"),
])
def test_every_command_has_help(command: str, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert text in capsys.readouterr().out


def test_status_lists_runs_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warehouse = tmp_path / "events.duckdb"
    con = connect(warehouse)
    ok = start_run(con, "pipeline", "raw")
    finish_run(con, ok, "success", {"documents_new": 5, "events_added": 31})
    bad = start_run(con, "import-acled", "x.csv")
    finish_run(con, bad, "failed", {"error": "boom"})
    con.close()
    assert main(["status", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert f"{ok:<26} pipeline      success" in out and "documents_new=5 events_added=31" in out
    assert f"{bad:<26} import-acled  failed" in out and "error=boom" in out
    assert out.index(bad) < out.index(ok)  # newest first
    assert "documents" in out and "event_mentions" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["status", "--warehouse", "{tmp}/none.duckdb"], "the warehouse does not exist yet"),
    (["run", "--raw-dir", "{tmp}/missing", "--warehouse", "{tmp}/w.duckdb"], "raw folder does not exist"),
])
def test_user_errors_are_one_line_and_exit_2(argv: list[str], message: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main([arg.format(tmp=tmp_path) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_run_prints_a_summary_quiet_prints_nothing_status_shows_runs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {**os.environ, "EVENTPIPE_RAW_DIR": str(CORPUS), "EVENTPIPE_WAREHOUSE": str(tmp_path / "w.duckdb"),
           "EVENTPIPE_EXPORT_DIR": str(tmp_path / "exports")}
    env.pop("PREFECT_API_URL", None)
    result = subprocess.run([EVENTPIPE, "run"], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "documents: 11 new, 0 changed, 0 unchanged, 0 removed (11 extracted, 0 rejected)" in result.stdout
    assert f"export:    {tmp_path / 'exports' / 'parquet'}" in result.stdout
    quiet = subprocess.run([EVENTPIPE, "run", "--quiet"], env=env, capture_output=True, text=True,
                           timeout=180)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert main(["status", "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    assert capsys.readouterr().out.count("pipeline      success") == 2
