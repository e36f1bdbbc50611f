"""The household list (search, sort, paging, scoped) and the household page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.selectors import communes_visible, villages_visible
from giamngheo.apps.programmes.selectors import household_support_history
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import household_get, household_search, member_views
from giamngheo.apps.standards.selectors import household_classifications
from giamngheo.domain.model import Lang
from giamngheo.web.tables import Column, table_build, table_query, table_render

COLUMNS = [
    Column(label=_("Mã hộ"), sort="code"),
    Column(label=_("Chủ hộ")),
    Column(label=_("Thôn, tổ dân phố"), sort="village"),
    Column(label=_("Xã, phường")),
    Column(label=_("Khu vực")),
]


@login_required
def household_list(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    if not scope.can(Capability.REGISTRY_VIEW):
        raise Http404
    query = table_query(request, default_sort="code")
    commune_id, village_id = _unit_filter(request, "commune"), _unit_filter(request, "village")
    rows = household_search(
        user=request.user, text=query.text, commune_id=commune_id, village_id=village_id,
        sort=query.sort,
    ).prefetch_related("members")  # fmt: skip
    table = table_build(
        rows=rows, columns=COLUMNS, query=query, row_template="web/partials/household_row.html"
    )
    context = {
        "communes": communes_visible(user=request.user) if scope.level in _WIDE else [],
        "villages": _village_choices(request, commune_id, scope.level),
        "commune_id": commune_id,
        "village_id": village_id,
    }
    return table_render(request, "web/households.html", table=table, context=context)


_WIDE = (ScopeLevel.COUNTRY, ScopeLevel.PROVINCE)


def _village_choices(request: HttpRequest, commune_id: int | None, level: str) -> object:
    """Villages to filter by: those of the chosen commune, or of the officer's own commune."""
    villages = villages_visible(user=request.user)
    if commune_id is not None:
        return villages.filter(commune_id=commune_id)
    return villages if level == ScopeLevel.COMMUNE else []


def _unit_filter(request: HttpRequest, name: str) -> int | None:
    value = (request.POST if request.method == "POST" else request.GET).get(name, "")
    return int(value) if value.isdigit() else None


@login_required
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        household = household_get(user=request.user, pk=pk)
    except Household.DoesNotExist:
        raise Http404 from None
    lang: Lang = "en" if (get_language() or "vi").startswith("en") else "vi"
    classifications = household_classifications(household=household, lang=lang)
    context = {
        "household": household,
        "members": member_views(user=request.user, household=household),
        "surveys": household.surveys.order_by("-year", "-surveyed_on"),
        "classifications": classifications,
        "support": household_support_history(user=request.user, household=household),
        "can_edit": scope_of(request.user).can(Capability.REGISTRY_EDIT),
    }
    return render(request, "web/household.html", context)
