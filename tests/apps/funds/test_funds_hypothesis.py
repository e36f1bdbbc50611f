"""Random sequences of ledger operations keep every invariant: each transaction and the whole
ledger sum to zero, money-holding accounts never go negative, cached balances equal their
entries, the chain verifies — and each operation is accepted exactly when a plain model of
the rules says so; a refused one writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.apps.funds.funds_support import DAY, World, invariants_check, world_make

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.funds.models import Allocation, Donation, LedgerEntry, LedgerTransaction
from giamngheo.apps.funds.services import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
    donation_record,
    transaction_reverse,
)
from giamngheo.apps.funds.verify import ledger_verify

pytestmark = pytest.mark.django_db

amounts = st.integers(min_value=-5, max_value=60)
index = st.integers(min_value=0, max_value=7)
operations = st.one_of(
    st.tuples(st.just("receipt"), amounts),
    st.tuples(st.just("donate"), amounts, st.booleans(), st.sampled_from(["Bà Lan", " "])),
    st.tuples(st.just("allocate"), amounts, st.one_of(st.none(), index)),
    st.tuples(st.just("disburse"), amounts, index),
    st.tuples(st.just("reverse"), index),
)


@dataclass
class Model:
    """What the rules say, written plainly: balances per (kind, owner) and the postings of
    every accepted transaction."""

    balance: dict[tuple[str, Any], int] = field(default_factory=dict)
    txs: list[tuple[LedgerTransaction, list[tuple[tuple[str, Any], int]], bool]] = field(
        default_factory=list
    )
    reversed: set[int] = field(default_factory=set)

    def fits(self, lines: list[tuple[tuple[str, Any], int]]) -> bool:
        after = dict(self.balance)
        for key, amount in lines:
            after[key] = after.get(key, 0) + amount
        return all(v >= 0 for k, v in after.items() if k[0] != "income" and k[0] != "spent")

    def apply(
        self,
        tx: LedgerTransaction,
        lines: list[tuple[tuple[str, Any], int]],
        reversal: bool = False,
    ) -> None:
        for key, amount in lines:
            self.balance[key] = self.balance.get(key, 0) + amount
        self.txs.append((tx, lines, reversal))


@contextmanager
def rolled_back() -> Iterator[None]:
    """One example's writes, undone afterwards (services' durable blocks may nest in it, as
    they do in Django's TestCase)."""
    block = transaction.atomic()
    block._from_testcase = True  # type: ignore[attr-defined]
    block.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True)
        block.__exit__(None, None, None)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (LedgerTransaction, LedgerEntry, AuditEvent))


@pytest.fixture
def world() -> World:
    return world_make()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(operations, min_size=1, max_size=14))
def test_random_operations_keep_the_invariants(world: World, ops: list[tuple[Any, ...]]) -> None:
    with rolled_back():
        model = Model()
        donations: list[Donation] = []
        allocations: list[Allocation] = []
        for op in ops:
            before = _counts()
            expected, call = _plan(world, model, donations, allocations, op)
            try:
                result = call()
            except ValidationError:
                assert expected is None, op
                assert _counts() == before
            else:
                assert expected is not None, op
                expected(result)
            invariants_check()
        assert ledger_verify().ok


def _plan(
    world: World,
    model: Model,
    donations: list[Donation],
    allocations: list[Allocation],
    op: tuple[Any, ...],
) -> tuple[Any, Any]:
    """(what to record in the model if accepted — ``None`` when the rules refuse, the call)."""
    kind = op[0]
    if kind == "receipt":
        lines = [(("held", "central"), op[1]), (("income", "central"), -op[1])]
        return (
            (lambda tx: model.apply(tx, lines)) if op[1] > 0 else None,
            lambda: budget_receipt_record(
                actor=world.officer,
                source=world.central,
                amount_vnd=op[1],
                received_on=DAY,
                reference="QĐ 1",
            ),
        )
    if kind == "donate":
        return _plan_donation(world, model, donations, op)
    if kind == "allocate":
        return _plan_allocation(world, model, donations, allocations, op)
    if kind == "disburse":
        return _plan_disbursement(world, model, allocations, op)
    return _plan_reversal(world, model, op)


def _plan_donation(
    world: World, model: Model, donations: list[Donation], op: tuple[Any, ...]
) -> tuple[Any, Any]:
    _, amount, earmarked, donor = op

    def accepted(d: Donation) -> None:
        donations.append(d)
        held = ("earmarked", d.pk) if earmarked else ("held", "fund")
        model.apply(d.transaction, [(held, amount), (("income", "fund"), -amount)])

    ok = amount > 0 and donor.strip()
    return (accepted if ok else None), lambda: donation_record(
        actor=world.front,
        source=world.fund,
        donor_name=donor,
        amount_vnd=amount,
        received_on=DAY,
        earmark="Nhà ở" if earmarked else "",
    )


def _plan_allocation(
    world: World,
    model: Model,
    donations: list[Donation],
    allocations: list[Allocation],
    op: tuple[Any, ...],
) -> tuple[Any, Any]:
    _, amount, which = op
    earmarked = [d for d in donations if d.earmark]
    donation = earmarked[which % len(earmarked)] if which is not None and earmarked else None
    out = ("earmarked", donation.pk) if donation else ("held", "fund")

    def accepted(a: Allocation) -> None:
        allocations.append(a)
        model.apply(a.transaction, [(("allocated", a.pk), amount), (out, -amount)])

    ok = amount > 0 and model.fits([(out, -amount)])
    return (accepted if ok else None), lambda: allocation_record(
        actor=world.front,
        source=world.fund,
        donation=donation,
        commune=world.commune,
        amount_vnd=amount,
        year=2025,
        booked_on=DAY,
        purpose="Nhà ở",
    )


def _plan_disbursement(
    world: World, model: Model, allocations: list[Allocation], op: tuple[Any, ...]
) -> tuple[Any, Any]:
    _, amount, which = op
    if not allocations:
        return None, lambda: (_ for _ in ()).throw(ValidationError("no allocation yet"))
    allocation = allocations[which % len(allocations)]
    lines = [(("spent", allocation.pk), amount), (("allocated", allocation.pk), -amount)]
    ok = amount > 0 and model.fits(lines)
    return (
        lambda d: model.apply(d.transaction, lines)
    ) if ok else None, lambda: disbursement_record(
        actor=world.front, allocation=allocation, amount_vnd=amount, paid_on=DAY, work="Nhà ở"
    )


def _plan_reversal(world: World, model: Model, op: tuple[Any, ...]) -> tuple[Any, Any]:
    if not model.txs:
        return None, lambda: (_ for _ in ()).throw(ValidationError("nothing to reverse"))
    tx, lines, is_reversal = model.txs[op[1] % len(model.txs)]
    negated = [(key, -amount) for key, amount in lines]
    ok = not is_reversal and tx.pk not in model.reversed and model.fits(negated)
    actor = world.officer if lines[0][0][1] == "central" else world.front

    def accepted(r: LedgerTransaction) -> None:
        model.reversed.add(tx.pk)
        model.apply(r, negated, reversal=True)

    return (accepted if ok else None), lambda: transaction_reverse(
        actor=actor, tx=tx, booked_on=DAY, reason="Sửa sai"
    )
