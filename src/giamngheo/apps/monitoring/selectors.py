"""What the dashboards show, read from the aggregate tables only (a few indexed rows per
request, whatever the size of the province) and limited to the user's scope.

A unit outside the user's scope raises ``DoesNotExist`` (a 404 at the edges), as everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl
from django.db.models import Model, Q, QuerySet, Sum

from giamngheo.analytics.mpi import MpiSpec, mpi_finish
from giamngheo.apps.accounts.roles import ScopeLevel
from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter, scope_of
from giamngheo.apps.funds.choices import SourceKind
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.monitoring.aggregates import TRANSITION_COUNTS
from giamngheo.apps.monitoring.models import (
    AggregateRefresh,
    FundsAggregate,
    StatusAggregate,
    SupportAggregate,
)
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.domain.model import Lang
from giamngheo.domain.standards import standard_get
from giamngheo.domain.transitions import TRANSITION_LABELS

type Level = Literal["province", "commune", "village"]
UNIT_PATHS = UnitPaths(province="province_id", commune="commune_id", village="village_id")
CHILD_LEVEL: dict[str, Level | None] = {
    "province": "commune", "commune": "village", "village": None,
}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    level: Level
    pk: int
    code: str
    name: str
    province: Province

    def rows_q(self, prefix: str = "") -> Q:
        """The aggregate rows of this unit (not of the units below it)."""
        column = {"province": "province_id", "commune": "commune_id", "village": "village_id"}
        return Q(**{f"{prefix}level": self.level, f"{prefix}{column[self.level]}": self.pk})


@dataclass(frozen=True, slots=True, kw_only=True)
class Rates:
    """Counts of one unit, year and standard, with rates in percent."""

    households: int
    poor: int
    near_poor: int
    minority_households: int = 0
    minority_poor: int = 0
    minority_near_poor: int = 0

    @property
    def poor_rate(self) -> float | None:
        return _percent(self.poor, self.households)

    @property
    def near_poor_rate(self) -> float | None:
        return _percent(self.near_poor, self.households)

    @property
    def combined_rate(self) -> float | None:
        return _percent(self.poor + self.near_poor, self.households)

    @property
    def minority_combined_rate(self) -> float | None:
        return _percent(self.minority_poor + self.minority_near_poor, self.minority_households)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


@dataclass(frozen=True, slots=True, kw_only=True)
class YearRates:
    year: int
    standard_id: str
    rates: Rates
    transitions: dict[str, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildRow:
    unit: Unit
    rates: Rates
    change: float | None  # combined rate, points since the year before


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorRow:
    indicator_id: str
    label: str
    deprived: int  # households deprived in it
    share: float  # of all households, percent
    contribution: float | None  # share of M0, percent


@dataclass(frozen=True, slots=True, kw_only=True)
class Mpi:
    n: int
    q: int
    H: float  # the Alkire–Foster names
    A: float | None
    M0: float
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SupportRow:
    support_type: str
    label: str
    households: int
    records: int
    amount_vnd: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FundsRow:
    source_kind: str
    label: str
    allocated_vnd: int
    disbursed_vnd: int

    @property
    def disbursed_share(self) -> float | None:
        return _percent(self.disbursed_vnd, self.allocated_vnd)


def unit_get(*, user: Any, level: Level, code: str) -> Unit:
    """The province, commune or village ``code`` if the user's scope covers it."""
    scope = scope_of(user)
    model: type[Model] = {
        "province": Province, "commune": Commune, "village": Village,
    }[level]  # fmt: skip
    paths = {
        "province": UnitPaths(province="id", commune="id", village=None),  # commune: unused
        "commune": UnitPaths(province="province_id", commune="id", village=None),
        "village": UnitPaths(province="commune__province_id", commune="commune_id", village="id"),
    }[level]
    above = {"province": (ScopeLevel.COMMUNE, ScopeLevel.VILLAGE), "commune": (ScopeLevel.VILLAGE,)}
    rows: QuerySet[Any] = model._default_manager.all()
    is_above = scope.level in above.get(level, ())  # a unit above the user's own
    rows = rows.none() if is_above else scope_filter(rows, user, paths)
    return _unit(level, rows.get(code=code))


def _unit(level: Level, obj: Model) -> Unit:
    province = _province_of(obj)
    return Unit(level=level, pk=obj.pk, code=obj.code, name=obj.name, province=province)  # type: ignore[attr-defined]


def _province_of(obj: Model) -> Province:
    if isinstance(obj, Province):
        return obj
    if isinstance(obj, Commune):
        return obj.province
    assert isinstance(obj, Village)
    return obj.commune.province


def home_unit(*, user: Any) -> Unit | None:
    """The unit a user's dashboard opens on: their scope (a country-wide user: ``None``)."""
    for level, obj in (
        ("village", user.scope_village), ("commune", user.scope_commune),
        ("province", user.scope_province),
    ):  # fmt: skip
        if obj is not None:
            return _unit(level, obj)  # type: ignore[arg-type]
    return None


def parents(unit: Unit) -> list[Unit]:
    """The units above ``unit``, province first (for breadcrumbs)."""
    if unit.level == "province":
        return []
    province = _unit("province", unit.province)
    if unit.level == "commune":
        return [province]
    village = Village.objects.select_related("commune").get(pk=unit.pk)
    return [province, _unit("commune", village.commune)]


def years_and_standards(unit: Unit) -> tuple[list[int], list[str]]:
    """Years and standards with classified households in the unit (sorted)."""
    rows = StatusAggregate.objects.filter(unit.rows_q())
    years = sorted(set(rows.values_list("year", flat=True)))
    standards = sorted(set(rows.values_list("standard_id", flat=True)))
    return years, standards


