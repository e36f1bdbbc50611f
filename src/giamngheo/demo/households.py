"""Households: where they live, their ethnic group, codes, addresses and survey dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from giamngheo.demo._random import labels
from giamngheo.demo.ethnic_mix import GROUP_CODES, commune_mixes, household_groups

Dates = npt.NDArray[np.datetime64]

SURVEY_WINDOW_DAYS = 105
"""Periodic reviews run from 1 September to 14 December (inclusive): 105 days."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseholdTable:
    """Households in code order. ``frame`` has the public columns plus ``group`` (index into
    ``GROUP_CODES``), ``remote``, ``hardship`` and ``urban``; ``surveyed_on`` is
    ``(households, years)``."""

    frame: pl.DataFrame
    surveyed_on: Dates
    years: tuple[int, ...]


def _allocate(
    villages: pl.DataFrame, households: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    weight = villages["weight"].to_numpy()
    return np.sort(rng.choice(villages.height, size=households, p=weight / weight.sum()))


def _survey_dates(
    commune_row: npt.NDArray[np.int64],
    communes: int,
    years: tuple[int, ...],
    rng: np.random.Generator,
) -> Dates:
    n = commune_row.size
    start = rng.integers(0, SURVEY_WINDOW_DAYS - 35, (communes, len(years)))
    offset = start[commune_row] + rng.integers(0, 35, (n, len(years)))
    first_day = np.array([np.datetime64(dt.date(year, 9, 1), "D") for year in years])
    return first_day[None, :] + offset.astype("timedelta64[D]")


def households_build(
    *,
    wards: pl.DataFrame,
    villages: pl.DataFrame,
    households: int,
    years: tuple[int, ...],
    rng: np.random.Generator,
) -> HouseholdTable:
    """Spread ``households`` over the villages and give each a code, address and group."""
    village_row = _allocate(villages, households, rng)
    ward_row_of_village = (
        villages.select(pl.col("ward_code").rank("dense") - 1)["ward_code"]
        .to_numpy()
        .astype(np.int64)
    )
    commune_row = ward_row_of_village[village_row]
    groups = household_groups(ward_row_of_village, village_row, commune_mixes(wards, rng), rng)
    dates = _survey_dates(commune_row, wards.height, years, rng)
    frame = _frame(wards, villages, village_row, commune_row, groups)
    return HouseholdTable(frame=frame, surveyed_on=dates, years=years)


def _frame(
    wards: pl.DataFrame,
    villages: pl.DataFrame,
    village_row: npt.NDArray[np.int64],
    commune_row: npt.NDArray[np.int64],
    groups: npt.NDArray[np.int64],
) -> pl.DataFrame:
    village = villages.select(
        pl.col("code").alias("village_code"), pl.col("name").alias("village_name"), "remote"
    )[village_row]
    ward = wards.select("ward_code", "ward_name", "area", "hardship")[commune_row]
    frame = pl.concat([village, ward], how="horizontal").with_columns(
        pl.Series("group", groups),
        labels(GROUP_CODES, groups, "ethnicity_code"),
    )
    seq = pl.int_range(1, pl.len() + 1).over("village_code")
    return frame.with_columns(
        pl.concat_str("village_code", pl.lit("-"), seq.cast(pl.String).str.zfill(4)).alias("code"),
        pl.concat_str("village_name", pl.lit(", "), "ward_name").alias("address"),
        (pl.col("area") == "urban").alias("urban"),
    ).drop("village_name", "ward_name")
