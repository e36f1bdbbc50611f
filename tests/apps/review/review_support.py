"""A commune with one village and four households reviewed in 2026 after a 2025 review, the
users of each role, and a clock the review services read (tests only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from tests.factories import HouseholdFactory, MemberFactory, SurveyFactory, UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.registry.models import Household
from giamngheo.apps.review import dates, services
from giamngheo.apps.review.models import ReviewCampaign, ReviewEntry
from giamngheo.apps.review.services import campaign_open
from giamngheo.apps.standards.services import surveys_classify

POOR_FLAGS = {"dep_water": True, "dep_latrine": True, "dep_telecom": True}
# 2025 (income, flags) and 2026 survey per household: the transition each should show.
PLAN: dict[str, tuple[tuple[int, dict[str, bool]], tuple[int, dict[str, bool]], str]] = {
    "A": ((1_000_000, POOR_FLAGS), (5_000_000, {}), "escaped"),
    "B": ((1_300_000, {}), (1_300_000, {}), "unchanged"),
    "C": ((6_000_000, {}), (1_200_000, POOR_FLAGS), "newly_poor"),
    "D": ((900_000, POOR_FLAGS), (900_000, POOR_FLAGS), "unchanged"),
}


class Clock:
    """What the review services take as today (and now, at noon)."""

    def __init__(self, monkeypatch: Any, today: dt.date) -> None:
        self.today = today
        monkeypatch.setattr(dates, "today", lambda: self.today)
        monkeypatch.setattr(dates, "now", self.now)

    def now(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.today, dt.time(12)))

    def set(self, day: dt.date) -> None:
        self.today = day


@dataclass
class Place:
    commune: Commune
    village: Village
    households: dict[str, Household]
    officer: User
    head: User
    chairman: User
    province_officer: User
    campaign: ReviewCampaign | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def place_make(
    village_name: str = "Thôn Nà Pàn", *, commune_code: str = "05977", tag: str = ""
) -> Place:
    """The place; ``tag`` keeps the codes and user names of a second place apart."""
    commune = Commune.objects.get(code=commune_code)
    village = Village.objects.create(
        commune=commune, code=f"{commune_code}-NP{tag}", name=village_name
    )
    households = {}
    for key, ((income, flags), _, _) in PLAN.items():
        household = HouseholdFactory(village=village, code=f"H{tag}-{key}")
        MemberFactory(household=household, full_name=f"Hoàng Văn {key}", citizen_id=None)
        SurveyFactory(household=household, year=2025, income_vnd=income, **flags)
        households[key] = household
    surveys_classify(year=2025, province=commune.province, commune=commune)
    return Place(
        commune=commune,
        village=village,
        households=households,
        officer=UserFactory(username=f"canbo{tag}", unit=commune),
        head=UserFactory(username=f"truongthon{tag}", role=Role.VILLAGE_HEAD, unit=village),
        chairman=UserFactory(username=f"chutich{tag}", role=Role.COMMUNE_CHAIRMAN, unit=commune),
        province_officer=UserFactory(
            username=f"canbotinh{tag}", role=Role.PROVINCE_OFFICER, unit=commune.province
        ),
    )


def campaign_make(place: Place) -> ReviewCampaign:
    place.campaign = campaign_open(
        actor=place.province_officer, province=place.commune.province, kind="periodic", year=2026
    )
    return place.campaign


def survey_2026(key: str) -> dict[str, Any]:
    income, flags = PLAN[key][1]
    return {"income_vnd": income, **flags}


def walk_to_classified(place: Place) -> None:
    """List the village (and C on request), survey every household and classify."""
    campaign = place.campaign
    assert campaign is not None
    services.campaign_listing(actor=place.head, campaign=campaign, village=place.village)
    services.request_receive(
        actor=place.officer, campaign=campaign, household=place.households["C"],
        received_on=dt.date(2026, 9, 20), reason="Mất mùa",
    )  # fmt: skip
    for entry in ReviewEntry.objects.filter(campaign=campaign, household__village=place.village):
        services.entry_survey_record(
            actor=place.officer, entry=entry, surveyed_on=dt.date(2026, 9, 25),
            **survey_2026(entry.household.code[-1]),
        )  # fmt: skip
    services.campaign_classify(actor=place.officer, campaign=campaign, commune=place.commune)


def walk_to_posting(place: Place, *, day: dt.date = dt.date(2026, 10, 1)) -> None:
    """:func:`walk_to_classified`, then a passed meeting and a posting from ``day`` (3 working
    days); the clock must read ``day``."""
    campaign = place.campaign
    assert campaign is not None
    walk_to_classified(place)
    services.meeting_record(
        actor=place.head, campaign=campaign, village=place.village, held_on=day, attendees=10,
        votes_for=9, chaired_by="Hoàng Văn Trưởng",
    )  # fmt: skip
    services.posting_start(
        actor=place.officer, campaign=campaign, village=place.village, starts_on=day
    )


def recognise(place: Place, clock: Clock, *, day: dt.date = dt.date(2026, 10, 9)) -> None:
    """The chairman's decision on ``day`` (after the posting)."""
    assert place.campaign is not None
    clock.set(day)
    services.recognition_approve(
        actor=place.chairman, campaign=place.campaign, commune=place.commune,
        number=f"{place.village.pk}/QĐ-UBND", signed_on=day,
    )  # fmt: skip
