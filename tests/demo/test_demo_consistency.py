"""The flags of every generated survey agree with the raw facts and with the members."""

from __future__ import annotations

import polars as pl
import pytest

from giamngheo.demo import DemoData, demo_generate

YEARS = range(2021, 2026)
PRECARIOUS = ["unemployed", "informal_no_contract"]
UNSAFE_WATER = ["unprotected_well", "unprotected_spring", "surface_water"]


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_generate(province_code=20, households=6_000, years=YEARS, seed=11)


@pytest.fixture(scope="module")
def present(data: DemoData) -> pl.DataFrame:
    """Members living in the household on each survey date, with their age (days / 365.25)."""
    return (
        data.members.join(
            data.surveys.select("household_code", "year", "surveyed_on"), on="household_code"
        )
        .with_columns(
            ((pl.col("surveyed_on") - pl.col("birth_on")).dt.total_days() / 365.25).alias("age")
        )
        .filter(pl.col("age") >= 0)
    )


def _equivalent(frame: pl.DataFrame, flag: str, fact: pl.Expr) -> None:
    mismatched = frame.filter(pl.col(flag) != fact)
    assert mismatched.height == 0, mismatched.head()


@pytest.mark.parametrize(
    ("flag", "fact"),
    [
        ("dep_housing_quality", pl.sum_horizontal(
            pl.col(f"{part}_material") == "non_durable" for part in ("wall", "column", "roof")
        ) >= 2),
        ("dep_water", pl.col("water_source").is_in(UNSAFE_WATER)),
        ("dep_latrine", pl.col("latrine_type").is_in(["pit_open", "none"])),
        ("dep_telecom", ~pl.col("internet_use")),
        ("dep_information_access", pl.col("devices") == ""),
        ("dep_waste", pl.col("waste_handling") == "dumped"),
    ],
)  # fmt: skip
def test_flag_matches_raw_fact(data: DemoData, flag: str, fact: pl.Expr) -> None:
    _equivalent(data.surveys, flag, fact)


def test_devices_are_known_and_internet_needs_a_smart_device(data: DemoData) -> None:
    devices = data.surveys["devices"].str.split(";").explode()
    assert set(devices.unique().to_list()) <= {"", "tv", "radio", "computer", "smartphone", "phone"}
    online = data.surveys.filter(pl.col("internet_use"))
    assert online["devices"].str.contains("smartphone|computer").all()


def test_housing_area_flag_matches_area_per_member(data: DemoData, present: pl.DataFrame) -> None:
    sizes = present.group_by("household_code", "year").agg(pl.len().alias("size"))
    surveys = data.surveys.join(sizes, on=["household_code", "year"])
    assert surveys.height == data.surveys.height
    _equivalent(surveys, "dep_housing_area", pl.col("floor_area_m2") / pl.col("size") < 8)
    assert (surveys["floor_area_m2"] > 0).all()


def _per_household_year(present: pl.DataFrame) -> pl.DataFrame:
    age = pl.col("age")
    dependant = (age < 16) | pl.col("social_allowance") | (pl.col("work_status") == "unable")
    unqualified = (
        pl.when(age < 18)
        .then(pl.col("schooling").is_in(["none", "primary"]))
        .otherwise(pl.col("schooling").is_in(["none", "primary", "lower_secondary"]))
    )
    working_age = (age >= 15) & (age < 60)
    return present.group_by("household_code", "year").agg(
        (2 * dependant.sum() > pl.len()).alias("many_dependants"),
        (age < 16).any().alias("child_under_16"),
        ((age >= 3) & (age < 16)).any().alias("child_3_15"),
        ((age >= 16) & (age < 31)).any().alias("youth"),
        ((age >= 3) & (age < 16) & ~pl.col("in_school")).any().alias("out_of_school"),
        ((age >= 16) & (age < 31) & ~pl.col("in_school") & unqualified).any().alias("unqualified"),
        (working_age & pl.col("work_status").is_in(PRECARIOUS)).any().alias("precarious"),
    )


def test_dependants_flag_matches_members_every_year(data: DemoData, present: pl.DataFrame) -> None:
    surveys = data.surveys.join(_per_household_year(present), on=["household_code", "year"])
    _equivalent(surveys, "dep_dependants", pl.col("many_dependants"))


def test_member_indicators_need_eligible_members_every_year(
    data: DemoData, present: pl.DataFrame
) -> None:
    surveys = data.surveys.join(_per_household_year(present), on=["household_code", "year"])
    assert surveys.filter(pl.col("dep_nutrition") & ~pl.col("child_under_16")).is_empty()
    assert surveys.filter(pl.col("dep_school_attendance") & ~pl.col("child_3_15")).is_empty()
    assert surveys.filter(pl.col("dep_adult_education") & ~pl.col("youth")).is_empty()


@pytest.mark.parametrize(
    ("flag", "fact"),
    [
        ("dep_school_attendance", "out_of_school"),
        ("dep_adult_education", "unqualified"),
        ("dep_employment", "precarious"),
    ],
)
def test_latest_survey_matches_the_registry(
    data: DemoData, present: pl.DataFrame, flag: str, fact: str
) -> None:
    latest = data.surveys.filter(pl.col("year") == YEARS[-1]).join(
        _per_household_year(present), on=["household_code", "year"]
    )
    assert latest.height == data.households.height
    _equivalent(latest, flag, pl.col(fact))
    assert latest[flag].any()
