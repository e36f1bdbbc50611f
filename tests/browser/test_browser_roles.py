"""Three roles sign in through the real page in chromium and each sees only their part of the
registry; the search runs through HTMX without putting the name in the URL; repeated wrong
passwords lock the account."""

from __future__ import annotations

import pytest
from django.utils.translation import override
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.factories import HouseholdFactory, MemberFactory, UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Village

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-thu"


@pytest.fixture
def registry(geo_units: None) -> dict[str, Village]:
    home = Commune.objects.get(code="05977")
    villages = {
        "v1": Village.objects.create(commune=home, code="05977-1", name="Thôn Nà Pàn"),
        "v2": Village.objects.create(commune=home, code="05977-2", name="Thôn Khòn Phổ"),
        "neighbour": Village.objects.create(
            commune=Commune.objects.get(code="05983"), code="05983-1", name="Thôn Pác Cáp"
        ),
    }
    for key, village in villages.items():
        household = HouseholdFactory(village=village, code=f"H-{key}")
        MemberFactory(household=household, full_name=f"Hoàng Văn {key}", citizen_id=None)
    return villages


def _sign_in(page: Page, server: LiveServer, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _codes(page: Page) -> set[str]:
    return set(page.locator("#table tbody tr td:first-child a").all_inner_texts())


@pytest.mark.parametrize(
    ("role", "unit_key", "expected", "sees_audit"),
    [
        (Role.VILLAGE_HEAD, "v1", {"H-v1"}, False),
        (Role.COMMUNE_OFFICER, "commune", {"H-v1", "H-v2"}, True),
        (Role.PROVINCE_OFFICER, "province", {"H-v1", "H-v2", "H-neighbour"}, True),
    ],
)
def test_each_role_sees_only_its_scope(
    live_server: LiveServer,
    page: Page,
    registry: dict[str, Village],
    role: Role,
    unit_key: str,
    expected: set[str],
    sees_audit: bool,
) -> None:
    commune = registry["v1"].commune
    unit = {"v1": registry["v1"], "commune": commune, "province": commune.province}[unit_key]
    UserFactory(username="nguoidung", role=role, unit=unit, first_name="Lương Thị Hà")
    _sign_in(page, live_server, "nguoidung")
    expect(page.locator(".who strong")).to_have_text("Lương Thị Hà")
    with override("vi"):
        expect(page.locator("#scope")).to_contain_text(str(role.label))
    page.get_by_role("link", name="Hộ gia đình").click()
    expect(page.locator("h1")).to_have_text("Hộ gia đình")
    assert _codes(page) == expected
    expect(page.get_by_role("link", name="Nhật ký thay đổi")).to_have_count(int(sees_audit))
    outside = Village.objects.get(code="05983-1").households.get()
    response = page.goto(f"{live_server.url}/ho/{outside.pk}/")
    assert response is not None
    assert response.status == (200 if "H-neighbour" in expected else 404)


def test_search_updates_the_table_without_the_name_in_the_url(
    live_server: LiveServer, page: Page, registry: dict[str, Village]
) -> None:
    UserFactory(username="canbo")
    _sign_in(page, live_server, "canbo")
    page.goto(f"{live_server.url}/ho/")
    with page.expect_response(lambda r: r.url.endswith("/ho/") and r.request.method == "POST"):
        page.get_by_label("Tìm theo mã hộ, địa chỉ hoặc tên thành viên").fill("Hoàng Văn v2")
    expect(page.locator("#table tbody tr")).to_have_count(1)
    assert _codes(page) == {"H-v2"}
    assert "Ho" not in page.url.split("/ho/")[-1]
    page.get_by_role("link", name="H-v2").click()
    expect(page.locator("h1")).to_have_text("Hộ H-v2")
    expect(page.locator("#members")).to_contain_text("Hoàng Văn v2")


def test_five_wrong_passwords_lock_the_account(
    live_server: LiveServer, page: Page, registry: dict[str, Village]
) -> None:
    UserFactory(username="canbo")
    for _ in range(5):
        _sign_in(page, live_server, "canbo", "sai-mat-khau")
        expect(page.locator(".alert.error")).to_be_visible()
    _sign_in(page, live_server, "canbo")
    expect(page.locator(".alert.error")).to_contain_text("tạm thời bị khoá")
    expect(page.locator(".who")).to_have_count(0)
