"""Benchmark: the local engine against Spark local mode on the same 27M-household Parquet file.

Both engines run the same Polars kernels (issue 10). The Spark figures are split into the
session start-up (JVM, ~7 s on this machine) and the work itself, because a cluster pays the
start-up once per job, not per file. Each operation is timed twice: ``pipeline_*`` is what the
CLI does (validate on the driver, compute, write), ``engine_*`` only reads the Parquet file,
computes and writes (the kernels through :class:`LocalDriver` or :class:`SparkDriver`).
The first Spark run of a session also pays for starting the Python workers; every run is
listed. The check compares the outputs in full: households per status, and an
order-independent sum of row hashes over id, status, count and deprived ids of all rows;
the MPI tables must be equal.

    python bench/bench_spark.py [--households 27000000] [--master local[2]]
    python bench/bench_spark.py --households 1000000    # smoke test

The input is written once under ``var/bench/`` (not committed); results go to
``bench/results/spark.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench_classify import STANDARD, synthetic, timings  # the script's folder is on sys.path
from giamngheo.analytics.classify import output_columns
from giamngheo.analytics.driver import Driver, LocalDriver
from giamngheo.analytics.mpi import MpiSpec
from giamngheo.analytics.pipeline import EngineOptions, classify_file, mpi_file

ROOT = Path(__file__).resolve().parent.parent
RUNS = 2  # each Spark run takes minutes on two cores
RESULTS = ROOT / "bench" / "results" / "spark.json"
DATA = ROOT / "var" / "bench"
PROVINCES = 34
SPARK_CONF = {
    "spark.driver.memory": "6g",
    "spark.sql.shuffle.partitions": "4",
    "spark.ui.enabled": "false",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "100000",
}


def households_file(n: int) -> Path:
    """``n`` synthetic households with a ``province`` column, written once."""
    path = DATA / f"households-{n}.parquet"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        province = (pl.int_range(n, dtype=pl.UInt64).hash(7) % PROVINCES).cast(pl.String)
        synthetic(n, with_id=True).with_columns(province=province).write_parquet(path)
    return path


def summary(runs: list[float]) -> dict[str, object]:
    return {"runs_s": runs, "median_s": statistics.median(runs), "best_s": min(runs)}


def row_digest(path: Path) -> dict[str, int]:
    """Households per status and a sum of row hashes (types made common first)."""
    status, count, deprived = output_columns(STANDARD)
    files = path / "*.parquet" if path.is_dir() else path
    rows = pl.scan_parquet(files).select(
        pl.col("household_id"),
        pl.col(status).cast(pl.String),
        pl.col(count).cast(pl.Int64),
        pl.col(deprived).cast(pl.String),
    )
    digest = rows.select(pl.struct(pl.all()).hash(0).cast(pl.UInt64).sum()).collect().item()
    counts = rows.group_by(status).len().collect()
    return {"rows_hash_sum": int(digest)} | dict(zip(counts[status], counts["len"], strict=True))


def measure(
    name: str, driver: Callable[[], Driver], options: EngineOptions, source: Path, out: Path
) -> dict[str, object]:
    """Pipeline and engine-only timings of classification and MPI for one engine."""
    spec = MpiSpec.for_standard(STANDARD)
    target = out / f"{name}.parquet"

    def timed(fn: Callable[[], object]) -> dict[str, object]:
        return summary(timings(fn, repeat=RUNS))

    result = {
        "pipeline_classify": timed(
            lambda: classify_file(source, [STANDARD], target, engine=options)
        ),
        "engine_classify": timed(
            lambda: driver().classify_to([STANDARD], out / f"{name}-engine.parquet")
        ),
        "pipeline_mpi_by_province": timed(
            lambda: mpi_file(
                source, spec, out / f"{name}-mpi.parquet", by="province", engine=options
            )
        ),
        "engine_mpi_by_province": timed(lambda: driver().mpi_table(spec, by="province")),
    }
    return result | {"digest": row_digest(target)}


def run(n: int, master: str) -> dict[str, object]:
    source = households_file(n)
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        out = Path(tmp)
        local = measure("local", lambda: LocalDriver(pl.scan_parquet(source)), EngineOptions(),
                        source, out)  # fmt: skip
        start = time.perf_counter()
        from giamngheo.analytics.spark import SparkDriver, spark_session

        session = spark_session(master, SPARK_CONF)
        startup = time.perf_counter() - start
        options = EngineOptions(engine="spark", master=master, conf=tuple(SPARK_CONF.items()))
        spark = measure("spark", lambda: SparkDriver(session.read.parquet(str(source))),
                        options, source, out)  # fmt: skip
        partitions = session.read.parquet(str(source)).rdd.getNumPartitions()
        mpi = [pl.read_parquet(out / f"{e}-mpi.parquet") for e in ("local", "spark")]
        session.stop()
    return {
        "households": n,
        "parquet_mb": round(source.stat().st_size / 1e6, 1),
        "spark_master": master,
        "spark_conf": SPARK_CONF,
        "spark_input_partitions": partitions,
        "spark_session_start_s": startup,
        "local": local,
        "spark": spark,
        "ratios_spark_over_local_median": {
            key: spark[key]["median_s"] / local[key]["median_s"]  # type: ignore[index]
            for key in local
            if key != "digest"
        },
        "outputs_agree": local["digest"] == spark["digest"],
        "mpi_tables_equal": mpi[0].equals(mpi[1]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--households", type=int, default=int(os.environ.get("BENCH_HOUSEHOLDS", 27_000_000))
    )
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    import pyspark

    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "polars": pl.__version__,
            "pyspark": pyspark.__version__,
            "load_average_1_5_15_at_start": os.getloadavg(),
        },
        "standard": STANDARD.label,
        **run(args.households, args.master),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
