"""A classified Lạng Sơn with money, support and targets, and a reader of exported workbooks."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from python_calamine import CalamineWorkbook
from tests.apps.funds.funds_support import DAY, M, World, world_make
from tests.apps.monitoring.monitoring_support import demo_province

from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
)
from giamngheo.apps.geo.models import Province
from giamngheo.apps.monitoring.choices import TargetMetric
from giamngheo.apps.monitoring.refresh import aggregates_refresh
from giamngheo.apps.monitoring.selectors import Unit, unit_get
from giamngheo.apps.monitoring.targets import target_set
from giamngheo.apps.programmes.models import BudgetLine, SupportRecord
from giamngheo.apps.registry.models import Household

STD = "vn-2022-2025"
YEAR = 2025
TODAY = dt.date(2025, 12, 20)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scene:
    province: Province
    world: World
    unit: Unit  # the province as the officer reads it
    commune: Unit  # the commune that received money (Phường Đông Kinh)


def scene_make(households: int = 300) -> Scene:
    province = demo_province(households=households)
    world = world_make()
    _money(world)
    _support(province)
    unit = unit_get(user=world.officer, level="province", code=province.code)
    _targets(world, unit)
    aggregates_refresh(province=province)
    commune = unit_get(user=world.officer, level="commune", code=world.commune.code)
    return Scene(province=province, world=world, unit=unit, commune=commune)


def _money(world: World) -> None:
    officer, central = world.officer, world.central
    budget_receipt_record(actor=officer, source=central, amount_vnd=100 * M, received_on=DAY,
                          reference="QĐ 12/QĐ-UBND")  # fmt: skip
    allocation = allocation_record(
        actor=officer, source=central, commune=world.commune, amount_vnd=40 * M, year=YEAR,
        booked_on=DAY, sub_project=world.sub_project,
    )  # fmt: skip
    disbursement_record(actor=officer, allocation=allocation, amount_vnd=10 * M, paid_on=DAY,
                        work="Đường thôn Nà Pàn")  # fmt: skip
    BudgetLine.objects.create(project=world.project, sub_project=world.sub_project, year=YEAR,
                              source="central", amount_vnd=50 * M)  # fmt: skip


def _support(province: Province) -> None:
    households = Household.objects.filter(province=province).order_by("pk")[:12]
    for i, household in enumerate(households):
        kind = "loan" if i % 2 else "health_insurance"
        SupportRecord.objects.create(
            household=household, support_type=kind, delivered_on=dt.date(YEAR, 3, 1),
            amount=100 if kind == "health_insurance" else 30 * M,
            giver_state="Ngân hàng Chính sách xã hội", source="policy_credit",
            recorded_at=timezone.now(),
        )  # fmt: skip


def _targets(world: World, unit: Unit) -> None:
    plan = ((TargetMetric.COMBINED_RATE_CUT, 150, "", STD), (TargetMetric.ESCAPED, 10, "", STD),
            (TargetMetric.SUPPORTED, 20, "loan", ""))  # fmt: skip
    for metric, planned, support_type, standard in plan:
        target_set(actor=world.officer, unit=unit, year=YEAR, metric=metric, planned=planned,
                   support_type=support_type, standard_id=standard)  # fmt: skip


def sheets(body: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook as rows of cell values."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(body))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def table(rows: list[list[Any]], first: str = "STT", *, after: int = 0) -> list[list[Any]]:
    """The table whose header row starts with ``first`` (the first one at or after row
    ``after``): its rows up to the first empty row, header included."""
    top = next(n for n, r in enumerate(rows) if n >= after and r and r[0] == first)
    end = next((n for n in range(top + 1, len(rows)) if not any(rows[n])), len(rows))
    return rows[top:end]


def section(rows: list[list[Any]], prefix: str) -> int:
    """The row whose first cell starts with ``prefix`` (a section heading)."""
    return next(n for n, r in enumerate(rows) if r and str(r[0]).startswith(prefix))


def by_label(rows: list[list[Any]], column: int = 1) -> dict[str, list[Any]]:
    return {str(r[column]): r for r in rows[1:]}


def texts(body: bytes) -> str:
    """Every text cell of a workbook, one per line."""
    cells = (c for rows in sheets(body).values() for r in rows for c in r)
    return "\n".join(c for c in cells if isinstance(c, str))
