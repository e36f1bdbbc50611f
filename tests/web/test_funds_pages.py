"""The fund pages: recording through forms (refusals shown, nothing written), the ledger with
reversals and its Excel export, the receipt, and the public pages (no personal data, no inline
script)."""

from __future__ import annotations

import io
import re

import polars as pl
import pytest
from django.test import Client
from django.urls import reverse
from tests.apps.funds.funds_support import DAY, M, World, support_for, world_make
from tests.apps.programmes.programmes_support import commune_officer
from tests.factories import session_client

from giamngheo.apps.funds.models import Allocation, Disbursement, Donation, LedgerTransaction
from giamngheo.apps.funds.services import (
    allocation_record,
    disbursement_record,
    donation_record,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return world_make()


def test_donation_form_refuses_then_records(world: World) -> None:
    client = session_client(world.front)
    url = reverse("web:funds-donations")
    form = {"source": world.fund.pk, "donor_name": "", "amount_vnd": 0, "received_on": "2025-10-20"}
    page = client.post(url, form)
    assert "phải ghi nhà hảo tâm" in page.content.decode()
    page = client.post(url, form | {"donor_name": "Bà Lan"})
    assert "Số tiền phải là số nguyên dương" in page.content.decode()
    assert Donation.objects.count() == 0
    page = client.post(url, form | {"donor_name": "Bà Lan", "amount_vnd": 5 * M})
    donation = Donation.objects.get()
    assert page.status_code == 302
    assert page["Location"] == reverse("web:funds-receipt", args=[donation.receipt_code])
    receipt = client.get(page["Location"]).content.decode()
    assert "Biên nhận tiền ủng hộ" in receipt
    assert "5.000.000" in receipt


def test_allocation_and_disbursement_forms(world: World) -> None:
    client = session_client(world.front)
    donation_record(actor=world.front, source=world.fund, donor_name="Bà Lan",
                    amount_vnd=10 * M, received_on=DAY, earmark="Nhà ở")  # fmt: skip
    donation = Donation.objects.get()
    form = {"source": world.fund.pk, "donation": donation.pk, "commune": world.commune.pk,
            "purpose": "Nhà Đại đoàn kết", "year": 2025, "booked_on": "2025-10-21"}  # fmt: skip
    page = client.post(reverse("web:funds-allocations"), form | {"amount_vnd": 11 * M})
    assert (
        "Vượt số còn lại của khoản ủng hộ có địa chỉ: còn 10.000.000 đồng" in page.content.decode()
    )
    page = client.post(reverse("web:funds-allocations"), form | {"amount_vnd": 10 * M})
    assert page.status_code == 302
    allocation = Allocation.objects.get()
    record = support_for(world.household, 10 * M, giver=world.front)
    url = reverse("web:funds-disbursements")
    pay = {"allocation": allocation.pk, "support_record": record.pk, "paid_on": "2025-10-22"}
    page = client.post(url, pay | {"amount_vnd": 12 * M})
    assert "Vượt" in page.content.decode()
    page = client.post(url, pay | {"amount_vnd": 10 * M})
    assert page.status_code == 302
    assert "H-NHA" in client.get(url).content.decode()
    receipt = client.get(reverse("web:funds-receipt", args=[donation.receipt_code])).content
    assert "H-NHA" in receipt.decode()


def test_ledger_reversal_and_excel(world: World) -> None:
    donation = donation_record(actor=world.front, source=world.fund, donor_name="Bà Lan",
                               amount_vnd=3 * M, received_on=DAY)  # fmt: skip
    client = session_client(world.front)
    page = client.get(reverse("web:funds-ledger")).content.decode()
    assert f"GD{donation.transaction_id}" in page
    url = reverse("web:funds-reverse", args=[donation.transaction_id])
    client.post(url, {"reason": "Ghi trùng", "booked_on": "2025-10-21"})
    reversal = LedgerTransaction.objects.get(kind="reversal")
    page = client.get(reverse("web:funds-ledger")).content.decode()
    assert "Đã đảo" in page
    again = client.post(
        reverse("web:funds-reverse", args=[reversal.pk]),
        {"reason": "x", "booked_on": "2025-10-21"},
        follow=True,
    )
    assert "Không thể đảo một bút toán đảo." in again.content.decode()
    export = client.get(reverse("web:funds-ledger-xlsx"))
    sheet = pl.read_excel(io.BytesIO(export.content), engine="calamine", infer_schema_length=0)
    assert sheet.height == 4  # 2 entries + 2 reversing entries
    assert sheet.columns[0] == "Số TT"


def test_who_sees_what(world: World) -> None:
    outsider = session_client(commune_officer())
    assert outsider.get(reverse("web:funds-donations")).status_code == 404
    assert outsider.get(reverse("web:funds-source-new")).status_code == 404
    anonymous = Client()
    assert anonymous.get(reverse("web:funds")).status_code == 302  # to sign-in


def test_public_pages_show_flows_without_personal_data(world: World) -> None:
    donation = donation_record(actor=world.front, source=world.fund, donor_name="Nguyễn Văn An",
                               amount_vnd=60 * M, received_on=DAY, earmark="Nhà ở")  # fmt: skip
    allocation = allocation_record(
        actor=world.front, source=world.fund, donation=donation, commune=world.commune,
        amount_vnd=60 * M, year=2025, booked_on=DAY, purpose="Nhà Đại đoàn kết",
    )  # fmt: skip
    record = support_for(world.household, 60 * M, giver=world.front)
    disbursement_record(actor=world.front, allocation=allocation, support_record=record,
                        amount_vnd=60 * M, paid_on=DAY)  # fmt: skip
    assert Disbursement.objects.count() == 1
    client = Client()
    index = client.get(reverse("web:funds-public-index")).content.decode()
    assert world.commune.province.name in index
    code = world.commune.province.code
    page = client.get(reverse("web:funds-public", args=[code])).content.decode()
    assert "60.000.000" in page
    assert world.commune.name in page
    assert "H-NHA" not in page
    assert "Nguyễn Văn An" not in page
    assert 'id="sankey-data" type="application/json"' in page
    for tag in re.findall(r"<script[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag
    lookup = client.get(reverse("web:funds-public-receipt"), {"ma": donation.receipt_code.lower()})
    text = lookup.content.decode()
    assert "N. V. A." in text
    assert "Nguyễn Văn An" not in text
    assert "H-NHA" not in text
    assert world.commune.name in text
    missing = client.get(reverse("web:funds-public-receipt"), {"ma": "BNXXXXXXXX"})
    assert missing.status_code == 404
