"""The generated province as a bundle of eager Polars frames, and the exact schema of each.

The database loader (``giamngheo.apps.registry.loading``) depends on these names and dtypes.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

DEPRIVATIONS_2022: tuple[str, ...] = (
    "employment",
    "dependants",
    "nutrition",
    "health_insurance",
    "adult_education",
    "school_attendance",
    "housing_quality",
    "housing_area",
    "water",
    "latrine",
    "telecom",
    "information_access",
)
"""The 12 indicators of the 2022–2025 standard, in the order of Decree 07/2021/NĐ-CP."""

DEP_COLUMNS: tuple[str, ...] = tuple(f"dep_{name}" for name in DEPRIVATIONS_2022)

WARD_SCHEMA: dict[str, pl.DataType] = {
    "ward_code": pl.Int32(),
    "area": pl.String(),
    "ethnic_minority_mountainous": pl.Boolean(),
    "border": pl.Boolean(),
    "extremely_difficult": pl.Boolean(),
    "poor_commune": pl.Boolean(),
}
VILLAGE_SCHEMA: dict[str, pl.DataType] = {
    "ward_code": pl.Int32(),
    "code": pl.String(),
    "name": pl.String(),
    "remote": pl.Boolean(),
}
HOUSEHOLD_SCHEMA: dict[str, pl.DataType] = {
    "code": pl.String(),
    "village_code": pl.String(),
    "ward_code": pl.Int32(),
    "area": pl.String(),
    "address": pl.String(),
    "ethnicity_code": pl.String(),
}
MEMBER_SCHEMA: dict[str, pl.DataType] = {
    "household_code": pl.String(),
    "member_no": pl.Int16(),
    "full_name": pl.String(),
    "sex": pl.String(),
    "birth_on": pl.Date(),
    "citizen_id": pl.String(),
    "relation": pl.String(),
    "ethnicity_code": pl.String(),
    "disability": pl.Boolean(),
    "social_allowance": pl.Boolean(),
    "schooling": pl.String(),
    "in_school": pl.Boolean(),
    "work_status": pl.String(),
}
SURVEY_SCHEMA: dict[str, pl.DataType] = {
    "household_code": pl.String(),
    "year": pl.Int16(),
    "kind": pl.String(),
    "surveyed_on": pl.Date(),
    "income": pl.Int64(),
    **{column: pl.Boolean() for column in DEP_COLUMNS},
    "dep_waste": pl.Boolean(),
    "wall_material": pl.String(),
    "column_material": pl.String(),
    "roof_material": pl.String(),
    "floor_area_m2": pl.Int32(),
    "water_source": pl.String(),
    "latrine_type": pl.String(),
    "internet_use": pl.Boolean(),
    "devices": pl.String(),
    "waste_handling": pl.String(),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoData:
    """A synthetic province: communes, villages, households, members and yearly surveys."""

    wards: pl.DataFrame
    villages: pl.DataFrame
    households: pl.DataFrame
    members: pl.DataFrame
    surveys: pl.DataFrame


def frame_conform(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Select exactly the schema's columns, in its order, cast to its dtypes."""
    return frame.select(pl.col(name).cast(dtype) for name, dtype in schema.items())
