"""Training and prediction with Splink 5 on an in-process DuckDB.

A model is a plain dict (Splink's settings with trained m and u values, plus our id and
version); :func:`model_load` reads the one shipped with the package, trained on the seeded
synthetic population (``bench/bench_linkage.py``). Pairs come back as Polars frames with
``unique_id_l < unique_id_r``, ``match_weight``, ``match_probability`` and, per comparison,
the level reached (``gamma_<name>``) and its Bayes factor (``bf_<name>``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import duckdb
import polars as pl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.internals.splink_dataframe import SplinkDataFrame

from giamngheo.linkage.model import MODEL_ID, MODEL_VERSION, TRAINING_BLOCKS, settings_create
from giamngheo.linkage.normalise import person_features

type Model = dict[str, Any]

MODEL_FILE = "model.json"
COMPARISON_NAMES = ("name", "birth", "identity", "place", "sex")


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingOptions:
    u_pairs: float = 1e7
    seed: int = 1
    prior: float = 1e-5
    blocks: tuple[tuple[str, ...], ...] = TRAINING_BLOCKS


def _api(threads: int | None = None) -> DuckDBAPI:
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return DuckDBAPI(connection=con)


def _register(api: DuckDBAPI, people: pl.DataFrame, name: str) -> SplinkDataFrame:
    features = person_features(people).collect()
    return api.register(features.to_arrow(), table_name=name)


def _frame(result: SplinkDataFrame) -> pl.DataFrame:
    frame = pl.from_arrow(result.as_pyarrow_table())
    assert isinstance(frame, pl.DataFrame)
    return frame


def model_train(people: pl.DataFrame, options: TrainingOptions | None = None) -> Model:
    """Estimate u by random sampling and m by EM on the training blocks (unsupervised)."""
    options = options or TrainingOptions()
    api = _api()
    linker = Linker(
        _register(api, people, "people"), settings_create(prior=options.prior), log_level=None
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=options.u_pairs, seed=options.seed)
    for columns in options.blocks:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), estimate_without_term_frequencies=True
        )
    model = linker.misc.save_model_to_json()
    model["linker_uid"] = None
    for comparison in model["comparisons"]:
        _fill_unobserved_u(comparison["comparison_levels"])
    return {"model_id": MODEL_ID, "model_version": MODEL_VERSION, "splink": model}


def _fill_unobserved_u(levels: list[dict[str, Any]]) -> None:
    """A level never seen among random pairs (two different people with the same old ID
    card) gets the smallest u observed in its comparison, not Splink's neutral default."""
    observed = [lv["u_probability"] for lv in levels if lv.get("u_probability")]
    for level in levels:
        if not level.get("is_null_level") and not level.get("u_probability") and observed:
            level["u_probability"] = min(observed)


def model_load() -> Model:
    """The trained model shipped with the package."""
    text = resources.files("giamngheo.linkage").joinpath(MODEL_FILE).read_text("utf-8")
    model: Model = json.loads(text)
    return model


def model_label(model: Model) -> str:
    return f"{model['model_id']}@v{model['model_version']}"


def _settings(model: Model) -> SettingsCreator:
    return SettingsCreator.from_path_or_dict(dict(model["splink"]))


def pairs_predict(people: pl.DataFrame, model: Model, *, threshold: float) -> pl.DataFrame:
    """Every candidate pair within ``people`` scoring at least ``threshold`` (probability)."""
    api = _api()
    linker = Linker(_register(api, people, "people"), _settings(model), log_level=None)
    result = linker.inference.predict(threshold_match_probability=threshold, warning_mode="never")
    return _ordered(_frame(result))


def pairs_predict_new(
    new: pl.DataFrame, existing: pl.DataFrame, model: Model, *, threshold: float
) -> pl.DataFrame:
    """Incremental: pairs among ``new`` and between ``new`` and ``existing``, never among
    ``existing`` (already linked)."""
    api = _api()
    left = _register(api, new, "new_people")
    right = _register(api, existing, "existing_people")
    everyone = _register(api, pl.concat([new, existing], how="diagonal_relaxed"), "people")
    linker = Linker(everyone, _settings(model), log_level=None)
    frames = [
        _frame(linker.inference.predict_within(left, threshold_match_probability=threshold,
                                                warning_mode="never")),
    ]  # fmt: skip
    if existing.height:
        between = linker.inference.predict_between(
            left, right, threshold_match_probability=threshold, warning_mode="never"
        )
        frames.append(_frame(between))
    return _ordered(pl.concat(frames, how="diagonal_relaxed"))


def _ordered(pairs: pl.DataFrame) -> pl.DataFrame:
    """Pairs with the smaller id on the left, one row per pair (the highest score)."""
    if pairs.is_empty():
        return pairs
    swap = pl.col("unique_id_l") > pl.col("unique_id_r")
    return (
        pairs.with_columns(
            pl.when(swap).then("unique_id_r").otherwise("unique_id_l").alias("unique_id_l"),
            pl.when(swap).then("unique_id_l").otherwise("unique_id_r").alias("unique_id_r"),
        )
        .sort("match_weight", descending=True)
        .unique(["unique_id_l", "unique_id_r"], keep="first", maintain_order=True)
    )


def level_labels(model: Model) -> dict[str, list[str]]:
    """Per comparison, the label of each ``gamma`` value (``-1`` = unknown is index 0)."""
    labels: dict[str, list[str]] = {}
    for comparison in model["splink"]["comparisons"]:
        levels = comparison["comparison_levels"]
        ordered = [lv for lv in levels if not lv.get("is_null_level")][::-1]
        labels[comparison["output_column_name"]] = [
            str(lv.get("label_for_charts", "")) for lv in ordered
        ]
    return labels


def explanation(pair: dict[str, Any], labels: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Which fields agreed for one pair row: the level reached and its match weight."""
    rows = []
    for name in COMPARISON_NAMES:
        gamma = pair.get(f"gamma_{name}")
        if gamma is None:
            continue
        weight = pair.get(f"mw_{name}")
        rows.append({
            "field": name, "gamma": int(gamma),
            "level": "unknown" if gamma < 0 else labels[name][int(gamma)],
            "weight": None if weight is None else round(float(weight), 2),
        })  # fmt: skip
    return rows
