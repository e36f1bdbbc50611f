"""Unique, well-formed 12-digit citizen IDs for generated people."""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Ints
from giamngheo.domain.citizen_id import PROVINCE_PREFIXES, citizen_id_compose

_SERIAL_STEP = 7919  # prime, coprime with 10**6: rank -> serial is a bijection on 0..999,999


def _prefixes(province_code: int, keys: pl.DataFrame) -> pl.DataFrame:
    """The first six digits for every (sex, birth year) present, from ``citizen_id_compose``."""
    rows = [
        (
            male,
            year,
            citizen_id_compose(
                province_code=province_code,
                sex="male" if male else "female",
                birth_year=year,
                serial=0,
            )[:6],
        )
        for male, year in keys.iter_rows()
    ]
    return pl.DataFrame(rows, schema=["male", "birth_year", "prefix"], orient="row")


def citizen_ids_draw(
    *, province_code: int, male: Bools, birth_year: Ints, has_id: Bools, rng: np.random.Generator
) -> pl.Series:
    """IDs for the people with ``has_id`` (null for the others), unique within the batch.

    Within each (sex, birth year) people are ranked in random order and the rank is spread
    over the six serial digits by a fixed permutation, so serials look scattered.
    """
    prefix_code = province_code if province_code in PROVINCE_PREFIXES else 1
    people = pl.DataFrame(
        {"male": male, "birth_year": birth_year, "has_id": has_id, "key": rng.random(male.size)}
    )
    keys = people.select("male", "birth_year").unique().sort("male", "birth_year")
    offset = pl.Series("offset", rng.integers(0, 10**6, keys.height))
    table = _prefixes(prefix_code, keys).with_columns(offset)
    rank = pl.col("key").rank("ordinal").over("male", "birth_year") - 1
    serial = (rank.cast(pl.Int64) * _SERIAL_STEP + pl.col("offset")) % 10**6
    return (
        people.join(table, on=["male", "birth_year"], how="left", maintain_order="left")
        .select(
            pl.when("has_id")
            .then(pl.concat_str("prefix", serial.cast(pl.String).str.zfill(6)))
            .alias("citizen_id")
        )
        .to_series()
    )
