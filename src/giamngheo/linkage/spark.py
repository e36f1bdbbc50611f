"""The same trained model on Splink's Spark backend (national-scale linkage).

The shipped model's SQL is written for DuckDB. :func:`spark_model` spells the same
comparisons in Spark SQL (parsed with sqlglot, a few list and similarity functions renamed),
keeping every level, its order and its trained m and u values, so both engines score a pair
with the same model. Person records are normalised per partition by the Polars kernel of
:mod:`giamngheo.linkage.normalise` (through ``mapInArrow``), never re-written in Spark.

Requires the ``spark`` extra; the session must carry Splink's jar of similarity functions
(:func:`giamngheo.analytics.spark.spark_session` adds it).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager

import polars as pl
import sqlglot
from pyspark.sql import DataFrame, SparkSession
from splink import Linker, SettingsCreator
from splink.backends.spark import SparkAPI
from sqlglot import exp

from giamngheo.analytics.spark import SparkDriver
from giamngheo.linkage.engine import Model
from giamngheo.linkage.normalise import PERSON_COLUMNS, person_features

_FEATURES = person_features(pl.DataFrame(schema=PERSON_COLUMNS)).collect_schema()
_LIST_COLUMNS = frozenset(
    f"{name}_{side}"
    for name, dtype in _FEATURES.items()
    if isinstance(dtype, pl.List)
    for side in ("l", "r")
)


def spark_model(model: Model) -> Model:
    """``model`` with every SQL condition and blocking rule in Spark SQL (m, u unchanged)."""
    converted = copy.deepcopy(model)
    settings = converted["splink"]
    settings["sql_dialect"] = "spark"
    for rule in settings["blocking_rules_to_generate_predictions"]:
        rule["blocking_rule"] = spark_sql(rule["blocking_rule"])
        rule["sql_dialect"] = "spark"
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level["sql_condition"] != "ELSE":
                level["sql_condition"] = spark_sql(level["sql_condition"])
    return converted


def spark_sql(condition: str) -> str:
    """One DuckDB condition of the model in Spark SQL.

    ``list_has_all(a, b)`` → ``size(array_except(b, a)) = 0``, ``list_intersect`` →
    ``array_intersect``, ``len`` of a list → ``size``, ``jaro_winkler_similarity`` → the
    jar's ``jaro_winkler``; ``damerau_levenshtein`` keeps its name (the jar's function).
    """
    tree = sqlglot.parse_one(condition, read="duckdb")
    return tree.transform(_list_functions).transform(_list_lengths).sql(dialect="spark")


def _list_functions(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.JarowinklerSimilarity):
        return exp.Anonymous(this="jaro_winkler", expressions=[node.this, node.expression])
    if not isinstance(node, exp.Anonymous):
        return node
    name = node.name.lower()
    if name == "list_intersect":
        return exp.ArrayIntersect(expressions=node.expressions)
    if name == "list_has_all":
        whole, part = node.expressions
        missing = exp.ArraySize(this=exp.Anonymous(this="array_except", expressions=[part, whole]))
        return exp.Paren(this=exp.EQ(this=missing, expression=exp.Literal.number(0)))
    return node


def _list_lengths(node: exp.Expression) -> exp.Expression:
    if isinstance(node, exp.Length) and _is_list(node.this):
        return exp.ArraySize(this=node.this)
    return node


def _is_list(node: exp.Expression) -> bool:
    if isinstance(node, exp.Column):
        return node.name in _LIST_COLUMNS
    return isinstance(node, exp.ArrayIntersect)


def spark_settings(model: Model) -> SettingsCreator:
    """Splink settings of ``model`` for the Spark backend."""
    return SettingsCreator.from_path_or_dict(dict(spark_model(model)["splink"]))


def features_spark(people: DataFrame) -> DataFrame:
    """Person records (:data:`~giamngheo.linkage.normalise.PERSON_COLUMNS`) → the model's
    columns, by the Polars kernel on each partition."""
    return SparkDriver(people).map_spark(person_features)


def pairs_predict_spark(
    session: SparkSession, people: DataFrame, model: Model, *, threshold: float
) -> DataFrame:
    """Every candidate pair within ``people`` scoring at least ``threshold``, as Spark rows.

    Splink's ``dedupe_only`` yields each pair once with the smaller id on the left, as the
    local engine's :func:`~giamngheo.linkage.engine.pairs_predict` does.
    """
    pairs, _ = link_spark(session, people, model, threshold=threshold, cluster_threshold=None)
    return pairs


def link_spark(
    session: SparkSession,
    people: DataFrame,
    model: Model,
    *,
    threshold: float,
    cluster_threshold: float | None,
) -> tuple[DataFrame, DataFrame | None]:
    """The pairs of :func:`pairs_predict_spark` and, unless ``cluster_threshold`` is
    ``None``, every record with its cluster (``cluster_id``, ``record_id``): Splink's
    connected components over the pairs at or above it, a cluster named by its smallest
    record id."""
    linker = _linker(session, people, model)
    result = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
    pairs: DataFrame = result.as_spark_dataframe()
    if cluster_threshold is None:
        return pairs, None
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        result, threshold_match_probability=cluster_threshold
    )
    grouped = clustered.as_spark_dataframe().selectExpr("cluster_id", "unique_id AS record_id")
    return pairs, grouped


@contextmanager
def deep_plans(session: SparkSession) -> Iterator[None]:
    """Catalyst's constraint propagation switched off while the block runs (then restored).

    Splink's connected components join the previous iteration's table once per iteration;
    without a checkpoint directory (local mode) lineage is only cached, so the logical plan
    deepens each time and constraint propagation grows with it — minutes, then the driver
    out of memory, for a few hundred records. Results do not change, only planning.
    """
    key = "spark.sql.constraintPropagation.enabled"
    before = session.conf.get(key, "true")
    session.conf.set(key, "false")
    try:
        yield
    finally:
        session.conf.set(key, before or "true")


def _linker(session: SparkSession, people: DataFrame, model: Model) -> Linker:
    api = SparkAPI(spark_session=session, break_lineage_method=_lineage(session))
    table = api.register(features_spark(people))  # a fresh name: the session outlives the API
    return Linker(table, spark_settings(model), log_level=None)


def _lineage(session: SparkSession) -> str:
    """Intermediate tables go to Parquet under the checkpoint directory when one is set
    (a cluster), else they are cached in memory (local mode)."""
    return "persist" if session.sparkContext.getCheckpointDir() is None else "parquet"
