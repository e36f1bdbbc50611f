"""A commune officer starts a classification run in the browser; the real worker runs it and
the progress widget, polling through HTMX, shows it finished with its counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.factories import HouseholdFactory, SurveyFactory, UserFactory, VillageFactory

from giamngheo.apps.geo.models import Commune
from giamngheo.apps.standards.models import SurveyClassification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("geo_units")
def test_classification_runs_in_the_background_with_progress(
    live_server: LiveServer, page: Page, run_worker: Callable[[], None]
) -> None:
    village = VillageFactory(commune=Commune.objects.get(code="05977"))
    poor = {"dep_water": True, "dep_latrine": True, "dep_telecom": True}
    for income, flags in ((1_000_000, poor), (1_300_000, {}), (6_000_000, {})):
        SurveyFactory(household=HouseholdFactory(village=village), income_vnd=income, **flags)
    UserFactory(username="canbo", password="mat-khau-thu")
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("canbo")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Phân loại hộ").click()
    page.get_by_label("Năm rà soát").fill("2025")
    page.get_by_role("button", name="Chạy phân loại").click()
    widget = page.locator("section.job").first
    expect(widget).to_contain_text("Đang chờ")
    run_worker()
    expect(widget).to_contain_text("Đã xong", timeout=10_000)
    expect(widget.locator("progress")).to_have_attribute("value", "3")
    assert SurveyClassification.objects.filter(status="poor").count() >= 1
