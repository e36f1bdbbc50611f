"""The reports page of a unit and its downloads: links in Vietnamese (Excel named in each),
ASCII file names with Vietnamese titles inside, the Decision 24 reports linked, a missing PDF
library answered with a clear 503, and roles without export shown no download."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from tests.apps.monitoring.exports_support import YEAR, Scene, scene_make, sheets, texts
from tests.factories import UserFactory, session_client

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.review.models import ReviewCampaign

pytestmark = pytest.mark.django_db
LINKS = ("Tải Excel biểu 01", "Tải Excel biểu 02", "Tải Excel báo cáo 6 tháng",
         "Tải Excel báo cáo năm")  # fmt: skip


@pytest.fixture
def scene() -> Scene:
    return scene_make(households=200)


def _page(user: object, level: str, code: str, **query: Any) -> str:
    response = session_client(user).get(
        reverse("web:monitoring-reports", args=[level, code]), query
    )
    assert response.status_code == 200
    return response.content.decode()


def test_province_page_lists_every_export_and_the_review_reports(scene: Scene) -> None:
    campaign = ReviewCampaign.objects.create(
        province=scene.province, year=YEAR, kind="periodic", opens_on=dt.date(YEAR, 9, 1),
        closes_on=dt.date(YEAR, 12, 14), standard_id="vn-2022-2025",
    )  # fmt: skip
    page = _page(scene.world.officer, "province", scene.province.code)
    for text in LINKS:
        assert text in page
    assert "Tải tóm tắt PDF" not in page, "the PDF summary is a commune's"
    assert "trước ngày 01/06/2025" in page
    assert "trước ngày 01/12/2025" in page
    assert reverse("web:review-reports", args=[campaign.pk]) in page
    assert f"tt10-bieu-01.xlsx?nam={YEAR}&amp;chuan=vn-2022-2025" in page


def test_commune_page_offers_the_pdf_and_years_choose_the_links(scene: Scene) -> None:
    page = _page(scene.world.officer, "commune", scene.commune.code, nam=2023)
    assert "Tải tóm tắt PDF" in page
    assert "tom-tat.pdf?nam=2023" in page


def test_a_village_page_points_to_the_commune(scene: Scene) -> None:
    from giamngheo.apps.geo.models import Village

    village = Village.objects.filter(commune_id=scene.commune.pk).first()
    assert village is not None
    page = _page(scene.world.officer, "village", village.code)
    assert 'id="village-note"' in page
    assert "Tải Excel" not in page


def test_a_role_without_export_sees_the_page_without_downloads(scene: Scene) -> None:
    page = _page(scene.world.front, "province", scene.province.code)
    assert 'id="no-export"' in page
    assert "Tải Excel" not in page


def _download(user: object, name: str, level: str, code: str, **query: Any) -> Any:
    url = reverse(f"web:monitoring-export-{name}", args=[level, code])
    return session_client(user).get(url, {"nam": YEAR, **query})


def test_downloads_have_ascii_names_and_vietnamese_titles(scene: Scene) -> None:
    officer, code = scene.world.officer, scene.province.code
    response = _download(officer, "form01", "province", code)
    name = f"TT10_Bieu01_{code}_{YEAR}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "Biểu số 01: Chỉ số, khung kết quả" in texts(response.content)
    response = _download(officer, "report", "province", code, ky="6-thang")
    assert f"TT10_BaoCao6Thang_{code}_{YEAR}.xlsx" in response["Content-Disposition"]
    assert _download(officer, "report", "province", code, ky="quy").status_code == 404
    response = _download(officer, "pdf", "commune", scene.commune.code)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert _download(officer, "pdf", "province", code).status_code == 404
    assert _download(officer, "form01", "village", "x").status_code == 404


def test_exports_stay_vietnamese_when_the_reader_uses_english(scene: Scene) -> None:
    client = session_client(scene.world.officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    url = reverse("web:monitoring-export-form02", args=["province", scene.province.code])
    body = client.get(url, {"nam": YEAR}).content
    assert "Vay vốn ưu đãi" in texts(body)
    assert "Biểu 02" in sheets(body)


@pytest.mark.usefixtures("pango_missing")
def test_a_missing_pdf_library_answers_503_in_vietnamese(scene: Scene) -> None:
    response = _download(scene.world.officer, "pdf", "commune", scene.commune.code)
    assert response.status_code == 503
    page = response.content.decode()
    assert "libpango-1.0-0" in page
    assert "Chưa tạo được tệp PDF" in page


def test_an_auditor_of_the_province_may_download(scene: Scene) -> None:
    auditor = UserFactory(role=Role.AUDITOR, unit=scene.province)
    response = _download(auditor, "form02", "commune", scene.commune.code)
    assert response.status_code == 200
