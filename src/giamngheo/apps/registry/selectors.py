"""Reads from the registry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter, scope_of
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.db.search import search_key

HOUSEHOLD_UNITS = UnitPaths(
    province="province_id", commune="village__commune_id", village="village_id"
)
HOUSEHOLD_SORTS: dict[str, tuple[str, ...]] = {
    "code": ("code",),
    "-code": ("-code",),
    "village": ("village__name", "code"),
    "-village": ("-village__name", "-code"),
    "updated": ("updated_at", "code"),
    "-updated": ("-updated_at", "-code"),
}


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


def households_visible(*, user: Any) -> QuerySet[Household]:
    """Every household inside the user's scope (nothing without the registry capability)."""
    if not scope_of(user).can(Capability.REGISTRY_VIEW):
        return Household.objects.none()
    return scope_filter(Household.objects.all(), user, HOUSEHOLD_UNITS)


def household_get(*, user: Any, pk: int) -> Household:
    """One household in scope; one outside it is reported as missing
    (``Household.DoesNotExist``), never as forbidden, so its existence does not leak."""
    return households_visible(user=user).select_related("village__commune__province").get(pk=pk)


def household_search(
    *,
    user: Any,
    text: str = "",
    commune_id: int | None = None,
    village_id: int | None = None,
    sort: str = "code",
) -> QuerySet[Household]:
    """Households in scope whose code, address or member name contains ``text``, ignoring
    case and diacritics ("dang van" finds "Đặng Văn A"; see :mod:`giamngheo.db.search`),
    in a known order."""
    rows = households_visible(user=user).select_related("village__commune")
    if commune_id is not None:
        rows = rows.filter(village__commune_id=commune_id)
    if village_id is not None:
        rows = rows.filter(village_id=village_id)
    if key := search_key(text.strip()):
        named = Member.objects.filter(household=OuterRef("pk"), name_key__contains=key)
        rows = rows.filter(Q(code_key__contains=key) | Q(address_key__contains=key) | Exists(named))
    return rows.order_by(*HOUSEHOLD_SORTS.get(sort, HOUSEHOLD_SORTS["code"]))


def members_visible(*, user: Any) -> QuerySet[Member]:
    households = households_visible(user=user)
    return Member.objects.filter(household__in=households)


def surveys_visible(*, user: Any) -> QuerySet[Survey]:
    households = households_visible(user=user)
    return Survey.objects.filter(household__in=households)


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberView:
    """A member as a given user may see them: citizen ID and date of birth masked unless the
    role needs them."""

    id: int
    full_name: str
    sex: str
    relation: str
    ethnicity: str
    birth: str
    citizen_id: str
    masked: bool


def member_views(*, user: Any, household: Household) -> list[MemberView]:
    full = scope_of(user).can(Capability.PERSONAL_VIEW)
    return [_member_view(m, full=full) for m in household.members.order_by("id")]


def _member_view(member: Member, *, full: bool) -> MemberView:
    return MemberView(
        id=member.pk,
        full_name=member.full_name,
        sex=member.get_sex_display(),
        relation=member.get_relation_display(),
        ethnicity=member.get_ethnicity_display(),
        birth=member.birth_on.strftime("%d/%m/%Y") if full else f"**/**/{member.birth_on.year}",
        citizen_id=(member.citizen_id or "") if full else citizen_id_mask(member.citizen_id),
        masked=not full,
    )


def citizen_id_mask(citizen_id: str | None) -> str:
    """``001190012345`` → ``*********345`` (empty when there is none)."""
    return f"{'*' * 9}{citizen_id[-3:]}" if citizen_id else ""
