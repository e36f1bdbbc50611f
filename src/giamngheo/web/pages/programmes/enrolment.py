"""Enrolment from a level's rule, as background jobs: preview the counts by commune, then
commit from the finished preview. Each job shows its progress in a fragment that polls itself
(``ghi-danh/<job>/``) until it ends."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.models import SupportLevel
from giamngheo.apps.programmes.selectors import enrolment_jobs_visible, levels_current
from giamngheo.apps.programmes.services import EnrolmentAction, enrolment_request
from giamngheo.web.pages.programmes.common import require, submitted

RECENT_JOBS = 5


class EnrolmentForm(forms.Form):
    level = forms.ModelChoiceField(label=_("Mức hỗ trợ"), queryset=SupportLevel.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=2021, max_value=2100)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        ids = [lv.pk for lv in levels_current(user=user)]
        self.fields["level"].queryset = SupportLevel.objects.filter(pk__in=ids).order_by("code")  # type: ignore[attr-defined]


@login_required
def enrolment_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    initial = {"year": timezone.localdate().year}
    form = EnrolmentForm(request.POST or None, user=request.user, initial=initial)
    action: EnrolmentAction = "commit" if request.POST.get("action") == "commit" else "preview"
    if submitted(
        request, form, lambda d: enrolment_request(actor=request.user, action=action, **d)
    ):
        return redirect("web:programmes-enrolment")  # the new job heads the list
    jobs = enrolment_jobs_visible(user=request.user)[:RECENT_JOBS]
    return render(request, "web/programmes/enrolment.html", {"form": form, "jobs": jobs})


@require_safe
@login_required
def enrolment_job(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    """One enrolment job's progress; once a preview is done, its counts and the commit."""
    require(request, Capability.PROGRAMMES_MANAGE)
    job = enrolment_jobs_visible(user=request.user).filter(pk=job_id).first()
    if job is None:
        raise Http404
    return render(request, "web/programmes/_enrolment_job.html", {"job": job})
