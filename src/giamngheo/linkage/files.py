"""File-to-file linkage used by the CLI: Parquet person records in, scored pairs out.

The input holds :data:`~giamngheo.linkage.normalise.PERSON_COLUMNS` (other columns are
ignored); a missing column stops before anything is computed. The local engine scores with
Splink on DuckDB and writes one Parquet file; the Spark engine scores the same model with
Splink on Spark and writes a Parquet dataset (a directory of part files).
"""

from __future__ import annotations

from pathlib import Path

from giamngheo.analytics.errors import SurveyInputError
from giamngheo.analytics.pipeline import EngineInputError, EngineOptions, spark_session_open
from giamngheo.analytics.survey_io import table_format, table_read, table_scan, table_write
from giamngheo.linkage.engine import Model, model_load, pairs_predict
from giamngheo.linkage.normalise import PERSON_COLUMNS


def pairs_file(
    source: Path,
    target: Path,
    *,
    threshold: float,
    engine: EngineOptions | None = None,
    model: Model | None = None,
) -> int:
    """Score every candidate pair of the people in ``source`` (at least ``threshold``) into
    ``target``; returns the number of pairs."""
    options = engine or EngineOptions()
    for path in (source, target):
        if table_format(path) != "parquet":
            raise EngineInputError(f"{path.name}: giamngheo link đọc và ghi Parquet (.parquet)")
    _columns_check(source)
    chosen = model or model_load()
    if options.engine == "local":
        pairs = pairs_predict(table_read(source).select(list(PERSON_COLUMNS)), chosen,
                              threshold=threshold)  # fmt: skip
        table_write(pairs, target)
        return pairs.height
    return _pairs_spark(source, target, chosen, threshold=threshold, options=options)


def _columns_check(source: Path) -> None:
    names = table_scan(source).collect_schema().names()
    for name in PERSON_COLUMNS:
        if name not in names:
            raise SurveyInputError(kind="missing_column", file=source.name, row=1, column=name)


def _pairs_spark(
    source: Path, target: Path, model: Model, *, threshold: float, options: EngineOptions
) -> int:
    session = spark_session_open(options)
    from giamngheo.analytics.spark import parquet_write
    from giamngheo.linkage.spark import pairs_predict_spark

    people = session.read.parquet(str(source)).select(*PERSON_COLUMNS)
    parquet_write(pairs_predict_spark(session, people, model, threshold=threshold), target)
    return session.read.parquet(str(target)).count()
