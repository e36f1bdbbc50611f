"""One village through the whole periodic review, by the services: listing and a written
request, surveys, classification with transitions, meeting, posting, a complaint and its
re-check, recognition; then current statuses, history and transition counts."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.apps.review.review_support import Clock, Place, survey_2026

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.review import services
from giamngheo.apps.review.models import HouseholdStatus, ReviewEntry, StatusChange
from giamngheo.apps.review.selectors import (
    campaign_progress,
    household_status_history,
    newly_escaped,
    posting_public,
    transition_counts,
)

pytestmark = pytest.mark.django_db


def _walk_to_posting(place: Place, clock: Clock) -> dict[str, ReviewEntry]:
    campaign = place.campaign
    assert campaign is not None
    listed = services.campaign_listing(actor=place.head, campaign=campaign, village=place.village)
    assert listed == 3  # A (poor), B (near-poor), D (poor); C was not poor in 2025
    services.request_receive(
        actor=place.officer, campaign=campaign, household=place.households["C"],
        received_on=dt.date(2026, 9, 20), reason="Mất mùa, chồng ốm nặng",
    )  # fmt: skip
    entries = {e.household.code[-1]: e for e in ReviewEntry.objects.filter(campaign=campaign)}
    assert entries["C"].request_form == "01"
    for key, entry in entries.items():
        services.entry_survey_record(
            actor=place.officer, entry=entry, surveyed_on=dt.date(2026, 9, 25), **survey_2026(key)
        )
    services.campaign_classify(actor=place.officer, campaign=campaign, commune=place.commune)
    entries = {e.household.code[-1]: e for e in ReviewEntry.objects.filter(campaign=campaign)}
    return entries


def test_one_village_from_listing_to_recognition(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    entries = _walk_to_posting(place, clock)
    assert {k: e.transition for k, e in entries.items()} == {
        "A": "escaped", "B": "unchanged", "C": "newly_poor", "D": "unchanged",
    }  # fmt: skip
    assert entries["A"].previous_status == "poor"
    meeting = services.meeting_record(
        actor=place.head, campaign=campaign, village=place.village, held_on=dt.date(2026, 10, 1),
        attendees=30, votes_for=15, chaired_by="Hoàng Văn Trưởng",
    )  # fmt: skip
    assert meeting.passed  # exactly half agrees
    clock.set(dt.date(2026, 10, 2))
    posting = services.posting_start(
        actor=place.officer,
        campaign=campaign,
        village=place.village,
        starts_on=dt.date(2026, 10, 2),
    )
    assert posting.ends_on == dt.date(2026, 10, 6)  # Fri 2, Mon 5, Tue 6
    public = posting_public(slug=posting.slug)
    assert public.state == "open"
    assert {r.head for r in public.rows} == {f"Hoàng Văn {k}" for k in "ABCD"}
    clock.set(dt.date(2026, 10, 5))
    complaint = services.complaint_receive(
        actor=place.officer, entry=entries["A"], complainant="Nông Văn Hàng xóm",
        received_on=dt.date(2026, 10, 5), reason="Hộ A vẫn còn khó khăn",
    )  # fmt: skip
    assert complaint.due_on == dt.date(2026, 10, 8)
    clock.set(dt.date(2026, 10, 7))
    with pytest.raises(Exception, match="khiếu nại chưa phúc tra"):
        services.recognition_approve(
            actor=place.chairman, campaign=campaign, commune=place.commune, number="12/QĐ-UBND",
            signed_on=dt.date(2026, 10, 7),
        )  # fmt: skip
    services.complaint_recheck(
        actor=place.officer, complaint=complaint, checked_on=dt.date(2026, 10, 7),
        surveyed_on=dt.date(2026, 10, 7), income_vnd=1_400_000, dep_water=True,
        outcome_note="Thu nhập thực tế thấp hơn kê khai",
    )  # fmt: skip
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.status_before, complaint.status_after) == (
        "changed", "not_poor", "near_poor",
    )  # fmt: skip
    entries["A"].refresh_from_db()
    assert entries["A"].transition == "poor_to_near_poor"
    decision = services.recognition_approve(
        actor=place.chairman, campaign=campaign, commune=place.commune, number="12/QĐ-UBND",
        signed_on=dt.date(2026, 10, 7),
    )  # fmt: skip
    statuses = dict(HouseholdStatus.objects.values_list("household__code", "status"))
    assert statuses == {"H-A": "near_poor", "H-B": "near_poor", "H-C": "poor", "H-D": "poor"}
    assert StatusChange.objects.filter(decision=decision).count() == 4
    history = household_status_history(user=place.officer, household=place.households["C"])
    assert [(h.year, h.status, h.transition) for h in history] == [(2026, "poor", "newly_poor")]
    counts = {(c.unit_name, c.transition): c.households for c in
              transition_counts(user=place.chairman, year=2026)}  # fmt: skip
    assert counts == {
        ("Thôn Nà Pàn", "newly_poor"): 1, ("Thôn Nà Pàn", "poor_to_near_poor"): 1,
        ("Thôn Nà Pàn", "unchanged"): 2,
    }  # fmt: skip
    (progress,) = campaign_progress(user=place.officer, campaign=campaign)
    assert progress.decision == decision
    assert not progress.overdue
    assert AuditEvent.objects.filter(target_type="review.recognitiondecision").count() == 1


def test_escape_date_starts_the_36_month_window(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    _walk_to_posting(place, clock)
    services.meeting_record(
        actor=place.head, campaign=campaign, village=place.village, held_on=dt.date(2026, 10, 1),
        attendees=10, votes_for=9, chaired_by="Hoàng Văn Trưởng",
    )  # fmt: skip
    services.posting_start(
        actor=place.officer,
        campaign=campaign,
        village=place.village,
        starts_on=dt.date(2026, 10, 1),
    )
    clock.set(dt.date(2026, 10, 9))
    services.recognition_approve(
        actor=place.chairman, campaign=campaign, commune=place.commune, number="20/QĐ-UBND",
        signed_on=dt.date(2026, 10, 9),
    )  # fmt: skip
    escaped = HouseholdStatus.objects.get(household=place.households["A"])
    assert (escaped.status, escaped.escaped_on) == ("not_poor", dt.date(2026, 10, 9))
    assert escaped.ever_poor
    assert newly_escaped(escaped, on=dt.date(2029, 10, 8))
    assert not newly_escaped(escaped, on=dt.date(2029, 10, 9))
    assert HouseholdStatus.objects.get(household=place.households["D"]).escaped_on is None


def test_a_failed_meeting_sends_the_changed_households_back(place: Place, clock: Clock) -> None:
    campaign = place.campaign
    assert campaign is not None
    _walk_to_posting(place, clock)
    meeting = services.meeting_record(
        actor=place.head, campaign=campaign, village=place.village, held_on=dt.date(2026, 10, 1),
        attendees=30, votes_for=14, chaired_by="Hoàng Văn Trưởng",
    )  # fmt: skip
    assert not meeting.passed
    back = set(
        ReviewEntry.objects.filter(needs_resurvey=True).values_list("household__code", flat=True)
    )
    assert back == {"H-A", "H-C"}
    with pytest.raises(Exception, match="chưa có kết quả phân loại"):
        services.meeting_record(
            actor=place.head, campaign=campaign, village=place.village,
            held_on=dt.date(2026, 10, 1), attendees=30, votes_for=20, chaired_by="Hoàng Văn",
        )  # fmt: skip
    entry = ReviewEntry.objects.get(household__code="H-A")
    services.entry_survey_record(
        actor=place.officer, entry=entry, surveyed_on=dt.date(2026, 10, 1), **survey_2026("A")
    )
    entry_c = ReviewEntry.objects.get(household__code="H-C")
    services.entry_survey_record(
        actor=place.officer, entry=entry_c, surveyed_on=dt.date(2026, 10, 1), **survey_2026("C")
    )
    services.campaign_classify(actor=place.officer, campaign=campaign, commune=place.commune)
    again = services.meeting_record(
        actor=place.head, campaign=campaign, village=place.village, held_on=dt.date(2026, 10, 1),
        attendees=30, votes_for=20, chaired_by="Hoàng Văn Trưởng",
    )  # fmt: skip
    assert again.passed
