"""Splink on Spark scores the same pairs as Splink on DuckDB with the shipped model."""

from __future__ import annotations

import polars as pl
import pytest
from pyspark.sql import SparkSession

from giamngheo.linkage.engine import model_load, pairs_predict
from giamngheo.linkage.normalise import PERSON_COLUMNS, person_features
from giamngheo.linkage.spark import features_spark, pairs_predict_spark, spark_model, spark_sql
from giamngheo.linkage.synthetic import population

PAIR = ["unique_id_l", "unique_id_r"]


@pytest.mark.parametrize(
    ("duckdb", "expected"),
    [
        ("list_has_all(a_l, b_r)", "(SIZE(ARRAY_EXCEPT(b_r, a_l)) = 0)"),
        ("len(name_words_l) >= 2", "SIZE(name_words_l) >= 2"),
        ("len(list_intersect(x_l, x_r)) > 0", "SIZE(ARRAY_INTERSECT(x_l, x_r)) > 0"),
        ("len(name_fold_l) > 3", "LENGTH(name_fold_l) > 3"),
        ("jaro_winkler_similarity(a_l, a_r) >= 0.9", "JARO_WINKLER(a_l, a_r) >= 0.9"),
        ("CAST(birth_on_l AS VARCHAR)", "CAST(birth_on_l AS STRING)"),
        ('l."id12" = r."id12"', "l.`id12` = r.`id12`"),
    ],
)
def test_duckdb_conditions_in_spark_sql(duckdb: str, expected: str) -> None:
    assert spark_sql(duckdb) == expected


def test_spark_model_keeps_levels_and_trained_values() -> None:
    model = model_load()
    converted = spark_model(model)
    assert converted["splink"]["sql_dialect"] == "spark"
    assert model["splink"]["sql_dialect"] == "duckdb"  # the shipped model is not changed
    for mine, theirs in zip(
        model["splink"]["comparisons"], converted["splink"]["comparisons"], strict=True
    ):
        levels = zip(mine["comparison_levels"], theirs["comparison_levels"], strict=True)
        for a, b in levels:
            assert (a.get("m_probability"), a.get("u_probability")) == (
                b.get("m_probability"),
                b.get("u_probability"),
            )


@pytest.mark.spark
def test_features_come_from_the_polars_kernel(spark: SparkSession) -> None:
    people, _ = population(300, seed=4)
    frame = spark.createDataFrame(people.select(list(PERSON_COLUMNS)).to_arrow())
    got = pl.from_arrow(features_spark(frame).toArrow())
    assert isinstance(got, pl.DataFrame)
    assert got.sort("unique_id").equals(person_features(people).collect().sort("unique_id"))


@pytest.mark.spark
def test_spark_pairs_equal_duckdb_pairs(spark: SparkSession) -> None:
    people, _ = population(2_000, seed=3)
    model = model_load()
    local = pairs_predict(people, model, threshold=0.5)
    frame = spark.createDataFrame(people.select(list(PERSON_COLUMNS)).to_arrow())
    remote = pl.from_arrow(pairs_predict_spark(spark, frame, model, threshold=0.5).toArrow())
    assert isinstance(remote, pl.DataFrame)
    assert local.height > 500
    assert remote.select(PAIR).sort(PAIR).equals(local.select(PAIR).sort(PAIR))
    joined = local.join(remote, on=PAIR, suffix="_spark")
    gammas = [c for c in local.columns if c.startswith("gamma_")]
    for column in gammas:
        assert joined[column].equals(joined[f"{column}_spark"], check_names=False)
    for column in ("match_weight", "match_probability"):
        gap = (joined[column] - joined[f"{column}_spark"]).abs().max()
        assert isinstance(gap, float)
        assert gap <= 1e-12
