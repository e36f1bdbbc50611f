"""The progress widget of a background job: a fragment that polls itself while the job is
queued or running (wired as ``cong-viec/<uuid:job_id>/``, name ``web:job-progress``)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.selectors import job_get


@require_safe
@login_required
def job_progress(request: HttpRequest, job_id: uuid.UUID) -> HttpResponse:
    try:
        job = job_get(user=request.user, job_id=job_id)
    except JobRun.DoesNotExist:
        raise Http404 from None
    return render(request, "web/partials/job_progress.html", {"job": job})
