"""Donations, budget receipts, allocations, disbursements, reversals: what is written, what is
refused (whole, with a Vietnamese message), who may do it, and what the reports say."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from tests.apps.funds.funds_support import (
    DAY,
    M,
    World,
    funded_allocation,
    invariants_check,
    support_for,
    world_make,
)
from tests.apps.programmes.programmes_support import NEIGHBOUR, commune_officer, household

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.funds.models import (
    Account,
    Allocation,
    Disbursement,
    Donation,
    LedgerEntry,
    LedgerTransaction,
)
from giamngheo.apps.funds.selectors import (
    Period,
    donation_trace,
    source_balances_visible,
    use_summary_visible,
)
from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
    donation_record,
    transaction_reverse,
)
from giamngheo.apps.funds.verify import ledger_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return world_make()


def _counts() -> tuple[int, ...]:
    models = (LedgerTransaction, LedgerEntry, Donation, Allocation, Disbursement, AuditEvent)
    return tuple(m.objects.count() for m in models)


def _refused(message: str, call, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert message in " ".join(caught.value.messages)
    assert _counts() == before


def test_donation_from_receipt_to_household(world: World) -> None:
    donation = donation_record(
        actor=world.front,
        source=world.fund,
        donor_name="Công ty Than Hòn Gai",
        amount_vnd=60 * M,
        received_on=DAY,
        earmark="Xây nhà Đại đoàn kết",
    )
    assert donation.receipt_code.startswith("BN")
    assert len(donation.receipt_code) == 10
    allocation = allocation_record(
        actor=world.front,
        source=world.fund,
        donation=donation,
        commune=world.commune,
        amount_vnd=60 * M,
        year=2025,
        booked_on=DAY,
        purpose="Nhà Đại đoàn kết",
    )
    record = support_for(world.household, 60 * M, giver=world.front)
    disbursement_record(
        actor=world.front,
        allocation=allocation,
        support_record=record,
        amount_vnd=60 * M,
        paid_on=DAY,
    )
    trace = donation_trace(donation=donation)
    assert trace.earmarked_left == 0
    assert trace.delivered == 60 * M
    assert trace.households == 1
    assert trace.allocations[0].payments[0].household_code == "H-NHA"
    invariants_check()
    assert ledger_verify().ok


def test_refusals_write_nothing(world: World) -> None:
    budget_receipt_record(
        actor=world.officer,
        source=world.central,
        amount_vnd=100 * M,
        received_on=DAY,
        reference="QĐ 12/QĐ-UBND",
    )
    for amount in (0, -5, 1.5):
        _refused(
            "số nguyên dương",
            budget_receipt_record,
            actor=world.officer,
            source=world.central,
            amount_vnd=amount,
            received_on=DAY,
            reference="QĐ 1",
        )
    _refused(
        "phải ghi nhà hảo tâm",
        donation_record,
        actor=world.front,
        source=world.fund,
        donor_name="  ",
        amount_vnd=M,
        received_on=DAY,
    )
    _refused(
        "Vượt số dư chưa phân bổ của nguồn vốn: còn 100.000.000 đồng",
        allocation_record,
        actor=world.officer,
        source=world.central,
        commune=world.commune,
        amount_vnd=100 * M + 1,
        year=2025,
        booked_on=DAY,
        sub_project=world.sub_project,
    )
    allocation = allocation_record(
        actor=world.officer,
        source=world.central,
        commune=world.commune,
        amount_vnd=40 * M,
        year=2025,
        booked_on=DAY,
        sub_project=world.sub_project,
    )
    assert allocation.project == world.project
    _refused(
        "Vượt số còn lại của phân bổ: còn 40.000.000 đồng",
        disbursement_record,
        actor=world.officer,
        allocation=allocation,
        work="Đường thôn Nà Pàn",
        amount_vnd=40 * M + 1,
        paid_on=DAY,
    )
    _refused(
        "đúng một khoản hỗ trợ hoặc công trình",
        disbursement_record,
        actor=world.officer,
        allocation=allocation,
        amount_vnd=M,
        paid_on=DAY,
    )
    paid = disbursement_record(
        actor=world.officer,
        allocation=allocation,
        amount_vnd=10 * M,
        paid_on=DAY,
        work="Đường thôn Nà Pàn",
    )
    reversal = transaction_reverse(
        actor=world.officer, tx=paid.transaction, booked_on=DAY, reason="Ghi nhầm"
    )
    _refused(
        "Không thể đảo một bút toán đảo",
        transaction_reverse,
        actor=world.officer,
        tx=reversal,
        booked_on=DAY,
        reason="x",
    )
    _refused(
        "đã được đảo",
        transaction_reverse,
        actor=world.officer,
        tx=paid.transaction,
        booked_on=DAY,
        reason="x",
    )
    invariants_check()


def test_reversal_of_a_partly_paid_allocation_is_refused(world: World) -> None:
    allocation = funded_allocation(world, received=10 * M, allocated=10 * M, project=world.project)
    paid = disbursement_record(
        actor=world.officer, allocation=allocation, amount_vnd=M, paid_on=DAY, work="Trạm y tế"
    )
    _refused(
        "Vượt số còn lại của phân bổ",
        transaction_reverse,
        actor=world.officer,
        tx=allocation.transaction,
        booked_on=DAY,
        reason="Phân bổ nhầm",
    )
    transaction_reverse(actor=world.officer, tx=paid.transaction, booked_on=DAY, reason="Nhầm")
    transaction_reverse(
        actor=world.officer, tx=allocation.transaction, booked_on=DAY, reason="Phân bổ nhầm"
    )
    [row] = source_balances_visible(user=world.officer)[:1]
    assert (row.received, row.unallocated, row.allocated, row.spent) == (10 * M, 10 * M, 0, 0)
    invariants_check()


def test_disbursement_must_match_household_commune_source_and_value(world: World) -> None:
    donation = donation_record(
        actor=world.front,
        source=world.fund,
        donor_name="Bà Lan",
        amount_vnd=50 * M,
        received_on=DAY,
    )
    assert donation.earmark == ""
    allocation = allocation_record(
        actor=world.front,
        source=world.fund,
        commune=world.commune,
        amount_vnd=50 * M,
        year=2025,
        booked_on=DAY,
        purpose="Nhà Đại đoàn kết",
    )
    far = household(NEIGHBOUR, "H-XA", {2025: "poor"})
    _refused(
        "không thuộc xã của phân bổ",
        disbursement_record,
        actor=world.front,
        allocation=allocation,
        support_record=support_for(far, 10 * M, giver=world.front),
        amount_vnd=M,
        paid_on=DAY,
    )
    state_paid = support_for(world.household, 10 * M, source="central")
    _refused(
        "nguồn kinh phí khác",
        disbursement_record,
        actor=world.front,
        allocation=allocation,
        support_record=state_paid,
        amount_vnd=M,
        paid_on=DAY,
    )
    record = support_for(world.household, 10 * M, giver=world.front)
    disbursement_record(
        actor=world.front,
        allocation=allocation,
        support_record=record,
        amount_vnd=6 * M,
        paid_on=DAY,
    )
    _refused(
        "còn 4.000.000 đồng chưa chi",
        disbursement_record,
        actor=world.front,
        allocation=allocation,
        support_record=record,
        amount_vnd=5 * M,
        paid_on=DAY,
    )


def test_who_may_record(world: World) -> None:
    with pytest.raises(PermissionDenied):
        budget_receipt_record(
            actor=world.front, source=world.central, amount_vnd=M, received_on=DAY, reference="QĐ 1"
        )
    with pytest.raises(PermissionDenied):  # a commune officer does not record funds
        donation_record(
            actor=commune_officer(),
            source=world.fund,
            donor_name="A",
            amount_vnd=M,
            received_on=DAY,
        )
    with pytest.raises(ValidationError, match="không nhận ngân sách"):
        budget_receipt_record(
            actor=world.officer, source=world.fund, amount_vnd=M, received_on=DAY, reference="QĐ 1"
        )
    with pytest.raises(ValidationError, match="không nhận tiền ủng hộ"):
        donation_record(
            actor=world.officer, source=world.central, donor_name="A", amount_vnd=M, received_on=DAY
        )


def test_reports_by_use_and_period(world: World) -> None:
    allocation = funded_allocation(
        world, received=100 * M, allocated=70 * M, sub_project=world.sub_project
    )
    record = support_for(world.household, 30 * M, source="central")
    disbursement_record(
        actor=world.officer,
        allocation=allocation,
        support_record=record,
        amount_vnd=30 * M,
        paid_on=DAY,
    )
    disbursement_record(
        actor=world.officer,
        allocation=allocation,
        work="Đường",
        amount_vnd=20 * M,
        paid_on=DAY.replace(month=12),
    )
    for by in ("source", "project", "sub_project", "commune", "year"):
        [row] = use_summary_visible(user=world.officer, by=by)
        assert (row.allocated, row.disbursed, row.delivered, row.remaining) == (
            70 * M,
            50 * M,
            30 * M,
            20 * M,
        )
    october = Period(end=DAY.replace(day=31))
    [row] = use_summary_visible(user=world.officer, by="commune", period=october)
    assert (row.allocated, row.disbursed) == (70 * M, 30 * M)
    assert use_summary_visible(user=commune_officer(NEIGHBOUR), by="commune") == []


def test_entries_are_append_only(world: World) -> None:
    budget_receipt_record(
        actor=world.officer, source=world.central, amount_vnd=M, received_on=DAY, reference="QĐ 1"
    )
    entry = LedgerEntry.objects.first()
    assert entry is not None
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    assert Account.objects.filter(balance_vnd__lt=0, kind="held").count() == 0
    if connection.vendor == "postgresql":
        from django.db import DatabaseError, transaction

        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            LedgerEntry.objects.filter(pk=entry.pk).update(amount_vnd=2)
