"""Fixtures for the API tests (helpers live in ``api_support``)."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.api.api_support import FAR, HOME, NEIGHBOUR, session_client, village_in
from tests.factories import HouseholdFactory, MemberFactory, SurveyFactory, UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.registry.models import Household


@pytest.fixture
def households() -> dict[str, Household]:
    """One household (a member, a 2025 survey) per place: two villages of the home commune,
    the neighbouring commune, and a commune of another province."""
    villages = {
        "home": village_in(HOME, "Nà Pàn"),
        "home_other_village": village_in(HOME, "Khòn Phổ"),
        "neighbour": village_in(NEIGHBOUR, "Pác Cáp"),
        "far": village_in(FAR, "Ba Đình 1"),
    }
    made = {}
    for key, village in villages.items():
        household = HouseholdFactory(village=village, code=f"H-{key}")
        MemberFactory(household=household, full_name=f"Hoàng Thị {key}", citizen_id=None)
        SurveyFactory(household=household)
        made[key] = household
    return made


@pytest.fixture
def officer() -> User:
    """A commune officer of the home commune (05977)."""
    return UserFactory(first_name="Nông Thị Xuân")


@pytest.fixture
def as_officer(officer: User) -> Client:
    return session_client(officer)
