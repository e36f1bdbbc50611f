"""Which standards apply where, and reading stored classifications."""

from __future__ import annotations

from giamngheo.apps.geo.models import Province
from giamngheo.apps.standards.models import StandardAdoption
from giamngheo.domain.model import Standard
from giamngheo.domain.standards import standards_all

NATIONAL_PREFIX = "vn-"


def standard_is_national(standard: Standard) -> bool:
    """National standards (ids ``vn-…``) apply everywhere; others only where adopted."""
    return standard.id.startswith(NATIONAL_PREFIX)


def standard_valid_in(standard: Standard, year: int) -> bool:
    last = standard.valid_to.year if standard.valid_to else 9999
    return standard.valid_from.year <= year <= last


def standards_applicable(*, province: Province, year: int) -> list[Standard]:
    """National standards valid in ``year`` plus the provincial ones the province adopted."""
    adopted = set(
        StandardAdoption.objects.filter(province=province).values_list("standard_id", flat=True)
    )
    return [
        s
        for s in standards_all()
        if standard_valid_in(s, year) and (standard_is_national(s) or s.id in adopted)
    ]
