"""The review pages with Django's test client: each role walks its part of the flow; the
public posting needs no sign-in and shows no codes, citizen IDs or dates of birth; pages of
other places are missing (404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from tests.apps.review.review_support import Clock, Place, survey_2026
from tests.factories import session_client

from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.review import services
from giamngheo.apps.review.models import Posting, RecognitionDecision, ReviewEntry, VillageMeeting

pytestmark = pytest.mark.django_db


def test_the_flow_through_the_pages(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    officer, head, chairman = (
        session_client(u) for u in (place.officer, place.head, place.chairman)
    )
    commune_url = reverse("web:review-commune", args=[campaign.pk, place.commune.pk])
    village_url = reverse("web:review-village", args=[campaign.pk, place.village.pk])
    assert officer.get(reverse("web:review-campaigns")).status_code == 200
    assert officer.get(reverse("web:review-campaign", args=[campaign.pk])).status_code == 200
    officer.post(reverse("web:review-commune-action", args=[campaign.pk, place.commune.pk,
                                                             "lap-danh-sach"]))  # fmt: skip
    assert ReviewEntry.objects.count() == 3
    response = officer.post(village_url, {
        "step": "de-nghi", "de-nghi-household": place.households["C"].pk,
        "de-nghi-received_on": "2026-09-20", "de-nghi-reason": "Mất mùa",
    })  # fmt: skip
    assert response.status_code == 302
    for entry in ReviewEntry.objects.all():
        data = {"surveyed_on": "2026-09-25"} | {
            k: ("on" if v is True else v) for k, v in survey_2026(entry.household.code[-1]).items()
        }
        assert officer.post(reverse("web:review-survey", args=[entry.pk]), data).status_code == 302
    services.campaign_classify(actor=place.officer, campaign=campaign, commune=place.commune)
    response = head.post(village_url, {
        "step": "hop-dan", "hop-dan-held_on": "2026-10-01", "hop-dan-attendees": "10",
        "hop-dan-votes_for": "11", "hop-dan-chaired_by": "Hoàng Văn Trưởng",
    })  # fmt: skip
    assert "lớn hơn số người dự họp" in response.content.decode()
    assert not VillageMeeting.objects.exists()
    head.post(village_url, {
        "step": "hop-dan", "hop-dan-held_on": "2026-10-01", "hop-dan-attendees": "10",
        "hop-dan-votes_for": "8", "hop-dan-chaired_by": "Hoàng Văn Trưởng",
    })  # fmt: skip
    meeting = VillageMeeting.objects.get()
    assert (
        "BIÊN BẢN HỌP DÂN"
        in head.get(reverse("web:review-minutes", args=[meeting.pk])).content.decode()
    )
    officer.post(village_url, {"step": "niem-yet", "niem-yet-starts_on": "2026-10-01",
                               "niem-yet-working_days": "3"})  # fmt: skip
    posting = Posting.objects.get()
    public_url = reverse("web:review-posting", args=[posting.slug])
    assert len(posting.slug) >= 22
    assert f"/{posting.pk}/" not in public_url
    public = Client().get(public_url).content.decode()
    assert "Hoàng Văn C" in public
    assert "H-C" not in public  # no household codes, citizen IDs or dates of birth
    assert Client().get(f"/ra-soat/niem-yet/{posting.pk}/").status_code == 404
    sheet_url = reverse("web:review-posting-sheet", args=[posting.pk])
    assert Client().get(sheet_url).status_code == 302  # the print copy needs a sign-in
    clock.set(dt.date(2026, 10, 9))
    ended = Client().get(public_url).content.decode()
    assert "Thời gian niêm yết đã kết thúc" in ended
    assert "Hoàng Văn C" not in ended
    assert "Hoàng Văn C" in officer.get(sheet_url).content.decode()
    response = chairman.post(commune_url, {"number": "15/QĐ-UBND", "signed_on": "2026-10-09"})
    assert response.status_code == 302
    decision = RecognitionDecision.objects.get()
    text = chairman.get(reverse("web:review-decision", args=[decision.pk])).content.decode()
    assert "15/QĐ-UBND" in text
    assert "Thoát nghèo" in text
    certificates = chairman.get(reverse("web:review-certificates", args=[decision.pk]))
    assert certificates.content.decode().count("GIẤY CHỨNG NHẬN HỘ") == 3
    history = officer.get(reverse("web:review-history", args=[place.households["A"].pk]))
    assert "hộ mới thoát nghèo" in history.content.decode()
    assert "Nghèo phát sinh" in officer.get(reverse("web:review-transitions")).content.decode()
    assert officer.get(commune_url).status_code == 200


def test_pages_of_other_places_are_missing(place: Place) -> None:
    campaign = place.campaign
    assert campaign is not None
    head = session_client(place.head)
    assert (
        head.get(reverse("web:review-commune", args=[campaign.pk, place.commune.pk])).status_code
        == 404
    )
    other = Village.objects.create(
        commune=Commune.objects.get(code="05977"), code="X1", name="Khác"
    )
    assert head.get(reverse("web:review-village", args=[campaign.pk, other.pk])).status_code == 404
    assert (
        head.get(reverse("web:review-village", args=[campaign.pk, place.village.pk])).status_code
        == 200
    )
    assert Client().get(reverse("web:review-campaigns")).status_code == 302
