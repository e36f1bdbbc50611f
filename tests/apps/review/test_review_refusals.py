"""Every refusal of the review: a clear Vietnamese message, and nothing saved (no row, no
audit event). Also: scope — other places' records are missing, other roles are refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from tests.apps.review.review_support import Clock, Place, survey_2026
from tests.factories import UserFactory, households_in_four_places

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.review import services
from giamngheo.apps.review.models import (
    Complaint,
    Posting,
    RecognitionDecision,
    ReviewCampaign,
    ReviewEntry,
    VillageMeeting,
)
from giamngheo.apps.review.selectors import campaign_get, entries_visible, entry_get

pytestmark = pytest.mark.django_db
D = dt.date


def _counts() -> tuple[int, ...]:
    models = (AuditEvent, ReviewCampaign, ReviewEntry, VillageMeeting, Posting, Complaint,
              RecognitionDecision)  # fmt: skip
    return tuple(m.objects.count() for m in models)


def _refused(call: Callable[[], Any], match: str) -> None:
    before = _counts()
    with pytest.raises(ValidationError, match=match):
        call()
    assert _counts() == before


def _classified(place: Place) -> None:
    assert place.campaign is not None
    services.campaign_listing(actor=place.head, campaign=place.campaign, village=place.village)
    for entry in ReviewEntry.objects.all():
        key = entry.household.code[-1]
        services.entry_survey_record(
            actor=place.officer, entry=entry, surveyed_on=D(2026, 9, 25), **survey_2026(key)
        )


def _meeting(place: Place, **kwargs: Any) -> Callable[[], Any]:
    values = {"held_on": D(2026, 10, 1), "attendees": 20, "votes_for": 12, "chaired_by": "Hoàng"}
    values |= kwargs
    return lambda: services.meeting_record(
        actor=place.head, campaign=place.campaign, village=place.village, **values
    )


def test_meeting_before_classification_is_refused(place: Place) -> None:
    _classified(place)
    _refused(_meeting(place), "chưa có kết quả phân loại")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"votes_for": 21}, "lớn hơn số người dự họp"),
        ({"attendees": 0, "votes_for": 0}, "ít nhất là 1"),
        ({"held_on": D(2026, 10, 2)}, "không được sau ngày hôm nay"),
        ({"held_on": D(2026, 8, 30)}, "trong thời gian của đợt rà soát"),
    ],
)
def test_impossible_meetings_are_refused(place: Place, kwargs: dict[str, Any], match: str) -> None:
    _classified(place)
    services.campaign_classify(actor=place.officer, campaign=place.campaign, commune=place.commune)
    _refused(_meeting(place, **kwargs), match)


def test_meeting_before_the_classification_date_is_refused(place: Place, clock: Clock) -> None:
    _classified(place)
    services.campaign_classify(actor=place.officer, campaign=place.campaign, commune=place.commune)
    _refused(_meeting(place, held_on=D(2026, 9, 30)), "trước ngày phân loại")


def test_posting_before_the_meeting_is_refused(place: Place, clock: Clock) -> None:
    _classified(place)
    services.campaign_classify(actor=place.officer, campaign=place.campaign, commune=place.commune)
    post = lambda day: services.posting_start(  # noqa: E731
        actor=place.officer, campaign=place.campaign, village=place.village, starts_on=day
    )
    _refused(lambda: post(D(2026, 10, 1)), "chưa họp dân thông qua")
    _meeting(place)()
    clock.set(D(2026, 10, 3))
    VillageMeeting.objects.update(held_on=D(2026, 10, 2))  # as if the meeting were a day later
    _refused(lambda: post(D(2026, 10, 1)), "trước ngày họp dân")


def test_approval_before_the_posting_ends_or_with_open_complaints(
    place: Place, clock: Clock
) -> None:
    _classified(place)
    services.campaign_classify(actor=place.officer, campaign=place.campaign, commune=place.commune)
    _meeting(place)()
    posting = services.posting_start(
        actor=place.officer,
        campaign=place.campaign,
        village=place.village,
        starts_on=D(2026, 10, 1),
    )
    clock.set(posting.ends_on)
    approve = lambda day: services.recognition_approve(  # noqa: E731
        actor=place.chairman, campaign=place.campaign, commune=place.commune, number="1/QĐ",
        signed_on=day,
    )  # fmt: skip
    _refused(lambda: approve(posting.ends_on), "Chưa hết thời gian niêm yết")
    entry = ReviewEntry.objects.first()
    assert entry is not None
    services.complaint_receive(
        actor=place.officer, entry=entry, complainant="Lý Thị B", received_on=posting.ends_on,
        reason="Không đúng",
    )  # fmt: skip
    clock.set(D(2026, 10, 20))
    _refused(lambda: approve(D(2026, 10, 20)), "khiếu nại chưa phúc tra")
    _refused(lambda: approve(D(2026, 10, 21)), "không được sau ngày hôm nay")


def test_surveys_after_the_meeting_agreed_are_refused(place: Place, clock: Clock) -> None:
    _classified(place)
    services.campaign_classify(actor=place.officer, campaign=place.campaign, commune=place.commune)
    _meeting(place)()
    entry = ReviewEntry.objects.first()
    assert entry is not None
    _refused(
        lambda: services.entry_survey_record(
            actor=place.officer, entry=entry, surveyed_on=D(2026, 10, 1), income_vnd=1
        ),
        "đã họp dân thông qua",
    )


def test_roles_and_places_outside_scope(place: Place) -> None:
    campaign = place.campaign
    assert campaign is not None
    _classified(place)
    with pytest.raises(PermissionDenied):  # a village head cannot classify or approve
        services.campaign_classify(actor=place.head, campaign=campaign, commune=place.commune)
    with pytest.raises(PermissionDenied):  # an officer cannot approve
        services.recognition_approve(
            actor=place.officer, campaign=campaign, commune=place.commune, number="1",
            signed_on=D(2026, 10, 1),
        )  # fmt: skip
    with pytest.raises(PermissionDenied):  # a commune officer cannot open a campaign
        services.campaign_open(
            actor=place.officer, province=place.commune.province, kind="regular", year=2026,
            month=10,
        )  # fmt: skip
    others = households_in_four_places()
    with pytest.raises(PermissionDenied):
        services.request_receive(
            actor=place.officer, campaign=campaign, household=others["neighbour"],
            received_on=D(2026, 9, 20), reason="x",
        )  # fmt: skip
    services.campaign_listing(
        actor=place.officer, campaign=campaign, village=others["home_other_village"].village
    )
    entry = ReviewEntry.objects.filter(household__village=place.village).first()
    assert entry is not None
    other_head = UserFactory(
        username="truongthon2", role=Role.VILLAGE_HEAD, unit=others["home_other_village"].village
    )
    with pytest.raises(ReviewEntry.DoesNotExist):
        entry_get(user=other_head, pk=entry.pk)
    assert not entries_visible(user=other_head).filter(household__village=place.village).exists()
    far = UserFactory(username="canbo-xa", unit=others["far"].village.commune)
    with pytest.raises(ReviewCampaign.DoesNotExist):
        campaign_get(user=far, pk=campaign.pk)


def test_regular_campaign_window_and_form(place: Place) -> None:
    regular = services.campaign_open(
        actor=place.province_officer, province=place.commune.province, kind="regular",
        year=2026, month=9,
    )  # fmt: skip
    assert (regular.opens_on, regular.closes_on) == (D(2026, 9, 15), D(2026, 9, 29))
    assert regular.request_form == "04"
    _refused(
        lambda: services.campaign_open(
            actor=place.province_officer, province=place.commune.province, kind="regular",
            year=2026, month=13,
        ),
        "tháng",
    )  # fmt: skip
