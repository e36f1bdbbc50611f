"""Shared set-up for the funds tests: officers, sources, a programme, a supported household."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from tests.apps.programmes.programmes_support import (
    HOME,
    household,
    organisation_officer,
    province_officer,
)

from giamngheo.apps.accounts.models import User
from giamngheo.apps.funds.choices import FLOORED, SourceKind
from giamngheo.apps.funds.models import Account, Allocation, FundSource, LedgerEntry
from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    source_create,
)
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Programme, Project, SubProject, SupportRecord
from giamngheo.apps.registry.models import Household

DAY = dt.date(2025, 10, 20)
M = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class World:
    officer: User  # provincial officer
    front: User  # Fatherland Front officer (runs the Fund "For the Poor")
    commune: Commune
    central: FundSource
    fund: FundSource
    project: Project
    sub_project: SubProject
    household: Household


def world_make() -> World:
    officer = province_officer()
    front = organisation_officer()
    commune = Commune.objects.get(code=HOME)
    province = commune.province
    central = source_create(
        actor=officer, province=province, kind=SourceKind.CENTRAL, code="ntw", name="NS trung ương"
    )
    fund = source_create(
        actor=officer,
        province=province,
        kind=SourceKind.FUND_FOR_THE_POOR,
        code="quy-vnn",
        name="Quỹ Vì người nghèo tỉnh",
        organisation=front.organisation,
    )
    programme = Programme.objects.create(
        province=province, code="ntp", name="CTMTQG GNBV", starts_year=2021, ends_year=2025
    )
    project = Project.objects.create(programme=programme, number=1, name="Hỗ trợ sinh kế")
    sub = SubProject.objects.create(project=project, number=1, name="Đa dạng hoá sinh kế")
    made = household(HOME, "H-NHA", {2024: "poor", 2025: "poor"})
    return World(
        officer=officer,
        front=front,
        commune=commune,
        central=central,
        fund=fund,
        project=project,
        sub_project=sub,
        household=made,
    )


def funded_allocation(world: World, *, received: int, allocated: int, **use: Any) -> Allocation:
    """Central budget of ``received`` VND booked, then ``allocated`` of it given to the
    commune for 2025 and ``use`` (``project=`` or ``sub_project=``)."""
    budget_receipt_record(
        actor=world.officer, source=world.central, amount_vnd=received, received_on=DAY,
        reference="QĐ 1",
    )  # fmt: skip
    return allocation_record(
        actor=world.officer, source=world.central, commune=world.commune, amount_vnd=allocated,
        year=2025, booked_on=DAY, **use,
    )  # fmt: skip


def support_for(
    made: Household, amount: int, source: str = "fund_for_the_poor", giver: User | None = None
) -> SupportRecord:
    return SupportRecord.objects.create(
        household=made,
        support_type="housing",
        amount=amount,
        delivered_on=DAY,
        giver_organisation=giver.organisation if giver else None,
        giver_state="" if giver else "UBND xã",
        source=source,
        housing_kind="new",
        housing_stage="approved",
        approved_on=DAY,
        recorded_at=timezone.now(),
    )


def invariants_check() -> None:
    """Every transaction sums to zero, the whole ledger sums to zero, cached balances equal
    their entries, floored accounts are never negative."""
    total = LedgerEntry.objects.aggregate(t=Sum("amount_vnd"))["t"] or 0
    assert total == 0
    per_tx = LedgerEntry.objects.values("transaction").annotate(t=Sum("amount_vnd"))
    assert all(row["t"] == 0 for row in per_tx)
    sums = dict(
        LedgerEntry.objects.values("account")
        .annotate(t=Sum("amount_vnd"))
        .values_list("account", "t")
    )
    for account in Account.objects.all():
        assert account.balance_vnd == (sums.get(account.pk) or 0)
        if account.kind in FLOORED:
            assert account.balance_vnd >= 0
