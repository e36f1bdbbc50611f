"""Opening a campaign, listing the households to review and receiving written requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audit_bulk_record, audited_save
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household, Survey
from giamngheo.apps.review import dates
from giamngheo.apps.review.access import require_in_commune, require_in_province
from giamngheo.apps.review.history import LISTED, statuses_before
from giamngheo.apps.review.models import CampaignKind, EntrySource, ReviewCampaign, ReviewEntry
from giamngheo.apps.review.services.common import day, not_future, refuse
from giamngheo.apps.standards.selectors import standards_applicable

# Opening a campaign is a provincial act: the campaign capability with a province-wide scope
# (provincial officers, system administrators).
CAMPAIGN_OPEN = Capability.REVIEW_CAMPAIGN


@transaction.atomic(durable=True)
def campaign_open(
    *,
    actor: Any,
    province: Province,
    kind: str,
    year: int,
    month: int | None = None,
    standard_id: str | None = None,
) -> ReviewCampaign:
    """Open the periodic review of ``year`` (1 Sep – 14 Dec) or the regular review of
    ``month`` (from the 15th, 15 days), under an applicable standard (default: the national
    income standard)."""
    require_in_province(actor, CAMPAIGN_OPEN, province=province)
    opens_on, closes_on = _window(kind, year, month)
    campaign = ReviewCampaign(
        province=province, year=year, kind=kind, opens_on=opens_on, closes_on=closes_on,
        standard_id=_standard_for(province, year, standard_id),
    )  # fmt: skip
    audited_save(instance=campaign, summary=f"Mở {campaign}")
    return campaign


@dataclass(frozen=True, slots=True)
class RegularOpening:
    """What :func:`regular_campaigns_open_due` did: campaigns opened, provinces that already
    had the month's campaign, and provinces it could not open with the reason."""

    opened: list[ReviewCampaign]
    existing: list[Province]
    refused: list[tuple[Province, str]]


@transaction.atomic(durable=True)
def regular_campaigns_open_due(
    *, on: dt.date, provinces: Sequence[Province] | None = None
) -> RegularOpening:
    """Open the regular review of ``on``'s month in every province that holds households (or
    in ``provinces``), once its window has begun (the 15th).

    The scheduled command (``giamngheo review open-regular``, daily) calls it, not a user:
    the campaigns are audited under the command's label. Running it again the same month
    opens nothing more; before the 15th it opens nothing.
    """
    if on.day < dates.REGULAR_START_DAY:
        return RegularOpening([], [], [])
    opens_on, closes_on = dates.regular_window(on.year, on.month)
    if provinces is None:
        holding = Household.objects.filter(province=OuterRef("pk"))
        provinces = list(Province.objects.filter(Exists(holding)).order_by("code"))
    opened: list[ReviewCampaign] = []
    existing: list[Province] = []
    refused: list[tuple[Province, str]] = []
    month = ReviewCampaign.objects.filter(kind=CampaignKind.REGULAR, opens_on=opens_on)
    have = set(month.values_list("province_id", flat=True))
    for province in provinces:
        if province.pk in have:
            existing.append(province)
            continue
        try:
            standard_id = _standard_for(province, on.year, None)
        except ValidationError as error:
            refused.append((province, " ".join(error.messages)))
            continue
        campaign = ReviewCampaign(
            province=province, year=on.year, kind=CampaignKind.REGULAR, opens_on=opens_on,
            closes_on=closes_on, standard_id=standard_id,
        )  # fmt: skip
        audited_save(instance=campaign, summary=f"Mở theo lịch {campaign}")
        opened.append(campaign)
    return RegularOpening(opened, existing, refused)


def _window(kind: str, year: int, month: int | None) -> tuple[dt.date, dt.date]:
    if kind == CampaignKind.PERIODIC:
        return dates.periodic_window(year)
    if kind != CampaignKind.REGULAR:
        refuse(_("Loại rà soát không hợp lệ."))
    if month is None or not 1 <= month <= 12:
        refuse(_("Rà soát thường xuyên cần tháng (1–12)."))
    return dates.regular_window(year, month)


def _standard_for(province: Province, year: int, standard_id: str | None) -> str:
    applicable = standards_applicable(province=province, year=year)
    if standard_id is None:
        income = [s for s in applicable if s.id.startswith("vn-") and s.measure == "income"]
        if not income:
            refuse(_("Không có chuẩn nghèo nào áp dụng cho năm %(year)s."), {"year": year})
        return income[0].id
    if standard_id not in {s.id for s in applicable}:
        refuse(_("Chuẩn %(id)s không áp dụng cho năm %(year)s."), {"id": standard_id, "year": year})
    return standard_id


