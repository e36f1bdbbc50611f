"""Calibration targets (Lạng Sơn's reported poverty path) and the check of generated rates."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from giamngheo.demo.frames import DemoData


@dataclass(frozen=True, slots=True, kw_only=True)
class CalibrationTarget:
    """Shares of households (0–1) classified poor / near-poor under the 2022–2025 standard."""

    year: int
    poor: float
    near_poor: float


# Source: Lạng Sơn reports — 2021: 23,510 poor (12.2 %) and about 23,250 near-poor (12.06 %);
# end-2024: 6,912 poor (3.36 %) and 16,451 near-poor (8.0 %); 2025 review (Decision
# 83/QĐ-UBND, 15 Jan 2026): 4,643 poor of 199,765 households (2.32 %) and 13,578 near-poor
# (6.80 %). 2022 and 2023 are interpolated linearly between 2021 and 2024.
CALIBRATION_TARGETS: tuple[CalibrationTarget, ...] = (
    CalibrationTarget(year=2021, poor=0.1220, near_poor=0.1206),
    CalibrationTarget(year=2022, poor=0.0925, near_poor=0.1071),
    CalibrationTarget(year=2023, poor=0.0631, near_poor=0.0935),
    CalibrationTarget(year=2024, poor=0.0336, near_poor=0.0800),
    CalibrationTarget(year=2025, poor=0.0232, near_poor=0.0680),
)

STANDARD_ID = "vn-2022-2025"


def calibration_target(year: int) -> CalibrationTarget:
    """The target for ``year``; years outside 2021–2025 take the nearest reported year."""
    years = [t.year for t in CALIBRATION_TARGETS]
    nearest = min(max(year, years[0]), years[-1])
    return CALIBRATION_TARGETS[years.index(nearest)]


def demo_status_rates(data: DemoData) -> pl.DataFrame:
    """Share of poor and near-poor households per year under the 2022–2025 standard, computed
    by the classification engine from the generated incomes and deprivation flags.

    Returns columns ``year``, ``poor``, ``near_poor`` (shares 0–1), sorted by year.
    """
    from giamngheo.analytics.classify import classify_lazy
    from giamngheo.domain.standards import standard_get

    status = f"{STANDARD_ID}:status"
    lf = data.surveys.lazy().join(
        data.households.lazy().select(pl.col("code").alias("household_code"), "area"),
        on="household_code",
    )
    return (
        classify_lazy(lf, [standard_get(STANDARD_ID)])
        .group_by("year")
        .agg(
            (pl.col(status) == "poor").mean().alias("poor"),
            (pl.col(status) == "near_poor").mean().alias("near_poor"),
        )
        .sort("year")
        .collect()
    )


def demo_rates(data: DemoData) -> list[dict[str, float]]:
    """:func:`demo_status_rates` as JSON-ready rows, with the targets beside them.

    Each row: ``year``, ``poor``, ``near_poor``, ``target_poor``, ``target_near_poor``.
    """
    rows = demo_status_rates(data).to_dicts()
    for row in rows:
        target = calibration_target(int(row["year"]))
        row.update(target_poor=target.poor, target_near_poor=target.near_poor)
    return rows
