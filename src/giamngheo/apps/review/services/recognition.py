"""The commune chairman's recognition decision: results become the households' current
statuses, each with a history row; the date of escape starts the 36-month windows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audit_bulk_record, audited_save
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.review.access import require_in_commune
from giamngheo.apps.review.history import ESCAPES, LISTED
from giamngheo.apps.review.models import (
    Complaint,
    HouseholdStatus,
    Posting,
    RecognitionDecision,
    ReviewCampaign,
    ReviewEntry,
    StatusChange,
)
from giamngheo.apps.review.services.common import (
    day,
    entries_in_commune,
    not_decided,
    not_future,
    refuse,
)


@transaction.atomic(durable=True)
def recognition_approve(
    *, actor: Any, campaign: ReviewCampaign, commune: Commune, number: str, signed_on: dt.date
) -> RecognitionDecision:
    """Approve the commune's results. Refused while any household is unclassified or sent back
    to re-survey, any village has not finished its posting before ``signed_on``, or any
    complaint is still open."""
    require_in_commune(actor, Capability.REVIEW_APPROVE, commune=commune)
    not_decided(campaign, commune)
    entries = list(entries_in_commune(campaign, commune).select_related("household__village"))
    _ready(campaign, commune, entries, signed_on)
    if not number.strip():
        refuse(_("Cần ghi số quyết định."))
    decision = RecognitionDecision(
        campaign=campaign, commune=commune, number=number.strip(), signed_on=signed_on,
        signed_by=actor,
    )  # fmt: skip
    audited_save(instance=decision, summary=f"Quyết định {decision.number}: {len(entries)} hộ")
    _statuses_apply(decision, entries)
    return decision


def _ready(
    campaign: ReviewCampaign, commune: Commune, entries: list[ReviewEntry], signed_on: dt.date
) -> None:
    not_future(signed_on, _("Ngày ký quyết định"))
    if not entries:
        refuse(_("Xã %(commune)s chưa có hộ nào trong đợt rà soát."), {"commune": commune.name})
    waiting = sum(1 for e in entries if not e.proposed_status)
    if waiting:
        refuse(_("Còn %(n)s hộ chưa có kết quả phân loại được thông qua."), {"n": waiting})
    for village in {e.household.village for e in entries}:
        _posting_over(campaign, village, signed_on)
    open_complaints = Complaint.objects.filter(
        entry__in=[e.pk for e in entries], checked_on__isnull=True
    ).count()
    if open_complaints:
        refuse(_("Còn %(n)s khiếu nại chưa phúc tra."), {"n": open_complaints})


def _posting_over(campaign: ReviewCampaign, village: Village, signed_on: dt.date) -> None:
    posting = Posting.objects.filter(campaign=campaign, village=village).first()
    if posting is None:
        refuse(_("%(village)s chưa niêm yết kết quả."), {"village": village.name})
    if signed_on <= posting.ends_on:
        refuse(
            _("Chưa hết thời gian niêm yết ở %(village)s (đến hết ngày %(end)s)."),
            {"village": village.name, "end": day(posting.ends_on)},
        )


def _statuses_apply(decision: RecognitionDecision, entries: list[ReviewEntry]) -> None:
    current = {
        s.household_id: s
        for s in HouseholdStatus.objects.filter(household__in=[e.household_id for e in entries])
    }
    rows = [_status_row(decision, e, current.get(e.household_id)) for e in entries]
    HouseholdStatus.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["household"],
        update_fields=["status", "since_on", "escaped_on", "ever_poor", "decision"],
    )  # fmt: skip
    StatusChange.objects.bulk_create(_change(decision, e) for e in entries)
    commune = decision.commune
    audit_bulk_record(
        target_type="review.householdstatus", count=len(rows), province_id=commune.province_id,
        commune_id=commune.pk,
        summary=f"Công nhận theo quyết định {decision.number}: {len(rows)} hộ",
    )  # fmt: skip


def _status_row(
    decision: RecognitionDecision, entry: ReviewEntry, old: HouseholdStatus | None
) -> HouseholdStatus:
    status, signed = entry.proposed_status, decision.signed_on
    changed = old is None or old.status != status
    escaped_on = signed if entry.transition in ESCAPES else (old.escaped_on if old else None)
    return HouseholdStatus(
        household_id=entry.household_id, status=status,
        since_on=signed if changed or old is None else old.since_on,
        escaped_on=None if status in LISTED else escaped_on,
        ever_poor=(old is not None and old.ever_poor) or status == "poor"
        or entry.previous_status == "poor",
        decision=decision,
    )  # fmt: skip


def _change(decision: RecognitionDecision, entry: ReviewEntry) -> StatusChange:
    return StatusChange(
        household_id=entry.household_id, decision=decision, year=decision.campaign.year,
        decided_on=decision.signed_on, previous_status=entry.previous_status,
        status=entry.proposed_status, transition=entry.transition or "unchanged",
        village=entry.household.village,
    )  # fmt: skip
