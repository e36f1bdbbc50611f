"""Reads from the registry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

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
    households = dict(
        Household.objects.values_list("province")
        .annotate(n=Count("id"))
        .values_list("province", "n")
    )
    provinces = [
        ProvinceOverview(
            code=p.code,
            name=p.name,
            communes=Commune.objects.filter(province=p).count(),
            villages=Village.objects.filter(commune__province=p).count(),
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
