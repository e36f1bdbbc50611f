"""The overlap and omission reports, per commune, on the page or as Excel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.selectors import communes_visible
from giamngheo.apps.linkage.exports import omission_xlsx, overlap_xlsx
from giamngheo.apps.linkage.selectors import omission_report, omission_summary, overlap_report
from giamngheo.apps.programmes.selectors import rules_visible
from giamngheo.web.pages.programmes.common import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _int(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def _year(request: HttpRequest) -> int:
    year = _int(request, "year")
    return year if year and 2000 <= year <= 2100 else timezone.localdate().year


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _wants_excel(request: HttpRequest) -> bool:
    return request.GET.get("xlsx") == "1" and scope_of(request.user).can(Capability.EXPORT)


@login_required
def overlaps_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    year, commune = _year(request), _int(request, "commune")
    rows = overlap_report(user=request.user, year=year, commune_id=commune)
    if _wants_excel(request):
        return xlsx_response(overlap_xlsx(rows, year=year), f"trung-lap-{year}.xlsx")
    context = {"rows": rows, "year": year, "commune": commune,
               "communes": communes_visible(user=request.user)}  # fmt: skip
    return render(request, "web/linkage/overlaps.html", context)


@login_required
def omissions_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    year, commune = _year(request), _int(request, "commune")
    rules = rules_visible(user=request.user)
    rule_pk = _int(request, "rule")
    rule = rules.filter(pk=rule_pk).first() if rule_pk else None
    rows = omission_report(user=request.user, year=year, rule=rule, commune_id=commune)
    if _wants_excel(request):
        return xlsx_response(omission_xlsx(rows, year=year), f"bo-sot-{year}.xlsx")
    context = {"rows": rows, "year": year, "commune": commune, "rule": rule, "rules": rules,
               "summary": omission_summary(rows),
               "communes": communes_visible(user=request.user)}  # fmt: skip
    return render(request, "web/linkage/omissions.html", context)
