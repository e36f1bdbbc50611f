"""Drivers run the same kernels over data held in different ways.

A kernel is a function ``LazyFrame -> LazyFrame`` that is correct on any slice of the rows:
classification is row-wise, and MPI is computed from integer partial sums that merge by
addition. A driver only says how to apply a kernel to its partitions
(:meth:`Driver.map_frames`); the orchestration is written once here. A Spark driver would
implement ``map_frames`` with ``mapInArrow`` and leave the rest untouched.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar, final

import polars as pl

from giamngheo.analytics.classify import classify_lazy
from giamngheo.analytics.mpi import MpiSpec, mpi_finish, mpi_merge, mpi_partial_sums
from giamngheo.domain.model import Standard

Kernel = Callable[[pl.LazyFrame], pl.LazyFrame]


class Driver(ABC):
    """Base class: ``map_frames`` is the only hook."""

    name: ClassVar[str]
    supports_partitions: ClassVar[bool] = False

    @abstractmethod
    def map_frames(self, kernel: Kernel) -> pl.LazyFrame:
        """Apply ``kernel`` to every partition and concatenate the results."""

    @final
    def classify(self, standards: Sequence[Standard]) -> pl.LazyFrame:
        """Every row with the ``S:`` columns of each standard added."""
        return self.map_frames(lambda lf: classify_lazy(lf, standards))

    @final
    def mpi_sums(self, spec: MpiSpec, by: Sequence[str] = ()) -> pl.LazyFrame:
        """Integer AF sums per group, merged across partitions."""
        return mpi_merge(self.map_frames(lambda lf: mpi_partial_sums(lf, spec, by)), by)

    @final
    def mpi(self, spec: MpiSpec, by: Sequence[str] = ()) -> pl.DataFrame:
        """H, A, M0 and per-indicator measures per group."""
        return mpi_finish(self.mpi_sums(spec, by), spec).collect()


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
