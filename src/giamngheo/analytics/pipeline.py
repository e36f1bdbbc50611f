"""File-to-file operations used by the CLI: read, validate, compute, write atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from giamngheo.analytics.classify import classify_lazy
from giamngheo.analytics.mpi import MpiSpec, mpi_table
from giamngheo.analytics.survey_io import table_format, table_read, table_write
from giamngheo.analytics.validate import Contract, survey_validate
from giamngheo.domain.model import Standard


def classification_contract(standards: Sequence[Standard]) -> Contract:
    """Columns a table needs to be classified under all of ``standards``."""
    measures = dict.fromkeys(s.measure_column for s in standards)
    flags = dict.fromkeys(c for s in standards for c in s.dep_columns)
    return Contract(measures=tuple(measures), flags=tuple(flags))


def classify_file(source: Path, standards: Sequence[Standard], target: Path) -> int:
    """Classify every household of ``source`` into ``target``; returns the row count.

    Raises :class:`~giamngheo.analytics.errors.SurveyInputError` before anything is written.
    """
    table_format(target)
    df = survey_validate(table_read(source), classification_contract(standards), file=source.name)
    table_write(classify_lazy(df.lazy(), standards), target)
    return df.height


def mpi_file(
    source: Path, spec: MpiSpec, target: Path, *, by: str | None = None, survey: bool = True
) -> pl.DataFrame:
    """Write the AF table of ``source``; ``survey`` tables also need a unique household_id."""
    table_format(target)
    contract = Contract(
        measures=(),
        flags=spec.columns,
        area=False,
        household_id=survey,
        flag_prefix_closed=False,
        extra=(by,) if by else (),
    )
    df = survey_validate(table_read(source), contract, file=source.name)
    table = mpi_table(df.lazy(), spec, by=by)
    table_write(table, target)
    return table
