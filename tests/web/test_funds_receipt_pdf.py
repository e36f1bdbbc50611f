"""A disbursement's payment voucher ("phiếu chi") as PDF: read back with pypdf, the citizen ID
masked unless the role may see personal data, only for readers of the record, linked from the
ledger and the disbursement pages, Vietnamese whatever the reader's language, and a clear 503
when WeasyPrint's system library is missing."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader
from tests.apps.funds.funds_support import DAY, M, World, support_for, world_make
from tests.apps.programmes.programmes_support import HOME, NEIGHBOUR, commune_officer
from tests.factories import UserFactory, session_client

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.funds.models import Disbursement
from giamngheo.apps.funds.services import (
    allocation_record,
    disbursement_record,
    donation_record,
    transaction_reverse,
)
from giamngheo.apps.registry.models import Member

pytestmark = pytest.mark.django_db
CITIZEN_ID = "020190012345"


@dataclass(frozen=True, slots=True, kw_only=True)
class Scene:
    world: World
    paid: Disbursement  # to the household, from the Fund "For the Poor"


@pytest.fixture
def scene() -> Scene:
    world = world_make()
    Member.objects.filter(household=world.household).update(
        full_name="Hoàng Văn Thắng", citizen_id=CITIZEN_ID
    )
    donation = donation_record(actor=world.front, source=world.fund, donor_name="Bà Lan",
                               amount_vnd=60 * M, received_on=DAY, earmark="Nhà ở")  # fmt: skip
    allocation = allocation_record(
        actor=world.front, source=world.fund, donation=donation, commune=world.commune,
        amount_vnd=60 * M, year=2025, booked_on=DAY, purpose="Nhà Đại đoàn kết",
    )  # fmt: skip
    record = support_for(world.household, 60 * M, giver=world.front)
    paid = disbursement_record(actor=world.front, allocation=allocation, support_record=record,
                               amount_vnd=60 * M, paid_on=DAY)  # fmt: skip
    return Scene(world=world, paid=paid)


def _url(paid: Disbursement) -> str:
    return reverse("web:funds-disbursement-receipt", args=[paid.pk])


def _pdf_text(user: Any, paid: Disbursement) -> str:
    response = session_client(user).get(_url(paid))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="PhieuChi_GN{paid.pk}.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_voucher_reads_back_with_the_payment(scene: Scene) -> None:
    text = _pdf_text(commune_officer(HOME), scene.paid)
    for expected in (
        "PHIẾU CHI", f"GN{scene.paid.pk}", f"GD{scene.paid.transaction_id}",
        "Ngày 20 tháng 10 năm 2025", "Hoàng Văn Thắng", "H-NHA", "Hỗ trợ nhà ở cho hộ H-NHA",
        "60.000.000 đồng", "Sáu mươi triệu đồng", "Ủy ban MTTQ tỉnh Lạng Sơn",
        "Quỹ Vì người nghèo tỉnh", "Người nhận tiền",
    ):  # fmt: skip
        assert expected in text, expected
    assert CITIZEN_ID in text  # a commune officer may see personal data
    hashes = scene.paid.transaction.entries.order_by("seq").values_list("hash", flat=True)
    assert hashes[len(hashes) - 1] in text  # the payment's last entry, to check on the chain
    assert "đã được đảo" not in text


def test_the_citizen_id_is_masked_without_personal_view(scene: Scene) -> None:
    text = _pdf_text(scene.world.officer, scene.paid)  # a provincial officer
    assert "*********345" in text
    assert CITIZEN_ID not in text
    assert "Hoàng Văn Thắng" in text


def test_only_readers_of_the_record_get_it(scene: Scene) -> None:
    url = _url(scene.paid)
    village_head = UserFactory(role=Role.VILLAGE_HEAD, unit=scene.world.household.village)
    for user in (commune_officer(NEIGHBOUR), village_head):
        assert session_client(user).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to sign-in
    missing = reverse("web:funds-disbursement-receipt", args=[scene.paid.pk + 1000])
    assert session_client(scene.world.officer).get(missing).status_code == 404


def test_a_reversed_payment_and_a_work_say_so(scene: Scene) -> None:
    world = scene.world
    reversal = transaction_reverse(actor=world.front, tx=scene.paid.transaction, booked_on=DAY,
                                   reason="Ghi nhầm hộ")  # fmt: skip
    text = _pdf_text(world.front, scene.paid)
    assert f"đã được đảo bằng giao dịch GD{reversal.pk}" in " ".join(text.split())
    work = disbursement_record(
        actor=world.front, allocation=scene.paid.allocation, amount_vnd=1_250_500, paid_on=DAY,
        work="Giếng nước thôn",
    )  # fmt: skip
    text = _pdf_text(world.front, work)
    assert "Chi cho công trình: Giếng nước thôn" in text
    assert "Một triệu hai trăm năm mươi nghìn năm trăm đồng" in text
    assert "Số định danh" not in text


def test_the_voucher_stays_vietnamese_for_an_english_reader(scene: Scene) -> None:
    client = session_client(commune_officer(HOME))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(_url(scene.paid)).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert "Hỗ trợ nhà ở cho hộ H-NHA" in text
    assert "Lý do chi" in text


def test_the_ledger_and_the_payments_link_to_the_voucher(scene: Scene) -> None:
    url = _url(scene.paid)
    ledger = session_client(commune_officer(HOME)).get(reverse("web:funds-ledger"))
    assert url in ledger.content.decode()
    payments = session_client(scene.world.front).get(reverse("web:funds-disbursements"))
    assert url in payments.content.decode()
    assert CITIZEN_ID not in url


@pytest.mark.usefixtures("pango_missing")
def test_a_missing_pdf_library_answers_503_in_vietnamese(scene: Scene) -> None:
    response = session_client(scene.world.front).get(_url(scene.paid))
    assert response.status_code == 503
    page = response.content.decode()
    assert "libpango-1.0-0" in page
    assert "Chưa tạo được tệp PDF" in page
    assert reverse("web:funds-ledger") in page
