"""A commune officer links a Fatherland Front gift list against the registry (a background
job the real worker runs while the page follows its progress), decides the uncertain pair in
the review queue — its explanation in Vietnamese — undoes it, then reads the overlap and
omission reports and downloads one as Excel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.linkage.linkage_support import officer, scenario
from tests.browser.browser_support import sign_in

from giamngheo.apps.linkage.models import PairStatus, ReviewDecision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_queue_and_reports(
    live_server: LiveServer, page: Page, geo_units: None, run_worker: Callable[[], None]
) -> None:
    actor = officer()
    people = scenario(actor, link_list=False)
    sign_in(page, live_server, actor.username)

    page.goto(f"{live_server.url}/doi-soat/")
    expect(page.locator("#queue-empty")).to_be_visible()
    page.get_by_role("button", name="Chạy đối soát").click()
    widget = page.locator("section.job").first
    expect(widget).to_contain_text("Đang chờ")
    run_worker()
    expect(widget).to_contain_text("Đã xong", timeout=10_000)
    expect(widget).to_contain_text("1 cặp chờ xem xét")
    page.get_by_role("link", name="Tải lại").click()
    pair = page.locator("section.pair")
    expect(pair).to_have_count(1)
    expect(pair).to_contain_text("Nông Dũng")
    expect(pair.locator("table.explanation")).to_contain_text("khác hoặc thiếu tên đệm")
    pair.get_by_label("Ghi chú").fill("cùng người, đã hỏi trưởng thôn")
    pair.get_by_role("button", name="Gộp: cùng một người").click()
    expect(page.locator("#queue-empty")).to_be_visible()
    assert ReviewDecision.objects.get().pair.status == PairStatus.MERGED

    page.locator("#recent").get_by_role("button", name="Huỷ quyết định").click()
    expect(page.locator("section.pair")).to_have_count(1)

    page.get_by_role("link", name="Hộ nhận trùng").click()
    page.get_by_label("Năm").fill("2025")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#overlaps")).to_contain_text(people["huong"].code)
    expect(page.locator("#overlaps")).to_contain_text("Ủy ban MTTQ xã")

    page.get_by_role("link", name="Hộ bị bỏ sót").click()
    page.get_by_label("Năm").fill("2025")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#omissions")).to_contain_text(people["lan"].code)
    expect(page.locator("#omissions")).not_to_contain_text(people["huong"].code)
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải Excel").click()
    assert download.value.suggested_filename == "bo-sot-2025.xlsx"
