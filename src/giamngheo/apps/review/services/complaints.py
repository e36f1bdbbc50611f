"""Complaints about a posted result and their re-check (phúc tra) with a new survey."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.apps.review import dates
from giamngheo.apps.review.history import Before, statuses_before
from giamngheo.apps.review.models import Complaint, ComplaintOutcome, ReviewEntry
from giamngheo.apps.review.services.common import day, not_decided, not_future, posting_of, refuse
from giamngheo.apps.review.services.surveys import survey_fill
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.domain.model import Area, Status
from giamngheo.domain.rules import Survey as RuleSurvey
from giamngheo.domain.rules import classify_row
from giamngheo.domain.standards import standard_get


@transaction.atomic(durable=True)
def complaint_receive(
    *, actor: Any, entry: ReviewEntry, complainant: str, received_on: dt.date, reason: str
) -> Complaint:
    """Receive a complaint about a household's posted result; the re-check is due within
    3 working days."""
    village = entry.household.village
    scope_require(actor, Capability.REVIEW_MANAGE, village=village)
    campaign = entry.campaign
    not_decided(campaign, village.commune)
    posting = posting_of(campaign, village)
    if posting is None:
        refuse(_("Kết quả của %(village)s chưa được niêm yết."), {"village": village.name})
    not_future(received_on, _("Ngày nhận khiếu nại"))
    if received_on < posting.starts_on:
        refuse(
            _("Ngày nhận khiếu nại (%(day)s) trước ngày niêm yết (%(start)s)."),
            {"day": day(received_on), "start": day(posting.starts_on)},
        )
    if not complainant.strip() or not reason.strip():
        refuse(_("Cần ghi người khiếu nại và nội dung khiếu nại."))
    complaint = Complaint(
        entry=entry, complainant=complainant.strip(), received_on=received_on,
        reason=reason.strip(), due_on=dates.working_days_add(received_on, dates.RECHECK_DAYS),
        status_before=entry.proposed_status,
    )  # fmt: skip
    audited_save(instance=complaint, summary=f"Nhận khiếu nại về hộ {entry.household.code}")
    return complaint


@transaction.atomic(durable=True)
def complaint_recheck(
    *,
    actor: Any,
    complaint: Complaint,
    checked_on: dt.date,
    surveyed_on: dt.date,
    outcome_note: str = "",
    **survey_fields: Any,
) -> Complaint:
    """Re-check a complaint with a new survey of the household: the survey is replaced
    (the audit trail keeps the old values), classified again under the campaign's standard,
    and the entry's proposed status follows. The outcome says whether the result changed."""
    entry = complaint.entry
    village = entry.household.village
    scope_require(actor, Capability.REVIEW_MANAGE, village=village)
    not_decided(entry.campaign, village.commune)
    if not complaint.is_open:
        refuse(_("Khiếu nại này đã được phúc tra."))
    not_future(checked_on, _("Ngày phúc tra"))
    if checked_on < complaint.received_on:
        refuse(
            _("Ngày phúc tra (%(day)s) trước ngày nhận khiếu nại (%(received)s)."),
            {"day": day(checked_on), "received": day(complaint.received_on)},
        )
    survey = survey_fill(entry, surveyed_on=surveyed_on, fields=survey_fields)
    status = _reclassify(entry, survey)
    complaint.checked_on, complaint.status_after = checked_on, status
    complaint.outcome = (
        ComplaintOutcome.KEPT if status == complaint.status_before else ComplaintOutcome.CHANGED
    )
    complaint.outcome_note = outcome_note
    audited_save(instance=complaint, summary=f"Phúc tra khiếu nại hộ {entry.household.code}")
    return complaint


def _reclassify(entry: ReviewEntry, survey: Survey) -> Status:
    """Classify one survey with the rules (the oracle) and store it like the engine does."""
    standard = standard_get(entry.campaign.standard_id)
    income = survey.income_score if standard.measure == "score" else survey.income_vnd
    if income is None:
        refuse(_("Phiếu phúc tra thiếu thu nhập hoặc điểm thu nhập theo chuẩn áp dụng."))
    deprived = [i for i in INDICATOR_IDS if getattr(survey, f"dep_{i}")]
    area = cast(Area, entry.household.area)
    result = classify_row(RuleSurvey.of(area=area, income=income, deprived=deprived), standard)
    SurveyClassification.objects.filter(survey=survey, standard_id=standard.id).delete()
    SurveyClassification.objects.create(
        survey=survey, standard_id=standard.id, standard_version=standard.version,
        status=result.status, deprivations=result.deprivations,
        deprived=result.deprived_joined, classified_at=dates.now(),
    )  # fmt: skip
    households = type(entry.household).objects.filter(pk=entry.household_id).values("id")
    before = statuses_before(entry.campaign, households).get(
        entry.household_id, Before(status=None, ever_poor=False)
    )
    entry.survey, entry.proposed_status = survey, result.status
    entry.transition = before.transition_to(result.status)
    entry.classified_at, entry.needs_resurvey = dates.now(), False
    audited_save(instance=entry, summary=f"Phân loại lại hộ {entry.household.code} sau phúc tra")
    return result.status
