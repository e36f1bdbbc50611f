"""Pacing of targets: plan against actual through the year and at its end."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from giamngheo.domain import pacing
from giamngheo.domain.pacing import expected_by, pace, year_elapsed

MID_YEAR = dt.date(2025, 7, 2)


def test_examples_in_the_module_hold() -> None:
    assert doctest.testmod(pacing).failed == 0


@pytest.mark.parametrize(
    ("today", "share"),
    [(dt.date(2024, 12, 31), 0.0), (dt.date(2025, 1, 1), 0.0), (MID_YEAR, 182 / 365),
     (dt.date(2026, 1, 1), 1.0), (dt.date(2027, 3, 1), 1.0)],
)  # fmt: skip
def test_share_of_the_year_gone(today: dt.date, share: float) -> None:
    assert year_elapsed(2025, today) == pytest.approx(share)


def test_steady_pace_rounds_down() -> None:
    assert expected_by(40, 2025, MID_YEAR) == 19


@pytest.mark.parametrize(
    ("actual", "today", "continuous", "expected"),
    [
        (19, MID_YEAR, True, "on_track"),
        (18, MID_YEAR, True, "behind"),
        (40, MID_YEAR, True, "done"),
        (39, dt.date(2026, 1, 1), True, "missed"),
        (39, MID_YEAR, False, "missed"),
        (41, MID_YEAR, False, "done"),
        (None, dt.date(2026, 5, 1), False, "no_data"),
    ],
)
def test_pace(actual: int | None, today: dt.date, continuous: bool, expected: str) -> None:
    assert (
        pace(planned=40, actual=actual, year=2025, today=today, continuous=continuous) == expected
    )
