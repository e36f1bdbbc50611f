"""A provincial officer opens the dashboards: the province with its charts drawn, one of its
communes, one of that commune's villages and the village's household list; then the reports
page of the province and an Excel download."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.monitoring.monitoring_support import demo_province
from tests.browser.browser_support import sign_in
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.monitoring.refresh import aggregates_refresh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _prints_on_a4(page: Page) -> None:
    """On paper: no navigation or forms, charts within the width of an A4 page."""
    page.emulate_media(media="print")
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.locator("#choice")).to_be_hidden()
    box = page.locator("#chart-trend").bounding_box()
    assert box is not None
    assert box["width"] <= 700  # 180 mm at 96 dpi = 680 px
    assert len(page.pdf(format="A4")) > 10_000
    page.emulate_media(media="screen")


def test_province_officer_drills_down_to_households_and_exports(
    live_server: LiveServer, page: Page, geo_units: None
) -> None:
    province = demo_province(households=300)
    aggregates_refresh(province=province)
    UserFactory(username="tinh", role=Role.PROVINCE_OFFICER, unit=province)

    sign_in(page, live_server, "tinh")
    page.goto(f"{live_server.url}/theo-doi/")
    expect(page.locator("h1")).to_have_text(province.name)
    expect(page.locator("#chart-trend[data-ready='1'] svg")).to_have_count(1)
    expect(page.locator("#chart-mpi[data-ready='1'] svg")).to_have_count(1)
    expect(page.locator("#headline")).to_contain_text("Hộ nghèo và cận nghèo")
    comparison = page.locator("#comparison")  # the published figures, as migrations load them
    expect(comparison).to_contain_text("Cả nước")
    expect(comparison).to_contain_text("Xếp hạng công bố: thứ 3/14")
    _prints_on_a4(page)

    page.locator("#children tbody a").first.click()
    expect(page.locator("#dashboard")).to_have_attribute("data-level", "commune")
    expect(page.locator(".crumbs")).to_contain_text(province.name)
    commune = page.locator("h1").inner_text()
    page.locator("#children tbody a").first.click()
    expect(page.locator("#dashboard")).to_have_attribute("data-level", "village")
    village = page.locator("h1").inner_text()
    expect(page.locator(".crumbs")).to_contain_text(commune)

    page.locator("#household-list").click()
    expect(page.locator("h1")).to_have_text("Hộ gia đình")
    cells = page.locator("#table tbody tr td:nth-child(3)")
    expect(cells.first).to_have_text(village)
    assert set(cells.all_inner_texts()) == {village}

    page.goto(f"{live_server.url}/theo-doi/")
    page.get_by_role("link", name="Báo cáo, xuất số liệu").click()
    expect(page.locator("h1")).to_contain_text("Báo cáo, xuất số liệu")
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel").first.click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    assert download.path().read_bytes()[:2] == b"PK"  # an Office Open XML (zip) file
