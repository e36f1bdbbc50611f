"""Fixtures for the review tests (helpers live in ``review_support``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.apps.review.review_support import Clock, Place, campaign_make, place_make


@pytest.fixture
def clock(monkeypatch: Any) -> Clock:
    return Clock(monkeypatch, dt.date(2026, 10, 1))


@pytest.fixture
def place(db: None, clock: Clock) -> Place:
    made = place_make()
    campaign_make(made)
    return made
