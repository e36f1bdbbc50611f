"""Checks shared by the review services. Every refusal is a ``ValidationError`` whose message
is written for the officer, in the active language (Vietnamese first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.review import dates
from giamngheo.apps.review.models import (
    Posting,
    RecognitionDecision,
    ReviewCampaign,
    ReviewEntry,
    VillageMeeting,
)


def refuse(message: str, params: Mapping[str, Any] | None = None) -> NoReturn:
    raise ValidationError(message % params if params else message)


def day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def not_future(value: dt.date, what: str) -> None:
    if value > dates.today():
        refuse(
            _("%(what)s (%(day)s) không được sau ngày hôm nay."), {"what": what, "day": day(value)}
        )


def within_campaign(campaign: ReviewCampaign, value: dt.date, what: str) -> None:
    if not campaign.opens_on <= value <= campaign.closes_on:
        refuse(
            _("%(what)s (%(day)s) phải trong thời gian của đợt rà soát, từ %(start)s đến %(end)s."),
            {"what": what, "day": day(value), "start": day(campaign.opens_on),
             "end": day(campaign.closes_on)},
        )  # fmt: skip


def entries_in_village(campaign: ReviewCampaign, village: Village) -> QuerySet[ReviewEntry]:
    return ReviewEntry.objects.filter(campaign=campaign, household__village=village)


def entries_in_commune(campaign: ReviewCampaign, commune: Commune) -> QuerySet[ReviewEntry]:
    return ReviewEntry.objects.filter(campaign=campaign, household__village__commune=commune)


def meeting_passed(campaign: ReviewCampaign, village: Village) -> VillageMeeting | None:
    return VillageMeeting.objects.filter(campaign=campaign, village=village, passed=True).first()


def posting_of(campaign: ReviewCampaign, village: Village) -> Posting | None:
    return Posting.objects.filter(campaign=campaign, village=village).first()


def not_decided(campaign: ReviewCampaign, commune: Commune) -> None:
    if RecognitionDecision.objects.filter(campaign=campaign, commune=commune).exists():
        refuse(_("Xã %(commune)s đã có quyết định công nhận cho đợt này."), {"commune": commune})


def not_agreed(campaign: ReviewCampaign, village: Village) -> None:
    """Surveys of a village change only until its meeting agrees them (then: complaints)."""
    if meeting_passed(campaign, village) is not None:
        refuse(
            _("%(village)s đã họp dân thông qua; chỉ sửa kết quả qua phúc tra khiếu nại."),
            {"village": village.name},
        )
