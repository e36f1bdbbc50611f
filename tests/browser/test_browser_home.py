import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_vietnamese_then_english(live_server: LiveServer, page: Page) -> None:
    page.goto(live_server.url)
    expect(page.locator("h1")).to_have_text("Hệ thống quản lý giảm nghèo")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text("Poverty reduction management system")
    expect(page.locator("html")).to_have_attribute("lang", "en")
