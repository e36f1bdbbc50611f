"""The aggregate tables agree with counts made row by row from the stored records."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest
from django.db.models import Sum
from django_tasks_db.models import DBTaskResult
from tests.apps.monitoring.monitoring_support import YEARS, demo_province

from giamngheo.apps.geo.models import Province
from giamngheo.apps.monitoring.models import AggregateRefresh, StatusAggregate, SupportAggregate
from giamngheo.apps.monitoring.refresh import aggregates_refresh, aggregates_request
from giamngheo.apps.programmes.models import SupportRecord
from giamngheo.apps.registry.models import Household, Member
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.domain.transitions import transitions

STD = "vn-2022-2025"
pytestmark = pytest.mark.django_db


def _statuses_by_household(province: Province, standard: str) -> dict[int, dict[int, str]]:
    """Oracle: each household's status per year, from the latest survey of the year."""
    rows = SurveyClassification.objects.filter(
        survey__household__province=province, standard_id=standard
    ).order_by("survey__surveyed_on", "survey_id")
    series: dict[int, dict[int, str]] = defaultdict(dict)
    for household, year, status in rows.values_list(
        "survey__household_id", "survey__year", "status"
    ):
        series[household][year] = status
    return series


def test_province_rows_match_row_by_row_counts() -> None:
    province = demo_province()
    aggregates_refresh(province=province)
    series = _statuses_by_household(province, STD)
    for year in YEARS:
        row = StatusAggregate.objects.get(
            province=province, level="province", year=year, standard_id=STD
        )
        statuses = Counter(s[year] for s in series.values() if year in s)
        assert (row.poor, row.near_poor, row.average, row.not_poor) == (
            statuses["poor"], statuses["near_poor"], statuses["average"], statuses["not_poor"],
        )  # fmt: skip
        assert row.households == sum(statuses.values())
        assert row.mpi_sums["n"] == row.households


def test_transitions_match_the_domain_rule() -> None:
    province = demo_province()
    aggregates_refresh(province=province)
    expected: Counter[tuple[int, str]] = Counter()
    for by_year in _statuses_by_household(province, STD).values():
        years = sorted(by_year)
        for year, t in zip(years, transitions([by_year[y] for y in years]), strict=True):  # type: ignore[misc]
            if t is not None:
                expected[(year, t)] += 1
    rows = StatusAggregate.objects.filter(province=province, level="province", standard_id=STD)
    for row in rows:
        for t in ("escaped", "newly_poor", "fell_back", "poor_to_near_poor", "newly_near_poor"):
            assert getattr(row, t) == expected[(row.year, t)], (row.year, t)


def test_every_level_adds_up() -> None:
    province = demo_province()
    aggregates_refresh(province=province)
    for year in YEARS:
        rows = StatusAggregate.objects.filter(province=province, year=year, standard_id=STD)
        whole = rows.get(level="province")
        for level in ("commune", "village"):
            assert rows.filter(level=level).aggregate(n=Sum("poor"))["n"] == whole.poor
        villages = [r.mpi_sums for r in rows.filter(level="village")]
        assert sum(v["q"] for v in villages) == whole.mpi_sums["q"]
        assert sum(v["raw_water"] for v in villages) == whole.mpi_sums["raw_water"]


def test_minority_counts_follow_the_head() -> None:
    province = demo_province()
    aggregates_refresh(province=province)
    row = StatusAggregate.objects.get(province=province, level="province", year=2025,
                                      standard_id=STD)  # fmt: skip
    heads = Member.objects.filter(
        household__province=province, household__surveys__year=2025, relation="head"
    ).exclude(ethnicity="01")
    assert row.minority_households == heads.values("household").distinct().count()
    assert 0 < row.minority_households < row.households


def test_support_counts_households_once_across_types(
    support_records: Callable[[Province], list[SupportRecord]],
) -> None:
    province = demo_province(households=200)
    records = support_records(province)
    aggregates_refresh(province=province)
    rows = SupportAggregate.objects.filter(province=province, level="province", year=2025)
    every = rows.get(support_type="")
    assert every.households == len({r.household_id for r in records})
    assert every.records == len(records)
    loan = rows.get(support_type="loan")
    assert loan.amount_vnd == sum(r.amount or 0 for r in records if r.support_type == "loan")
    insurance = rows.get(support_type="health_insurance")
    assert insurance.amount_vnd == 0, "a premium share is not money"


@pytest.fixture
def support_records() -> Callable[[Province], list[SupportRecord]]:
    from django.utils import timezone

    def make(province: Province) -> list[SupportRecord]:
        households = list(Household.objects.filter(province=province).order_by("pk")[:30])
        records = []
        for i, household in enumerate(households):
            kinds = ["loan", "health_insurance"] if i % 3 == 0 else ["loan"]
            for kind in kinds:
                records.append(
                    SupportRecord.objects.create(
                        household=household, support_type=kind, delivered_on=dt.date(2025, 3, 1),
                        amount=100 if kind == "health_insurance" else 50_000_000,
                        giver_state="Ngân hàng Chính sách xã hội", source="policy_credit",
                        recorded_at=timezone.now(),
                    )
                )  # fmt: skip
        return records

    return make


def test_refresh_replaces_rows_and_records_when() -> None:
    province = demo_province(households=200)
    first = aggregates_refresh(province=province)
    count = StatusAggregate.objects.filter(province=province).count()
    second = aggregates_refresh(province=province)
    assert StatusAggregate.objects.filter(province=province).count() == count
    assert second.refreshed_at is not None
    assert first.refreshed_at is not None
    assert second.refreshed_at > first.refreshed_at
    assert not second.stale
    assert second.rows >= count


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_a_request_queues_one_refresh_for_the_worker(run_worker: Callable[[], None]) -> None:
    from django.db import transaction

    province = demo_province(households=150)
    with transaction.atomic():
        aggregates_request(province=province)
        aggregates_request(province=province)
    state = AggregateRefresh.objects.get(province=province)
    assert state.queued
    assert state.stale
    assert DBTaskResult.objects.count() == 1, "one refresh for the batch"
    run_worker()
    state.refresh_from_db()
    assert not state.queued
    assert not state.stale
    assert StatusAggregate.objects.filter(province=province, level="province").count() == 4
