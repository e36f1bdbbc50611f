"""Validation of the 12-digit citizen identity number (số định danh cá nhân / CCCD).

Layout: 3 digits for the province where the birth was registered (the statistics office's
pre-2025 province codes, 001–096), 1 digit for sex and century of birth, 2 digits for the
last two digits of the birth year, then 6 serial digits.

Sex/century digit: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199,
6/7 = 2200–2299, 8/9 = 1800–1899 (even = male, odd = female).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Sex = Literal["male", "female"]

# Province codes of the 63 provinces before the 2025 merger (GSO numbering; gaps are unused).
PROVINCE_PREFIXES: frozenset[int] = frozenset(
    {1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36,
     37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74,
     75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96}
)  # fmt: skip

_CENTURY_BASE = {0: 1900, 2: 2000, 4: 2100, 6: 2200, 8: 1800}


class CitizenIdError(ValueError):
    """A citizen ID that breaks the layout; ``reason`` is a short Vietnamese explanation."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True, kw_only=True)
class CitizenIdParts:
    province_code: int
    sex: Sex
    birth_year: int
    serial: str


def citizen_id_parse(value: str) -> CitizenIdParts:
    """Split a citizen ID into its parts, or raise :class:`CitizenIdError`.

    >>> citizen_id_parse("020190123456").birth_year
    1990
    """
    if len(value) != 12 or not value.isdigit():
        raise CitizenIdError("số định danh phải gồm đúng 12 chữ số")
    province = int(value[:3])
    if province not in PROVINCE_PREFIXES:
        raise CitizenIdError(f"mã tỉnh {value[:3]} không tồn tại")
    digit = int(value[3])
    sex: Sex = "male" if digit % 2 == 0 else "female"
    year = _CENTURY_BASE[digit - digit % 2] + int(value[4:6])
    return CitizenIdParts(province_code=province, sex=sex, birth_year=year, serial=value[6:])


def citizen_id_validate(
    value: str, *, sex: Sex | None = None, birth_on: dt.date | None = None
) -> None:
    """Check the layout and, when given, agreement with the person's sex and year of birth."""
    parts = citizen_id_parse(value)
    if sex is not None and parts.sex != sex:
        raise CitizenIdError("chữ số giới tính không khớp với giới tính của nhân khẩu")
    if birth_on is not None and parts.birth_year != birth_on.year:
        raise CitizenIdError("năm sinh trong số định danh không khớp với ngày sinh")


def citizen_id_compose(*, province_code: int, sex: Sex, birth_year: int, serial: int) -> str:
    """Build a well-formed ID (used by the demo generator and tests)."""
    base = next(b for b in _CENTURY_BASE.values() if b <= birth_year < b + 100)
    digit = {v: k for k, v in _CENTURY_BASE.items()}[base] + (1 if sex == "female" else 0)
    return f"{province_code:03d}{digit}{birth_year % 100:02d}{serial:06d}"
