"""A Fatherland Front officer receives an earmarked donation, allocates it to a commune and
pays the house of a poor household out of it; the receipt traces the money to that household,
and the public sees the flow (Sankey) and the receipt without personal data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.funds.funds_support import M, support_for
from tests.apps.programmes.programmes_support import HOME, household
from tests.browser.browser_support import sign_in
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.accounts.roles import OrganisationKind, Role
from giamngheo.apps.funds.choices import SourceKind
from giamngheo.apps.funds.models import Disbursement, Donation
from giamngheo.apps.funds.services import source_create
from giamngheo.apps.geo.models import Commune

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_donation_followed_to_the_household(
    live_server: LiveServer, page: Page, geo_units: None
) -> None:
    commune = Commune.objects.get(code=HOME)
    province = commune.province
    front = Organisation.objects.create(
        name="Ủy ban MTTQ tỉnh", kind=OrganisationKind.FATHERLAND_FRONT, province=province
    )
    officer = UserFactory(username="tinh", role=Role.PROVINCE_OFFICER, unit=province)
    mttq = UserFactory(
        username="mttq", role=Role.ORGANISATION_OFFICER, unit=province, organisation=front
    )
    source_create(actor=officer, province=province, kind=SourceKind.FUND_FOR_THE_POOR,
                  code="quy-vnn", name="Quỹ Vì người nghèo tỉnh", organisation=front)  # fmt: skip
    poor = household(HOME, "H-NHA", {2024: "poor", 2025: "poor"})
    support_for(poor, 60 * M, giver=mttq)

    sign_in(page, live_server, "mttq")
    page.goto(f"{live_server.url}/nguon-von/ung-ho/")
    page.get_by_label("Nguồn vốn").select_option(label="Quỹ Vì người nghèo tỉnh")
    page.get_by_label("Nhà hảo tâm").fill("Công ty Than Hòn Gai")
    page.get_by_label("Số tiền (đồng)").fill("60000000")
    page.get_by_label("Ngày nhận").fill("2025-10-20")
    page.get_by_label("Ủng hộ có địa chỉ (mục đích)").fill("Xây nhà Đại đoàn kết")
    page.get_by_role("button", name="Ghi ủng hộ").click()
    expect(page.locator("#receipt")).to_contain_text("Biên nhận tiền ủng hộ")
    code = Donation.objects.get().receipt_code
    expect(page.locator("#receipt")).to_contain_text(code)

    page.goto(f"{live_server.url}/nguon-von/phan-bo/")
    page.get_by_label("Nguồn vốn").select_option(label="Quỹ Vì người nghèo tỉnh")
    page.get_by_label("Từ khoản ủng hộ có địa chỉ").select_option(label=code)
    page.get_by_label("Xã, phường").select_option(label=commune.name)
    page.get_by_label("Mục đích (khi không theo dự án)").fill("Nhà Đại đoàn kết")
    page.get_by_label("Số tiền (đồng)").fill("70000000")
    page.get_by_label("Năm").fill("2025")
    page.get_by_label("Ngày phân bổ").fill("2025-10-21")
    page.get_by_role("button", name="Phân bổ").click()
    expect(page.locator(".field.invalid")).to_contain_text("còn 60.000.000 đồng")
    page.get_by_label("Số tiền (đồng)").fill("60000000")
    page.get_by_role("button", name="Phân bổ").click()
    expect(page.locator(".alert.success")).to_contain_text("Đã phân bổ PB")

    page.goto(f"{live_server.url}/nguon-von/giai-ngan/")
    page.get_by_label("Phân bổ", exact=True).select_option(index=1)
    page.get_by_label("Khoản hỗ trợ cho hộ").select_option(index=1)
    page.get_by_label("Số tiền (đồng)").fill("60000000")
    page.get_by_label("Ngày chi").fill("2025-10-25")
    page.get_by_role("button", name="Ghi giải ngân").click()
    expect(page.locator("#disbursements")).to_contain_text("H-NHA")
    assert Disbursement.objects.get().support_record.household == poor  # type: ignore[union-attr]
    voucher = page.locator("#disbursements").get_by_role("link", name="Phiếu chi (PDF)")
    pdf = page.context.request.get(f"{live_server.url}{voucher.get_attribute('href')}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    page.goto(f"{live_server.url}/nguon-von/ung-ho/")
    page.get_by_role("link", name=code).click()
    expect(page.locator("#trace")).to_contain_text("H-NHA")
    page.locator("#trace").get_by_role("link", name="H-NHA").click()
    expect(page.locator("h1")).to_contain_text("H-NHA")
    page.get_by_role("button", name="Đăng xuất").click()

    page.goto(f"{live_server.url}/nguon-von/cong-khai/")
    page.get_by_label("Số biên nhận").fill(code)
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator("#public-uses")).to_contain_text(commune.name)
    expect(page.locator("#public-uses")).not_to_contain_text("H-NHA")
    page.goto(f"{live_server.url}/nguon-von/cong-khai/{province.code}/")
    expect(page.locator("#sankey[data-ready='1'] canvas")).to_have_count(1)
