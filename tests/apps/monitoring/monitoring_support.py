"""A small classified demo province shared by the monitoring tests."""

from __future__ import annotations

from giamngheo.apps.geo.models import Province
from giamngheo.apps.registry.loading import demo_province_load
from giamngheo.apps.standards.services import surveys_classify
from giamngheo.demo import demo_generate

YEARS = range(2022, 2026)


def demo_province(households: int = 600, seed: int = 5) -> Province:
    """Lạng Sơn with ``households`` generated households, every year classified."""
    province = Province.objects.get(code="20")
    data = demo_generate(province_code=20, households=households, years=YEARS, seed=seed)
    demo_province_load(province=province, data=data)
    for year in YEARS:
        surveys_classify(year=year, province=province)
    return province
