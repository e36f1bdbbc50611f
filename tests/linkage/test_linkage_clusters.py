"""Incremental clustering keeps existing cluster ids; a file's clusters are named by their
smallest record."""

from __future__ import annotations

import polars as pl

from giamngheo.linkage.clusters import clusters_assign, clusters_table


def test_first_run_groups_connected_records() -> None:
    result = clusters_assign(new=[1, 2, 3, 4], existing={}, edges=[(1, 2, 9.0), (2, 3, 8.0)],
                             next_id=100)  # fmt: skip
    assert result.clusters == {1: 100, 2: 100, 3: 100, 4: 101}
    assert result.created == [100, 101]


def test_new_records_join_existing_clusters_whose_ids_stay() -> None:
    existing = {1: 7, 2: 7, 3: 8}
    result = clusters_assign(new=[10, 11, 12], existing=existing,
                             edges=[(1, 10, 12.0), (10, 11, 9.0)], next_id=9)  # fmt: skip
    assert result.clusters == {10: 7, 11: 7, 12: 9}
    assert result.created == [9]
    assert existing == {1: 7, 2: 7, 3: 8}


def test_a_group_matching_two_clusters_joins_the_best_and_is_reported() -> None:
    result = clusters_assign(new=[10], existing={1: 7, 3: 8},
                             edges=[(1, 10, 5.0), (3, 10, 11.0)], next_id=9)  # fmt: skip
    assert result.clusters == {10: 8}
    assert result.conflicts == [(10, (7,))]
    assert result.created == []


def _pairs(rows: list[tuple[int, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema=["unique_id_l", "unique_id_r", "match_probability"], orient="row"
    ).with_columns(match_weight=pl.col("match_probability") * 10)


def test_a_clusters_table_names_each_cluster_by_its_smallest_record() -> None:
    pairs = _pairs([(30, 40, 0.995), (20, 30, 0.999), (50, 60, 0.7)])
    got = clusters_table(pl.Series([60, 50, 40, 30, 20, 10]), pairs, threshold=0.99)
    assert got.rows() == [(10, 10), (20, 20), (20, 30), (20, 40), (50, 50), (60, 60)]
    assert got.columns == ["cluster_id", "record_id"]
    lower = clusters_table(pl.Series([50, 60]), pairs, threshold=0.5)
    assert lower.rows() == [(50, 50), (50, 60)]


def test_a_clusters_table_without_pairs_has_one_cluster_per_record() -> None:
    got = clusters_table(pl.Series([2, 1]), pl.DataFrame(), threshold=0.99)
    assert got.rows() == [(1, 1), (2, 2)]
