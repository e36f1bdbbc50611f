"""Enrolment as a background job: the page asks for a preview or a commit, the worker runs it
(``giamngheo worker``) and reports its phases, and the job's result holds the counts by
commune, which the enrolment page shows."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from django.db import transaction
from django.tasks import task

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import Progress, job_create, job_run
from giamngheo.apps.programmes.choices import ENROLMENT_JOB_KINDS, AmountUnit
from giamngheo.apps.programmes.models import SupportLevel
from giamngheo.apps.programmes.scope import province_require
from giamngheo.apps.programmes.services.enrolment import (
    EnrolmentPreview,
    enrolment_commit,
    enrolment_preview,
    standards_check,
)
from giamngheo.domain.explain import format_number

type EnrolmentAction = Literal["preview", "commit"]


def enrolment_request(
    *, actor: Any, level: SupportLevel, year: int, action: EnrolmentAction
) -> JobRun:
    """Queue a preview or a commit of the level's enrolment for ``year`` as a job placed in
    the level's province. The scope and the standards the rule reads are checked now, so a
    refusal is shown at once, and again when the job runs; the task is enqueued once the job
    is committed."""
    province_require(actor, Capability.PROGRAMMES_MANAGE, level.province)
    standards_check(level, year)
    verb = "Xem trước ghi danh" if action == "preview" else "Ghi danh"
    with transaction.atomic(durable=True):
        job = job_create(
            actor=actor, kind=ENROLMENT_JOB_KINDS[action], province=level.province,
            label=f"{verb} theo {level.label} ({level.name}), năm {year}"[:255],
        )  # fmt: skip
        args = (str(job.pk), level.pk, year, action)
        transaction.on_commit(lambda: enrolment_task.enqueue(*args))
    return job


@task()
def enrolment_task(job_id: str, level_id: int, year: int, action: str) -> dict[str, Any]:
    """Background form of :func:`enrolment_preview` / :func:`enrolment_commit` for the job
    ``job_id``, run as the user who asked for it (whose scope is checked again)."""
    job = JobRun.objects.select_related("created_by").get(pk=job_id)
    level = SupportLevel.objects.select_related("province", "eligibility").get(pk=level_id)
    chosen: EnrolmentAction = "commit" if action == "commit" else "preview"
    service = enrolment_commit if chosen == "commit" else enrolment_preview

    def work(progress: Progress) -> dict[str, Any]:
        done = service(actor=job.created_by, level=level, year=year, progress=progress)
        return enrolment_result(done, level=level, action=chosen)

    return dict(job_run(job_id=job_id, work=work))


def enrolment_result(
    preview: EnrolmentPreview, *, level: SupportLevel, action: EnrolmentAction
) -> dict[str, Any]:
    """The preview as JSON, with a summary and one line per commune for the progress widget."""
    unit = " đồng" if level.unit == AmountUnit.VND else ""
    amount = f"{format_number(preview.amount)}{unit}"
    if action == "commit":
        summary = f"Đã ghi danh {format_number(preview.new)} hộ theo {preview.level}, {amount}."
    else:
        summary = (
            f"{format_number(preview.households)} hộ đủ điều kiện theo {preview.level}, "
            f"{format_number(preview.new)} hộ chưa ghi danh, {amount}."
        )
    data = asdict(preview) | {"as_of": preview.as_of.isoformat()}
    return data | {
        "action": action, "level_id": level.pk, "unit": level.unit, "summary": summary,
        "details": [
            f"{c.commune}: {format_number(c.households)} hộ, {format_number(c.amount)}{unit}"
            for c in preview.communes
        ],
    }  # fmt: skip
