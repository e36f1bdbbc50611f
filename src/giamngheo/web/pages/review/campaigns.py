"""Campaign list (and opening one), a campaign's progress per commune, and a commune's page:
listing, import, classification, progress per village and the chairman's decision."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.jobs.selectors import job_get, jobs_visible
from giamngheo.apps.review import selectors, services
from giamngheo.apps.review.imports import Layout, errors_xlsx, template_xlsx
from giamngheo.apps.review.services.imports import survey_import_request
from giamngheo.domain.standards import standard_get
from giamngheo.web.pages.review.forms import CampaignForm, DecisionForm, ImportForm
from giamngheo.web.pages.review.support import attempt, found

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    campaigns = selectors.campaigns_visible(user=user)
    scope = scope_of(user)
    can_open = scope.level == ScopeLevel.PROVINCE and scope.can(services.campaigns.CAMPAIGN_OPEN)
    form = CampaignForm(request.POST or None) if can_open else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assert isinstance(user, User)
        assert user.scope_province is not None
        province = user.scope_province
        if attempt(form, lambda: services.campaign_open(
            actor=user, province=province, kind=data["kind"], year=data["year"],
            month=data["month"],
        )):  # fmt: skip
            return redirect("web:review-campaigns")
    return render(request, "web/review/campaigns.html", {"campaigns": campaigns, "form": form})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = found(lambda: selectors.campaign_get(user=request.user, pk=pk))
    progress = selectors.campaign_progress(user=request.user, campaign=campaign)
    own_village = scope_of(request.user).village_id
    context = {"campaign": campaign, "communes": progress, "own_village": own_village}
    return render(request, "web/review/campaign.html", context)


@login_required
def commune_detail(request: HttpRequest, pk: int, commune_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    campaign = found(lambda: selectors.campaign_get(user=user, pk=pk))
    commune = found(lambda: selectors.commune_get(user=user, pk=commune_id))
    scope = scope_of(user)
    decision_form = DecisionForm(request.POST or None) if scope.can(
        Capability.REVIEW_APPROVE
    ) else None  # fmt: skip
    if decision_form is not None and request.method == "POST" and decision_form.is_valid():
        data = decision_form.cleaned_data
        if attempt(decision_form, lambda: services.recognition_approve(
            actor=user, campaign=campaign, commune=commune, number=data["number"],
            signed_on=data["signed_on"],
        )):  # fmt: skip
            return redirect(request.path)
    jobs = jobs_visible(user=user).filter(
        kind__in=["review-import", "review-classify"], commune=commune
    )[:4]
    context = {
        "campaign": campaign, "commune": commune, "jobs": jobs,
        "progress": selectors.village_progress(user=user, campaign=campaign, commune=commune),
        "manage": scope.can(Capability.REVIEW_MANAGE), "decision_form": decision_form,
        "import_form": ImportForm(), "error": request.GET.get("loi", ""),
    }  # fmt: skip
    return render(request, "web/review/commune.html", context)


@require_POST
@login_required
def commune_action(request: HttpRequest, pk: int, commune_id: int, action: str) -> HttpResponse:
    """Listing the commune, classifying it (a job) or importing a file (a job)."""
    user = request.user
    assert isinstance(user, User)
    campaign = found(lambda: selectors.campaign_get(user=user, pk=pk))
    commune = found(lambda: selectors.commune_get(user=user, pk=commune_id))
    form = ImportForm(request.POST, request.FILES)
    calls = {
        "lap-danh-sach": lambda: services.campaign_listing(
            actor=user, campaign=campaign, commune=commune
        ),
        "phan-loai": lambda: services.campaign_classify_request(
            actor=user, campaign=campaign, commune=commune
        ),
        "nhap": lambda: _import(user, campaign, commune, form),
    }
    if action not in calls:
        raise Http404
    target = redirect("web:review-commune", pk=pk, commune_id=commune_id)
    if not attempt(form, calls[action]):
        target["Location"] += "?loi=" + "; ".join(str(e) for e in form.non_field_errors())[:300]
    return target


def _import(user: User, campaign: object, commune: object, form: ImportForm) -> object:
    if not form.is_valid():
        raise ValidationError("Chọn tệp .xlsx hoặc .csv.")
    upload = form.cleaned_data["file"]
    return survey_import_request(
        actor=user, campaign=campaign, commune=commune,  # type: ignore[arg-type]
        name=upload.name, content=upload.read(),
    )  # fmt: skip


@login_required
def import_template(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = found(lambda: selectors.campaign_get(user=request.user, pk=pk))
    content = template_xlsx(Layout(standard=standard_get(campaign.standard_id)))
    response = HttpResponse(content, content_type=XLSX)
    name = f"mau-phieu-ra-soat-{campaign.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_errors(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    try:
        job = job_get(user=request.user, job_id=job_id)
    except ObjectDoesNotExist:
        raise Http404 from None
    errors = job.result.get("errors") if job.kind == "review-import" else None
    if not errors:
        raise Http404
    content = errors_xlsx(errors, total=int(job.result.get("error_total", len(errors))))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="loi-nhap-phieu.xlsx"'
    return response