@transaction.atomic(durable=True)
def campaign_listing(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    village: Village | None = None,
    commune: Commune | None = None,
) -> int:
    """List every household of the village (or commune) that is on the current poor or
    near-poor list and not yet listed; a survey of the campaign's year and kind already in the
    registry is attached. Returns how many were listed (one audit event for the set)."""
    households = _households_to_list(actor, campaign, village=village, commune=commune)
    before = statuses_before(campaign, households.values("id"))
    listed = [h for h, b in before.items() if b.status in LISTED]
    surveys = _existing_surveys(campaign, listed)
    ReviewEntry.objects.bulk_create(
        ReviewEntry(
            campaign=campaign, household_id=h, source=EntrySource.CURRENT_LIST,
            previous_status=before[h].status or "", survey_id=surveys.get(h),
        )
        for h in listed
    )  # fmt: skip
    unit = village or commune
    assert unit is not None
    audit_bulk_record(
        target_type="review.reviewentry", count=len(listed),
        province_id=campaign.province_id, commune_id=_commune_id(village, commune),
        summary=f"Lập danh sách rà soát {unit.name}: {len(listed)} hộ",
    )  # fmt: skip
    return len(listed)


def _households_to_list(
    actor: Any, campaign: ReviewCampaign, *, village: Village | None, commune: Commune | None
) -> Any:
    if (village is None) == (commune is None):
        raise ValueError("name a village or a commune")
    if village is not None:
        scope_require(actor, Capability.REVIEW_LIST, village=village)
        where = Q(village=village)
    else:
        assert commune is not None
        require_in_commune(actor, Capability.REVIEW_LIST, commune=commune)
        where = Q(village__commune=commune)
    if (village.commune if village else commune).province_id != campaign.province_id:  # type: ignore[union-attr]
        refuse(_("Thôn, xã không thuộc tỉnh của đợt rà soát."))
    listed = ReviewEntry.objects.filter(campaign=campaign, household=OuterRef("pk"))
    return Household.objects.filter(where).exclude(Exists(listed))


def _commune_id(village: Village | None, commune: Commune | None) -> int:
    return village.commune_id if village is not None else commune.pk  # type: ignore[union-attr]


def _existing_surveys(campaign: ReviewCampaign, households: list[int]) -> dict[int, int]:
    if campaign.kind != CampaignKind.PERIODIC or not households:
        return {}
    rows = Survey.objects.filter(year=campaign.year, kind="periodic")
    found: dict[int, int] = {}
    for start in range(0, len(households), 10_000):
        chunk = households[start : start + 10_000]
        found |= dict(rows.filter(household_id__in=chunk).values_list("household_id", "id"))
    return found


@transaction.atomic(durable=True)
def request_receive(
    *,
    actor: Any,
    campaign: ReviewCampaign,
    household: Household,
    received_on: dt.date,
    reason: str,
) -> ReviewEntry:
    """Receive a household's written request (form 01 periodic, 04 regular) and list it."""
    scope_require(actor, Capability.REVIEW_MANAGE, village=household.village)
    if household.province_id != campaign.province_id:
        refuse(_("Hộ không thuộc tỉnh của đợt rà soát."))
    not_future(received_on, _("Ngày nhận giấy đề nghị"))
    if received_on > campaign.closes_on:
        refuse(_("Đợt rà soát đã hết hạn ngày %(day)s."), {"day": day(campaign.closes_on)})
    if ReviewEntry.objects.filter(campaign=campaign, household=household).exists():
        refuse(_("Hộ %(code)s đã có trong danh sách rà soát."), {"code": household.code})
    households = Household.objects.filter(pk=household.pk).values("id")
    before = statuses_before(campaign, households).get(household.pk)
    entry = ReviewEntry(
        campaign=campaign, household=household, source=EntrySource.REQUEST,
        request_form=campaign.request_form, requested_on=received_on, request_reason=reason,
        previous_status=(before.status or "") if before else "",
        survey_id=_existing_surveys(campaign, [household.pk]).get(household.pk),
    )  # fmt: skip
    audited_save(
        instance=entry, summary=f"Nhận giấy đề nghị mẫu {entry.request_form} hộ {household.code}"
    )
    return entry
