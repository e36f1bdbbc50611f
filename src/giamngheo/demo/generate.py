"""The demo-province generator: ``demo_generate``."""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import rng_streams
from giamngheo.demo.alignment import members_align
from giamngheo.demo.composition import Families, families_draw, people_draw
from giamngheo.demo.frames import (
    HOUSEHOLD_SCHEMA,
    MEMBER_SCHEMA,
    SURVEY_SCHEMA,
    VILLAGE_SCHEMA,
    WARD_SCHEMA,
    DemoData,
    frame_conform,
)
from giamngheo.demo.geography import wards_build
from giamngheo.demo.households import HouseholdTable, households_build
from giamngheo.demo.members import DAYS_PER_YEAR, members_build
from giamngheo.demo.surveys import SurveyInputs, member_facts, surveys_build
from giamngheo.demo.villages import villages_build
from giamngheo.demo.welfare import WelfareDrivers, score_paths, welfare_base, welfare_paths


def demo_generate(*, province_code: int, households: int, years: range, seed: int) -> DemoData:
    """Generate a synthetic province calibrated on Lạng Sơn's poverty path.

    Deterministic for a given seed. Real communes (codes and names) of ``province_code``;
    synthetic villages, households, members and one periodic survey per household and year.

    >>> data = demo_generate(province_code=20, households=500, years=range(2024, 2026), seed=1)
    >>> data.surveys.height
    1000
    """
    if households < 1 or len(years) < 1:
        raise ValueError("households and years must not be empty")
    streams = rng_streams(seed, 8)
    wards = wards_build(province_code, streams[0])
    villages = villages_build(wards, streams[1])
    table = households_build(
        wards=wards, villages=villages, households=households, years=tuple(years), rng=streams[2]
    )
    frame = table.frame
    families = families_draw(frame["group"].to_numpy(), frame["urban"].to_numpy(), streams[3])
    people = people_draw(families, streams[3])
    members = members_build(
        province_code=province_code,
        households=table,
        families=families,
        people=people,
        rng=streams[4],
    )
    surveys = surveys_build(_survey_inputs(table, families, members, streams[5]), streams[6])
    latest = surveys.filter(pl.col("year") == years[-1]).sort("household_row")
    members = members_align(members, latest, streams[7])
    return DemoData(
        wards=frame_conform(wards, WARD_SCHEMA),
        villages=frame_conform(villages, VILLAGE_SCHEMA),
        households=frame_conform(frame, HOUSEHOLD_SCHEMA),
        members=frame_conform(members, MEMBER_SCHEMA),
        surveys=frame_conform(surveys, SURVEY_SCHEMA),
    )


def _household_drivers(
    table: HouseholdTable, families: Families, members: pl.DataFrame
) -> WelfareDrivers:
    per_household = (
        members.group_by("household_row")
        .agg(
            (
                (pl.col("age_days") < 16 * DAYS_PER_YEAR)
                | pl.col("social_allowance")
                | (pl.col("work_status") == "unable")
            )
            .mean()
            .alias("dependant_share"),
            pl.col("disability").any().alias("disabled"),
        )
        .sort("household_row")
    )
    frame = table.frame
    return WelfareDrivers(
        urban=frame["urban"].to_numpy(),
        remote=frame["remote"].to_numpy(),
        hardship=frame["hardship"].to_numpy(),
        group=frame["group"].to_numpy(),
        dependant_share=per_household["dependant_share"].to_numpy(),
        size=families.size,
        disabled=per_household["disabled"].to_numpy(),
    )


def _survey_inputs(
    table: HouseholdTable, families: Families, members: pl.DataFrame, rng: np.random.Generator
) -> SurveyInputs:
    household = _household_drivers(table, families, members)
    welfare = welfare_paths(welfare_base(household, rng), len(table.years), rng)
    return SurveyInputs(
        table=table,
        household=household,
        members=member_facts(members),
        welfare=welfare,
        score=score_paths(household, welfare, rng),
    )
