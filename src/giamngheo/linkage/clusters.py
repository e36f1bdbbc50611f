"""Clusters of records that are one person, with ids that stay put as new lists arrive.

New records are grouped by their links to each other (connected components); a group linked
to one existing cluster joins it, a group linked to none gets a new id, and a group linked to
several joins the one it matches best and is reported, because two existing clusters are
never merged without a person deciding. Existing records never change cluster here.

:func:`clusters_table` is the one-off form for a file of records (``giamngheo link
--clusters``): connected components at a threshold, named as Splink names them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import polars as pl

type Edge = tuple[int, int, float]  # (record, record, match weight)


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    clusters: dict[int, int]  # new record -> cluster id
    created: list[int]  # cluster ids made for this batch
    conflicts: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)
    # (new record, the other existing clusters its group also matched)


class _Components:
    def __init__(self, nodes: Iterable[int]) -> None:
        self.parent = {n: n for n in nodes}

    def find(self, node: int) -> int:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for node in sorted(self.parent):
            out.setdefault(self.find(node), []).append(node)
        return out


def clusters_assign(
    *, new: Iterable[int], existing: Mapping[int, int], edges: Iterable[Edge], next_id: int
) -> Assignment:
    """Place ``new`` records given ``existing`` (record → cluster) and scored ``edges``
    above the threshold; fresh cluster ids count up from ``next_id``."""
    components = _Components(new)
    best: dict[int, dict[int, float]] = {}  # new record -> {existing cluster: best weight}
    for a, b, weight in edges:
        if a in components.parent and b in components.parent:
            components.union(a, b)
        elif a in components.parent or b in components.parent:
            record, other = (a, b) if a in components.parent else (b, a)
            if other in existing:
                seen = best.setdefault(record, {})
                cluster = existing[other]
                seen[cluster] = max(weight, seen.get(cluster, float("-inf")))
    return _place(components.groups(), best, next_id)


def _place(
    groups: dict[int, list[int]], best: dict[int, dict[int, float]], next_id: int
) -> Assignment:
    clusters: dict[int, int] = {}
    created: list[int] = []
    conflicts: list[tuple[int, tuple[int, ...]]] = []
    for root in sorted(groups):
        members = groups[root]
        touched: dict[int, float] = {}
        for record in members:
            for cluster, weight in best.get(record, {}).items():
                touched[cluster] = max(weight, touched.get(cluster, float("-inf")))
        if touched:
            target = max(sorted(touched), key=lambda c: touched[c])
            others = tuple(sorted(c for c in touched if c != target))
            if others:
                conflicts.append((root, others))
        else:
            target = next_id
            next_id += 1
            created.append(target)
        clusters.update(dict.fromkeys(members, target))
    return Assignment(clusters=clusters, created=created, conflicts=conflicts)


def clusters_table(record_ids: pl.Series, pairs: pl.DataFrame, *, threshold: float) -> pl.DataFrame:
    """Every record with its cluster: records joined by pairs scoring at least ``threshold``
    (connected components) are one person. A cluster is named by its smallest record id, as
    Splink's ``cluster_pairwise_predictions_at_threshold`` names it, so both engines give the
    same table. Columns ``cluster_id``, ``record_id``, sorted."""
    edges = strong_edges(pairs, threshold=threshold)
    assignment = clusters_assign(new=record_ids.to_list(), existing={}, edges=edges, next_id=0)
    frame = pl.DataFrame(
        {"record_id": list(assignment.clusters), "cluster": list(assignment.clusters.values())},
        schema={"record_id": pl.Int64, "cluster": pl.Int64},
    )
    named = pl.col("record_id").min().over("cluster").alias("cluster_id")
    return frame.select(named, "record_id").sort("cluster_id", "record_id")


def strong_edges(pairs: pl.DataFrame, *, threshold: float) -> list[Edge]:
    """The scored pairs (``unique_id_l``, ``unique_id_r``, ``match_weight``,
    ``match_probability``) at or above ``threshold``, as edges."""
    if pairs.is_empty():
        return []
    strong = pairs.filter(pl.col("match_probability") >= threshold)
    return list(strong.select("unique_id_l", "unique_id_r", "match_weight").iter_rows())
