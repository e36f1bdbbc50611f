"""Fixtures for the API tests (helpers live in ``api_support``)."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.api.api_support import session_client
from tests.factories import UserFactory, households_in_four_places

from giamngheo.apps.accounts.models import User
from giamngheo.apps.registry.models import Household


@pytest.fixture
def households() -> dict[str, Household]:
    return households_in_four_places()


@pytest.fixture
def officer() -> User:
    """A commune officer of the home commune (05977)."""
    return UserFactory(first_name="Nông Thị Xuân")


@pytest.fixture
def as_officer(officer: User) -> Client:
    return session_client(officer)
