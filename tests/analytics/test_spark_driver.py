"""The Spark driver runs the same kernels as the local one and agrees with it exactly."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from pyspark.sql import DataFrame, SparkSession
from tests.analytics.test_classify_engine import (
    ALL_IDS,
    NEAR_LINES,
    STANDARDS,
    _boundary_surveys,
    _frame,
    surveys_strategy,
)
from tests.analytics.test_mpi import EXAMPLE, matrices

from giamngheo.analytics.driver import Driver, LocalDriver
from giamngheo.analytics.errors import SurveyInputError
from giamngheo.analytics.mpi import MpiSpec
from giamngheo.analytics.pipeline import EngineInputError, EngineOptions, classify_file, mpi_file
from giamngheo.analytics.spark import SparkDriver
from giamngheo.domain.model import AREAS
from giamngheo.domain.rules import Survey
from giamngheo.domain.standards import standard_get

pytestmark = pytest.mark.spark
SPARK = EngineOptions(engine="spark", master="local[2]")


def spark_frame(spark: SparkSession, df: pl.DataFrame, partitions: int = 3) -> DataFrame:
    """``df`` as Spark holds it after reading Parquet (unsigned flags widened), split in
    ``partitions``."""
    widened = df.with_columns(pl.col(pl.UInt8).cast(pl.Int16), pl.col(pl.Enum).cast(pl.String))
    return spark.createDataFrame(widened.to_arrow()).repartition(partitions)


def as_spark_types(local: pl.DataFrame, spark_out: pl.DataFrame) -> pl.DataFrame:
    """The local result cast to the types the Spark output has (Enum → text, UInt8 → Int16)."""
    return local.cast(dict(spark_out.schema))  # type: ignore[arg-type]


def assert_same_classification(local: Driver, spark: SparkDriver) -> None:
    want = local.classify(STANDARDS).collect().sort("household_id")
    got = spark.classify(STANDARDS).collect().sort("household_id")
    assert got.columns == want.columns
    assert got.equals(as_spark_types(want, got))


def random_surveys(count: int, seed: int) -> list[Survey]:
    rng = random.Random(seed)
    return [
        Survey.of(
            area=rng.choice(AREAS),
            income=rng.choice([rng.randrange(4_000_000), rng.choice(NEAR_LINES)]),
            deprived=[i for i in ALL_IDS if rng.random() < 0.3],
        )
        for _ in range(count)
    ]


def test_classification_equals_local_on_random_and_boundary_surveys(spark: SparkSession) -> None:
    surveys = random_surveys(3_000, seed=1)
    for standard in STANDARDS:
        surveys += _boundary_surveys(standard)
    df = _frame(surveys)
    assert_same_classification(LocalDriver(df.lazy()), SparkDriver(spark_frame(spark, df, 4)))


@settings(max_examples=5, deadline=None)
@given(surveys=surveys_strategy)
def test_classification_equals_local_on_hypothesis_surveys(
    spark: SparkSession, surveys: list[Survey]
) -> None:
    df = _frame(surveys)
    assert_same_classification(LocalDriver(df.lazy()), SparkDriver(spark_frame(spark, df)))


def test_output_schema_comes_from_the_kernel(spark: SparkSession) -> None:
    df = _frame(random_surveys(10, seed=2))
    out = SparkDriver(spark_frame(spark, df)).map_spark(
        lambda lf: LocalDriver(lf).classify([standard_get("vn-2022-2025")])
    )
    types = {f.name: f.dataType.simpleString() for f in out.schema.fields}
    assert types["vn-2022-2025:status"] == "string"
    assert types["vn-2022-2025:deprivations"] == "smallint"
    assert types["vn-2022-2025:deprived"] == "string"


def test_status_counts_merge_across_partitions(spark: SparkSession) -> None:
    df = _frame(random_surveys(2_000, seed=3)).with_columns(
        commune=(pl.int_range(pl.len()) % 5).cast(pl.String)
    )
    local = LocalDriver(df.lazy()).status_counts(STANDARDS, ["commune"])
    assert (
        SparkDriver(spark_frame(spark, df, 4)).status_counts(STANDARDS, ["commune"]).equals(local)
    )
    assert local["households"].sum() == 2_000


@settings(max_examples=6, deadline=None)
@given(case=matrices)
def test_mpi_sums_and_measures_equal_local(
    spark: SparkSession, case: tuple[list[list[int]], list[int], Fraction]
) -> None:
    g0, weights, k = case
    names = [f"x{j}" for j in range(len(weights))]
    df = pl.DataFrame(
        [pl.Series(n, [r[j] for r in g0], dtype=pl.Int64) for j, n in enumerate(names)]
    ).with_columns(grp=(pl.int_range(pl.len()) % 3).cast(pl.String))
    spec = MpiSpec.of(indicators=names, weights=weights, k=k)
    local, spark_driver = LocalDriver(df.lazy()), SparkDriver(spark_frame(spark, df))
    for by in ([], ["grp"]):
        want = local.mpi_sums(spec, by).collect().sort(by or "n")
        assert spark_driver.mpi_sums(spec, by).collect().sort(by or "n").equals(want)
    assert spark_driver.mpi_table(spec, by="grp").equals(local.mpi_table(spec, by="grp"))


def test_mpi_worked_example_on_spark(spark: SparkSession) -> None:
    spec = MpiSpec.of(indicators=["d1", "d2", "d3", "d4"], k=Fraction(1, 2))
    table = SparkDriver(spark_frame(spark, EXAMPLE, 2)).mpi_table(spec, by="grp")
    everyone = table.filter(pl.col("grp") == "all").row(0, named=True)
    assert (everyone["n"], everyone["q"], everyone["M0"]) == (4, 2, 0.375)


def _survey_file(path: Path, surveys: list[Survey]) -> Path:
    _frame(surveys).with_columns(commune=pl.lit("00004")).write_parquet(path)
    return path


def test_files_classified_by_either_engine_are_equal(spark: SparkSession, tmp_path: Path) -> None:
    source = _survey_file(tmp_path / "in.parquet", random_surveys(5_000, seed=4))
    rows = classify_file(source, STANDARDS, tmp_path / "spark.parquet", engine=SPARK)
    classify_file(source, STANDARDS, tmp_path / "local.parquet")
    got = pl.read_parquet(tmp_path / "spark.parquet" / "*.parquet").sort("household_id")
    want = pl.read_parquet(tmp_path / "local.parquet").sort("household_id")
    assert rows == 5_000
    assert got.equals(as_spark_types(want, got))


def test_mpi_files_of_either_engine_are_equal(spark: SparkSession, tmp_path: Path) -> None:
    source = _survey_file(tmp_path / "in.parquet", random_surveys(3_000, seed=5))
    spec = MpiSpec.for_standard(standard_get("vn-2022-2025"))
    local = mpi_file(source, spec, tmp_path / "local.csv", by="commune")
    assert mpi_file(source, spec, tmp_path / "spark.csv", by="commune", engine=SPARK).equals(local)
    assert (tmp_path / "spark.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()


def test_bad_input_stops_the_spark_engine_with_the_local_message(
    spark: SparkSession, tmp_path: Path
) -> None:
    df = _frame(random_surveys(50, seed=6)).with_columns(
        pl.when(pl.int_range(pl.len()) == 7).then(-5).otherwise(pl.col("income")).alias("income")
    )
    df.write_parquet(source := tmp_path / "in.parquet")
    messages = []
    for engine, name in ((None, "local.parquet"), (SPARK, "spark.parquet")):
        with pytest.raises(SurveyInputError) as caught:
            classify_file(source, STANDARDS, tmp_path / name, engine=engine)
        messages.append(caught.value.message("en"))
    assert messages[0] == messages[1]
    assert "row 9, column income" in messages[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet"]


def test_spark_engine_takes_parquet_only(tmp_path: Path) -> None:
    with pytest.raises(EngineInputError, match="Parquet"):
        classify_file(tmp_path / "in.csv", STANDARDS, tmp_path / "out.parquet", engine=SPARK)
