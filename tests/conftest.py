"""Shared fixtures. The administrative units are loaded once per test database; tests run in
transactions that roll back, so they can rely on the units being there."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from giamngheo.apps.geo.services import geo_units_load

    with django_db_blocker.unblock():
        geo_units_load()
