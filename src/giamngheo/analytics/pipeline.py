"""File-to-file operations used by the CLI: read, validate, compute, write atomically.

Both engines keep the same contract: the input is validated on this machine with
:func:`~giamngheo.analytics.validate.survey_validate` before anything is computed, so a bad
table stops with the same message (file, row, column) and nothing is written. With
``engine="spark"`` only the contract's columns are read for that (at 27 million households
about 1 GB and a few seconds); Spark then reads the file again, types each partition the way
the validator does (:func:`~giamngheo.analytics.validate.survey_typed`) and runs the kernels.
The Spark engine reads and writes Parquet only; its classification output is a Parquet
dataset (a directory of part files).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

from giamngheo.analytics.driver import Driver, LocalDriver
from giamngheo.analytics.mpi import MpiSpec
from giamngheo.analytics.survey_io import table_format, table_read, table_scan, table_write
from giamngheo.analytics.validate import Contract, columns_check, survey_typed, survey_validate
from giamngheo.domain.model import Standard

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Engine = Literal["local", "spark"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EngineOptions:
    """Which engine runs the kernels; for Spark, the master and extra ``spark.*`` settings."""

    engine: Engine = "local"
    master: str | None = None
    conf: tuple[tuple[str, str], ...] = ()


class EngineUnavailableError(RuntimeError):
    """The Spark engine was asked for but ``pyspark`` is not installed."""


class EngineInputError(ValueError):
    """The engine cannot take these files (the Spark engine reads and writes Parquet)."""


def classification_contract(standards: Sequence[Standard]) -> Contract:
    """Columns a table needs to be classified under all of ``standards``."""
    measures = dict.fromkeys(s.measure_column for s in standards)
    flags = dict.fromkeys(c for s in standards for c in s.dep_columns)
    return Contract(measures=tuple(measures), flags=tuple(flags))


def classify_file(
    source: Path,
    standards: Sequence[Standard],
    target: Path,
    *,
    engine: EngineOptions | None = None,
) -> int:
    """Classify every household of ``source`` into ``target``; returns the row count.

    Raises :class:`~giamngheo.analytics.errors.SurveyInputError` before anything is written.
    """
    options = engine or EngineOptions()
    _formats(options, source, target)
    driver, rows = _driver(source, classification_contract(standards), options)
    driver.classify_to(standards, target)
    return rows


def mpi_file(
    source: Path,
    spec: MpiSpec,
    target: Path,
    *,
    by: str | None = None,
    survey: bool = True,
    engine: EngineOptions | None = None,
) -> pl.DataFrame:
    """Write the AF table of ``source``; ``survey`` tables also need a unique household_id."""
    options = engine or EngineOptions()
    _formats(options, source)
    table_format(target)
    contract = Contract(
        measures=(),
        flags=spec.columns,
        area=False,
        household_id=survey,
        flag_prefix_closed=False,
        extra=(by,) if by else (),
    )
    driver, _ = _driver(source, contract, options)
    table = driver.mpi_table(spec, by=by)
    table_write(table, target)
    return table


def _formats(options: EngineOptions, *paths: Path) -> None:
    """Every path has a known format; the Spark engine takes Parquet only."""
    for path in paths:
        if table_format(path) != "parquet" and options.engine == "spark":
            raise EngineInputError(f"{path.name}: --engine spark đọc và ghi Parquet (.parquet)")


def _driver(source: Path, contract: Contract, options: EngineOptions) -> tuple[Driver, int]:
    """Validate ``source`` here, then open it with the chosen engine; also the row count."""
    if options.engine == "local":
        df = survey_validate(table_read(source), contract, file=source.name)
        return LocalDriver(df.lazy()), df.height
    rows = _validate_columns(source, contract)
    session = spark_session_open(options)
    from giamngheo.analytics.spark import SparkDriver

    frame = session.read.parquet(str(source))
    return SparkDriver(frame, prepare=lambda lf: survey_typed(lf, contract)), rows


def _validate_columns(source: Path, contract: Contract) -> int:
    """The contract checked reading only the contract's columns; the row count."""
    scan = table_scan(source)
    columns_check(scan.collect_schema().names(), contract, file=source.name)
    return survey_validate(
        scan.select(contract.required).collect(), contract, file=source.name
    ).height


def spark_session_open(options: EngineOptions) -> SparkSession:
    """The Spark session for ``options``; :class:`EngineUnavailableError` without pyspark."""
    try:
        from giamngheo.analytics.spark import spark_session
    except ImportError as exc:
        raise EngineUnavailableError(
            "--engine spark cần PySpark: pip install 'giamngheo[spark]' "
            "(the Spark engine needs the spark extra and Java 17)"
        ) from exc
    return spark_session(options.master, dict(options.conf))
