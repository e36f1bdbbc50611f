"""Make the member registry agree with the latest survey's member-based indicators.

Members start compliant (see :mod:`giamngheo.demo.members`). For each household whose latest
survey is deprived on school attendance, adult education or employment, one eligible member
(on the latest survey date) is changed so that the indicator holds:

- school attendance: a child aged 3–15 is out of school;
- adult education: a person aged 16–30 is out of school without the expected level
  (lower secondary by 16, upper secondary or vocational by 18);
- employment: a person aged 15–59 who works is unemployed or works without a contract.

Ages are in years of 365.25 days on the household's latest survey date. Earlier years'
flags are not reflected in members: the registry holds the people as they are now.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Ints
from giamngheo.demo.members import DAYS_PER_YEAR


def _one_per_household(candidate: Bools, household: Ints, rng: np.random.Generator) -> Bools:
    """Mark one random candidate member per household that has any."""
    index = np.flatnonzero(candidate)
    order = np.lexsort((rng.random(index.size), household[index]))
    _, first = np.unique(household[index][order], return_index=True)
    chosen = np.zeros(candidate.size, dtype=bool)
    chosen[index[order][first]] = True
    return chosen


def members_align(
    members: pl.DataFrame, latest: pl.DataFrame, rng: np.random.Generator
) -> pl.DataFrame:
    """Apply the latest survey's school, adult-education and employment flags to members.

    ``latest`` has one row per household (in household-row order) with the ``dep_*`` flags.
    """
    h = members["household_row"].to_numpy()
    age = members["age_days"].to_numpy() / DAYS_PER_YEAR

    def flagged(name: str) -> Bools:
        return latest[name].to_numpy()[h]

    school = _one_per_household(flagged("dep_school_attendance") & (age >= 3) & (age < 16), h, rng)
    adult = _one_per_household(flagged("dep_adult_education") & (age >= 16) & (age < 31), h, rng)
    members = members.with_columns(
        (pl.col("in_school") & ~pl.Series(school | adult)).alias("in_school"),
        pl.when(pl.Series(adult))
        .then(
            pl.when(pl.Series(age < 18))
            .then(pl.lit("primary"))
            .otherwise(pl.lit("lower_secondary"))
        )
        .otherwise("schooling")
        .alias("schooling"),
        pl.when(
            pl.Series(adult) & (pl.col("work_status") == "student")
            | pl.Series(school & (age >= 15))
        )
        .then(pl.lit("working"))
        .otherwise("work_status")
        .alias("work_status"),
    )
    working = (members["work_status"] == "working").to_numpy()
    employed = _one_per_household(
        flagged("dep_employment") & working & (age >= 15) & (age < 60), h, rng
    )
    informal = rng.random(h.size) < 0.75
    return members.with_columns(
        pl.when(pl.Series(employed & informal))
        .then(pl.lit("informal_no_contract"))
        .when(pl.Series(employed))
        .then(pl.lit("unemployed"))
        .otherwise("work_status")
        .alias("work_status")
    )
