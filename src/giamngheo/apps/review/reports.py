"""The reports Decision 24/2021/QĐ-TTg asks of a review, within the reader's scope:

- ``monthly``: a regular review's results, sent by the commune chairman by the 5th of the next
  month (regular reviews run February – September);
- ``preliminary``: the periodic review's proposed results (after classification and the
  village meetings, before recognition), by 15 November;
- ``official``: the periodic review's recognised results, by 20 December.

Each counts, per village, commune and in total, the households reviewed, those poor and
near-poor after the review, and each change (escaped, escaped near-poverty, poor → near-poor,
newly poor, newly near-poor, fell back). Recognised figures read the history rows of the
campaign's decisions (transitions through :func:`selectors.transition_counts`); proposed ones
read the campaign's classified entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from giamngheo.apps.geo.models import Village
from giamngheo.apps.review import selectors
from giamngheo.apps.review.models import CampaignKind, ReviewCampaign, Transition

type ReportKind = Literal["monthly", "preliminary", "official"]
REPORT_KINDS: tuple[ReportKind, ...] = ("monthly", "preliminary", "official")
CHANGES: tuple[str, ...] = (
    Transition.ESCAPED, Transition.ESCAPED_NEAR_POOR, Transition.POOR_TO_NEAR_POOR,
    Transition.NEWLY_POOR, Transition.NEWLY_NEAR_POOR, Transition.FELL_BACK,
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    households: int = 0
    poor: int = 0
    near_poor: int = 0
    changes: dict[str, int] = field(default_factory=dict)  # transition → households

    def plus(self, other: Figures) -> Figures:
        keys = set(self.changes) | set(other.changes)
        return Figures(
            households=self.households + other.households, poor=self.poor + other.poor,
            near_poor=self.near_poor + other.near_poor,
            changes={k: self.changes.get(k, 0) + other.changes.get(k, 0) for k in keys},
        )  # fmt: skip

    def change(self, transition: str) -> int:
        return self.changes.get(transition, 0)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportRow:
    level: Literal["total", "commune", "village"]
    code: str
    name: str
    figures: Figures


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewReport:
    campaign: ReviewCampaign
    kind: ReportKind
    title: str
    due_on: dt.date
    rows: list[ReportRow]  # each commune, then its villages; the total last


def reports_for(campaign: ReviewCampaign) -> tuple[ReportKind, ...]:
    """The reports a campaign has: monthly for a regular review, the two others for a
    periodic one."""
    return ("monthly",) if campaign.kind == CampaignKind.REGULAR else ("preliminary", "official")


def report_due_on(campaign: ReviewCampaign, kind: ReportKind) -> dt.date:
    if kind == "preliminary":
        return dt.date(campaign.year, 11, 15)
    if kind == "official":
        return dt.date(campaign.year, 12, 20)
    month = campaign.opens_on.month % 12 + 1
    return dt.date(campaign.opens_on.year + (month == 1), month, 5)


def review_report(*, user: Any, campaign: ReviewCampaign, kind: ReportKind) -> ReviewReport:
    """The report's rows in the user's scope (``ValidationError`` for a report the campaign
    does not have)."""
    if kind not in reports_for(campaign):
        raise ValidationError(_("Đợt rà soát này không có báo cáo đó."))
    per_village = (
        _proposed(user, campaign) if kind == "preliminary" else _recognised(user, campaign)
    )
    return ReviewReport(
        campaign=campaign, kind=kind, title=report_title(campaign, kind),
        due_on=report_due_on(campaign, kind), rows=_rows(per_village),
    )  # fmt: skip


def report_title(campaign: ReviewCampaign, kind: ReportKind) -> str:
    if kind == "monthly":
        return _("Báo cáo kết quả rà soát thường xuyên tháng %(month)s/%(year)s") % {
            "month": campaign.opens_on.month, "year": campaign.opens_on.year,
        }  # fmt: skip
    if kind == "preliminary":
        return _("Báo cáo sơ bộ kết quả rà soát định kỳ năm %(year)s") % {"year": campaign.year}
    return _("Báo cáo chính thức kết quả rà soát định kỳ năm %(year)s") % {"year": campaign.year}


def _recognised(user: Any, campaign: ReviewCampaign) -> dict[int, Figures]:
    rows = selectors.recognised_changes(user=user).filter(decision__campaign=campaign)
    statuses = rows.values_list("village_id", "status").annotate(n=Count("id"))
    changes = selectors.transition_counts(user=user, by="village", campaign=campaign)
    return _figures(statuses, [(c.unit_id, c.transition, c.households) for c in changes])


def _proposed(user: Any, campaign: ReviewCampaign) -> dict[int, Figures]:
    rows = selectors.entries_visible(user=user).filter(campaign=campaign)
    rows = rows.exclude(proposed_status="")
    village = "household__village_id"
    statuses = rows.values_list(village, "proposed_status").annotate(n=Count("id"))
    changes = rows.values_list(village, "transition").annotate(n=Count("id"))
    return _figures(statuses, changes)


def _figures(statuses: Any, changes: Any) -> dict[int, Figures]:
    households: dict[int, int] = defaultdict(int)
    listed: dict[int, dict[str, int]] = defaultdict(dict)
    moved: dict[int, dict[str, int]] = defaultdict(dict)
    for village_id, status, n in statuses:
        households[village_id] += n
        listed[village_id][status] = listed[village_id].get(status, 0) + n
    for village_id, transition, n in changes:
        if transition in CHANGES:
            moved[village_id][transition] = moved[village_id].get(transition, 0) + n
    return {
        v: Figures(
            households=n, poor=listed[v].get("poor", 0), near_poor=listed[v].get("near_poor", 0),
            changes=moved[v],
        )
        for v, n in households.items()
    }  # fmt: skip


def _rows(per_village: dict[int, Figures]) -> list[ReportRow]:
    villages = Village.objects.filter(pk__in=per_village).select_related("commune")
    by_commune: dict[Any, list[Village]] = defaultdict(list)
    for village in villages:
        by_commune[village.commune].append(village)
    rows: list[ReportRow] = []
    total = Figures()
    for commune in sorted(by_commune, key=lambda c: c.code):  # official order
        members = sorted(by_commune[commune], key=lambda v: v.code)
        sums = Figures()
        for village in members:
            sums = sums.plus(per_village[village.pk])
        rows.append(ReportRow(level="commune", code=commune.code, name=commune.name, figures=sums))
        rows += [
            ReportRow(level="village", code=v.code, name=v.name, figures=per_village[v.pk])
            for v in members
        ]
        total = total.plus(sums)
    return [*rows, ReportRow(level="total", code="", name=_("Tổng cộng"), figures=total)]
