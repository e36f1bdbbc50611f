"""The Decision 24 reports of a campaign: which ones it has, and each as an Excel download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from giamngheo.apps.review import selectors
from giamngheo.apps.review.report_xlsx import report_filename, report_xlsx
from giamngheo.apps.review.reports import (
    ReportKind,
    report_due_on,
    report_title,
    reports_for,
    review_report,
)
from giamngheo.web.pages.review.support import found

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SLUGS: dict[str, ReportKind] = {
    "hang-thang": "monthly", "so-bo": "preliminary", "chinh-thuc": "official",
}  # fmt: skip


@login_required
@require_safe
def report_list(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = found(lambda: selectors.campaign_get(user=request.user, pk=pk))
    slug_of = {kind: slug for slug, kind in SLUGS.items()}
    reports = [
        {"slug": slug_of[k], "title": report_title(campaign, k),
         "due_on": report_due_on(campaign, k)}
        for k in reports_for(campaign)
    ]  # fmt: skip
    return render(request, "web/review/reports.html", {"campaign": campaign, "reports": reports})


@login_required
@require_safe
def report_download(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    campaign = found(lambda: selectors.campaign_get(user=request.user, pk=pk))
    kind = SLUGS.get(slug)
    if kind is None or kind not in reports_for(campaign):
        raise Http404
    report = review_report(user=request.user, campaign=campaign, kind=kind)
    response = HttpResponse(report_xlsx(report), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{report_filename(report)}"'
    return response
