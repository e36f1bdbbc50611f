"""A village's page in a campaign: the listed households with their proposed status and
change, and the forms of the steps (written request, meeting, posting, complaint); the
survey form of one household and the re-check of a complaint."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.registry.models import Household
from giamngheo.apps.review import selectors, services
from giamngheo.apps.review.models import ReviewCampaign, ReviewEntry
from giamngheo.apps.review.selectors import complaint_overdue
from giamngheo.domain.standards import standard_get
from giamngheo.web.pages.review.forms import (
    ComplaintForm,
    MeetingForm,
    PostingForm,
    RecheckForm,
    RequestForm,
    SurveyForm,
)
from giamngheo.web.pages.review.support import attempt, found

STEP_FORMS = {"de-nghi": RequestForm, "hop-dan": MeetingForm, "niem-yet": PostingForm,
              "khieu-nai": ComplaintForm}  # fmt: skip


@login_required
def village_detail(request: HttpRequest, pk: int, village_id: int) -> HttpResponse:
    user = request.user
    campaign = found(lambda: selectors.campaign_get(user=user, pk=pk))
    village = found(lambda: selectors.village_get(user=user, pk=village_id))
    entries = list(selectors.village_entries(user=user, campaign=campaign, village=village))
    scope = scope_of(user)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    forms = _forms(request, campaign, village, entries, step)
    if step in forms and forms[step].is_valid() and attempt(
        forms[step], lambda: _submit(step, user, campaign, village, forms[step].cleaned_data)
    ):  # fmt: skip
        return redirect(request.path)
    complaints = selectors.complaints_visible(user=user).filter(
        entry__campaign=campaign, entry__household__village=village
    )
    context = {
        "campaign": campaign, "village": village, "entries": entries, "forms": forms,
        "meetings": selectors.meetings_of(user=user, campaign=campaign, village=village),
        "posting": selectors.posting_for(campaign=campaign, village=village),
        "complaints": [(c, complaint_overdue(c)) for c in complaints],
        "manage": scope.can(Capability.REVIEW_MANAGE), "lists": scope.can(Capability.REVIEW_LIST),
    }  # fmt: skip
    return render(request, "web/review/village.html", context)


def _forms(
    request: HttpRequest, campaign: ReviewCampaign, village: Any, entries: list[ReviewEntry],
    step: str,
) -> dict[str, Any]:  # fmt: skip
    def data(name: str) -> Any:
        return request.POST if step == name else None

    listed = {e.household_id for e in entries}
    households = Household.objects.filter(village=village).exclude(pk__in=listed)
    choices = [(e.pk, f"{e.household.code} — {_head(e)}") for e in entries]
    return {
        "de-nghi": RequestForm(data("de-nghi"), households=households, prefix="de-nghi"),
        "hop-dan": MeetingForm(data("hop-dan"), prefix="hop-dan"),
        "niem-yet": PostingForm(data("niem-yet"), prefix="niem-yet"),
        "khieu-nai": ComplaintForm(data("khieu-nai"), entries=choices, prefix="khieu-nai"),
    }


def _head(entry: ReviewEntry) -> str:
    heads = [m.full_name for m in entry.household.members.all() if m.relation == "head"]
    return heads[0] if heads else "—"


def _submit(step: str, user: Any, campaign: ReviewCampaign, village: Any, data: Any) -> object:
    if step == "de-nghi":
        return services.request_receive(actor=user, campaign=campaign, **data)
    if step == "hop-dan":
        return services.meeting_record(actor=user, campaign=campaign, village=village, **data)
    if step == "niem-yet":
        return services.posting_start(actor=user, campaign=campaign, village=village, **data)
    entry = found(lambda: selectors.entry_get(user=user, pk=int(data.pop("entry"))))
    return services.complaint_receive(actor=user, entry=entry, **data)


@login_required
def entry_survey(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = found(lambda: selectors.entry_get(user=request.user, pk=entry_id))
    standard = standard_get(entry.campaign.standard_id)
    form = SurveyForm(request.POST or None, standard=standard, initial=_initial(entry))
    if request.method == "POST" and form.is_valid() and attempt(
        form, lambda: services.entry_survey_record(
            actor=request.user, entry=entry, **form.cleaned_data
        ),
    ):  # fmt: skip
        return redirect(
            "web:review-village", pk=entry.campaign_id, village_id=entry.household.village_id
        )
    title = _("Phiếu rà soát hộ %(code)s") % {"code": entry.household.code}
    return render(request, "web/review/survey.html", {"form": form, "entry": entry,
                                                      "title": title})  # fmt: skip


def _initial(entry: ReviewEntry) -> dict[str, Any]:
    survey = entry.survey
    if survey is None:
        return {}
    fields = ["surveyed_on", "income_vnd", "income_score"]
    fields += [f.attname for f in survey._meta.concrete_fields if f.attname.startswith("dep_")]
    return {f: getattr(survey, f) for f in fields}


@login_required
def complaint_recheck(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = found(lambda: selectors.complaint_get(user=request.user, pk=pk))
    entry = complaint.entry
    standard = standard_get(entry.campaign.standard_id)
    form = RecheckForm(request.POST or None, standard=standard, initial=_initial(entry))
    if request.method == "POST" and form.is_valid() and attempt(
        form, lambda: services.complaint_recheck(
            actor=request.user, complaint=complaint, **form.cleaned_data
        ),
    ):  # fmt: skip
        return redirect(
            "web:review-village", pk=entry.campaign_id, village_id=entry.household.village_id
        )
    title = _("Phúc tra khiếu nại về hộ %(code)s") % {"code": entry.household.code}
    return render(
        request,
        "web/review/survey.html",
        {"form": form, "entry": entry, "complaint": complaint, "title": title},
    )
