"""One village through the whole review in chromium: the officer lists the households,
receives a written request, imports the survey file (a background job with its progress
widget), classifies (another job); the village head records the meeting; the officer posts
the list (public page without sign-in), receives a complaint and re-checks it; the chairman
signs the decision. Statuses, history and the generated documents are checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer
from tests.apps.review.review_support import Clock, Place, campaign_make, place_make

from giamngheo.apps.review.imports import CODE, DAY, INCOME, Layout
from giamngheo.apps.review.models import HouseholdStatus, Posting
from giamngheo.domain.standards import standard_get

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-thu"


@pytest.fixture
def walk(geo_units: None, monkeypatch: Any) -> tuple[Place, Clock]:
    clock = Clock(monkeypatch, dt.date(2026, 10, 1))
    place = place_make()
    campaign_make(place)
    return place, clock


@pytest.fixture
def sign_in(browser: Browser, live_server: LiveServer) -> Iterator[Callable[[str], Page]]:
    contexts = []

    def open_as(username: str) -> Page:
        context = browser.new_context(locale="vi-VN", accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        return page

    yield open_as
    for context in contexts:
        context.close()


def _survey_file(tmp_path: Path) -> Path:
    layout = Layout(standard=standard_get("vn-2022-2025"))
    plan = {"H-A": 5_000_000, "H-B": 1_300_000, "H-C": 1_200_000, "H-D": 900_000}
    poor = {"Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh", "Sử dụng dịch vụ viễn thông"}
    data: dict[str, list[str]] = {CODE: list(plan), DAY: ["25/09/2026"] * 4,
                                  INCOME: [str(v) for v in plan.values()]}  # fmt: skip
    for header in layout.flags:
        data[header] = ["1" if code in ("H-C", "H-D") and header in poor else "0" for code in plan]
    path = tmp_path / "phieu-ra-soat.xlsx"
    pl.DataFrame(data).write_excel(path)
    return path


def _row(page: Page, code: str) -> Any:
    return page.locator(f"#entries tr[data-code='{code}']")


def test_a_village_walks_through_the_review(
    walk: tuple[Place, Clock], sign_in: Callable[[str], Page], live_server: LiveServer,
    run_worker: Callable[[], None], tmp_path: Path, browser: Browser,
) -> None:  # fmt: skip
    place, clock = walk
    officer = sign_in("canbo")
    officer.goto(f"{live_server.url}/ra-soat/")
    officer.get_by_role("link", name="Rà soát định kỳ – Tỉnh Lạng Sơn").click()
    officer.get_by_role("link", name=place.commune.name).click()
    officer.get_by_role("button", name="Lập danh sách hộ nghèo, cận nghèo hiện có").click()
    expect(officer.locator("#villages tbody tr").first).to_contain_text("3")
    commune_url = officer.url
    officer.get_by_role("link", name="Thôn Nà Pàn").click()
    village_url = officer.url
    form = officer.locator("#form-de-nghi")
    form.get_by_label("Hộ", exact=True).select_option(label="H-C")
    form.get_by_label("Ngày nhận giấy đề nghị").fill("2026-09-20")
    form.get_by_label("Nội dung đề nghị").fill("Mất mùa, chồng ốm nặng")
    form.get_by_role("button", name="Ghi nhận đề nghị").click()
    expect(_row(officer, "H-C")).to_contain_text("mẫu 01")

    officer.goto(commune_url)
    officer.get_by_label("Tệp phiếu rà soát (.xlsx, .csv)").set_input_files(_survey_file(tmp_path))
    officer.get_by_role("button", name="Nhập phiếu từ tệp").click()
    widget = officer.locator("section.job").first
    expect(widget).to_contain_text("Đang chờ")
    run_worker()
    expect(widget).to_contain_text("Đã nhập 4 phiếu rà soát.", timeout=10_000)
    officer.get_by_role("button", name="Phân loại và lập danh sách đề xuất").click()
    run_worker()
    expect(officer.locator("section.job").first).to_contain_text("Đã xong", timeout=10_000)
    officer.goto(village_url)
    expect(_row(officer, "H-A").locator(".transition")).to_have_text("Thoát nghèo")
    expect(_row(officer, "H-C").locator(".transition")).to_have_text("Nghèo phát sinh")
    expect(_row(officer, "H-D").locator(".proposed")).to_have_text("Hộ nghèo")

    head = sign_in("truongthon")
    head.goto(f"{live_server.url}/ra-soat/")
    head.get_by_role("link", name="Rà soát định kỳ – Tỉnh Lạng Sơn").click()
    head.get_by_role("link", name=place.commune.name).click()
    meeting = head.locator("#form-hop-dan")
    meeting.get_by_label("Ngày họp").fill("2026-10-01")
    meeting.get_by_label("Số người dự họp").fill("40")
    meeting.get_by_label("Số người đồng ý").fill("41")
    meeting.get_by_label("Người chủ trì").fill("Hoàng Văn Trưởng")
    meeting.get_by_role("button", name="Ghi kết quả họp").click()
    expect(head.locator("#form-hop-dan .alert.error")).to_contain_text("lớn hơn số người dự họp")
    head.locator("#form-hop-dan").get_by_label("Số người đồng ý").fill("31")
    head.locator("#form-hop-dan").get_by_role("button", name="Ghi kết quả họp").click()
    head.get_by_role("link", name="Biên bản").click()
    expect(head.locator("article")).to_contain_text("BIÊN BẢN HỌP DÂN")
    expect(head.locator("article")).to_contain_text("Nghèo phát sinh")

    officer.goto(village_url)
    posting = officer.locator("#form-niem-yet")
    posting.get_by_label("Ngày bắt đầu niêm yết").fill("2026-10-01")
    posting.get_by_role("button", name="Bắt đầu niêm yết").click()
    expect(officer.locator("main")).to_contain_text("đến hết 05/10/2026")
    public_href = officer.get_by_role("link", name="Trang công khai").get_attribute("href")
    assert public_href is not None
    assert public_href.endswith(f"/niem-yet/{Posting.objects.get().slug}/")
    anonymous = browser.new_context(locale="vi-VN").new_page()
    anonymous.goto(f"{live_server.url}{public_href}")
    expect(anonymous.locator("#posted")).to_contain_text("Hoàng Văn C")
    expect(anonymous.locator("#posted")).not_to_contain_text("H-C")
    officer.get_by_role("link", name="Danh sách niêm yết (bản in)").click()
    expect(officer.locator("#posted")).to_contain_text("Hoàng Văn C")
    officer.go_back()

    clock.set(dt.date(2026, 10, 5))
    complaint = officer.locator("#form-khieu-nai")
    complaint.get_by_label("Hộ bị khiếu nại").select_option(label="H-A — Hoàng Văn A")
    complaint.get_by_label("Người khiếu nại").fill("Nông Văn Hàng Xóm")
    complaint.get_by_label("Ngày nhận khiếu nại").fill("2026-10-05")
    complaint.get_by_label("Nội dung khiếu nại").fill("Hộ A vẫn còn khó khăn")
    complaint.get_by_role("button", name="Ghi nhận khiếu nại").click()
    expect(officer.locator("#complaints")).to_contain_text("08/10/2026")
    officer.get_by_role("link", name="Phúc tra").click()
    officer.get_by_label("Ngày rà soát").fill("2026-10-05")
    officer.get_by_label("Thu nhập bình quân (đồng/người/tháng)").fill("1400000")
    officer.get_by_label("Nguồn nước sinh hoạt").check()
    officer.get_by_label("Ngày phúc tra").fill("2026-10-05")
    officer.get_by_role("button", name="Ghi kết quả phúc tra").click()
    expect(officer.locator("#complaints")).to_contain_text("Điều chỉnh kết quả")
    expect(_row(officer, "H-A").locator(".transition")).to_have_text("Từ nghèo sang cận nghèo")

    clock.set(dt.date(2026, 10, 9))
    chairman = sign_in("chutich")
    chairman.goto(commune_url)
    chairman.get_by_label("Số quyết định").fill("25/QĐ-UBND")
    chairman.get_by_label("Ngày ký").fill("2026-10-09")
    chairman.get_by_role("button", name="Ký quyết định công nhận").click()
    chairman.get_by_role("link", name="Xem, in quyết định").click()
    expect(chairman.locator("#decided")).to_contain_text("Từ nghèo sang cận nghèo")
    expect(chairman.locator("article")).to_contain_text("25/QĐ-UBND")
    chairman.go_back()
    chairman.get_by_role("link", name="In giấy chứng nhận").click()
    expect(chairman.locator("article.certificate")).to_have_count(4)  # A near-poor, B, C, D

    statuses = dict(HouseholdStatus.objects.values_list("household__code", "status"))
    assert statuses == {"H-A": "near_poor", "H-B": "near_poor", "H-C": "poor", "H-D": "poor"}
    anonymous.goto(f"{live_server.url}{public_href}")
    expect(anonymous.locator("#posting-ended")).to_contain_text("Thời gian niêm yết đã kết thúc")
    expect(anonymous.locator("#posted")).to_have_count(0)
    anonymous.context.close()
    officer.goto(f"{live_server.url}/ra-soat/lich-su/{place.households['C'].pk}/")
    expect(officer.locator("#history")).to_contain_text("Nghèo phát sinh")
    expect(officer.locator("#current")).to_contain_text("Hộ nghèo")
