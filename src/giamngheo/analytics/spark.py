"""The Spark driver: the same Polars kernels on every partition of a Spark DataFrame.

:class:`SparkDriver` fills the one hook of :class:`~giamngheo.analytics.driver.Driver` with
``mapInArrow``: each partition arrives as Arrow record batches, becomes one Polars frame, goes
through the kernel and leaves as Arrow again. Nothing is re-implemented in Spark SQL; Spark
only reads, moves and writes the data. The output schema Spark needs is derived by running the
kernel on an empty frame of the input schema (``collect_schema``), and the types Spark lacks
are widened on the way out (Enum → string, unsigned → the next signed integer).

Small results (MPI partial sums, counts) are collected to this machine and merged there by
the base class; row-wise results (classification) stay distributed and are written by Spark
(:meth:`SparkDriver.sink`).

Requires the ``spark`` extra (``pip install 'giamngheo[spark]'``) and Java 17.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import polars as pl
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema
from pyspark.sql.types import StructType

from giamngheo.analytics.driver import Driver, Kernel

ArrowMap = Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]

# Spark has no Enum and no unsigned integers: what each becomes on the way out.
_WIDER: dict[type[pl.DataType], pl.DataType] = {
    pl.Enum: pl.String(),
    pl.Categorical: pl.String(),
    pl.UInt8: pl.Int16(),
    pl.UInt16: pl.Int32(),
    pl.UInt32: pl.Int64(),
}

SESSION_DEFAULTS: dict[str, str] = {
    "spark.ui.showConsoleProgress": "false",  # no progress bars over the command's output
    "spark.sql.session.timeZone": "UTC",  # timestamps cross Arrow the same on every node
}


def spark_session(master: str | None = None, conf: Mapping[str, str] | None = None) -> SparkSession:
    """The active session, or a new one for ``master`` (``local[2]``, ``yarn``, …).

    Without ``master`` the session takes it from ``spark-submit`` or ``spark-defaults.conf``
    (Spark's own default is ``local[*]``). For a local master the driver's interpreter serves
    the Python workers (``PYSPARK_PYTHON``) and Spark binds to 127.0.0.1 (``SPARK_LOCAL_IP``),
    unless those are already set. Splink's jar of similarity functions is always added, so the
    same session can run linkage.
    """
    from splink.backends.spark import similarity_jar_location  # not imported by the workers

    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName("giamngheo")
    if master is not None:
        builder = builder.master(master)
    settings = {**SESSION_DEFAULTS, "spark.jars": similarity_jar_location(), **(conf or {})}
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkDriver(Driver):
    """A Spark DataFrame; kernels run once per partition through ``mapInArrow``.

    ``prepare`` runs before every kernel on each partition, e.g. the typed casts of the data
    contract (Spark reads Parquet's unsigned flags as wider integers, text stays text).
    """

    name: ClassVar[str] = "spark"
    supports_partitions = True

    def __init__(self, source: DataFrame, *, prepare: Kernel | None = None) -> None:
        self.source = source
        self.prepare = prepare

    def map_frames(self, kernel: Kernel) -> pl.LazyFrame:
        """The kernel on each partition, the results collected here (use for small results)."""
        table = self.map_spark(kernel).toArrow()
        return _polars(table).lazy()

    def map_spark(self, kernel: Kernel) -> DataFrame:
        """The kernel on each partition, as a distributed Spark DataFrame."""
        full = _compatible(kernel if self.prepare is None else _then(self.prepare, kernel))
        schema = output_schema(self.source.schema, full)
        return self.source.mapInArrow(_partition_map(full, to_arrow_schema(schema)), schema)

    def sink(self, kernel: Kernel, target: Path) -> None:
        """Write the kernel's output as a Parquet dataset (a directory of part files)."""
        parquet_write(self.map_spark(kernel), target)


def output_schema(source: StructType, kernel: Kernel) -> StructType:
    """The Spark schema of ``kernel``'s output: the kernel run on an empty input frame."""
    empty = _polars(to_arrow_schema(source).empty_table()).lazy()
    out = pl.DataFrame(schema=kernel(empty).collect_schema())
    return from_arrow_schema(out.to_arrow().schema)


def _then(first: Kernel, second: Kernel) -> Kernel:
    return lambda lf: second(first(lf))


def _compatible(kernel: Kernel) -> Kernel:
    """``kernel`` with its Enum, Categorical and unsigned columns widened for Spark."""

    def widened(lf: pl.LazyFrame) -> pl.LazyFrame:
        out = kernel(lf)
        casts = {
            name: _WIDER[type(dtype)]
            for name, dtype in out.collect_schema().items()
            if type(dtype) in _WIDER
        }
        return out.cast(casts) if casts else out  # type: ignore[arg-type]

    return widened


def _partition_map(kernel: Kernel, schema: pa.Schema) -> ArrowMap:
    """The function Spark runs per partition: Arrow batches → one Polars frame → kernel."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        received = list(batches)
        if not received:
            return
        frame = _polars(pa.Table.from_batches(received)).lazy()
        yield from kernel(frame).collect().to_arrow().cast(schema).to_batches()

    return run


def _polars(table: pa.Table) -> pl.DataFrame:
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def parquet_write(frame: DataFrame, path: Path) -> None:
    """Write ``frame`` as a Parquet dataset (a directory) at ``path``, replacing what is there.

    Spark writes to a hidden sibling that is renamed into place once the job has committed,
    so a failed job leaves the old output (or nothing).
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        frame.write.parquet(str(tmp))
        _remove(path)
        tmp.rename(path)
    finally:
        _remove(tmp)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
