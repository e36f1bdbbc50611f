"""A provincial officer loads the default levels, previews the enrolment by commune and
commits it (both run by the real worker, the page following their progress); a commune
officer then records support, sees a refusal for a loan the household is not eligible for,
and finds the record in the list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.programmes.programmes_support import HOME, household
from tests.browser.browser_support import sign_in
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Enrolment, SupportRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enrolment_then_delivery(
    live_server: LiveServer, page: Page, geo_units: None, run_worker: Callable[[], None]
) -> None:
    commune = Commune.objects.get(code=HOME)
    household(HOME, "H-NGHEO", {2024: "poor", 2025: "poor"})
    household(HOME, "H-CAN", {2025: "near_poor"})
    UserFactory(username="tinh", role=Role.PROVINCE_OFFICER, unit=commune.province)
    UserFactory(username="xa", role=Role.COMMUNE_OFFICER, unit=commune)

    sign_in(page, live_server, "tinh")
    page.goto(f"{live_server.url}/chuong-trinh/")
    page.get_by_role("button", name="Nạp quy tắc và mức hỗ trợ mặc định").click()
    expect(page.get_by_role("cell", name="nha-xay-moi@v1")).to_be_visible()
    page.get_by_role("link", name="Ghi danh").click()
    page.get_by_label("Mức hỗ trợ").select_option(label="Hỗ trợ xây mới nhà ở (nha-xay-moi@v1)")
    page.get_by_label("Năm").fill("2026")
    page.get_by_role("button", name="Xem trước").click()
    preview = page.locator("section.job").first
    expect(preview).to_contain_text("Đang chờ")
    run_worker()
    expect(preview).to_contain_text(commune.name, timeout=10_000)
    assert Enrolment.objects.count() == 0
    preview.get_by_role("button", name="Ghi danh 2 hộ").click()
    commit = page.locator("section.job").first
    expect(commit).to_contain_text("Đang chờ")
    run_worker()
    expect(commit).to_contain_text("Đã ghi danh 2 hộ theo nha-xay-moi@v1.", timeout=10_000)
    assert Enrolment.objects.count() == 2
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, live_server, "xa")
    page.goto(f"{live_server.url}/chuong-trinh/ho-tro/")
    page.get_by_label("Mã hộ").fill("H-CAN")
    page.get_by_label("Loại hỗ trợ").select_option("loan")
    page.get_by_label("Mức hỗ trợ").select_option(
        label="Cho vay hộ nghèo (NHCSXH) (vay-ho-ngheo@v1)"
    )
    page.get_by_label("Số tiền (đồng) hoặc tỷ lệ (%)").fill("50000000")
    page.get_by_label("Ngày hỗ trợ").fill("2026-03-02")
    page.get_by_label("Nguồn kinh phí").select_option("policy_credit")
    page.get_by_role("button", name="Ghi hỗ trợ").click()
    expect(page.locator(".field.invalid")).to_contain_text("không thuộc đối tượng")
    page.get_by_label("Mức hỗ trợ").select_option(
        label="Cho vay hộ cận nghèo (NHCSXH) (vay-ho-can-ngheo@v1)"
    )
    page.get_by_role("button", name="Ghi hỗ trợ").click()
    expect(page.locator(".alert.success")).to_contain_text("Đã ghi hỗ trợ cho hộ H-CAN.")
    expect(page.locator("#support-records")).to_contain_text("H-CAN")
    assert SupportRecord.objects.get().amount == 50_000_000
