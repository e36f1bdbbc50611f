"""Latent welfare per household and year, and the incomes and deprivation counts it implies.

Each household gets a persistent welfare level (area, remoteness, commune hardship, ethnic
group, household composition and an idiosyncratic part) plus a yearly AR(1) shock and a small
household trend, so that households escape, fall back or become newly poor from year to year.

Calibration is structural: in year *t* the income line (rural or urban) is placed at the
welfare quantile that puts the target share of households (poor + near-poor) at or below it,
and the "three or more deprivations" cut-point of the deprivation score is placed so that the
target share of poor households lands among them. Incomes and deprivation counts are then
*computed* from welfare and score; the classification engine recovers the targets from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from giamngheo.demo._random import Bools, Floats, Ints
from giamngheo.demo.calibration import calibration_target
from giamngheo.demo.ethnic_mix import WELFARE_SHIFT

INCOME_LINES = {"rural": 1_500_000, "urban": 2_000_000}
"""Income lines of the 2022–2025 standard, VND per person per month."""

INCOME_SPREAD = 0.6  # log-income standard deviation per standard deviation of welfare
# Width of one deprivation on the deprivation score, above and below the "3 deprivations" cut.
SCORE_STEP_ABOVE = 0.5
SCORE_STEP_BELOW = 1.1


@dataclass(frozen=True, slots=True, kw_only=True)
class WelfareDrivers:
    """Household-level drivers of welfare (arrays of one value per household)."""

    urban: Bools
    remote: Bools
    hardship: Floats
    group: Ints
    dependant_share: Floats
    size: Ints
    disabled: Bools


@dataclass(frozen=True, slots=True, kw_only=True)
class YearOutcome:
    """Per household, for one year: income (VND/person/month), deprivation count, the
    standardised welfare and the deprivation score relative to its "3 deprivations" cut."""

    income: Ints
    deprivations: Ints
    welfare: Floats
    score: Floats


def welfare_base(h: WelfareDrivers, rng: np.random.Generator) -> Floats:
    """Persistent welfare level of each household."""
    rural_hardship = np.where(h.urban, 0.0, h.hardship)
    return (
        0.55 * h.urban
        - 0.45 * h.remote
        - 0.25 * rural_hardship
        + WELFARE_SHIFT[h.group]
        - 0.8 * (h.dependant_share - 0.35)
        - 0.25 * (h.size >= 6)
        - 0.2 * h.disabled
        + rng.normal(0.0, 0.75, h.urban.size)
    )


def welfare_paths(base: Floats, years: int, rng: np.random.Generator) -> Floats:
    """Welfare per household and year ``(households, years)``: base + AR(1) shock + trend."""
    n = base.size
    shock = rng.normal(0.0, 0.35, n)
    trend = rng.normal(0.0, 0.06, n)
    paths = np.empty((n, years))
    for t in range(years):
        paths[:, t] = base + shock + trend * t
        shock = 0.6 * shock + 0.8 * rng.normal(0.0, 0.35, n)
    return paths


def score_paths(h: WelfareDrivers, welfare: Floats, rng: np.random.Generator) -> Floats:
    """Deprivation score per household and year: falls with welfare, rises with remoteness."""
    standard = (welfare - welfare.mean(axis=0)) / welfare.std(axis=0)
    persistent = 0.5 * h.remote + 0.25 * np.where(h.urban, 0.0, h.hardship)
    persistent += rng.normal(0.0, 0.6, h.urban.size)
    noise = rng.normal(0.0, 0.2, standard.shape)
    return -0.7 * standard + persistent[:, None] + noise


def _cut(values: Floats, count: int, *, highest: bool) -> float:
    """Value such that exactly ``count`` values are ≤ it (or ≥ it if ``highest``)."""
    if count <= 0:
        return -np.inf if not highest else np.inf
    ordered = np.sort(-values if highest else values)
    cut = ordered[min(count, values.size) - 1]
    return float(-cut if highest else cut)


def year_outcome(*, year: int, welfare: Floats, score: Floats, urban: Bools) -> YearOutcome:
    """Incomes and deprivation counts of one year, calibrated on the year's target."""
    target = calibration_target(year)
    n = welfare.size
    line_cut = _cut(welfare, round((target.poor + target.near_poor) * n), highest=False)
    below = welfare <= line_cut
    three_cut = _cut(score[below], round(target.poor * n), highest=True)
    standard = (welfare - line_cut) / welfare.std()
    line = np.where(urban, INCOME_LINES["urban"], INCOME_LINES["rural"])
    raw = line * np.exp(INCOME_SPREAD * standard)
    above = np.maximum(np.ceil(raw / 1000) * 1000, line + 1000)
    income = np.where(below, np.floor(raw / 1000) * 1000, above)
    relative = score - three_cut
    step = np.where(relative >= 0, SCORE_STEP_ABOVE, SCORE_STEP_BELOW)
    deprivations = np.clip(np.floor(relative / step) + 3, 0, 12)
    return YearOutcome(
        income=income.astype(np.int64),
        deprivations=deprivations.astype(np.int64),
        welfare=standard,
        score=relative,
    )
