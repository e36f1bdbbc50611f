"""CLI: ``giamngheo link`` writes scored pairs and, with ``--clusters``, every record with its
cluster — the same clusters as Splink's own clustering, on the local engine and on Spark; bad
input exits with code 2, names the file, row and column, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import typer
from pyspark.sql import SparkSession
from splink import DuckDBAPI, Linker, SettingsCreator
from typer.testing import CliRunner

from giamngheo.cli import linkage
from giamngheo.linkage.engine import model_load
from giamngheo.linkage.normalise import person_features
from giamngheo.linkage.synthetic import population

runner = CliRunner()
SPARK = ["--engine", "spark", "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=4"]
CLUSTER = ["cluster_id", "record_id"]


def _app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(_commands)  # a group, so that ``link`` stays a subcommand
    linkage.register(app)
    return app


def _commands() -> None:
    """giamngheo"""


def _link(*args: str | Path) -> str:
    result = runner.invoke(_app(), ["link", *(str(a) for a in args)])
    assert result.exit_code == 0, result.output
    return result.output


def _refused(*args: str | Path) -> str:
    result = runner.invoke(_app(), ["link", *(str(a) for a in args)])
    assert result.exit_code == 2, result.output
    return " ".join(result.output.split())


def _people(tmp_path: Path, n: int = 1_000) -> tuple[Path, pl.DataFrame]:
    people, _ = population(n, seed=2)
    people.write_parquet(source := tmp_path / "people.parquet")
    return source, people


def _splink_clusters(people: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """Splink's own clustering (DuckDB) of the shipped model's pairs."""
    model = model_load()
    api = DuckDBAPI()
    table = api.register(person_features(people).collect().to_arrow(), table_name="people")
    linker = Linker(table, SettingsCreator.from_path_or_dict(dict(model["splink"])),
                    log_level=None)  # fmt: skip
    pairs = linker.inference.predict(threshold_match_probability=0.5, warning_mode="never")
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        pairs, threshold_match_probability=threshold
    )
    frame = pl.from_arrow(clustered.as_pyarrow_table())
    assert isinstance(frame, pl.DataFrame)
    return frame.select("cluster_id", pl.col("unique_id").alias("record_id")).sort(CLUSTER)


def test_clusters_are_splinks_connected_components_named_by_the_smallest_record(
    tmp_path: Path,
) -> None:
    source, people = _people(tmp_path)
    output = _link(source, "-o", tmp_path / "pairs.parquet",
                   "--clusters", tmp_path / "clusters.parquet")  # fmt: skip
    clusters = pl.read_parquet(tmp_path / "clusters.parquet")
    assert clusters.columns == CLUSTER
    assert clusters["record_id"].sort().equals(people["record_id"].sort())
    assert clusters.equals(_splink_clusters(people, 0.99))
    together = clusters.group_by("cluster_id").len().filter(pl.col("len") > 1)
    assert together.height > 50
    assert f"{clusters['cluster_id'].n_unique()} nhóm (clusters) của 1.000 bản ghi" in output
    pairs = pl.read_parquet(tmp_path / "pairs.parquet")
    assert pairs["match_probability"].min() >= 0.5  # the pairs are written as before


def test_a_lower_cluster_threshold_joins_more_records(tmp_path: Path) -> None:
    source, people = _people(tmp_path)
    sizes = []
    for cut in ("0.99", "0.5"):
        _link(source, "-o", tmp_path / f"pairs{cut}.parquet", "--clusters",
              tmp_path / f"clusters{cut}.parquet", "--cluster-threshold", cut)  # fmt: skip
        clusters = pl.read_parquet(tmp_path / f"clusters{cut}.parquet")
        assert clusters.equals(_splink_clusters(people, float(cut)))
        sizes.append(clusters["cluster_id"].n_unique())
    assert sizes[1] < sizes[0]


def test_without_clusters_only_pairs_are_written(tmp_path: Path) -> None:
    source, _ = _people(tmp_path, 300)
    output = _link(source, "-o", tmp_path / "pairs.parquet")
    assert "nhóm" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.parquet", "people.parquet"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--clusters", "c.parquet", "--threshold", "0.9", "--cluster-threshold", "0.8"],
         "--cluster-threshold (0.8) phải ≥ --threshold (0.9)"),
        (["--clusters", "pairs.parquet"], "pairs.parquet: tệp nhóm phải khác tệp cặp"),
        (["--clusters", "c.csv"], "c.csv: giamngheo link đọc và ghi Parquet (.parquet)"),
    ],
)  # fmt: skip
def test_bad_cluster_options_exit_2_and_write_nothing(
    tmp_path: Path, options: list[str], message: str
) -> None:
    source, _ = _people(tmp_path, 100)
    named = [str(tmp_path / o) if o.endswith((".parquet", ".csv")) else o for o in options]
    assert message in _refused(source, "-o", tmp_path / "pairs.parquet", *named)
    assert [p.name for p in tmp_path.iterdir()] == ["people.parquet"]


@pytest.mark.parametrize(
    ("record_ids", "message"),
    [
        ([5, 6, 7, 6], "Tệp people.parquet, dòng 3, cột record_id: mã bản ghi bị trùng"),
        ([5, None, 7, 8], "Tệp people.parquet, dòng 3, cột record_id: mã bản ghi để trống"),
    ],
)
def test_an_empty_or_repeated_record_id_is_refused_with_its_row(
    tmp_path: Path, record_ids: list[int | None], message: str
) -> None:
    people, _ = population(4, seed=2)
    ids = pl.Series("record_id", record_ids, dtype=pl.Int64)
    people.with_columns(ids).write_parquet(source := tmp_path / "people.parquet")
    assert message in _refused(source, "-o", tmp_path / "pairs.parquet",
                               "--clusters", tmp_path / "c.parquet")  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["people.parquet"]


@pytest.mark.spark
def test_clusters_on_spark_equal_local(spark: SparkSession, tmp_path: Path) -> None:
    source, _ = _people(tmp_path, 300)
    _link(source, "-o", tmp_path / "pairs.parquet", "--clusters", tmp_path / "local.parquet")
    output = _link(source, "-o", tmp_path / "spark_pairs.parquet",
                   "--clusters", tmp_path / "spark.parquet", *SPARK)  # fmt: skip
    local = pl.read_parquet(tmp_path / "local.parquet")
    remote = pl.read_parquet(tmp_path / "spark.parquet" / "*.parquet").select(CLUSTER)
    assert local["cluster_id"].n_unique() < local.height  # some records were joined
    assert remote.cast(dict.fromkeys(CLUSTER, pl.Int64)).sort(CLUSTER).equals(local)
    assert f"{local['cluster_id'].n_unique()} nhóm (clusters)" in output
