"""Classifying a campaign's surveys in a commune and proposing each listed household's
status, with the change since last year. The set-based classification of the standards app
does the work; this adds the campaign's proposal on top, directly or as a background job."""

from __future__ import annotations

from typing import Any, cast

from django.db import transaction
from django.db.models import Max
from django.tasks import task
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import Progress, job_create, job_run, progress_ignored
from giamngheo.apps.registry.models import Household
from giamngheo.apps.review import dates
from giamngheo.apps.review.access import require_in_commune
from giamngheo.apps.review.history import Before, statuses_before
from giamngheo.apps.review.models import ReviewCampaign, ReviewEntry, VillageMeeting
from giamngheo.apps.review.services.common import entries_in_commune, not_decided, refuse
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.apps.standards.services import CLASSIFY_STEPS, surveys_classify
from giamngheo.domain.model import Status

STEPS = CLASSIFY_STEPS + 1  # the standards app's read, classify, store + the proposal
NEVER_REVIEWED = Before(status=None, ever_poor=False)


def campaign_classify(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    commune: Commune,
    progress: Progress = progress_ignored,
) -> dict[str, Any]:
    """Classify the commune's surveys of the campaign year, then propose a status for every
    listed household with a survey whose village has not agreed its list yet."""
    classify_check(actor, campaign, commune)
    return _classify(campaign, commune, progress)


def classify_check(actor: Any, campaign: ReviewCampaign, commune: Commune) -> None:
    require_in_commune(actor, Capability.REVIEW_MANAGE, commune=commune)
    if commune.province_id != campaign.province_id:
        refuse(_("Xã không thuộc tỉnh của đợt rà soát."))
    not_decided(campaign, commune)
    if not entries_in_commune(campaign, commune).filter(survey__isnull=False).exists():
        refuse(
            _("Chưa có phiếu rà soát nào của xã %(commune)s trong đợt này."), {"commune": commune}
        )


def _classify(campaign: ReviewCampaign, commune: Commune, progress: Progress) -> dict[str, Any]:
    def step(*, done: int, total: int, message: str) -> None:
        progress(done=done, total=STEPS, message=message)

    surveys_classify(year=campaign.year, province=campaign.province, commune=commune, progress=step)
    progress(done=CLASSIFY_STEPS, total=STEPS, message=_("Đang lập danh sách đề xuất"))
    counts = entries_propose(campaign=campaign, commune=commune)
    details = [f"{label}: {n}" for label, n in counts.items()]
    total = sum(counts.values())
    return {"summary": _("Đã đề xuất phân loại cho %(n)s hộ.") % {"n": total}, "details": details}


@transaction.atomic(durable=True)
def entries_propose(*, campaign: ReviewCampaign, commune: Commune) -> dict[str, int]:
    """Set the proposed status and transition of the commune's open entries from the stored
    results of the campaign's standard (newest version). Returns counts per transition."""
    entries = list(_open_entries(campaign, commune))
    results = _results(campaign, [e.survey_id for e in entries if e.survey_id])
    before = statuses_before(campaign, _households_of(campaign, commune))
    now = dates.now()
    changed: list[ReviewEntry] = []
    for entry in entries:
        status = results.get(cast(int, entry.survey_id))
        if status is None:
            continue
        previous = before.get(entry.household_id, NEVER_REVIEWED)
        entry.previous_status = previous.status or ""
        entry.proposed_status = status
        entry.transition = previous.transition_to(status)
        entry.classified_at, entry.needs_resurvey = now, False
        changed.append(entry)
    fields = ["previous_status", "proposed_status", "transition", "classified_at", "needs_resurvey"]
    ReviewEntry.objects.bulk_update(changed, fields, batch_size=2_000)
    audit_bulk_record(
        target_type="review.reviewentry", count=len(changed), province_id=campaign.province_id,
        commune_id=commune.pk, summary=f"Đề xuất phân loại {len(changed)} hộ, {commune.name}",
    )  # fmt: skip
    return _transition_counts(changed)


def _open_entries(campaign: ReviewCampaign, commune: Commune) -> Any:
    agreed = VillageMeeting.objects.filter(campaign=campaign, passed=True).values("village_id")
    return (
        entries_in_commune(campaign, commune)
        .filter(survey__isnull=False)
        .exclude(household__village__in=agreed)
    )


def _households_of(campaign: ReviewCampaign, commune: Commune) -> Any:
    rows = Household.objects.filter(review_entries__campaign=campaign, village__commune=commune)
    return rows.values("id")


def _results(campaign: ReviewCampaign, survey_ids: list[int]) -> dict[int, Status]:
    rows = SurveyClassification.objects.filter(standard_id=campaign.standard_id)
    version = rows.aggregate(v=Max("standard_version"))["v"]
    found: dict[int, Status] = {}
    for start in range(0, len(survey_ids), 10_000):
        chunk = rows.filter(
            survey_id__in=survey_ids[start : start + 10_000], standard_version=version
        )
        found |= {s: cast(Status, st) for s, st in chunk.values_list("survey_id", "status")}
    return found


def _transition_counts(entries: list[ReviewEntry]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in entries:
        label = entry.get_transition_display()
        counts[label] = counts.get(label, 0) + 1
    return counts


def campaign_classify_request(*, actor: User, campaign: ReviewCampaign, commune: Commune) -> JobRun:
    """Queue :func:`campaign_classify` as a job its requester follows with the progress
    widget; the task is enqueued when the job is committed."""
    classify_check(actor, campaign, commune)
    with transaction.atomic(durable=True):
        job = job_create(
            actor=actor, kind="review-classify", commune=commune,
            label=_("Phân loại đợt rà soát %(year)s, %(commune)s")
            % {"year": campaign.year, "commune": commune.name},
        )  # fmt: skip
        args = (str(job.pk), campaign.pk, commune.code)
        transaction.on_commit(lambda: campaign_classify_task.enqueue(*args))
    return job


@task()
def campaign_classify_task(job_id: str, campaign_id: int, commune_code: str) -> dict[str, Any]:
    def work(progress: Progress) -> dict[str, Any]:
        campaign = ReviewCampaign.objects.select_related("province").get(pk=campaign_id)
        return _classify(campaign, Commune.objects.get(code=commune_code), progress)

    return dict(job_run(job_id=job_id, work=work))
