"""Calibration: the 2022–2025 standard, applied by the classification engine to a generated
province, reproduces Lạng Sơn's reported poor and near-poor rates.

Tolerance: ±0.5 percentage points for both rates. The generator places the income line and
the "three deprivations" cut at exact quantiles of 20,000 households, so the only error left
is rounding to whole households (< 0.01 points); near-poor therefore meets the same bound as
poor, not the looser ±1 point the brief allows.
"""

from __future__ import annotations

import json

import polars as pl
import pytest

from giamngheo.demo import (
    CALIBRATION_TARGETS,
    CalibrationTarget,
    DemoData,
    demo_generate,
    demo_rates,
    demo_status_rates,
)

TOLERANCE = 0.005


@pytest.fixture(scope="module")
def data() -> DemoData:
    return demo_generate(province_code=20, households=20_000, years=range(2021, 2026), seed=1)


def test_targets_are_lang_son_path() -> None:
    by_year = {t.year: (t.poor, t.near_poor) for t in CALIBRATION_TARGETS}
    assert by_year[2021] == (0.122, 0.1206)
    assert by_year[2024] == (0.0336, 0.08)
    assert by_year[2025] == (0.0232, 0.068)
    assert sorted(by_year) == list(range(2021, 2026))


@pytest.mark.parametrize("target", CALIBRATION_TARGETS, ids=lambda t: str(t.year))
def test_rates_follow_targets(data: DemoData, target: CalibrationTarget) -> None:
    rates = demo_status_rates(data)
    row = rates.filter(pl.col("year") == target.year)
    assert row["poor"].item() == pytest.approx(target.poor, abs=TOLERANCE)
    assert row["near_poor"].item() == pytest.approx(target.near_poor, abs=TOLERANCE)


def test_other_seed_is_calibrated_too() -> None:
    data = demo_generate(province_code=20, households=20_000, years=range(2021, 2026), seed=99)
    rates = demo_status_rates(data)
    for target, (poor, near_poor) in zip(
        CALIBRATION_TARGETS, rates.select("poor", "near_poor").iter_rows(), strict=True
    ):
        assert poor == pytest.approx(target.poor, abs=TOLERANCE)
        assert near_poor == pytest.approx(target.near_poor, abs=TOLERANCE)


def test_households_move_between_statuses(data: DemoData) -> None:
    from giamngheo.analytics.classify import classify_lazy
    from giamngheo.domain.standards import standard_get

    lf = data.surveys.lazy().join(
        data.households.lazy().select(pl.col("code").alias("household_code"), "area"),
        on="household_code",
    )
    status = pl.col("vn-2022-2025:status").cast(pl.String)
    moves = (
        classify_lazy(lf, [standard_get("vn-2022-2025")])
        .sort("household_code", "year")
        .select(status.shift(1).over("household_code").alias("before"), status.alias("after"))
        .collect()
    )
    poor_before = moves["before"] == "poor"
    poor_after = moves["after"] == "poor"
    assert (poor_before & ~poor_after).sum() > 1_000  # escaped
    assert (~poor_before & poor_after & moves["before"].is_not_null()).sum() > 100  # newly poor


def test_poverty_is_deeper_where_it_is_remote(data: DemoData) -> None:
    first = data.surveys.filter(pl.col("year") == 2021).join(
        data.households.select(pl.col("code").alias("household_code"), "village_code", "area"),
        on="household_code",
    )
    first = first.join(
        data.villages.select(pl.col("code").alias("village_code"), "remote"), on="village_code"
    )
    income = dict(first.group_by("remote").agg(pl.col("income").median()).iter_rows())
    assert income[True] < income[False]
    by_area = dict(first.group_by("area").agg(pl.col("income").median()).iter_rows())
    assert by_area["rural"] < by_area["urban"]


def test_json_ready_rates_name_their_targets(data: DemoData) -> None:
    rows = demo_rates(data)
    assert json.loads(json.dumps(rows)) == rows
    assert [row["year"] for row in rows] == list(range(2021, 2026))
    for row in rows:
        assert row["poor"] == pytest.approx(row["target_poor"], abs=TOLERANCE)
