"""CLI: classify / mpi / standards, file formats, and exit code 2 on every bad-input class."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from giamngheo.cli.analysis import register
from giamngheo.domain.standards import standard_get

STANDARD = standard_get("vn-2022-2025")
runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _survey() -> pl.DataFrame:
    flags = {c: ["0", "0", "0"] for c in STANDARD.dep_columns}
    flags["dep_water"] = ["1", "1", "0"]
    flags["dep_latrine"] = ["1", "1", "0"]
    flags["dep_telecom"] = ["1", "0", "0"]
    return pl.DataFrame(
        {
            "household_id": ["00101", "00102", "00103"],
            "area": ["rural", "rural", "urban"],
            "income": ["1350000", "1500000", "3000001"],
            "commune": ["00004", "00004", "00007"],
            **flags,
        }
    )


def _write(df: pl.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        df.write_csv(path)
    elif path.suffix == ".parquet":
        df.with_columns(
            pl.col("income").cast(pl.Int64), pl.col("^dep_.*$").cast(pl.UInt8)
        ).write_parquet(path)
    else:
        df.write_excel(path)
    return path


@pytest.mark.parametrize(
    ("src", "dst"),
    [(".csv", ".csv"), (".parquet", ".parquet"), (".xlsx", ".xlsx"), (".csv", ".xlsx")],
)
def test_classify_round_trip(tmp_path: Path, src: str, dst: str) -> None:
    source = _write(_survey(), tmp_path / f"in{src}")
    target = tmp_path / f"out{dst}"
    args = [
        "classify",
        str(source),
        "-s",
        "vn-2022-2025",
        "-s",
        "quangninh-2023-2025",
        "-o",
        str(target),
    ]
    result = runner.invoke(_app(), args)
    assert result.exit_code == 0, result.output
    out = (
        pl.read_excel(target, infer_schema_length=0)
        if dst == ".xlsx"
        else (pl.read_csv(target, infer_schema=False) if dst == ".csv" else pl.read_parquet(target))
    )
    assert out["household_id"].to_list() == ["00101", "00102", "00103"]
    assert out["commune"].to_list() == ["00004", "00004", "00007"]
    assert out["vn-2022-2025:status"].cast(pl.String).to_list() == ["poor", "near_poor", "not_poor"]
    assert out["vn-2022-2025:deprived"].cast(pl.String).to_list()[0] == "water;latrine;telecom"
    assert out["quangninh-2023-2025:status"].cast(pl.String).to_list()[2] == "not_poor"
    assert [str(x) for x in out["vn-2022-2025:deprivations"].to_list()] == ["3", "2", "0"]


BAD_CASES = [
    ("income", 1, "", "dòng 3, cột income"),
    ("income", 0, "1,5tr", "dòng 2, cột income"),
    ("income", 2, "-1", "dòng 4, cột income"),
    ("area", 1, "thành thị", "dòng 3, cột area"),
    ("dep_nutrition", 2, "yes", "dòng 4, cột dep_nutrition"),
    ("household_id", 2, "00101", "dòng 4, cột household_id"),
]


@pytest.mark.parametrize(("column", "index", "value", "where"), BAD_CASES)
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bad_cell_exits_2_and_writes_nothing(
    tmp_path: Path, column: str, index: int, value: str, where: str, suffix: str
) -> None:
    df = _survey().with_columns(
        pl.when(pl.int_range(pl.len()) == index)
        .then(pl.lit(value))
        .otherwise(pl.col(column))
        .alias(column)
    )
    source = _write(df, tmp_path / f"in{suffix}")
    target = tmp_path / "out.csv"
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert f"Tệp in{suffix}, {where}" in result.stderr
    assert "Error: File" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


@pytest.mark.parametrize(
    ("drop", "add", "where"),
    [("dep_water", None, "dòng 1, cột dep_water"), (None, "dep_waste", "dòng 1, cột dep_waste")],
)
def test_bad_columns_exit_2(tmp_path: Path, drop: str | None, add: str | None, where: str) -> None:
    df = _survey()
    df = df.drop(drop) if drop else df.with_columns(pl.lit("0").alias(str(add)))
    source = _write(df, tmp_path / "in.csv")
    target = tmp_path / "out.parquet"
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert where in result.stderr
    assert not target.exists()


def test_negative_income_in_parquet_exits_2(tmp_path: Path) -> None:
    df = _survey().with_columns(pl.Series("income", ["1", "-2", "3"]))
    source = _write(df, tmp_path / "in.parquet")
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert "dòng 3, cột income" in result.stderr


def test_unknown_standard_and_extension_exit_2(tmp_path: Path) -> None:
    source = _write(_survey(), tmp_path / "in.csv")
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-1999", "-o", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert "vn-1999" in result.stderr
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", str(tmp_path / "o.txt")]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "o.txt").exists()


def test_mpi_with_indicators_reproduces_the_worked_example(tmp_path: Path) -> None:
    df = pl.DataFrame({"grp": ["A", "A", "B", "B"], "d1": [0, 0, 1, 0], "d2": [0, 1, 1, 1],
                       "d3": [0, 0, 1, 0], "d4": [0, 1, 1, 0]})  # fmt: skip
    source = tmp_path / "af.csv"
    df.write_csv(source)
    target = tmp_path / "mpi.csv"
    args = [
        "mpi",
        str(source),
        "--indicators",
        "d1,d2,d3,d4",
        "--k",
        "2/4",
        "--by",
        "grp",
        "-o",
        str(target),
    ]
    result = runner.invoke(_app(), args)
    assert result.exit_code == 0, result.output
    out = pl.read_csv(target)
    assert out["grp"].to_list() == ["A", "B", "all"]
    assert out["M0"].to_list() == [0.25, 0.5, 0.375]
    assert out.filter(pl.col("grp") == "all")["h_d2"].item() == 0.5
    assert {"n", "q", "H", "A", "contrib_d1"} <= set(out.columns)


def test_mpi_with_standard_and_weights(tmp_path: Path) -> None:
    source = _write(_survey(), tmp_path / "in.csv")
    target = tmp_path / "mpi.parquet"
    result = runner.invoke(
        _app(), ["mpi", str(source), "-s", "vn-2022-2025", "--by", "commune", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    out = pl.read_parquet(target)
    assert out["commune"].to_list() == ["00004", "00007", "all"]
    assert out.filter(pl.col("commune") == "all")["q"].item() == 1  # 3 of 12 ≥ k = 3/12
    bad = runner.invoke(_app(), ["mpi", str(source), "-o", str(target)])
    assert bad.exit_code == 2
    flag = runner.invoke(
        _app(), ["mpi", str(source), "--indicators", "dep_water", "--k", "2", "-o", str(target)]
    )
    assert flag.exit_code == 2


def test_mpi_bad_flag_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "af.csv"
    pl.DataFrame({"a": [0, 1, 2], "b": [1, 1, 1]}).write_csv(source)
    result = runner.invoke(
        _app(), ["mpi", str(source), "--indicators", "a,b", "-o", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert "dòng 4, cột a" in result.stderr
    assert not (tmp_path / "o.csv").exists()


def test_standards_list_and_show() -> None:
    listed = runner.invoke(_app(), ["standards", "list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0
    assert "quangninh-2023-2025" in listed.stdout
    shown = runner.invoke(_app(), ["standards", "show", "vn-2026-2030"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "waste" in shown.stdout
    assert "chưa xác nhận" in shown.stdout
    assert "2.200.000" in shown.stdout
    missing = runner.invoke(_app(), ["standards", "show", "nope"])
    assert missing.exit_code == 2
