"""The headline indicators of the TT10 results framework (domain notes §4.2), each a value per
year read from :class:`~giamngheo.apps.monitoring.exports.data.ReportData`, with the target
metric that plans it where there is one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation

from giamngheo.apps.monitoring.choices import Pace, TargetMetric
from giamngheo.apps.monitoring.exports.book import Kind
from giamngheo.apps.monitoring.exports.data import ReportData
from giamngheo.apps.monitoring.selectors import Rates, YearRates
from giamngheo.apps.monitoring.targets import TargetProgress
from giamngheo.domain.standards import StandardNotFoundError, standard_get

type Value = int | float | None
PERCENT, POINTS, HOUSEHOLDS = "%", "điểm %", "hộ"


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    label: str
    measure: str  # đơn vị tính
    kind: Kind
    value: Callable[[ReportData, int], Value]
    metric: str = ""  # the target metric measuring it ("" none)
    support_type: str = ""

    def target(self, data: ReportData) -> TargetProgress | None:
        if not self.metric:
            return None
        return next(
            (p for p in data.targets
             if p.target.metric == self.metric and p.target.support_type == self.support_type),
            None,
        )  # fmt: skip

    def scale(self, amount: int | None) -> Value:
        """A target's planned or actual amount in this indicator's measure (rate cuts are
        stored in hundredths of a point)."""
        if amount is None:
            return None
        return amount / 100 if self.kind == "rate" else amount


def _rates(pick: Callable[[Rates], Value]) -> Callable[[ReportData, int], Value]:
    def value(data: ReportData, year: int) -> Value:
        row = data.at(year)
        return pick(row.rates) if row else None

    return value


def _minority(row: Rates) -> Rates:
    return Rates(households=row.minority_households, poor=row.minority_poor,
                 near_poor=row.minority_near_poor)  # fmt: skip


def _cut(pick: Callable[[Rates], float | None]) -> Callable[[ReportData, int], Value]:
    """The fall of a rate since the year before, in points (a rise is negative)."""

    def value(data: ReportData, year: int) -> Value:
        now, before = data.at(year), data.at(year - 1)
        if now is None or before is None:
            return None
        a, b = pick(before.rates), pick(now.rates)
        return None if a is None or b is None else round(a - b, 2)

    return value


def _count(pick: Callable[[YearRates], int]) -> Callable[[ReportData, int], Value]:
    def value(data: ReportData, year: int) -> Value:
        row = data.at(year)
        return pick(row) if row else None

    return value


def _transition(name: str) -> Callable[[ReportData, int], Value]:
    """Transitions need the year before to mean anything; the first year has none."""

    def value(data: ReportData, year: int) -> Value:
        row = data.at(year)
        return row.transitions.get(name, 0) if row and data.at(year - 1) else None

    return value


def _supported(data: ReportData, year: int) -> Value:
    if year != data.year:
        return None
    return next((r.households for r in data.support if r.support_type == ""), 0)


HEADLINE: tuple[Indicator, ...] = (
    Indicator(label="Tổng số hộ được rà soát", measure=HOUSEHOLDS, kind="count",
              value=_count(lambda r: r.rates.households)),
    Indicator(label="Số hộ nghèo", measure=HOUSEHOLDS, kind="count",
              value=_count(lambda r: r.rates.poor)),
    Indicator(label="Số hộ cận nghèo", measure=HOUSEHOLDS, kind="count",
              value=_count(lambda r: r.rates.near_poor)),
    Indicator(label="Tỷ lệ hộ nghèo", measure=PERCENT, kind="rate",
              value=_rates(lambda r: r.poor_rate)),
    Indicator(label="Tỷ lệ hộ cận nghèo", measure=PERCENT, kind="rate",
              value=_rates(lambda r: r.near_poor_rate)),
    Indicator(label="Tỷ lệ nghèo đa chiều (hộ nghèo và cận nghèo)", measure=PERCENT,
              kind="rate", value=_rates(lambda r: r.combined_rate)),
    Indicator(label="Mức giảm tỷ lệ hộ nghèo so với năm trước", measure=POINTS, kind="rate",
              value=_cut(lambda r: r.poor_rate), metric=TargetMetric.POOR_RATE_CUT),
    Indicator(label="Mức giảm tỷ lệ nghèo đa chiều so với năm trước", measure=POINTS,
              kind="rate", value=_cut(lambda r: r.combined_rate),
              metric=TargetMetric.COMBINED_RATE_CUT),
    Indicator(label="Số hộ dân tộc thiểu số", measure=HOUSEHOLDS, kind="count",
              value=_count(lambda r: r.rates.minority_households)),
    Indicator(label="Tỷ lệ hộ nghèo dân tộc thiểu số", measure=PERCENT, kind="rate",
              value=_rates(lambda r: _minority(r).poor_rate)),
    Indicator(label="Tỷ lệ hộ cận nghèo dân tộc thiểu số", measure=PERCENT, kind="rate",
              value=_rates(lambda r: _minority(r).near_poor_rate)),
    Indicator(label="Tỷ lệ nghèo đa chiều hộ dân tộc thiểu số", measure=PERCENT, kind="rate",
              value=_rates(lambda r: r.minority_combined_rate)),
    Indicator(label="Mức giảm tỷ lệ hộ nghèo dân tộc thiểu số so với năm trước",
              measure=POINTS, kind="rate", value=_cut(lambda r: _minority(r).poor_rate)),
    Indicator(label="Số hộ thoát nghèo", measure=HOUSEHOLDS, kind="count",
              value=_transition("escaped"), metric=TargetMetric.ESCAPED),
    Indicator(label="Số hộ thoát cận nghèo", measure=HOUSEHOLDS, kind="count",
              value=_transition("escaped_near_poor")),
    Indicator(label="Số hộ từ nghèo sang cận nghèo", measure=HOUSEHOLDS, kind="count",
              value=_transition("poor_to_near_poor")),
    Indicator(label="Số hộ nghèo phát sinh", measure=HOUSEHOLDS, kind="count",
              value=_transition("newly_poor")),
    Indicator(label="Số hộ cận nghèo phát sinh", measure=HOUSEHOLDS, kind="count",
              value=_transition("newly_near_poor")),
    Indicator(label="Số hộ tái nghèo", measure=HOUSEHOLDS, kind="count",
              value=_transition("fell_back")),
    Indicator(label="Số hộ được hỗ trợ trong năm (mỗi hộ tính một lần)", measure=HOUSEHOLDS,
              kind="count", value=_supported, metric=TargetMetric.SUPPORTED),
)  # fmt: skip


def _deprived(indicator_id: str) -> Callable[[ReportData, int], Value]:
    def value(data: ReportData, year: int) -> Value:
        found = data.mpi.get(year)
        if found is None:
            return None
        return next((r.deprived for r in found.indicators if r.indicator_id == indicator_id), None)

    return value


def deprivation_indicators(standard_id: str) -> tuple[Indicator, ...]:
    """Households deprived in each indicator of the standard, in the standard's order."""
    try:
        standard = standard_get(standard_id)
    except StandardNotFoundError:
        return ()
    return tuple(
        Indicator(label=f"Số hộ thiếu hụt chỉ số {i.label.vi.lower()}", measure=HOUSEHOLDS,
                  kind="count", value=_deprived(i.id))
        for i in standard.indicators
    )  # fmt: skip


def framework(data: ReportData) -> tuple[Indicator, ...]:
    """Every row of the results framework: the headline indicators, then the deprivations."""
    return HEADLINE + deprivation_indicators(data.standard_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetRow:
    """A target of the report year as the reports show it (rate cuts in points)."""

    label: str
    measure: str
    kind: Kind
    planned: Value
    actual: Value
    percent: float | None
    pace: str


def target_rows(data: ReportData) -> list[TargetRow]:
    with translation.override("vi"):
        return [_target_row(p) for p in data.targets]


def _target_row(progress: TargetProgress) -> TargetRow:
    target = progress.target
    metric = TargetMetric(target.metric)
    label = str(metric.label)
    if target.support_type:
        label = f"{label} – {target.get_support_type_display()}"
    scale = _points if metric.is_rate else _whole
    return TargetRow(
        label=label, measure=POINTS if metric.is_rate else HOUSEHOLDS,
        kind="rate" if metric.is_rate else "count", planned=scale(target.planned),
        actual=scale(progress.actual), percent=progress.percent,
        pace=str(Pace(progress.pace).label),
    )  # fmt: skip


def _points(amount: int | None) -> Value:
    return None if amount is None else amount / 100


def _whole(amount: int | None) -> Value:
    return amount
