"""The shipped model on a small seeded synthetic population, and incremental prediction."""

from __future__ import annotations

import polars as pl

from giamngheo.linkage.engine import (
    explanation,
    level_labels,
    model_label,
    model_load,
    pairs_predict,
    pairs_predict_new,
)
from giamngheo.linkage.evaluate import accuracy
from giamngheo.linkage.synthetic import population


def test_generator_is_seeded_and_labelled() -> None:
    one, lookup = population(2_000, seed=3)
    two, _ = population(2_000, seed=3)
    assert one.equals(two)
    assert one.height == 2_000
    assert one["entity_id"].n_unique() < 2_000
    assert all(code.startswith("L") for code in lookup)


def test_shipped_model_links_a_synthetic_population_accurately() -> None:
    people, _ = population(5_000, seed=7)
    model = model_load()
    pairs = pairs_predict(people, model, threshold=0.5)
    result = accuracy(pairs, people, threshold=0.9)
    assert model_label(model) == "vn-person@v1"
    assert result.precision >= 0.97
    assert result.recall >= 0.93


def test_incremental_prediction_never_pairs_existing_records() -> None:
    people, _ = population(3_000, seed=5)
    existing, new = (
        people.filter(pl.col("record_id") < 2_500),
        people.filter(pl.col("record_id") >= 2_500),
    )
    pairs = pairs_predict_new(new, existing, model_load(), threshold=0.9)
    both_old = pairs.filter((pl.col("unique_id_l") < 2_500) & (pl.col("unique_id_r") < 2_500))
    assert pairs.height > 0
    assert both_old.is_empty()


def test_explanation_names_the_level_and_weight_of_each_field() -> None:
    people, _ = population(1_000, seed=2)
    model = model_load()
    pairs = pairs_predict(people, model, threshold=0.99)
    why = explanation(pairs.row(0, named=True), level_labels(model))
    assert [w["field"] for w in why] == ["name", "birth", "identity", "place", "sex"]
    assert all(isinstance(w["level"], str) and w["level"] for w in why)