def trend(unit: Unit, standards: Sequence[str]) -> list[YearRates]:
    """Rates and transitions of the unit for every year, under each of ``standards``."""
    rows = StatusAggregate.objects.filter(unit.rows_q(), standard_id__in=standards)
    return [_year_rates(r) for r in rows.order_by("year", "standard_id")]


def _year_rates(row: StatusAggregate) -> YearRates:
    return YearRates(
        year=row.year,
        standard_id=row.standard_id,
        rates=_rates(row),
        transitions={t: getattr(row, t) for t in TRANSITION_COUNTS},
    )


def _rates(row: StatusAggregate) -> Rates:
    return Rates(
        households=row.households, poor=row.poor, near_poor=row.near_poor,
        minority_households=row.minority_households, minority_poor=row.minority_poor,
        minority_near_poor=row.minority_near_poor,
    )  # fmt: skip


_CHILD_COUNTS = (
    "households", "poor", "near_poor", "minority_households", "minority_poor",
    "minority_near_poor",
)  # fmt: skip
type _ChildValues = tuple[Any, ...]  # unit id, code, name, year, *_CHILD_COUNTS


def children(unit: Unit, *, year: int, standard_id: str) -> list[ChildRow]:
    """The communes (or villages) of ``unit`` with their rates, worst first.

    Read as plain values (no model instances): a province has many communes and a commune
    many villages, and this is the longest table of a dashboard.
    """
    level = CHILD_LEVEL[unit.level]
    if level is None:
        return []
    column = {"province": "province_id", "commune": "commune_id"}[unit.level]
    rows = StatusAggregate.objects.filter(
        level=level, standard_id=standard_id, year__in=(year, year - 1), **{column: unit.pk}
    ).values_list(f"{level}_id", f"{level}__code", f"{level}__name", "year", *_CHILD_COUNTS)
    by_unit: dict[int, dict[int, _ChildValues]] = {}
    for row in rows:
        by_unit.setdefault(row[0], {})[row[3]] = row
    result = [
        _child_row(level, unit.province, years, year) for years in by_unit.values() if year in years
    ]
    return sorted(result, key=lambda r: (-(r.rates.combined_rate or 0), r.unit.name))


def _child_row(
    level: Level, province: Province, years: dict[int, _ChildValues], year: int
) -> ChildRow:
    now = _child_rates(years[year])
    before = _child_rates(years[year - 1]) if year - 1 in years else None
    change = None
    if before is not None and now.combined_rate is not None and before.combined_rate is not None:
        change = round(now.combined_rate - before.combined_rate, 2)
    pk, code, name = years[year][:3]
    return ChildRow(
        unit=Unit(level=level, pk=pk, code=code, name=name, province=province),
        rates=now, change=change,
    )  # fmt: skip


def _child_rates(values: _ChildValues) -> Rates:
    return Rates(**dict(zip(_CHILD_COUNTS, values[4:], strict=True)))


def mpi(unit: Unit, *, year: int, standard_id: str, lang: Lang = "vi") -> Mpi | None:
    """H, A, M0 and each indicator's headcount and contribution (the standard's cut-off)."""
    row = StatusAggregate.objects.filter(unit.rows_q(), year=year, standard_id=standard_id)
    sums = row.values_list("mpi_sums", flat=True).first()
    if not sums or not sums.get("n"):
        return None
    standard = standard_get(standard_id)
    spec = MpiSpec.for_standard(standard)
    measures = mpi_finish(pl.DataFrame([sums]).lazy(), spec).collect().row(0, named=True)
    indicators = tuple(
        IndicatorRow(
            indicator_id=i.id, label=i.label.get(lang), deprived=sums[f"raw_{i.id}"],
            share=round(100 * measures[f"uncensored_{i.id}"], 2),
            contribution=_percent_or_none(measures[f"contrib_{i.id}"]),
        )
        for i in standard.indicators
    )  # fmt: skip
    ordered = tuple(sorted(indicators, key=lambda r: -r.deprived))
    return Mpi(n=sums["n"], q=sums["q"], H=measures["H"], A=measures["A"], M0=measures["M0"],
               indicators=ordered)  # fmt: skip


def _percent_or_none(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 2)


def support(unit: Unit, *, year: int) -> list[SupportRow]:
    """Support delivered in ``year`` by type; the row with ``support_type`` "" is every type."""
    rows = SupportAggregate.objects.filter(unit.rows_q(), year=year)
    labels = dict(SupportType.choices)
    return sorted(
        (SupportRow(support_type=r.support_type, label=str(labels.get(r.support_type, "")),
                    households=r.households, records=r.records, amount_vnd=r.amount_vnd)
         for r in rows),
        key=lambda r: (r.support_type != "", -r.households),
    )  # fmt: skip


def funds(unit: Unit, *, year: int) -> list[FundsRow]:
    """Allocated and disbursed in ``year`` by kind of source (province and commune only)."""
    if unit.level == "village":
        return []
    rows = FundsAggregate.objects.filter(unit.rows_q(), year=year)
    labels = dict(SourceKind.choices)
    totals = rows.values("source_kind").annotate(a=Sum("allocated_vnd"), d=Sum("disbursed_vnd"))
    return [
        FundsRow(source_kind=r["source_kind"], label=str(labels.get(r["source_kind"], "")),
                 allocated_vnd=int(r["a"]), disbursed_vnd=int(r["d"]))
        for r in totals.order_by("source_kind")
    ]  # fmt: skip


def refresh_state(province: Province) -> AggregateRefresh | None:
    return AggregateRefresh.objects.filter(province=province).first()


def transition_labels(lang: Lang = "vi") -> dict[str, str]:
    index = 0 if lang == "vi" else 1
    return {t: TRANSITION_LABELS[t][index] for t in TRANSITION_COUNTS}
