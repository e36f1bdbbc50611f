"""Reads from the registry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household, Member, Survey


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvinceOverview:
    code: str
    name: str
    communes: int
    villages: int
    households: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryOverview:
    provinces: list[ProvinceOverview]
    members: int
    surveys: int
    survey_years: list[int]


def registry_overview() -> RegistryOverview:
    """Counts per province that holds households (the home page of a fresh install)."""
    households = _counts(Household.objects.all(), "province")
    communes = _counts(Commune.objects.filter(province__in=households), "province")
    in_use = Village.objects.filter(commune__province__in=households)
    villages = _counts(in_use, "commune__province")
    provinces = [
        ProvinceOverview(
            code=p.code,
            name=p.name,
            communes=communes[p.pk],
            villages=villages.get(p.pk, 0),
            households=households[p.pk],
        )
        for p in Province.objects.filter(pk__in=households).order_by("code")
    ]
    years = Survey.objects.order_by("year").values_list("year", flat=True).distinct()
    return RegistryOverview(
        provinces=provinces,
        members=Member.objects.count(),
        surveys=Survey.objects.count(),
        survey_years=list(years),
    )


def _counts(rows: QuerySet[Any], key: str) -> dict[int, int]:
    """``{key value: row count}`` in one grouped query."""
    return dict(rows.values(key).annotate(n=Count("id")).values_list(key, "n"))
