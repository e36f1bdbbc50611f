"""Dashboard figures of a unit, read from the pre-aggregated tables."""

import datetime as dt

from ninja import Schema


class UnitOut(Schema):
    level: str
    code: str
    name: str


class RatesOut(Schema):
    households: int
    poor: int
    near_poor: int
    poor_rate: float | None
    near_poor_rate: float | None
    combined_rate: float | None
    minority_households: int
    minority_poor: int
    minority_near_poor: int
    minority_combined_rate: float | None


class YearOut(Schema):
    year: int
    standard_id: str
    rates: RatesOut
    transitions: dict[str, int]


class ChildOut(Schema):
    unit: UnitOut
    rates: RatesOut
    change: float | None


class MpiIndicatorOut(Schema):
    indicator_id: str
    label: str
    deprived: int
    share: float
    contribution: float | None


class MpiOut(Schema):
    n: int
    q: int
    H: float
    A: float | None
    M0: float
    indicators: list[MpiIndicatorOut]


class SupportTotalOut(Schema):
    support_type: str
    label: str
    households: int
    records: int
    amount_vnd: int


class FundsOut(Schema):
    source_kind: str
    label: str
    allocated_vnd: int
    disbursed_vnd: int


class TargetOut(Schema):
    metric: str
    support_type: str
    standard_id: str
    planned: int
    actual: int | None
    expected: int | None
    pace: str


class DashboardOut(Schema):
    unit: UnitOut
    year: int | None
    standard_id: str | None
    years: list[int]
    standards: list[str]
    refreshed_at: dt.datetime | None
    trend: list[YearOut]
    children: list[ChildOut]
    mpi: MpiOut | None
    support: list[SupportTotalOut]
    funds: list[FundsOut]
    targets: list[TargetOut]
