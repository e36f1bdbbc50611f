"""File-to-file linkage used by the CLI: Parquet person records in, scored pairs and (when
asked) clusters out.

The input holds :data:`~giamngheo.linkage.normalise.PERSON_COLUMNS` (other columns are
ignored), one row per ``record_id``; a missing column, an empty or a repeated ``record_id``
stops before anything is computed. The local engine scores with Splink on DuckDB and writes
one Parquet file per output (clusters by :func:`~giamngheo.linkage.clusters.clusters_table`);
the Spark engine scores the same model with Splink on Spark, clusters with Splink's connected
components, and writes Parquet datasets (directories of part files). Both name a cluster by
its smallest ``record_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from giamngheo.analytics.errors import SurveyInputError
from giamngheo.analytics.pipeline import EngineInputError, EngineOptions, spark_session_open
from giamngheo.analytics.survey_io import table_format, table_read, table_scan, table_write
from giamngheo.analytics.validate import FIRST_DATA_ROW
from giamngheo.linkage.clusters import clusters_table
from giamngheo.linkage.engine import Model, model_load, pairs_predict
from giamngheo.linkage.normalise import PERSON_COLUMNS

CLUSTER_FROM = 0.99  # as the application: pairs from here up are one person without review


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkTargets:
    """Where the pairs go and, when ``clusters`` is given, the clusters (scored pairs at or
    above ``cluster_threshold`` join their records)."""

    pairs: Path
    clusters: Path | None = None
    cluster_threshold: float = CLUSTER_FROM


@dataclass(frozen=True, slots=True, kw_only=True)
class Linked:
    pairs: int
    clusters: int | None = None  # None: no clusters were asked for
    records: int | None = None


def link_file(
    source: Path,
    targets: LinkTargets,
    *,
    threshold: float,
    engine: EngineOptions | None = None,
    model: Model | None = None,
) -> Linked:
    """Score every candidate pair of the people in ``source`` (at least ``threshold``) and,
    when asked, cluster them; returns how many pairs (and clusters, records) were written."""
    options = engine or EngineOptions()
    _targets_check(source, targets, threshold=threshold)
    _columns_check(source)
    _ids_check(source)
    chosen = model or model_load()
    if options.engine == "local":
        return _link_local(source, targets, chosen, threshold=threshold)
    return _link_spark(source, targets, chosen, threshold=threshold, options=options)


def _targets_check(source: Path, targets: LinkTargets, *, threshold: float) -> None:
    paths = [source, targets.pairs, *([targets.clusters] if targets.clusters else [])]
    for path in paths:
        if table_format(path) != "parquet":
            raise EngineInputError(f"{path.name}: giamngheo link đọc và ghi Parquet (.parquet)")
    if targets.clusters is not None and targets.clusters.resolve() == targets.pairs.resolve():
        raise EngineInputError(
            f"{targets.clusters.name}: tệp nhóm phải khác tệp cặp / "
            "--clusters must name another file than --out"
        )
    if targets.clusters is not None and targets.cluster_threshold < threshold:
        raise EngineInputError(
            f"--cluster-threshold ({targets.cluster_threshold}) phải ≥ --threshold ({threshold}):"
            " cặp dưới --threshold không được chấm / must be at least --threshold"
        )


def _columns_check(source: Path) -> None:
    names = table_scan(source).collect_schema().names()
    for name in PERSON_COLUMNS:
        if name not in names:
            raise SurveyInputError(kind="missing_column", file=source.name, row=1, column=name)


def _ids_check(source: Path) -> None:
    """Refuse an empty or repeated ``record_id``, naming the first row that has one."""
    ids = pl.col("record_id")
    bad = (
        table_scan(source)
        .select(
            ids.is_null().alias("empty"),
            (ids.is_duplicated() & ids.is_not_null()).alias("repeated"),
        )
        .with_row_index("row")
        .filter(pl.col("empty") | pl.col("repeated"))
        .head(1)
        .collect()
    )
    if bad.height:
        row, empty = bad["row"][0] + FIRST_DATA_ROW, bad["empty"][0]
        problem = "mã bản ghi để trống / is empty" if empty else "mã bản ghi bị trùng / is repeated"
        raise EngineInputError(f"Tệp {source.name}, dòng {row}, cột record_id: {problem}")


def _link_local(source: Path, targets: LinkTargets, model: Model, *, threshold: float) -> Linked:
    people = table_read(source).select(list(PERSON_COLUMNS))
    pairs = pairs_predict(people, model, threshold=threshold)
    if targets.clusters is None:
        table_write(pairs, targets.pairs)
        return Linked(pairs=pairs.height)
    grouped = clusters_table(people["record_id"], pairs, threshold=targets.cluster_threshold)
    table_write(pairs, targets.pairs)
    table_write(grouped, targets.clusters)
    return Linked(pairs=pairs.height, clusters=grouped["cluster_id"].n_unique(),
                  records=grouped.height)  # fmt: skip


def _link_spark(
    source: Path, targets: LinkTargets, model: Model, *, threshold: float, options: EngineOptions
) -> Linked:
    session = spark_session_open(options)
    from giamngheo.analytics.spark import parquet_write
    from giamngheo.linkage.spark import deep_plans, link_spark

    people = session.read.parquet(str(source)).select(*PERSON_COLUMNS)
    cluster_threshold = targets.cluster_threshold if targets.clusters else None
    with deep_plans(session):
        pairs, grouped = link_spark(session, people, model, threshold=threshold,
                                    cluster_threshold=cluster_threshold)  # fmt: skip
        parquet_write(pairs, targets.pairs)
        if grouped is not None and targets.clusters is not None:
            parquet_write(grouped, targets.clusters)
    linked = Linked(pairs=session.read.parquet(str(targets.pairs)).count())
    if targets.clusters is None:
        return linked
    written = session.read.parquet(str(targets.clusters))
    return Linked(pairs=linked.pairs, clusters=written.select("cluster_id").distinct().count(),
                  records=written.count())  # fmt: skip
