"""`eventpipe import-acled | sql | export` end to end through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from eventpipe.cli import main
from schemas.codebook import ACLED_COLUMNS

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLES = [
    DATA / "acled_2020_other_regions_sample.csv",
    DATA / "acled_bangladesh_2022_2024_sample.csv",
    DATA / "acled_kenya_1997_2019_sample.csv",
]


@pytest.fixture
def warehouse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "w.duckdb"
    assert main(["import-acled", *map(str, SAMPLES), "--warehouse", str(path)]) == 0
    capsys.readouterr()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["import-acled", "sql", "export"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "--warehouse" in capsys.readouterr().out


def test_import_prints_a_summary_with_rejects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "import-acled",
        str(DATA / "acled_2020_other_regions_sample.csv"),
        str(DATA / "acled_bangladesh_2022_2024_sample.csv"),
        "--warehouse",
        str(tmp_path / "w.duckdb"),
    )
    assert code == 0
    lines = out.splitlines()
    assert "298 rows -> 298 events; added 297, updated 0, unchanged 0, rejected 1" in lines[0]
    assert lines[1] == "  rejected row 298 (no event_id_cnty): event_id_cnty: missing value"
    assert "440 rows -> 309 events (monadic: rows merged by event_id_cnty); added 309" in lines[2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b"event_id_cnty,colour\nKEN1,red\n", "column 'event_date': required ACLED column is missing"),
    ],
)
def test_import_bad_input_is_one_line_exit_2(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_bytes(content)
    code, out, err = _run(capsys, "import-acled", str(path), "--warehouse", str(warehouse))
    assert code == 2 and out == ""
    assert err.startswith(f"eventpipe import-acled: error: file {path}") and message in err
    assert err.count("\n") == 1


def test_sql_prints_a_table(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "sql",
        "SELECT country, count(*) AS n FROM events WHERE country = 'Kenya' GROUP BY 1",
        "--warehouse",
        str(warehouse),
    )
    assert code == 0 and "Kenya" in out and "302" in out


def test_sql_csv_has_header_first(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "sql",
        "SELECT event_id_cnty, fatalities FROM events ORDER BY 1 LIMIT 3",
        "--format",
        "csv",
        "--warehouse",
        str(warehouse),
    )
    lines = out.splitlines()
    assert code == 0 and lines[0] == "event_id_cnty,fatalities" and len(lines) == 4


def test_sql_json_is_parseable(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "sql",
        "SELECT origin, count(*) AS n FROM events GROUP BY 1",
        "--format",
        "json",
        "--warehouse",
        str(warehouse),
    )
    assert code == 0 and json.loads(out) == [{"origin": "acled", "n": 297 + 309 + 302}]


def test_sql_json_keeps_sums_and_averages_numbers(warehouse: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "sql", "SELECT sum(fatalities) AS f, avg(fatalities) AS a, "
                        "sum(latitude)::DECIMAL(12, 2) AS d FROM events WHERE iso = 404", "--format", "json",
                        "--warehouse", str(warehouse))
    row = json.loads(out)[0]
    assert code == 0 and isinstance(row["f"], int) and isinstance(row["a"], float)
    assert isinstance(row["d"], float)


@pytest.mark.parametrize("width", [60, 120])
def test_sql_table_fits_the_width_and_names_the_columns_left_out(
    warehouse: Path, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    code, out, _ = _run(capsys, "sql", "SELECT * FROM events ORDER BY event_id_cnty LIMIT 5",
                        "--max-width", str(width), "--warehouse", str(warehouse))
    lines = out.splitlines()
    assert code == 0 and all(len(line) <= width for line in lines[:-1])
    assert lines[0].split()[:2] == ["event_id_cnty", "event_date"]  # whole names, not 3 letters
    assert "columns," in lines[-1] and "not shown: " in lines[-1]
    _, every, _ = _run(capsys, "sql", "SELECT * FROM events LIMIT 5", "--max-width", "0",
                       "--warehouse", str(warehouse))
    assert "source_scale" in every.splitlines()[0]


def test_verbosity_flags_go_before_or_after_the_command(warehouse: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT 1 AS x"
    for argv in (["-v", "sql", query], ["sql", "-v", query], ["sql", query, "-q"], ["-q", "sql", query]):
        code, out, _ = _run(capsys, *argv, "--warehouse", str(warehouse))
        assert code == 0 and out.split()[-1] == "1"


def test_a_closed_pipe_ends_quietly(warehouse: Path) -> None:
    """`eventpipe sql ... | head -1` (and status): no BrokenPipeError traceback."""
    import subprocess
    import sys

    eventpipe = str(Path(sys.executable).with_name("eventpipe"))
    for command in (f"{eventpipe} sql 'SELECT * FROM events' --format csv --warehouse {warehouse}",
                    f"{eventpipe} sql 'SELECT * FROM events' --warehouse {warehouse} --max-width 0",
                    f"{eventpipe} status --warehouse {warehouse} --runs 50"):
        result = subprocess.run(f"{command} | head -1", shell=True, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0 and result.stdout.count("\n") == 1
        assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr


def test_sql_output_writes_parquet(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "q" / "kenya.parquet"
    code, out, _ = _run(
        capsys,
        "sql",
        "SELECT * FROM events WHERE iso = 404",
        "--output",
        str(target),
        "--warehouse",
        str(warehouse),
    )
    assert code == 0 and out.strip() == f"wrote 302 rows to {target}"
    assert pl.read_parquet(target).height == 302


def test_sql_cannot_modify(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "sql", "DELETE FROM events", "--warehouse", str(warehouse))
    assert code == 2
    assert err.startswith("eventpipe sql: error: the query tries to modify the warehouse")
    _, out, _ = _run(
        capsys, "sql", "SELECT count(*) AS n FROM events", "--format", "csv", "--warehouse", str(warehouse)
    )
    assert out.splitlines()[1] == str(297 + 309 + 302)


def test_sql_on_a_missing_warehouse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert code == 2 and "the warehouse does not exist yet" in err


def test_export_parquet_and_csv(warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "exports"
    code, out, _ = _run(
        capsys, "export", "--out", str(out_dir), "--partition-by", "year", "--warehouse", str(warehouse)
    )
    assert code == 0 and out.startswith(f"exported 908 events to {out_dir / 'parquet'}")
    assert {p.name.split("=")[0] for p in (out_dir / "parquet").iterdir()} == {"year"}
    code, out, _ = _run(
        capsys,
        "export",
        "--format",
        "csv",
        "--out",
        str(out_dir),
        "--where",
        "iso = 404",
        "--warehouse",
        str(warehouse),
    )
    frame = pl.read_csv(out_dir / "events.csv")
    assert code == 0 and frame.columns == list(ACLED_COLUMNS) and frame.height == 302


def test_export_where_cannot_modify(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "export",
        "--out",
        str(tmp_path / "x"),
        "--where",
        "true); DELETE FROM events; SELECT (1",
        "--warehouse",
        str(warehouse),
    )
    assert code == 2 and err.startswith("eventpipe export: error: export failed")
    _, out, _ = _run(
        capsys, "sql", "SELECT count(*) AS n FROM events", "--format", "csv", "--warehouse", str(warehouse)
    )
    assert out.splitlines()[1] == "908"


def test_many_rejects_are_summarised_by_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = pl.read_csv(DATA / "acled_kenya_1997_2019_sample.csv", infer_schema=False).head(5)
    broken = frame.with_columns(pl.lit("-3").alias("fatalities")).with_columns(
        pl.when(pl.int_range(pl.len()) < 2).then(pl.lit("2001")).otherwise("year").alias("year")
    )
    broken.write_csv(tmp_path / "broken.csv")
    code, out, _ = _run(
        capsys,
        "import-acled",
        str(tmp_path / "broken.csv"),
        "--show-rejects",
        "1",
        "--warehouse",
        str(tmp_path / "w.duckdb"),
    )
    lines = out.splitlines()
    assert code == 0 and "rejected 5" in lines[0]
    assert lines[-2:] == [
        "  5 rows: fatalities: greater_than_or_equal_to(0)",
        "  2 rows: year: year_is_year_of_event_date",
    ]


@pytest.mark.parametrize(("extra", "message"), [
    (["--format", "csv", "--partition-by", "year"], "--partition-by applies to Parquet only"),
    (["--labels", "numeric"], "--labels, --date-format and --shape apply to the CSV export only"),
])
def test_export_options_that_do_not_apply_are_refused(
    warehouse: Path, tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "export", "--out", str(tmp_path / "x"), *extra, "--warehouse", str(warehouse))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()


def test_export_csv_choices_from_the_command_line(warehouse: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "export", "--format", "csv", "--out", str(tmp_path), "--where", "iso = 50",
                        "--labels", "numeric", "--date-format", "iso", "--shape", "dyadic",
                        "--warehouse", str(warehouse))
    frame = pl.read_csv(tmp_path / "events.csv", infer_schema=False)
    assert code == 0 and out.startswith("exported 309 rows")
    assert frame.columns == list(ACLED_COLUMNS) and set(frame["inter1"]) <= set("12345678")
    assert frame["event_date"].str.contains(r"^\d{4}-\d{2}-\d{2}$").all()
