"""Working days and the review calendar (Decision 24/2021/QĐ-TTg). Pure Python.

Working days skip Saturdays, Sundays and the fixed-date public holidays (1 January,
30 April, 1 May, 2 September). Tết and the Hùng Kings' day follow the lunar calendar and,
with the days the government moves each year, are not counted: a posting that spans them
ends earlier than the law allows, so officers must check it (see ADR 0006).

>>> working_days_add(dt.date(2025, 10, 24), 3)  # a Friday: Mon, Tue, Wed
datetime.date(2025, 10, 29)
>>> working_day_is(dt.date(2025, 9, 2))
False
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

FIXED_HOLIDAYS: frozenset[tuple[int, int]] = frozenset({(1, 1), (4, 30), (5, 1), (9, 2)})
PERIODIC_WINDOW = ((9, 1), (12, 14))  # QĐ 24 Art. 3: 1 Sep – 14 Dec
REGULAR_START_DAY = 15  # the regular review starts on the 15th of each month
REGULAR_DAYS = 15  # … and is decided within 15 days
POSTING_DAYS_DEFAULT = 3  # [RECONSTRUCTED] domain notes §3.3 step 4
RECHECK_DAYS = 3  # [RECONSTRUCTED] re-check within 3 working days


def working_day_is(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def working_days_add(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        left -= working_day_is(day)
    return day


def posting_last_day(starts_on: dt.date, days: int) -> dt.date:
    """The last day of a posting of ``days`` working days that starts on ``starts_on``
    (counted from ``starts_on`` when it is a working day)."""
    first = starts_on if working_day_is(starts_on) else working_days_add(starts_on, 1)
    return working_days_add(first, days - 1)


def periodic_window(year: int) -> tuple[dt.date, dt.date]:
    (m1, d1), (m2, d2) = PERIODIC_WINDOW
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


def regular_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, REGULAR_START_DAY)
    return start, start + dt.timedelta(days=REGULAR_DAYS - 1)


def today() -> dt.date:
    """Today in the server's time zone (tests replace it, with :func:`now`)."""
    return timezone.localdate()


def now() -> dt.datetime:
    """The time stamped on review results (tests replace it, with :func:`today`)."""
    return timezone.now()
