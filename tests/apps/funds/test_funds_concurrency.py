"""Parallel disbursements from one allocation never pay out more than it holds (PostgreSQL:
the allocation's account row is locked before its balance is read)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.models import Sum
from tests.apps.funds.funds_support import DAY, M, funded_allocation, invariants_check, world_make

from giamngheo.apps.funds.models import Disbursement
from giamngheo.apps.funds.services import (
    disbursement_record,
)
from giamngheo.apps.funds.verify import ledger_verify

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 12


def test_parallel_disbursements_never_exceed_the_allocation(geo_units: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite serialises every write, so nothing runs in parallel.")
    world = world_make()
    allocation = funded_allocation(
        world, received=100 * M, allocated=100 * M, project=world.project
    )
    start = threading.Barrier(THREADS)
    outcomes: list[str] = []

    def pay(n: int) -> None:
        try:
            start.wait()
            disbursement_record(
                actor=world.officer,
                allocation=allocation,
                amount_vnd=30 * M,
                paid_on=DAY,
                work=f"Công trình {n}",
            )
            outcomes.append("paid")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["paid"] * 3 + ["refused"] * (THREADS - 3)
    paid = Disbursement.objects.filter(allocation=allocation).aggregate(t=Sum("amount_vnd"))["t"]
    assert paid == 90 * M
    invariants_check()
    assert ledger_verify().ok
