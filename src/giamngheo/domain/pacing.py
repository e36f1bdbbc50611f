"""Is a target on track? Plan against actual, for targets counted through the year (support
delivered) and for those known only once the year's review is done (escapes, rate cuts).

>>> import datetime as dt
>>> pace(planned=100, actual=40, year=2025, today=dt.date(2025, 7, 1), continuous=True)
'behind'
>>> pace(planned=100, actual=60, year=2025, today=dt.date(2025, 7, 1), continuous=True)
'on_track'
>>> pace(planned=100, actual=None, year=2025, today=dt.date(2025, 7, 1), continuous=False)
'no_data'
>>> pace(planned=150, actual=120, year=2024, today=dt.date(2025, 7, 1), continuous=False)
'missed'
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Pace = Literal["done", "on_track", "behind", "missed", "no_data"]


def year_elapsed(year: int, today: dt.date) -> float:
    """Share of ``year`` gone by ``today`` (0 before it starts, 1 after it ends)."""
    start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    if today <= start:
        return 0.0
    if today >= end:
        return 1.0
    return (today - start).days / (end - start).days


def expected_by(planned: int, year: int, today: dt.date) -> int:
    """What a steady pace would have reached by ``today`` (rounded down)."""
    return int(planned * year_elapsed(year, today))


def pace(*, planned: int, actual: int | None, year: int, today: dt.date, continuous: bool) -> Pace:
    """``continuous`` targets (support) are paced through the year; the others are judged
    when the year's results exist."""
    if actual is None:
        return "no_data"
    if actual >= planned:
        return "done"
    if not continuous or year_elapsed(year, today) == 1.0:
        return "missed"
    return "on_track" if actual >= expected_by(planned, year, today) else "behind"
