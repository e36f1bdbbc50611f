"""The review API: campaigns, progress, entries per village, the village steps, complaints and
the decision through the same services as the pages; the public posted list needs no
sign-in; another place's records are missing (404) or absent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from tests.api.api_support import API, FAR, NEIGHBOUR, error_of, session_client
from tests.apps.review.conftest import clock, place
from tests.apps.review.review_support import Clock, Place, walk_to_classified, walk_to_posting
from tests.factories import UserFactory

from giamngheo.apps.geo.models import Commune
from giamngheo.apps.review import services
from giamngheo.apps.review.models import Complaint, RecognitionDecision, ReviewEntry

pytestmark = pytest.mark.django_db
__all__ = ["clock", "place"]
JSON: dict[str, Any] = {"content_type": "application/json"}


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.content
    return response.json()


def test_campaigns_progress_and_entries(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    officer = session_client(place.officer)
    services.campaign_listing(actor=place.head, campaign=campaign, village=place.village)
    page = _ok(officer.get(f"{API}/review/campaigns"))
    assert [c["id"] for c in page["items"]] == [campaign.pk]
    detail = _ok(officer.get(f"{API}/review/campaigns/{campaign.pk}"))
    assert (detail["kind"], detail["request_form"]) == ("periodic", "01")
    (commune,) = _ok(officer.get(f"{API}/review/campaigns/{campaign.pk}/progress"))
    assert commune["commune"]["code"] == place.commune.code
    assert commune["villages"][0]["listed"] == 3
    assert commune["villages"][0]["step"] == "surveys"
    url = f"{API}/review/campaigns/{campaign.pk}/villages/{place.village.code}/entries"
    entries = _ok(officer.get(url))
    assert [e["household_code"] for e in entries["items"]] == ["H-A", "H-B", "H-D"]
    assert entries["count"] == 3


def test_meeting_posting_complaint_and_decision(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    walk_to_classified(place)  # listing, surveys and classification by the services
    base = f"{API}/review/campaigns/{campaign.pk}"
    officer, head = session_client(place.officer), session_client(place.head)
    meeting = {"held_on": "2026-10-01", "attendees": 10, "votes_for": 11, "chaired_by": "Ông Tư"}
    refused = head.post(f"{base}/villages/{place.village.code}/meetings", meeting, **JSON)
    assert refused.status_code == 422
    assert error_of(refused)["code"] == "invalid"
    meeting["votes_for"] = 6
    village = f"{base}/villages/{place.village.code}"
    assert _ok(head.post(f"{village}/meetings", meeting, **JSON), 201)["passed"]
    posting = _ok(officer.post(f"{village}/posting", {"starts_on": "2026-10-01"}, **JSON), 201)
    assert posting["ends_on"] == "2026-10-05"
    public = _ok(Client().get(f"{API}/review/postings/{posting['public_slug']}"))
    assert public["state"] == "open"
    assert {r["head"] for r in public["rows"]} == {f"Hoàng Văn {k}" for k in "ABCD"}
    assert "H-A" not in str(public)
    entry = ReviewEntry.objects.get(household__code="H-A")
    body = {"complainant": "Nông Văn X", "received_on": "2026-10-01", "reason": "Còn khó khăn"}
    complaint = _ok(officer.post(f"{API}/review/entries/{entry.pk}/complaints", body, **JSON), 201)
    assert complaint["due_on"] == "2026-10-06"
    recheck = {"checked_on": "2026-10-01", "surveyed_on": "2026-10-01", "income_vnd": 900_000,
               "deprivations": {"water": True, "latrine": True, "telecom": True},
               "outcome_note": "Hộ mất nguồn thu nhập"}  # fmt: skip
    checked = _ok(
        officer.post(f"{API}/review/complaints/{complaint['id']}/recheck", recheck, **JSON)
    )
    assert (checked["outcome"], checked["status_before"]) == ("changed", "not_poor")
    assert (checked["status_after"], checked["checked_on"]) == ("poor", "2026-10-01")
    assert Complaint.objects.get().outcome_note == "Hộ mất nguồn thu nhập"
    again = officer.post(f"{API}/review/complaints/{complaint['id']}/recheck", recheck, **JSON)
    assert again.status_code == 422
    assert "đã được phúc tra" in str(error_of(again)["fields"])
    clock.set(dt.date(2026, 10, 9))
    chairman = session_client(place.chairman)
    decision = {"number": "9/QĐ-UBND", "signed_on": "2026-10-09"}
    decide = f"{base}/communes/{place.commune.code}/decision"
    made = _ok(chairman.post(decide, decision, **JSON), 201)
    assert RecognitionDecision.objects.get().pk == made["id"]
    ended = _ok(Client().get(f"{API}/review/postings/{posting['public_slug']}"))
    assert (ended["state"], ended["rows"]) == ("ended", [])
    missing = Client().get(f"{API}/review/postings/{posting['id']}")
    assert error_of(missing)["code"] == "not_found"


def test_survey_form_of_a_listed_household(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    services.campaign_listing(actor=place.head, campaign=campaign, village=place.village)
    entry = ReviewEntry.objects.get(household__code="H-D")
    officer = session_client(place.officer)
    url = f"{API}/review/entries/{entry.pk}/survey"
    form = {"surveyed_on": "2026-09-25", "income_vnd": 1_100_000, "latrine_type": "none",
            "deprivations": {"water": True, "latrine": True}}  # fmt: skip
    survey = _ok(officer.post(url, form, **JSON), 201)
    assert (survey["year"], survey["kind"], survey["income_vnd"]) == (2026, "periodic", 1_100_000)
    assert survey["deprived"] == ["water", "latrine"]
    entry.refresh_from_db()
    assert entry.survey_id == survey["id"]
    assert entry.survey is not None
    assert entry.survey.latrine_type == "none"

    unknown = officer.post(url, {**form, "deprivations": {"wifi": True}}, **JSON)
    assert unknown.status_code == 422
    assert "wifi" in str(unknown.json())
    future = officer.post(url, {**form, "surveyed_on": "2026-10-02"}, **JSON)
    assert future.status_code == 422
    assert "Ngày rà soát" in str(error_of(future)["fields"])
    head = session_client(place.head)  # a village head lists households, an officer surveys
    assert head.post(url, form, **JSON).status_code == 403
    neighbour = session_client(UserFactory(unit=Commune.objects.get(code=NEIGHBOUR)))
    assert neighbour.post(url, form, **JSON).status_code == 404


def test_another_communes_review_is_missing(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    walk_to_posting(place)
    neighbour = session_client(UserFactory(unit=Commune.objects.get(code=NEIGHBOUR)))
    base = f"{API}/review/campaigns/{campaign.pk}"
    progress = _ok(neighbour.get(f"{base}/progress"))
    assert [p["commune"]["code"] for p in progress] == [NEIGHBOUR]
    entry = ReviewEntry.objects.get(household__code="H-A")
    answers = [
        neighbour.get(f"{base}/villages/{place.village.code}/entries"),
        neighbour.post(f"{base}/villages/{place.village.code}/meetings", {
            "held_on": "2026-10-01", "attendees": 5, "votes_for": 5, "chaired_by": "X"}, **JSON),
        neighbour.post(f"{base}/villages/{place.village.code}/posting",
                       {"starts_on": "2026-10-01"}, **JSON),
        neighbour.post(f"{API}/review/entries/{entry.pk}/complaints", {
            "complainant": "X", "received_on": "2026-10-01", "reason": "Y"}, **JSON),
        neighbour.post(f"{API}/review/entries/{entry.pk}/survey", {
            "surveyed_on": "2026-09-25", "income_vnd": 1}, **JSON),
        neighbour.post(f"{base}/communes/{place.commune.code}/decision",
                       {"number": "1", "signed_on": "2026-10-01"}, **JSON),
    ]  # fmt: skip
    for response in answers:
        assert response.status_code == 404, response.content
        assert error_of(response)["code"] == "not_found"
    assert not Complaint.objects.exists()
    far = session_client(UserFactory(unit=Commune.objects.get(code=FAR)))
    assert _ok(far.get(f"{API}/review/campaigns"))["items"] == []
    assert far.get(f"{base}").status_code == 404
    assert Client().get(f"{API}/review/campaigns").status_code == 401
