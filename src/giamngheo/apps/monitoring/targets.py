"""Targets: setting them (a scoped, audited service) and reading plan against actual."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.monitoring.choices import TargetMetric
from giamngheo.apps.monitoring.models import (
    StatusAggregate,
    SupportAggregate,
    Target,
    target_unit,
)
from giamngheo.apps.monitoring.selectors import Unit
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.domain.pacing import Pace, expected_by, pace
from giamngheo.domain.transitions import transitions

# Who may assign a target to a unit: the province's officers anywhere in it, a commune's
# officers and chairman to their commune, its villages and households.
_SETTERS = {
    "province": (ScopeLevel.COUNTRY, ScopeLevel.PROVINCE),
    "commune": (ScopeLevel.COUNTRY, ScopeLevel.PROVINCE),
    "village": (ScopeLevel.COUNTRY, ScopeLevel.PROVINCE, ScopeLevel.COMMUNE),
    "household": (ScopeLevel.COUNTRY, ScopeLevel.PROVINCE, ScopeLevel.COMMUNE),
}
_SETTER_CAPABILITIES = (
    Capability.PROGRAMMES_MANAGE, Capability.REVIEW_MANAGE, Capability.REVIEW_APPROVE,
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetProgress:
    target: Target
    actual: int | None
    expected: int | None  # by today at a steady pace (support targets only)
    pace: Pace

    @property
    def percent(self) -> float | None:
        if self.actual is None or not self.target.planned:
            return None
        return round(100 * self.actual / self.target.planned, 1)


def target_set(
    *, actor: Any, unit: Unit, year: int, metric: str, planned: int,
    support_type: str = "", standard_id: str = "", household: Household | None = None,
    note: str = "",
) -> Target:  # fmt: skip
    """Assign (or change) the ``metric`` target of a unit, or of one of its households."""
    level = "household" if household is not None else unit.level
    _allowed(actor, level=level, household=household)
    _check(metric=metric, planned=planned, support_type=support_type, household=household)
    units = _unit_fields(unit)
    with transaction.atomic(durable=True):
        target = Target.objects.filter(
            **units, household=household, year=year, metric=metric, support_type=support_type
        ).first() or Target(**units, household=household, year=year, metric=metric,
                            support_type=support_type)  # fmt: skip
        target.planned, target.standard_id, target.note = planned, standard_id, note
        target.set_by, target.set_at = actor, timezone.now()
        target.level, target.unit_key = target_unit(target)  # before full_clean, not in save()
        audited_save(instance=target, summary=f"Giao chỉ tiêu {metric} năm {year}: {planned}")
    return target


def _allowed(actor: Any, *, level: str, household: Household | None) -> None:
    """Province officers (programmes.manage), commune officers (review.manage) and commune
    chairmen (review.approve) set targets, each for the levels of ``_SETTERS``; a household
    must be in the actor's scope."""
    scope = scope_of(actor)
    if not any(scope.can(c) for c in _SETTER_CAPABILITIES):
        raise PermissionDenied(_("Vai trò của anh/chị không giao được chỉ tiêu."))
    if scope.level not in _SETTERS[level]:
        raise ValidationError(_("Cấp của anh/chị không giao được chỉ tiêu cho cấp này."))
    if household is not None and not scope.holds_village(household.village):
        raise PermissionDenied(_("Ngoài phạm vi được giao."))


def _unit_fields(unit: Unit) -> dict[str, Any]:
    fields: dict[str, Any] = {"province_id": unit.province.pk, "commune_id": None,
                              "village_id": None}  # fmt: skip
    if unit.level == "commune":
        fields["commune_id"] = unit.pk
    if unit.level == "village":
        from giamngheo.apps.geo.models import Village

        fields["commune_id"] = Village.objects.get(pk=unit.pk).commune_id
        fields["village_id"] = unit.pk
    return fields


def _check(*, metric: str, planned: int, support_type: str, household: Household | None) -> None:
    if planned < 0:
        raise ValidationError({"planned": _("Chỉ tiêu không được âm.")})
    if metric == TargetMetric.SUPPORTED and household is not None:
        raise ValidationError({"metric": _("Chỉ tiêu của hộ là thoát nghèo.")})
    if support_type and metric != TargetMetric.SUPPORTED:
        raise ValidationError({"support_type": _("Chỉ chỉ tiêu hỗ trợ mới có loại hỗ trợ.")})
    if household is not None and metric != TargetMetric.ESCAPED:
        raise ValidationError({"metric": _("Chỉ tiêu của hộ là thoát nghèo.")})


def targets_progress(
    unit: Unit, *, year: int, today: dt.date | None = None
) -> list[TargetProgress]:
    """The unit's targets for ``year`` (not its households'), plan against actual; the
    unit's aggregate rows are read once for all of them."""
    today = today or timezone.localdate()
    targets = list(Target.objects.filter(unit.rows_q(), year=year, household__isnull=True))
    statuses = {
        (r.standard_id, r.year): r
        for r in StatusAggregate.objects.filter(unit.rows_q(), year__in=(year - 1, year))
    }
    supported = dict(
        SupportAggregate.objects.filter(unit.rows_q(), year=year).values_list(
            "support_type", "households"
        )
    )
    return [
        _progress(t, _actual(t, statuses, supported.get(t.support_type, 0)), today) for t in targets
    ]


def households_progress(targets: Sequence[Target], *, today: dt.date) -> list[TargetProgress]:
    """Households' escape targets: 1 when the household escaped poverty in the target's year,
    0 if not, ``None`` before its review of that year (one query for all of them)."""
    rows = SurveyClassification.objects.filter(
        survey__household_id__in=[t.household_id for t in targets],
        standard_id__in={t.standard_id for t in targets},
        survey__year__lte=max((t.year for t in targets), default=0),
    ).order_by("survey__year", "survey__surveyed_on")
    series: dict[tuple[int, str], dict[int, str]] = defaultdict(dict)
    for household, standard, year, status in rows.values_list(
        "survey__household_id", "standard_id", "survey__year", "status"
    ):
        series[(household, standard)][year] = status
    return [
        _progress(t, _escaped(series[(t.household_id or 0, t.standard_id)], t.year), today)
        for t in targets
    ]


def _progress(target: Target, actual: int | None, today: dt.date) -> TargetProgress:
    continuous = target.metric == TargetMetric.SUPPORTED
    expected = expected_by(target.planned, target.year, today) if continuous else None
    return TargetProgress(
        target=target, actual=actual, expected=expected,
        pace=pace(planned=target.planned, actual=actual, year=target.year, today=today,
                  continuous=continuous),
    )  # fmt: skip


def _actual(
    target: Target, statuses: dict[tuple[str, int], StatusAggregate], supported: int
) -> int | None:
    if target.metric == TargetMetric.SUPPORTED:
        return supported
    now = statuses.get((target.standard_id, target.year))
    if now is None:
        return None
    if target.metric == TargetMetric.ESCAPED:
        return now.escaped
    before = statuses.get((target.standard_id, target.year - 1))
    if before is None or not before.households or not now.households:
        return None
    field = ("poor",) if target.metric == TargetMetric.POOR_RATE_CUT else ("poor", "near_poor")
    rate = lambda r: Fraction(sum(getattr(r, f) for f in field) * 10_000, r.households)  # noqa: E731
    return round(rate(before) - rate(now))


def _escaped(by_year: dict[int, str], year: int) -> int | None:
    if year not in by_year:
        return None
    years = sorted(y for y in by_year if y <= year)
    changes = transitions([by_year[y] for y in years])  # type: ignore[misc]
    return int(changes[-1] == "escaped")
