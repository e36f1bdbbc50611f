"""Loading a generated (demo) province into the registry in one set-based transaction."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.db import transaction
from django.utils import timezone

from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.db.bulk import bulk_insert_frame
from giamngheo.demo import DemoData

_COMMUNE_FLAGS = ["ethnic_minority_mountainous", "border", "extremely_difficult", "poor_commune"]


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadResult:
    villages: int
    households: int
    members: int
    surveys: int


@transaction.atomic(durable=True)
def demo_province_load(*, province: Province, data: DemoData) -> LoadResult:
    """Write villages, households, members and surveys; all or nothing."""
    _communes_flag(province, data.wards)
    village_ids = _villages_insert(province, data.villages)
    household_ids = _households_insert(province, data.households, village_ids)
    members = _members_insert(data.members, household_ids)
    surveys = _surveys_insert(data.surveys, household_ids)
    result = LoadResult(
        villages=village_ids.height,
        households=household_ids.height,
        members=members,
        surveys=surveys,
    )
    audit_bulk_record(
        target_type="registry.household",
        count=result.households,
        province_id=province.pk,
        summary=f"Nạp dữ liệu mẫu {province.name}: {result.households} hộ, {result.surveys} phiếu",
    )
    return result


def _communes_flag(province: Province, wards: pl.DataFrame) -> None:
    communes = {c.code: c for c in Commune.objects.filter(province=province)}
    changed = []
    for row in wards.iter_rows(named=True):
        commune = communes[f"{row['ward_code']:05d}"]
        for flag in _COMMUNE_FLAGS:
            setattr(commune, flag, row[flag])
        changed.append(commune)
    Commune.objects.bulk_update(changed, _COMMUNE_FLAGS)


def _villages_insert(province: Province, villages: pl.DataFrame) -> pl.DataFrame:
    commune_ids = _id_frame(
        Commune.objects.filter(province=province).values_list("code", "id"),
        "commune_code",
        "commune_id",
    ).with_columns(pl.col("commune_code").cast(pl.Int32).alias("ward_code"))
    rows = villages.join(commune_ids, on="ward_code", how="left", validate="m:1")
    bulk_insert_frame(Village, rows.select("commune_id", "code", "name", "remote"))
    return _id_frame(
        Village.objects.filter(commune__province=province).values_list("code", "id"),
        "village_code",
        "village_id",
    )


def _households_insert(
    province: Province, households: pl.DataFrame, village_ids: pl.DataFrame
) -> pl.DataFrame:
    now = timezone.now()
    rows = households.join(village_ids, on="village_code", how="left", validate="m:1").select(
        pl.lit(province.pk).alias("province_id"),
        "code",
        "village_id",
        "address",
        "area",
        pl.lit(now).alias("created_at"),
        pl.lit(now).alias("updated_at"),
    )
    bulk_insert_frame(Household, rows)
    return _id_frame(
        Household.objects.filter(province=province).values_list("code", "id"),
        "household_code",
        "household_id",
    )


def _members_insert(members: pl.DataFrame, household_ids: pl.DataFrame) -> int:
    rows = (
        members.join(household_ids, on="household_code", how="left", validate="m:1")
        .sort("household_id", "member_no")
        .select(
            "household_id",
            "full_name",
            "sex",
            "birth_on",
            "citizen_id",
            "relation",
            pl.col("ethnicity_code").alias("ethnicity"),
            "disability",
            "social_allowance",
            "schooling",
            "in_school",
            "work_status",
        )
    )
    return bulk_insert_frame(Member, rows)


def _surveys_insert(surveys: pl.DataFrame, household_ids: pl.DataFrame) -> int:
    rows = surveys.join(household_ids, on="household_code", how="left", validate="m:1").select(
        "household_id",
        "year",
        "kind",
        "surveyed_on",
        pl.col("income").alias("income_vnd"),
        pl.col("^dep_.*$"),
        "wall_material",
        "column_material",
        "roof_material",
        "floor_area_m2",
        "water_source",
        "latrine_type",
        "internet_use",
        "devices",
        "waste_handling",
        pl.lit(timezone.now()).alias("created_at"),
    )
    return bulk_insert_frame(Survey, rows)


def _id_frame(pairs: object, key: str, value: str) -> pl.DataFrame:
    return pl.DataFrame(list(pairs), schema={key: pl.Utf8, value: pl.Int64}, orient="row")  # type: ignore[call-overload]
