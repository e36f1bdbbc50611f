"""A provincial officer loads QĐ90's programme, renames a project, adds a budget line (first
for a year outside the programme, refused on the field) and a livelihood model; a commune
officer then reads the models without a way to edit them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.programmes.programmes_support import HOME
from tests.browser.browser_support import sign_in
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import BudgetLine, LivelihoodModel

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_structure_budget_and_models(live_server: LiveServer, page: Page, geo_units: None) -> None:
    commune = Commune.objects.get(code=HOME)
    UserFactory(username="tinh", role=Role.PROVINCE_OFFICER, unit=commune.province)
    UserFactory(username="xa", role=Role.COMMUNE_OFFICER, unit=commune)

    sign_in(page, live_server, "tinh")
    page.goto(f"{live_server.url}/chuong-trinh/")
    page.get_by_role("button", name="Nạp mẫu chương trình QĐ 90/QĐ-TTg").click()
    page.get_by_role("link", name="Dự án, tiểu dự án").click()
    page.get_by_role("link", name="Sửa dự án 5", exact=True).click()
    page.get_by_label("Tên dự án").fill("Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".alert.success")).to_contain_text("Đã lưu dự án 5.")
    expect(page.locator("table.structure")).to_contain_text("Hỗ trợ nhà ở cho hộ nghèo, hộ cận")

    page.get_by_role("link", name="Kinh phí").first.click()
    page.get_by_role("link", name="Thêm kinh phí").click()
    page.get_by_label("Dự án", exact=True).select_option(index=5)
    page.get_by_label("Năm", exact=True).fill("2030")
    page.get_by_label("Nguồn vốn").select_option("central")
    page.get_by_label("Số tiền (đồng)").fill("120000000")
    page.get_by_role("button", name="Thêm kinh phí").click()
    expect(page.locator(".field.invalid")).to_contain_text("ngoài thời gian của chương trình")
    assert not BudgetLine.objects.exists()
    page.get_by_label("Năm", exact=True).fill("2025")
    page.get_by_role("button", name="Thêm kinh phí").click()
    expect(page.locator("#budget-lines")).to_contain_text("120.000.000")
    assert BudgetLine.objects.get().project.number == 5

    page.get_by_role("link", name="Mô hình sinh kế").first.click()
    page.get_by_role("link", name="Thêm mô hình sinh kế").click()
    page.get_by_label("Tên mô hình").fill("Nuôi ong lấy mật")
    page.get_by_label("Loại mô hình").select_option("bees")
    page.get_by_label("Xã, phường").select_option(label=commune.name)
    page.get_by_label("Ngày bắt đầu").fill("2024-03-01")
    page.get_by_role("button", name="Thêm mô hình").click()
    expect(page.locator("#livelihood-models")).to_contain_text("Nuôi ong lấy mật")
    assert LivelihoodModel.objects.get().commune == commune
    page.get_by_role("button", name="Đăng xuất").click()

    sign_in(page, live_server, "xa")
    page.goto(f"{live_server.url}/chuong-trinh/")
    page.get_by_role("link", name="Mô hình sinh kế").click()
    expect(page.locator("#livelihood-models")).to_contain_text("Nuôi ong lấy mật")
    expect(page.get_by_role("link", name="Sửa mô hình Nuôi ong lấy mật")).to_have_count(0)
    expect(page.get_by_role("link", name="Ghi danh")).to_have_count(0)
