"""Drivers run the same kernels over data held in different ways.

A kernel is a function ``LazyFrame -> LazyFrame`` that is correct on any slice of the rows:
classification is row-wise, and MPI is computed from integer partial sums that merge by
addition. A driver only says how to apply a kernel to its partitions
(:meth:`Driver.map_frames`); the orchestration is written once here. The Spark driver
(:mod:`giamngheo.analytics.spark`) implements ``map_frames`` with ``mapInArrow`` and
overrides :meth:`Driver.sink` so that row-wise results are written where they are computed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar, final

import polars as pl

from giamngheo.analytics.classify import classify_lazy, output_columns
from giamngheo.analytics.mpi import (
    MpiSpec,
    mpi_finish,
    mpi_merge,
    mpi_partial_sums,
    mpi_table_of_sums,
)
from giamngheo.analytics.survey_io import table_write
from giamngheo.domain.model import Standard

Kernel = Callable[[pl.LazyFrame], pl.LazyFrame]


class Driver(ABC):
    """Base class: ``map_frames`` is the hook every driver fills; ``sink`` may be overridden."""

    name: ClassVar[str]
    supports_partitions: ClassVar[bool] = False

    @abstractmethod
    def map_frames(self, kernel: Kernel) -> pl.LazyFrame:
        """Apply ``kernel`` to every partition and concatenate the results."""

    def sink(self, kernel: Kernel, target: Path) -> None:
        """Write the kernel's output of every partition to ``target`` (here: one file)."""
        table_write(self.map_frames(kernel), target)

    @final
    def classify(self, standards: Sequence[Standard]) -> pl.LazyFrame:
        """Every row with the ``S:`` columns of each standard added."""
        return self.map_frames(_classifier(standards))

    @final
    def classify_to(self, standards: Sequence[Standard], target: Path) -> None:
        """Write every row with the ``S:`` columns added to ``target``."""
        self.sink(_classifier(standards), target)

    @final
    def status_counts(self, standards: Sequence[Standard], by: Sequence[str] = ()) -> pl.DataFrame:
        """Households per status of each standard (and group), merged across partitions.

        One row per combination of ``by`` and the ``S:status`` columns, with ``households``.
        """
        keys = [*by, *(output_columns(s)[0] for s in standards)]

        def counts(lf: pl.LazyFrame) -> pl.LazyFrame:
            classified = classify_lazy(lf, standards).with_columns(pl.col(keys).cast(pl.String))
            return classified.group_by(keys).agg(pl.len().cast(pl.Int64).alias("households"))

        merged = self.map_frames(counts).group_by(keys).agg(pl.col("households").sum())
        return merged.sort(keys, nulls_last=True).collect()

    @final
    def mpi_sums(self, spec: MpiSpec, by: Sequence[str] = ()) -> pl.LazyFrame:
        """Integer AF sums per group, merged across partitions."""
        return mpi_merge(self.map_frames(lambda lf: mpi_partial_sums(lf, spec, by)), by)

    @final
    def mpi(self, spec: MpiSpec, by: Sequence[str] = ()) -> pl.DataFrame:
        """H, A, M0 and per-indicator measures per group."""
        return mpi_finish(self.mpi_sums(spec, by), spec).collect()

    @final
    def mpi_table(self, spec: MpiSpec, *, by: str | None = None) -> pl.DataFrame:
        """The table of :func:`~giamngheo.analytics.mpi.mpi_table`, from merged sums."""
        sums = self.mpi_sums(spec, [by] if by else []).collect()
        return mpi_table_of_sums(sums, spec, by=by)


def _classifier(standards: Sequence[Standard]) -> Kernel:
    return lambda lf: classify_lazy(lf, standards)


class LocalDriver(Driver):
    """One lazy frame on this machine (Polars uses every core)."""

    name = "local"

    def __init__(self, source: pl.LazyFrame) -> None:
        self.source = source

    def map_frames(self, kernel: Kernel) -> pl.LazyFrame:
        """The kernel on the whole frame."""
        return kernel(self.source)


class PartitionedDriver(Driver):
    """Several frames (e.g. one file per province) processed independently, then combined."""

    name = "partitioned"
    supports_partitions = True

    def __init__(self, partitions: Sequence[pl.LazyFrame]) -> None:
        if not partitions:
            raise ValueError("at least one partition is needed")
        self.partitions = list(partitions)

    def map_frames(self, kernel: Kernel) -> pl.LazyFrame:
        """The kernel on each partition, results stacked."""
        return pl.concat([kernel(part) for part in self.partitions], how="vertical")
