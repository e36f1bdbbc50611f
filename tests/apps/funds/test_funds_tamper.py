"""Tamper evidence: rows changed behind the application's back (raw SQL, with PostgreSQL's
append-only trigger switched off for the occasion) are found by ``giamngheo ledger verify``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from tests.apps.funds.funds_support import DAY, M, World, funded_allocation, world_make
from typer.testing import CliRunner

from giamngheo.apps.funds.models import LedgerEntry
from giamngheo.apps.funds.services import (
    disbursement_record,
    donation_record,
)
from giamngheo.apps.funds.verify import ledger_verify
from giamngheo.cli.main import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    made = world_make()
    allocation = funded_allocation(made, received=100 * M, allocated=60 * M, project=made.project)
    disbursement_record(
        actor=made.officer, allocation=allocation, amount_vnd=20 * M, paid_on=DAY, work="Cầu treo"
    )
    donation_record(
        actor=made.front, source=made.fund, donor_name="Ông Hùng", amount_vnd=5 * M, received_on=DAY
    )
    return made


@contextmanager
def behind_the_back(table: str) -> Iterator[None]:
    """Raw SQL with the append-only trigger off (PostgreSQL); SQLite has no trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_update_delete")
        yield
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_update_delete")


def _verify_cli() -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ledger", "verify"])
    return result.exit_code, result.output


def test_intact_ledger_verifies(world: World) -> None:
    code, output = _verify_cli()
    assert code == 0, output
    assert "Sổ cái nguyên vẹn: 8 bút toán" in output


def test_edited_amount_is_the_first_broken_entry(world: World) -> None:
    with behind_the_back("funds_ledgerentry"), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE funds_ledgerentry SET amount_vnd = amount_vnd + 1 WHERE seq IN (5, 6)"
        )
    report = ledger_verify()
    assert report.broken is not None
    assert report.broken.seq == 5
    assert report.broken.reason == "hash"
    assert any("không cân" in p for p in report.problems)
    code, output = _verify_cli()
    assert code == 1
    assert "Bút toán số 5: nội dung đã bị sửa" in output


def test_deleted_entry_breaks_the_chain(world: World) -> None:
    with behind_the_back("funds_ledgerentry"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM funds_ledgerentry WHERE seq = 3")
    report = ledger_verify()
    assert report.broken is not None
    assert (report.broken.seq, report.broken.reason) == (
        4,
        "sequence",
    )


def test_edited_transaction_and_donor_are_found(world: World) -> None:
    first = LedgerEntry.objects.filter(transaction__kind="allocation").order_by("seq").first()
    assert first is not None
    with behind_the_back("funds_ledgertransaction"), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE funds_ledgertransaction SET booked_on = %s WHERE id = %s",
            [DAY.replace(year=2024), first.transaction_id],
        )
    report = ledger_verify()
    assert report.broken is not None
    assert report.broken.seq == first.seq


def test_edited_donor_name_is_found(world: World) -> None:
    with behind_the_back("funds_donation"), connection.cursor() as cursor:
        cursor.execute("UPDATE funds_donation SET donor_name = 'Người khác'")
    report = ledger_verify()
    assert report.broken is None
    assert any("khác chứng từ đã băm" in p for p in report.problems)
