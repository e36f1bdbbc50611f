"""Yearly periodic surveys: income, the 12 flags of 2022–2025, dep_waste and the raw facts."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from giamngheo.demo._random import Bools, Floats, Ints
from giamngheo.demo.deprivations import Eligibility, deprivations_choose, race_keys
from giamngheo.demo.facts import FactDraws, fact_draws, facts_frame
from giamngheo.demo.frames import DEP_COLUMNS
from giamngheo.demo.households import HouseholdTable
from giamngheo.demo.members import DAYS_PER_YEAR
from giamngheo.demo.welfare import WelfareDrivers, year_outcome


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberFacts:
    """Member columns the indicators look at (one value per member)."""

    household: Ints
    age_days: Ints  # on the household's last survey date
    dependant: Bools  # receives a social allowance or cannot work
    worker: Bools


def member_facts(members: pl.DataFrame) -> MemberFacts:
    """Extract the member columns that eligibility needs."""
    status = members["work_status"]
    return MemberFacts(
        household=members["household_row"].to_numpy(),
        age_days=members["age_days"].to_numpy(),
        dependant=(members["social_allowance"] | (status == "unable")).to_numpy(),
        worker=(status == "working").to_numpy(),
    )


def eligibility_in(table: HouseholdTable, m: MemberFacts, year_index: int) -> Eligibility:
    """Who lives in each household on its survey date of the given year."""
    n = table.frame.height
    gap = (table.surveyed_on[:, -1] - table.surveyed_on[:, year_index]).astype(np.int64)
    days = m.age_days - gap[m.household]
    age = days / DAYS_PER_YEAR
    present = days >= 0

    def count(mask: Bools) -> Ints:
        return np.bincount(m.household, weights=present & mask, minlength=n).astype(np.int64)

    return Eligibility(
        size=count(present),
        dependants=count((age < 16) | m.dependant),
        child_under_16=count(age < 16) > 0,
        child_3_15=count((age >= 3) & (age < 16)) > 0,
        youth_16_30=count((age >= 16) & (age < 31)) > 0,
        worker=count((age >= 15) & (age < 60) & m.worker) > 0,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SurveyInputs:
    """Everything the yearly surveys are computed from."""

    table: HouseholdTable
    household: WelfareDrivers
    members: MemberFacts
    welfare: Floats  # (households, years)
    score: Floats  # (households, years)


def _year_frame(
    inputs: SurveyInputs, t: int, keys: Floats, draws: FactDraws, rng: np.random.Generator
) -> pl.DataFrame:
    table, h = inputs.table, inputs.household
    year = table.years[t]
    outcome = year_outcome(
        year=year, welfare=inputs.welfare[:, t], score=inputs.score[:, t], urban=h.urban
    )
    eligibility = eligibility_in(table, inputs.members, t)
    flags = deprivations_choose(
        count=outcome.deprivations,
        eligibility=eligibility,
        remote=h.remote,
        urban=h.urban,
        keys=keys,
        rng=rng,
    )
    facts = facts_frame(
        flags=flags,
        columns=DEP_COLUMNS,
        size=eligibility.size,
        urban=h.urban,
        remote=h.remote,
        welfare=outcome.welfare,
        score=outcome.score,
        draws=draws,
    )
    head = pl.DataFrame(
        {
            "household_row": np.arange(h.urban.size),
            "household_code": table.frame["code"],
            "year": np.full(h.urban.size, year, dtype=np.int16),
            "kind": pl.repeat("periodic", h.urban.size, eager=True),
            "surveyed_on": pl.Series(table.surveyed_on[:, t], dtype=pl.Date),
            "income": outcome.income,
            **{name: flags[:, i] for i, name in enumerate(DEP_COLUMNS)},
        }
    )
    return pl.concat([head, facts], how="horizontal")


def surveys_build(inputs: SurveyInputs, rng: np.random.Generator) -> pl.DataFrame:
    """One periodic survey per household and year, sorted by household then year."""
    n = inputs.household.urban.size
    keys = race_keys(n, rng)
    draws = fact_draws(n, rng)
    frames = [_year_frame(inputs, t, keys, draws, rng) for t in range(len(inputs.table.years))]
    years = len(frames)
    household_major = (np.arange(years)[None, :] * n + np.arange(n)[:, None]).ravel()
    return pl.concat(frames)[household_major]
