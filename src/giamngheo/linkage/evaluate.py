"""Pairwise precision and recall of predicted pairs against labelled entities."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True, kw_only=True)
class Accuracy:
    threshold: float
    predicted_pairs: int
    true_pairs: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.true_pairs if self.true_pairs else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "threshold": self.threshold, "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "predicted_pairs": self.predicted_pairs,
            "true_pairs": self.true_pairs, "true_positives": self.true_positives,
        }  # fmt: skip


def true_pair_count(truth: pl.DataFrame) -> int:
    """Pairs of records of the same entity (``record_id``, ``entity_id``)."""
    sizes = truth.group_by("entity_id").len()["len"]
    return int((sizes * (sizes - 1) // 2).sum())


def accuracy(pairs: pl.DataFrame, truth: pl.DataFrame, *, threshold: float) -> Accuracy:
    """Pairs scoring at least ``threshold`` (``match_probability``) judged against truth."""
    kept = pairs.filter(pl.col("match_probability") >= threshold).select(
        "unique_id_l", "unique_id_r"
    )
    labels = truth.select("record_id", "entity_id")
    judged = kept.join(
        labels.rename({"record_id": "unique_id_l", "entity_id": "entity_l"}), on="unique_id_l"
    ).join(labels.rename({"record_id": "unique_id_r", "entity_id": "entity_r"}), on="unique_id_r")
    hits = judged.filter(pl.col("entity_l") == pl.col("entity_r")).height
    return Accuracy(
        threshold=threshold, predicted_pairs=kept.height, true_pairs=true_pair_count(truth),
        true_positives=hits,
    )  # fmt: skip
