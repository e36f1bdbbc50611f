"""The official reports of a province or commune: a page listing them (with the Decision 24
review reports of the unit's campaigns) and the downloads — TT10 Form 01, Form 02 and the
monitoring report as Excel, a commune's summary as PDF.

Downloads need the export capability (or the audit one); without it they are missing (404),
as the ledger export is. The unit must lie in the user's scope (404 otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.monitoring import selectors as s
from giamngheo.apps.monitoring.exports import export_filename
from giamngheo.apps.monitoring.exports.data import (
    EXPORT_LEVELS,
    ReportData,
    export_standard,
    report_data,
    standards_for,
)
from giamngheo.apps.monitoring.exports.pdf import commune_summary_pdf
from giamngheo.apps.monitoring.exports.tt10 import form01_xlsx, form02_xlsx
from giamngheo.apps.monitoring.exports.tt10_report import PERIOD_KINDS, ReportPeriod, report_xlsx
from giamngheo.apps.review.models import ReviewCampaign
from giamngheo.apps.review.selectors import campaigns_visible
from giamngheo.pdf import PdfUnavailableError
from giamngheo.web.pages.monitoring.common import require_view, unit_or_404
from giamngheo.web.pages.monitoring.dashboard import standard_name
from giamngheo.web.pages.programmes.common import lang_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORT_CAPABILITIES = (Capability.EXPORT, Capability.AUDIT_VIEW)
LEVELS: tuple[s.Level, ...] = ("province", "commune", "village")
PERIOD_STEMS = {"6-thang": "TT10_BaoCao6Thang", "ca-nam": "TT10_BaoCaoNam"}


def can_export(request: HttpRequest) -> bool:
    scope = scope_of(request.user)
    return any(scope.can(c) for c in EXPORT_CAPABILITIES)


def _unit(request: HttpRequest, level: str, code: str) -> s.Unit:
    if level not in LEVELS:
        raise Http404
    return unit_or_404(request, level, code)


def report_years(unit: s.Unit) -> list[int]:
    """Years with figures, and the years since up to this one (a report made before the
    year's review counts the latest review before it)."""
    years, _standards = s.years_and_standards(unit)
    if not years:
        return []
    return list(range(years[0], max(years[-1], timezone.localdate().year) + 1))


def _year(request: HttpRequest, unit: s.Unit) -> int:
    years = report_years(unit)
    if not years:
        raise Http404
    asked = request.GET.get("nam", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    data_years, _standards = s.years_and_standards(unit)
    return data_years[-1]


@login_required
@require_safe
def reports_page(request: HttpRequest, level: str, code: str) -> HttpResponse:
    require_view(request)
    unit = _unit(request, level, code)
    context = {"unit": unit, "parents": s.parents(unit), "years": report_years(unit),
               "exportable": unit.level in EXPORT_LEVELS, "can_export": can_export(request),
               "campaigns": _campaigns(request, unit)}  # fmt: skip
    if context["years"]:
        context |= _choice(request, unit)
    return render(request, "web/monitoring/reports.html", context)


def _choice(request: HttpRequest, unit: s.Unit) -> dict[str, Any]:
    """The year and standard chosen, what could be chosen, and the query naming them."""
    year = _year(request, unit)
    standard = export_standard(unit, year, request.GET.get("chuan", ""))
    params: dict[str, str | int] = {"nam": year} | ({"chuan": standard} if standard else {})
    query = f"?{urlencode(params)}"
    return {
        "year": year, "standard": standard, "query": query,
        "standards": [(i, standard_name(i, lang_of())) for i in standards_for(unit, year)],
        "periods": [ReportPeriod(kind=k, year=year) for k in PERIOD_KINDS],
    }  # fmt: skip


def _campaigns(request: HttpRequest, unit: s.Unit) -> QuerySet[ReviewCampaign]:
    """The review campaigns of the unit's province (their reports are per campaign)."""
    rows = campaigns_visible(user=request.user).filter(province=unit.province)
    return rows.order_by("-year", "-opens_on")


def _data(request: HttpRequest, level: str, code: str) -> ReportData:
    """The figures of an export, once the user may export and the unit is in scope."""
    if not can_export(request) or level not in EXPORT_LEVELS:
        raise Http404
    unit = _unit(request, level, code)
    year = _year(request, unit)
    standard = export_standard(unit, year, request.GET.get("chuan", ""))
    if standard is None:
        raise Http404
    today = timezone.localdate()
    return report_data(user=request.user, unit=unit, year=year, standard_id=standard, today=today)


def _download(body: bytes, name: str, content_type: str = XLSX) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _excel(
    request: HttpRequest, level: str, code: str, stem: str, build: Callable[[ReportData], bytes]
) -> HttpResponse:
    data = _data(request, level, code)
    return _download(build(data), export_filename(stem, data.unit, data.year, "xlsx"))


@login_required
@require_safe
def form01_download(request: HttpRequest, level: str, code: str) -> HttpResponse:
    return _excel(request, level, code, "TT10_Bieu01", form01_xlsx)


@login_required
@require_safe
def form02_download(request: HttpRequest, level: str, code: str) -> HttpResponse:
    return _excel(request, level, code, "TT10_Bieu02", form02_xlsx)


@login_required
@require_safe
def report_download(request: HttpRequest, level: str, code: str) -> HttpResponse:
    kind = request.GET.get("ky", "ca-nam")
    if kind not in PERIOD_KINDS:
        raise Http404
    data = _data(request, level, code)
    period = ReportPeriod(kind=kind, year=data.year)
    name = export_filename(PERIOD_STEMS[kind], data.unit, data.year, "xlsx")
    return _download(report_xlsx(data, period), name)


@login_required
@require_safe
def pdf_download(request: HttpRequest, level: str, code: str) -> HttpResponse:
    if level != "commune":
        raise Http404
    data = _data(request, level, code)
    try:
        body = commune_summary_pdf(data)
    except PdfUnavailableError as error:
        context = {"unit": data.unit, "library": error.library}
        return render(request, "web/monitoring/pdf_unavailable.html", context, status=503)
    name = export_filename("TomTat", data.unit, data.year, "pdf")
    return _download(body, name, content_type="application/pdf")
