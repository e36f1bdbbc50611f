"""What the official exports show, gathered once from the dashboard selectors (the aggregate
tables) and the funds reports, so that an export and the dashboard never disagree.

Everything here is an aggregate of a unit: no household, no name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Max, Q, Sum
from django.utils import translation

from giamngheo.apps.funds.selectors import (
    UseKey,
    UseRow,
    disbursements_visible,
    entries_visible,
    use_summary,
)
from giamngheo.apps.monitoring import selectors
from giamngheo.apps.monitoring.comparison import standard_default
from giamngheo.apps.monitoring.models import StatusAggregate
from giamngheo.apps.monitoring.selectors import (
    ChildRow,
    FundsRow,
    Mpi,
    SupportRow,
    Unit,
    YearRates,
)
from giamngheo.apps.monitoring.targets import TargetProgress, targets_progress
from giamngheo.apps.programmes.models import BudgetLine, Project
from giamngheo.domain.standards import StandardNotFoundError, standard_get

type ExportLevel = Literal["province", "commune"]
EXPORT_LEVELS: tuple[ExportLevel, ...] = ("province", "commune")
_USE_KEYS: tuple[UseKey, ...] = ("project", "sub_project")


@dataclass(frozen=True, slots=True, kw_only=True)
class SpendingRow:
    """Money of a project (or one of its sub-projects) in the report's year."""

    level: Literal["project", "sub_project", "other"]
    label: str
    planned_vnd: int | None  # the province's budget lines of the year (province reports only)
    allocated_vnd: int
    disbursed_vnd: int
    delivered_vnd: int  # paid out for support delivered to households

    @property
    def disbursed_share(self) -> float | None:
        return percent(self.disbursed_vnd, self.allocated_vnd)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportData:
    unit: Unit
    year: int
    standard_id: str
    standard_name: str
    trend: list[YearRates]  # the standard's years up to ``year``, oldest first
    children: list[ChildRow]
    mpi: dict[int, Mpi | None]  # by year
    support: list[SupportRow]  # "" first: every type, households counted once
    funds: list[FundsRow]
    targets: list[TargetProgress]
    spending: list[SpendingRow]
    made_on: dt.date

    @property
    def years(self) -> list[int]:
        return [r.year for r in self.trend]

    def at(self, year: int) -> YearRates | None:
        return next((r for r in self.trend if r.year == year), None)


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


def export_standard(unit: Unit, year: int, wanted: str = "") -> str | None:
    """The standard a report of ``year`` counts by: ``wanted`` when the unit has figures
    under it, else the one the dashboards open on (``None``: no figures at all)."""
    found = standards_for(unit, year)
    return wanted if wanted in found else standard_default(found)


def standards_for(unit: Unit, year: int) -> list[str]:
    """Standards with figures in ``year``, or in the latest year before it (a report made
    before the year's review)."""
    rows = StatusAggregate.objects.filter(unit.rows_q(), year__lte=year)
    latest = rows.aggregate(latest=Max("year"))["latest"]
    found = rows.filter(year=latest).values_list("standard_id", flat=True)
    return sorted(set(found))


def report_data(
    *, user: Any, unit: Unit, year: int, standard_id: str, today: dt.date
) -> ReportData:
    """Every figure of the unit's reports for ``year`` under ``standard_id`` (labels in
    Vietnamese whatever the reader's language: the reports are official documents)."""
    with translation.override("vi"):
        return _report_data(user, unit, year, standard_id, today)


def _report_data(user: Any, unit: Unit, year: int, standard_id: str, today: dt.date) -> ReportData:
    trend = [r for r in selectors.trend(unit, [standard_id]) if r.year <= year]
    return ReportData(
        unit=unit, year=year, standard_id=standard_id,
        standard_name=_standard_name(standard_id), trend=trend,
        children=selectors.children(unit, year=year, standard_id=standard_id),
        mpi={r.year: selectors.mpi(unit, year=r.year, standard_id=standard_id) for r in trend},
        support=selectors.support(unit, year=year), funds=selectors.funds(unit, year=year),
        targets=_targets(unit, year, standard_id, today),
        spending=spending(user=user, unit=unit, year=year), made_on=today,
    )  # fmt: skip


