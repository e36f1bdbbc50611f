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
from giamngheo.apps.review import dates
from giamngheo.apps.review.models import ReviewCampaign
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


def place_make(village_name: str = "Thôn Nà Pàn") -> Place:
    commune = Commune.objects.get(code="05977")
    village = Village.objects.create(commune=commune, code="05977-NP", name=village_name)
    households = {}
    for key, ((income, flags), _, _) in PLAN.items():
        household = HouseholdFactory(village=village, code=f"H-{key}")
        MemberFactory(household=household, full_name=f"Hoàng Văn {key}", citizen_id=None)
        SurveyFactory(household=household, year=2025, income_vnd=income, **flags)
        households[key] = household
    surveys_classify(year=2025, province=commune.province, commune=commune)
    return Place(
        commune=commune,
        village=village,
        households=households,
        officer=UserFactory(username="canbo", unit=commune),
        head=UserFactory(username="truongthon", role=Role.VILLAGE_HEAD, unit=village),
        chairman=UserFactory(username="chutich", role=Role.COMMUNE_CHAIRMAN, unit=commune),
        province_officer=UserFactory(
            username="canbotinh", role=Role.PROVINCE_OFFICER, unit=commune.province
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
