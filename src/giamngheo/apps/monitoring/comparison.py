"""What the dashboard pages read beside :mod:`giamngheo.apps.monitoring.selectors`: how a
province compares with the published national, regional and provincial figures (and its rank
in its region), the standard a page opens on, the provinces a country-wide user can open, and
the households of a village registered to escape poverty.

Reference rates are stored in hundredths of a percent (406 = 4.06%); here they are percent.
A province is ranked among the province figures of its region for the same year, using its
own rate from the aggregate tables; a lower rate ranks better and ties share a place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from django.utils import timezone

from giamngheo.apps.accounts.roles import ScopeLevel
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.models import Province
from giamngheo.apps.monitoring.choices import ReferenceLevel, Region, TargetMetric
from giamngheo.apps.monitoring.models import ReferenceFigure, StatusAggregate, Target
from giamngheo.apps.monitoring.reference import reference_data
from giamngheo.apps.monitoring.selectors import Rates, Unit
from giamngheo.apps.monitoring.targets import TargetProgress, households_progress
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.selectors import standard_is_national
from giamngheo.domain.standards import StandardNotFoundError, standard_get

type Measure = Literal["combined", "poor"]
MEASURES: tuple[Measure, ...] = ("combined", "poor")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A published figure, rates in percent."""

    name: str
    combined_rate: float | None
    poor_rate: float | None
    source: str

    def rate(self, measure: Measure) -> float | None:
        return self.combined_rate if measure == "combined" else self.poor_rate


@dataclass(frozen=True, slots=True, kw_only=True)
class Rank:
    measure: Measure
    position: int  # 1 = the lowest rate
    of: int  # provinces ranked, this one included


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    year: int  # of the figures: the latest year up to the one asked for
    region: str  # ``Region`` value ("" when the province's region is unknown)
    region_label: str
    own: Rates | None  # the province's own counts in ``year`` (aggregate tables)
    national: Figure | None
    region_figure: Figure | None
    published: Figure | None  # the province's own published figure
    published_rank: int | None
    published_rank_of: int | None
    ranks: tuple[Rank, ...]
    peers: tuple[Figure, ...]  # the other provinces of the region with a figure that year


def comparison_get(unit: Unit, *, year: int, own: Mapping[int, Rates]) -> Comparison | None:
    """The province's rates beside the reference figures of ``year`` (or of the latest year
    before it that has national or regional figures); ``own`` maps year → the province's
    rates. ``None`` below province level or when no figure is recorded."""
    if unit.level != "province":
        return None
    figures = list(ReferenceFigure.objects.filter(year__lte=year).order_by("-year", "code"))
    region = _regions().get(unit.province.code, "")
    shown = next((f.year for f in figures if _is_context(f, region)), None)
    if shown is None:
        return None
    of_year = [f for f in figures if f.year == shown]
    return _comparison(unit.province.code, region, shown, of_year, own.get(shown))


def _is_context(figure: ReferenceFigure, region: str) -> bool:
    return figure.level == ReferenceLevel.NATIONAL or (
        figure.level == ReferenceLevel.REGION and figure.code == region
    )


def _comparison(
    code: str, region: str, year: int, figures: list[ReferenceFigure], own: Rates | None
) -> Comparison:
    def one(level: str, wanted: str) -> ReferenceFigure | None:
        return next((f for f in figures if f.level == level and f.code == wanted), None)

    published = one(ReferenceLevel.PROVINCE, code)
    peers = [
        f for f in figures
        if f.level == ReferenceLevel.PROVINCE and f.code != code
        and (f.region or _regions().get(f.code, "")) == region and region
    ]  # fmt: skip
    return Comparison(
        year=year, region=region, region_label=str(dict(Region.choices).get(region, "")),
        own=own, national=_figure(one(ReferenceLevel.NATIONAL, "VN")),
        region_figure=_figure(one(ReferenceLevel.REGION, region)), published=_figure(published),
        published_rank=published.published_rank if published else None,
        published_rank_of=published.published_rank_of if published else None,
        ranks=ranks_compute(own, [_as_figure(p) for p in peers]),
        peers=tuple(_as_figure(p) for p in peers),
    )  # fmt: skip


def ranks_compute(own: Rates | None, peers: Sequence[Figure]) -> tuple[Rank, ...]:
    """The province's place among ``peers`` for each rate both it and some peer have.

    >>> peers = [Figure(name="A", combined_rate=2.0, poor_rate=None, source=""),
    ...          Figure(name="B", combined_rate=9.0, poor_rate=None, source="")]
    >>> ranks_compute(Rates(households=100, poor=3, near_poor=2), peers)
    (Rank(measure='combined', position=2, of=3),)
    """
    if own is None:
        return ()
    mine = {"combined": own.combined_rate, "poor": own.poor_rate}
    ranks = []
    for measure in MEASURES:
        others = [r for p in peers if (r := p.rate(measure)) is not None]
        rate = mine[measure]
        if rate is None or not others:
            continue
        position = 1 + sum(1 for r in others if r < rate)
        ranks.append(Rank(measure=measure, position=position, of=len(others) + 1))
    return tuple(ranks)


def _figure(row: ReferenceFigure | None) -> Figure | None:
    return None if row is None else _as_figure(row)


def _as_figure(row: ReferenceFigure) -> Figure:
    return Figure(
        name=row.name, combined_rate=_percent(row.combined_rate),
        poor_rate=_percent(row.poor_rate), source=row.source,
    )  # fmt: skip


def _percent(hundredths: int | None) -> float | None:
    return None if hundredths is None else hundredths / 100


@cache
def _regions() -> dict[str, str]:
    """Province code → region, from the shipped reference file."""
    return {
        code: str(region)
        for region, codes in reference_data()["regions"].items()
        for code in codes
    }  # fmt: skip


def standard_default(standard_ids: Sequence[str]) -> str | None:
    """The standard a page opens on: the national income-based one if there is one, else the
    first national, else the first of ``standard_ids``."""
    known = []
    for standard_id in standard_ids:
        try:
            known.append(standard_get(standard_id))
        except StandardNotFoundError:
            continue
    national = [s for s in known if standard_is_national(s)]
    income = [s for s in national if s.measure == "income"]
    best = income or national or known
    if best:
        return best[0].id
    return standard_ids[0] if standard_ids else None


def provinces_with_data(*, user: Any) -> list[Province]:
    """The provinces with aggregate rows, for a country-wide user (others: none)."""
    if scope_of(user).level != ScopeLevel.COUNTRY:
        return []
    ids = StatusAggregate.objects.filter(level="province").values("province_id")
    return list(Province.objects.filter(pk__in=ids).order_by("name"))


def village_household(unit: Unit, *, code: str) -> Household | None:
    """The household ``code`` if it lives in the village ``unit``."""
    if unit.level != "village":
        return None
    return Household.objects.filter(village_id=unit.pk, code=code).first()


def household_targets(
    unit: Unit, *, year: int, today: dt.date | None = None
) -> list[TargetProgress]:
    """The village's households registered to escape poverty in ``year``, with the result."""
    if unit.level != "village":
        return []
    today = today or timezone.localdate()
    rows = Target.objects.filter(
        village_id=unit.pk, year=year, household__isnull=False, metric=TargetMetric.ESCAPED
    ).select_related("household")
    return households_progress(list(rows.order_by("household__code")), today=today)
