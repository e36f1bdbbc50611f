"""Steps shared by the browser walks."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

PASSWORD = "mat-khau-thu"  # UserFactory's


def sign_in(page: Page, server: LiveServer, username: str) -> None:
    """Sign in through the form and wait for the signed-in header."""
    page.goto(f"{server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".who strong")).to_be_visible()
