"""CLI: ``classify``, ``mpi`` and ``link`` with ``--engine spark`` give the local results."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest
import typer
from pyspark.sql import SparkSession
from tests.analytics.test_spark_driver import as_spark_types, random_surveys
from tests.cli.test_cli_classify import _survey, _write
from typer.testing import CliRunner

from giamngheo.cli import analysis, linkage
from giamngheo.linkage.synthetic import population

runner = CliRunner()
SPARK = ["--engine", "spark", "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=4"]
PAIR = ["unique_id_l", "unique_id_r"]


def _app() -> typer.Typer:
    app = typer.Typer()
    analysis.register(app)
    linkage.register(app)
    return app


def _invoke(*args: str | Path) -> None:
    result = runner.invoke(_app(), [str(a) for a in args])
    assert result.exit_code == 0, result.output


def _surveys(path: Path) -> Path:
    from tests.analytics.test_classify_engine import _frame

    frame = _frame(random_surveys(2_000, seed=9)).drop("dep_waste", "income_score")
    frame.with_columns(commune=(pl.int_range(pl.len()) % 4).cast(pl.String)).write_parquet(path)
    return path


@pytest.mark.spark
def test_classify_and_mpi_on_spark_equal_local(spark: SparkSession, tmp_path: Path) -> None:
    source = _surveys(tmp_path / "in.parquet")
    for engine, name in (([], "local"), (SPARK, "spark")):
        _invoke("classify", source, "-s", "vn-2022-2025", "-o", tmp_path / f"{name}.parquet",
                *engine)  # fmt: skip
        _invoke("mpi", source, "-s", "vn-2022-2025", "--by", "commune",
                "-o", tmp_path / f"{name}_mpi.parquet", *engine)  # fmt: skip
    got = pl.read_parquet(tmp_path / "spark.parquet" / "*.parquet").sort("household_id")
    want = pl.read_parquet(tmp_path / "local.parquet").sort("household_id")
    assert got.equals(as_spark_types(want, got))
    mpi = [pl.read_parquet(tmp_path / f"{n}_mpi.parquet") for n in ("local", "spark")]
    assert mpi[0].equals(mpi[1])


@pytest.mark.spark
def test_link_on_spark_equals_local(spark: SparkSession, tmp_path: Path) -> None:
    people, _ = population(1_000, seed=2)
    people.write_parquet(source := tmp_path / "people.parquet")
    _invoke("link", source, "-o", tmp_path / "local.parquet", "--threshold", "0.9")
    _invoke("link", source, "-o", tmp_path / "spark.parquet", "--threshold", "0.9", *SPARK)
    local = pl.read_parquet(tmp_path / "local.parquet").select(PAIR).sort(PAIR)
    remote = pl.read_parquet(tmp_path / "spark.parquet" / "*.parquet").select(PAIR).sort(PAIR)
    assert local.height > 100
    assert remote.equals(local)


@pytest.mark.spark
def test_bad_survey_on_spark_exits_2_and_writes_nothing(
    spark: SparkSession, tmp_path: Path
) -> None:
    df = _survey().with_columns(pl.Series("area", ["rural", "thành thị", "urban"]))
    source = _write(df, tmp_path / "in.parquet")
    target = tmp_path / "out.parquet"
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", str(target), *SPARK]
    )
    assert result.exit_code == 2
    assert "Tệp in.parquet, dòng 3, cột area" in result.stderr
    assert not target.exists()


def test_link_without_a_needed_column_exits_2(tmp_path: Path) -> None:
    people, _ = population(50, seed=1)
    people.drop("village").write_parquet(source := tmp_path / "people.parquet")
    result = runner.invoke(_app(), ["link", str(source), "-o", str(tmp_path / "pairs.parquet")])
    assert result.exit_code == 2
    assert "dòng 1, cột village" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "Parquet"),
        (["--engine", "dask"], "local hoặc spark"),
        (["--master", "local[2]"], "chỉ dùng với --engine spark"),
        (["--engine", "spark", "--conf", "novalue"], "key=value"),
    ],
)
def test_engine_options_are_checked(tmp_path: Path, args: list[str], message: str) -> None:
    source = _write(_survey(), tmp_path / "in.csv")
    result = runner.invoke(
        _app(), ["classify", str(source), "-s", "vn-2022-2025", "-o", "out.csv", *args]
    )
    assert result.exit_code == 2
    assert message in result.stderr


def test_spark_engine_without_pyspark_says_which_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "giamngheo.analytics.spark", None)
    source = _write(_survey(), tmp_path / "in.parquet")
    result = runner.invoke(
        _app(),
        ["classify", str(source), "-s", "vn-2022-2025", "-o", str(tmp_path / "o.parquet"), *SPARK],
    )
    assert result.exit_code == 2
    assert "giamngheo[spark]" in result.stderr
    assert not (tmp_path / "o.parquet").exists()
