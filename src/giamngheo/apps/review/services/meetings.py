"""The village meeting that agrees the proposed list, and its public posting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audit_bulk_record, audited_save
from giamngheo.apps.geo.models import Village
from giamngheo.apps.review import dates
from giamngheo.apps.review.models import Posting, ReviewCampaign, VillageMeeting
from giamngheo.apps.review.services.common import (
    day,
    entries_in_village,
    meeting_passed,
    not_agreed,
    not_decided,
    not_future,
    posting_of,
    refuse,
    within_campaign,
)

MAX_POSTING_DAYS = 30


@transaction.atomic(durable=True)
def meeting_record(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    village: Village,
    held_on: dt.date,
    attendees: int,
    votes_for: int,
    chaired_by: str,
    notes: str = "",
) -> VillageMeeting:
    """Record the village meeting on the proposed list. It stands when at least half of the
    attendees agree; otherwise the households it discussed (those whose status changes, or
    all when none does) go back to be surveyed again and a new meeting is needed."""
    scope_require(actor, Capability.REVIEW_LIST, village=village)
    not_decided(campaign, village.commune)
    not_agreed(campaign, village)
    _meeting_dates(campaign, village, held_on)
    if attendees < 1:
        refuse(_("Số người dự họp phải ít nhất là 1."))
    if votes_for > attendees:
        refuse(
            _("Số người đồng ý (%(votes)s) lớn hơn số người dự họp (%(attendees)s)."),
            {"votes": votes_for, "attendees": attendees},
        )
    meeting = VillageMeeting(
        campaign=campaign, village=village, held_on=held_on, attendees=attendees,
        votes_for=votes_for, chaired_by=chaired_by, notes=notes,
        passed=2 * votes_for >= attendees,
    )  # fmt: skip
    audited_save(instance=meeting, summary=_meeting_summary(meeting))
    if not meeting.passed:
        _send_back(campaign, village)
    return meeting


def _meeting_dates(campaign: ReviewCampaign, village: Village, held_on: dt.date) -> None:
    not_future(held_on, _("Ngày họp"))
    within_campaign(campaign, held_on, _("Ngày họp"))
    entries = entries_in_village(campaign, village)
    if not entries.exists():
        refuse(_("%(village)s chưa có hộ nào trong danh sách rà soát."), {"village": village.name})
    waiting = entries.filter(proposed_status="").count()
    if waiting:
        refuse(
            _("Chưa thể họp: %(n)s hộ của %(village)s chưa có kết quả phân loại."),
            {"n": waiting, "village": village.name},
        )
    classified = entries.aggregate(at=Max("classified_at"))["at"]
    if held_on < timezone.localdate(classified):
        refuse(
            _("Ngày họp (%(day)s) trước ngày phân loại (%(classified)s)."),
            {"day": day(held_on), "classified": day(timezone.localdate(classified))},
        )


def _meeting_summary(meeting: VillageMeeting) -> str:
    result = "thông qua" if meeting.passed else "không thông qua"
    return (
        f"Họp dân {meeting.village.name} {day(meeting.held_on)}: "
        f"{meeting.votes_for}/{meeting.attendees} đồng ý, {result}"
    )


def _send_back(campaign: ReviewCampaign, village: Village) -> None:
    entries = entries_in_village(campaign, village)
    discussed = entries.exclude(transition="unchanged")
    if not discussed.exists():
        discussed = entries
    count = discussed.update(needs_resurvey=True, proposed_status="", classified_at=None)
    audit_bulk_record(
        target_type="review.reviewentry", count=count, province_id=campaign.province_id,
        commune_id=village.commune_id,
        summary=f"Họp dân {village.name} không đạt: {count} hộ phải rà soát lại",
    )  # fmt: skip


@transaction.atomic(durable=True)
def posting_start(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    village: Village,
    starts_on: dt.date,
    working_days: int = dates.POSTING_DAYS_DEFAULT,
) -> Posting:
    """Post the village's agreed list publicly from ``starts_on`` for ``working_days``."""
    scope_require(actor, Capability.REVIEW_MANAGE, village=village)
    not_decided(campaign, village.commune)
    meeting = meeting_passed(campaign, village)
    if meeting is None:
        refuse(
            _("Chưa thể niêm yết: %(village)s chưa họp dân thông qua."), {"village": village.name}
        )
    if posting_of(campaign, village) is not None:
        refuse(_("%(village)s đã niêm yết kết quả."), {"village": village.name})
    if not 1 <= working_days <= MAX_POSTING_DAYS:
        refuse(
            _("Số ngày niêm yết phải từ 1 đến %(max)s ngày làm việc."), {"max": MAX_POSTING_DAYS}
        )
    not_future(starts_on, _("Ngày bắt đầu niêm yết"))
    within_campaign(campaign, starts_on, _("Ngày bắt đầu niêm yết"))
    if starts_on < meeting.held_on:
        refuse(
            _("Ngày niêm yết (%(day)s) trước ngày họp dân (%(meeting)s)."),
            {"day": day(starts_on), "meeting": day(meeting.held_on)},
        )
    posting = Posting(
        campaign=campaign, village=village, meeting=meeting, starts_on=starts_on,
        working_days=working_days, ends_on=dates.posting_last_day(starts_on, working_days),
    )  # fmt: skip
    audited_save(instance=posting, summary=f"Niêm yết {village.name} từ {day(starts_on)}")
    return posting
