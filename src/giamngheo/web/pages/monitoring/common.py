"""What the dashboard and target pages share: who may open them, the unit named in the URL,
and targets formatted for display."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from django.utils.formats import number_format

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.monitoring import selectors as s
from giamngheo.apps.monitoring.choices import Pace, TargetMetric
from giamngheo.apps.monitoring.targets import TargetProgress

VIEW_CAPABILITIES = (Capability.REGISTRY_VIEW, Capability.AUDIT_VIEW)


def require_view(request: HttpRequest) -> None:
    """The dashboards are for roles that see the registry or audit it (404 otherwise)."""
    scope = scope_of(request.user)
    if not any(scope.can(c) for c in VIEW_CAPABILITIES):
        raise Http404


def unit_or_404(request: HttpRequest, level: s.Level, code: str) -> s.Unit:
    try:
        return s.unit_get(user=request.user, level=level, code=code)
    except ObjectDoesNotExist:
        raise Http404 from None


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetLine:
    """A target as shown: numbers formatted (rate cuts in percentage points)."""

    label: str
    household: str  # the household's code for a household target
    planned: str
    actual: str
    expected: str
    percent: float | None
    pace: str
    pace_label: str
    note: str


def target_lines(progress: list[TargetProgress]) -> list[TargetLine]:
    return [_line(p) for p in progress]


def _line(p: TargetProgress) -> TargetLine:
    target = p.target
    label = target.get_metric_display()
    if target.support_type:
        label = f"{label}: {target.get_support_type_display()}"
    rate = TargetMetric(target.metric).is_rate
    household = target.household.code if target.household is not None else ""
    return TargetLine(
        label=label, household=household, planned=_amount(target.planned, rate),
        actual=_amount(p.actual, rate), expected=_amount(p.expected, rate),
        percent=p.percent, pace=p.pace, pace_label=str(Pace(p.pace).label), note=target.note,
    )  # fmt: skip


def _amount(value: int | None, rate: bool) -> str:
    if value is None:
        return ""
    return number_format(value / 100, 2) if rate else number_format(value, 0, force_grouping=True)
