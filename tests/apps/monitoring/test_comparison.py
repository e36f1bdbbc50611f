"""A province beside the published figures: which year is shown, who its peers are, its rank;
the standard a dashboard opens on; the provinces a country-wide user may open."""

from __future__ import annotations

import doctest

import pytest
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.monitoring import comparison
from giamngheo.apps.monitoring.comparison import (
    Figure,
    comparison_get,
    provinces_with_data,
    ranks_compute,
    standard_default,
)
from giamngheo.apps.monitoring.models import ReferenceFigure, StatusAggregate
from giamngheo.apps.monitoring.selectors import Rates, Unit

pytestmark = pytest.mark.django_db


def _figure(combined: float | None = None, poor: float | None = None) -> Figure:
    return Figure(name="", combined_rate=combined, poor_rate=poor, source="")


def _province_unit(code: str = "20") -> Unit:
    province = Province.objects.get(code=code)
    return Unit(level="province", pk=province.pk, code=code, name=province.name,
                province=province)  # fmt: skip


def _peer(code: str, name: str, region: str, **rates: int) -> None:
    ReferenceFigure.objects.create(year=2024, level="province", code=code, name=name,
                                   region=region, source="thử", **rates)  # fmt: skip


def test_examples_in_the_module_hold() -> None:
    assert doctest.testmod(comparison).failed == 0


def test_lower_rates_rank_first_and_ties_share_a_place() -> None:
    own = Rates(households=1000, poor=20, near_poor=30)  # 2% poor, 5% combined
    peers = [_figure(combined=4.0, poor=2.0), _figure(combined=9.5), _figure(poor=1.0)]
    ranks = {r.measure: (r.position, r.of) for r in ranks_compute(own, peers)}
    assert ranks == {"combined": (2, 3), "poor": (2, 3)}


def test_no_rank_without_peers_or_own_figures() -> None:
    assert ranks_compute(None, [_figure(combined=1.0)]) == ()
    assert ranks_compute(Rates(households=10, poor=1, near_poor=1), []) == ()
    assert ranks_compute(Rates(households=0, poor=0, near_poor=0), [_figure(poor=1.0)]) == ()


def test_the_latest_figures_up_to_the_year_and_the_region_peers() -> None:
    _peer("04", "Cao Bằng", "northern_mountains", combined_rate=2000)
    _peer("08", "Tuyên Quang", "northern_mountains", combined_rate=500)
    _peer("01", "Hà Nội", "red_river_delta", combined_rate=10)
    own = {2024: Rates(households=1000, poor=30, near_poor=70)}  # 10% combined
    found = comparison_get(_province_unit(), year=2025, own=own)
    assert found is not None
    assert found.year == 2024
    assert found.national is not None
    assert found.national.combined_rate == 4.06
    assert found.region_figure is not None
    assert found.region_figure.combined_rate == 14.98
    assert found.published is not None
    assert found.published.poor_rate == 3.36
    assert (found.published_rank, found.published_rank_of) == (3, 14)
    assert sorted(p.name for p in found.peers) == ["Cao Bằng", "Tuyên Quang"]
    assert [(r.measure, r.position, r.of) for r in found.ranks] == [("combined", 2, 3)]


def test_an_earlier_year_shows_its_own_figures_or_none() -> None:
    found = comparison_get(_province_unit(), year=2023, own={})
    assert found is not None
    assert found.year == 2023
    assert found.national is not None
    assert found.national.combined_rate == 5.71
    assert found.region_figure is None
    assert found.own is None
    assert found.ranks == ()
    assert comparison_get(_province_unit(), year=2021, own={}) is None


def test_only_a_province_is_compared() -> None:
    commune = Commune.objects.get(code="05977")
    unit = Unit(level="commune", pk=commune.pk, code=commune.code, name=commune.name,
                province=commune.province)  # fmt: skip
    assert comparison_get(unit, year=2025, own={}) is None


def test_a_page_opens_on_the_national_income_standard() -> None:
    ids = ["quangninh-2023-2025", "vn-2022-2025-score", "vn-2022-2025"]
    assert standard_default(ids) == "vn-2022-2025"
    assert standard_default(["vn-2022-2025-score", "quangninh-2023-2025"]) == "vn-2022-2025-score"
    assert standard_default(["quangninh-2023-2025"]) == "quangninh-2023-2025"
    assert standard_default(["khong-co"]) == "khong-co"
    assert standard_default([]) is None


def test_provinces_with_data_are_for_country_wide_users() -> None:
    province = Province.objects.get(code="20")
    StatusAggregate.objects.create(
        province=province, level="province", year=2025, standard_id="vn-2022-2025",
        households=1, poor=1, near_poor=0, average=0, not_poor=0, minority_households=0,
        minority_poor=0, minority_near_poor=0, escaped=0, escaped_near_poor=0,
        poor_to_near_poor=0, newly_poor=0, newly_near_poor=0, fell_back=0,
    )  # fmt: skip
    auditor = UserFactory(role=Role.AUDITOR, unit=None)
    assert provinces_with_data(user=auditor) == [province]
    assert provinces_with_data(user=UserFactory(role=Role.PROVINCE_OFFICER, unit=province)) == []
