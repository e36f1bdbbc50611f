"""The report pages: the list of a campaign's reports and the Excel downloads, scoped."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.apps.review.review_support import Clock, Place, walk_to_posting
from tests.apps.review.test_review_reports import workbook_rows
from tests.factories import FAR, UserFactory, session_client

from giamngheo.apps.geo.models import Commune

pytestmark = pytest.mark.django_db


def test_the_officer_downloads_the_preliminary_report(place: Place, clock: Clock) -> None:
    assert place.campaign is not None
    walk_to_posting(place)
    officer = session_client(place.officer)
    listing = officer.get(reverse("web:review-reports", args=[place.campaign.pk]))
    assert "Báo cáo sơ bộ kết quả rà soát định kỳ năm 2026" in listing.content.decode()
    response = officer.get(reverse("web:review-report", args=[place.campaign.pk, "so-bo"]))
    assert response.status_code == 200
    assert "so-bo.xlsx" in response["Content-Disposition"]
    rows = workbook_rows(response.content)
    assert rows["Thôn Nà Pàn"]["Số hộ được rà soát"] == 4
    missing = officer.get(reverse("web:review-report", args=[place.campaign.pk, "hang-thang"]))
    assert missing.status_code == 404


def test_another_provinces_officer_finds_no_report(place: Place) -> None:
    assert place.campaign is not None
    stranger = session_client(UserFactory(unit=Commune.objects.get(code=FAR)))
    for url in (
        reverse("web:review-reports", args=[place.campaign.pk]),
        reverse("web:review-report", args=[place.campaign.pk, "chinh-thuc"]),
    ):
        assert stranger.get(url).status_code == 404