def _standard_name(standard_id: str) -> str:
    try:
        return standard_get(standard_id).name.vi
    except StandardNotFoundError:
        return standard_id


def _targets(unit: Unit, year: int, standard_id: str, today: dt.date) -> list[TargetProgress]:
    """The unit's targets of the year that this report's standard can measure."""
    rows = targets_progress(unit, year=year, today=today)
    return [p for p in rows if p.target.standard_id in ("", standard_id)]


# Spending per project and sub-project ---------------------------------------------------------


def _allocations_q(unit: Unit, prefix: str) -> Q:
    """Allocations counted for the unit, as the funds aggregate counts them."""
    if unit.level == "commune":
        return Q(**{f"{prefix}commune_id": unit.pk})
    return Q(**{f"{prefix}source__province_id": unit.province.pk})


def spending(*, user: Any, unit: Unit, year: int) -> list[SpendingRow]:
    """Each project of the province's programmes running in ``year`` (and any project that
    received money that year), followed by its sub-projects; money of allocations outside
    any project last. Reads only the ledger rows the user may see."""
    entries = entries_visible(user=user).filter(
        _allocations_q(unit, "account__allocation__"), account__allocation__year=year
    )
    paid = disbursements_visible(user=user).filter(
        _allocations_q(unit, "allocation__"), allocation__year=year
    )
    uses = {
        by: {r.key: r for r in use_summary(entries=entries, disbursements=paid, by=by)}
        for by in _USE_KEYS
    }
    planned = _planned(unit, year)
    rows: list[SpendingRow] = []
    for project in _projects(unit, year, uses["project"]):
        rows.append(_spending_row("project", str(project), uses["project"].get(project.pk),
                                  planned.get(("p", project.pk))))  # fmt: skip
        for sub in project.sub_projects.all():
            use, plan = uses["sub_project"].get(sub.pk), planned.get(("s", sub.pk))
            rows.append(_spending_row("sub_project", str(sub), use, plan))
    if None in uses["project"]:
        other = uses["project"][None]
        rows.append(_spending_row("other", other.label, other, None))
    return rows


def _projects(unit: Unit, year: int, used: dict[Any, UseRow]) -> list[Project]:
    running = Q(programme__province=unit.province, programme__starts_year__lte=year,
                programme__ends_year__gte=year)  # fmt: skip
    rows = Project.objects.filter(running | Q(pk__in=[k for k in used if k is not None]))
    return list(rows.prefetch_related("sub_projects").order_by("programme_id", "number"))


def _planned(unit: Unit, year: int) -> dict[tuple[str, int], int]:
    """Budget lines of the year per project ("p", id) and sub-project ("s", id); the lines
    are the province's, so a commune's report has none."""
    if unit.level != "province":
        return {}
    lines = BudgetLine.objects.filter(project__programme__province=unit.province, year=year)
    totals: dict[tuple[str, int], int] = defaultdict(int)
    for row in lines.values("project_id", "sub_project_id").annotate(total=Sum("amount_vnd")):
        totals["p", row["project_id"]] += int(row["total"])
        if row["sub_project_id"] is not None:
            totals["s", row["sub_project_id"]] += int(row["total"])
    return dict(totals)


def _spending_row(
    level: Literal["project", "sub_project", "other"], label: str, use: UseRow | None,
    planned: int | None,
) -> SpendingRow:  # fmt: skip
    return SpendingRow(
        level=level, label=label, planned_vnd=planned,
        allocated_vnd=use.allocated if use else 0, disbursed_vnd=use.disbursed if use else 0,
        delivered_vnd=use.delivered if use else 0,
    )  # fmt: skip
