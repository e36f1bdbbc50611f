"""Shared fixtures. The administrative units are loaded once per test database; tests run in
transactions that roll back, so they can rely on the units being there."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from giamngheo.apps.geo.services import geo_units_load

    with django_db_blocker.unblock():
        geo_units_load()


@pytest.fixture(autouse=True)
def _allow_flush_of_audit_table(request: pytest.FixtureRequest) -> None:
    """Transactional tests end by emptying every table; on PostgreSQL the audit table refuses
    TRUNCATE unless the session says it is emptying a throwaway database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET giamngheo.audit_truncate = 'on'")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests create and sign in many users; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
