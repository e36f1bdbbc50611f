"""The Decision 24 reports: the preliminary (proposed results), the official (recognised) and
the monthly regular-review report, as Excel workbooks whose figures match the selectors, per
village, commune and in total, within the reader's scope."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from python_calamine import CalamineWorkbook
from tests.apps.review.review_support import (
    Clock,
    Place,
    place_make,
    recognise,
    walk_to_posting,
)

from giamngheo.apps.review.models import HouseholdStatus, ReviewEntry
from giamngheo.apps.review.report_xlsx import HEADER_ROW, report_headers, report_xlsx
from giamngheo.apps.review.reports import report_due_on, reports_for, review_report
from giamngheo.apps.review.selectors import transition_counts
from giamngheo.apps.review.services import campaign_open

pytestmark = pytest.mark.django_db


def workbook_rows(content: bytes) -> dict[str, dict[str, Any]]:
    """``{unit name: {header: value}}`` from a report workbook, checking the headers."""
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
    rows = sheet.to_python()
    headers = [str(h) for h in rows[HEADER_ROW]]
    assert headers == report_headers()
    return {str(r[1]): dict(zip(headers, r, strict=True)) for r in rows[HEADER_ROW + 1 :]}


@pytest.fixture
def two_communes(place: Place, clock: Clock) -> tuple[Place, Place]:
    other = place_make("Thôn Pác Cáp", commune_code="05983", tag="2")
    other.campaign = place.campaign
    walk_to_posting(place)
    walk_to_posting(other)
    return place, other


def test_the_preliminary_report_counts_the_proposed_results(two_communes, clock) -> None:
    place, other = two_communes
    report = review_report(user=place.province_officer, campaign=place.campaign, kind="preliminary")
    rows = workbook_rows(report_xlsx(report))
    assert list(rows) == [
        place.commune.name,
        "Thôn Nà Pàn",
        other.commune.name,
        "Thôn Pác Cáp",
        "Tổng cộng",
    ]
    village = rows["Thôn Nà Pàn"]
    assert (village["Số hộ được rà soát"], village["Hộ nghèo"], village["Hộ cận nghèo"]) == (
        4,
        2,
        1,
    )
    assert (village["Thoát nghèo"], village["Nghèo phát sinh"], village["Tái nghèo"]) == (1, 1, 0)
    entries = ReviewEntry.objects.filter(campaign=place.campaign)
    total = rows["Tổng cộng"]
    assert total["Số hộ được rà soát"] == entries.count() == 8
    assert total["Hộ nghèo"] == entries.filter(proposed_status="poor").count() == 4
    assert total["Thoát nghèo"] == entries.filter(transition="escaped").count() == 2
    assert total["Cấp"] == "Tổng"


def test_the_official_report_matches_the_transition_counts(two_communes, clock) -> None:
    place, other = two_communes
    recognise(place, clock)
    recognise(other, clock)
    user, campaign = place.province_officer, place.campaign
    rows = workbook_rows(report_xlsx(review_report(user=user, campaign=campaign, kind="official")))
    labels = set(report_headers()[7:])
    for by in ("commune", "village"):
        for count in transition_counts(user=user, by=by, campaign=campaign):
            if count.label in labels:
                assert rows[count.unit_name][count.label] == count.households
    assert rows["Tổng cộng"]["Hộ nghèo"] == HouseholdStatus.objects.filter(status="poor").count()
    assert rows["Tổng cộng"]["Hộ cận nghèo"] == 2
    assert rows[place.commune.name]["Nghèo phát sinh"] == 1


def test_a_commune_sees_only_itself_and_a_village_head_only_the_village(two_communes) -> None:
    place, other = two_communes
    mine = workbook_rows(
        report_xlsx(review_report(user=place.officer, campaign=place.campaign, kind="preliminary"))
    )
    assert list(mine) == [place.commune.name, "Thôn Nà Pàn", "Tổng cộng"]
    assert mine["Tổng cộng"]["Số hộ được rà soát"] == 4
    head = review_report(user=other.head, campaign=place.campaign, kind="preliminary")
    assert [r.name for r in head.rows] == [other.commune.name, "Thôn Pác Cáp", "Tổng cộng"]


def test_reports_of_each_kind_of_review_and_their_deadlines(place: Place) -> None:
    assert place.campaign is not None
    assert reports_for(place.campaign) == ("preliminary", "official")
    assert report_due_on(place.campaign, "preliminary") == dt.date(2026, 11, 15)
    assert report_due_on(place.campaign, "official") == dt.date(2026, 12, 20)
    regular = campaign_open(
        actor=place.province_officer, province=place.commune.province, kind="regular",
        year=2026, month=3,
    )  # fmt: skip
    assert reports_for(regular) == ("monthly",)
    assert report_due_on(regular, "monthly") == dt.date(2026, 4, 5)
    report = review_report(user=place.officer, campaign=regular, kind="monthly")
    assert "tháng 3/2026" in report.title
    assert workbook_rows(report_xlsx(report))["Tổng cộng"]["Số hộ được rà soát"] == 0
    with pytest.raises(ValidationError):
        review_report(user=place.officer, campaign=regular, kind="official")
