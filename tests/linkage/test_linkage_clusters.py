"""Incremental clustering keeps existing cluster ids."""

from __future__ import annotations

from giamngheo.linkage.clusters import clusters_assign


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
