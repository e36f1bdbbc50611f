"""The vectorised classifier agrees with the row-level oracle, on random and boundary surveys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from giamngheo.analytics.classify import classify_lazy, output_columns
from giamngheo.domain.model import AREAS, Area, AreaAmounts, Standard
from giamngheo.domain.rules import Survey, classify_row
from giamngheo.domain.standards import standard_get, standards_all

ALL_IDS = sorted({i for s in standards_all() for i in s.indicator_ids})
STANDARDS = standards_all()


def _frame(surveys: Sequence[Survey], *, boolean: bool = False) -> pl.DataFrame:
    flags = {
        f"dep_{i}": pl.Series([i in s.deprived for s in surveys], dtype=pl.Boolean) for i in ALL_IDS
    }
    if not boolean:
        flags = {k: v.cast(pl.UInt8) for k, v in flags.items()}
    return pl.DataFrame(
        {
            "household_id": [f"{n:06d}" for n in range(len(surveys))],
            "area": [s.area for s in surveys],
            "income": pl.Series([s.income for s in surveys], dtype=pl.Int64),
            "income_score": pl.Series([s.income for s in surveys], dtype=pl.Int64),
            **flags,
        }
    )


def _assert_agrees(
    surveys: Sequence[Survey], standards: Sequence[Standard], df: pl.DataFrame
) -> None:
    out = classify_lazy(df.lazy(), standards).collect()
    for standard in standards:
        status, count, deprived = output_columns(standard)
        expected = [classify_row(s, standard) for s in surveys]
        assert out[status].cast(pl.String).to_list() == [e.status for e in expected]
        assert out[count].to_list() == [e.deprivations for e in expected]
        assert out[deprived].cast(pl.String).to_list() == [e.deprived_joined for e in expected]


def _lines(standard: Standard) -> list[int]:
    values = [standard.income_line.rural, standard.income_line.urban]
    if standard.average_line is not None:
        values += [standard.average_line.rural, standard.average_line.urban]
    return values


NEAR_LINES = sorted({v + d for s in STANDARDS for v in _lines(s) for d in (-1, 0, 1)})

surveys_strategy = st.lists(
    st.builds(
        Survey,
        area=st.sampled_from(AREAS),
        income=st.one_of(st.integers(0, 4_000_000), st.sampled_from(NEAR_LINES),
                         st.integers(0, 300)),
        deprived=st.frozensets(st.sampled_from(ALL_IDS)),
    ),
    min_size=1,
    max_size=60,
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(surveys=surveys_strategy, boolean=st.booleans())
def test_engine_equals_oracle_on_random_surveys(surveys: list[Survey], boolean: bool) -> None:
    _assert_agrees(surveys, STANDARDS, _frame(surveys, boolean=boolean))


def _boundary_surveys(standard: Standard) -> list[Survey]:
    ids = standard.indicator_ids
    out = []
    for area in AREAS:
        for value in _lines(standard):
            for income in (value - 1, value, value + 1):
                for count in (0, 2, 3, 12):
                    out.append(Survey.of(area=area, income=income, deprived=ids[:count]))
    return out


@pytest.mark.parametrize("standard", STANDARDS, ids=lambda s: s.id)
def test_engine_equals_oracle_at_every_boundary(standard: Standard) -> None:
    surveys = _boundary_surveys(standard)
    _assert_agrees(surveys, [standard], _frame(surveys))


@pytest.mark.parametrize(
    ("area", "income", "count", "expected"),
    [
        ("rural", 1_500_000, 3, "poor"),
        ("rural", 1_500_000, 2, "near_poor"),
        ("rural", 1_500_001, 3, "average"),
        ("rural", 2_250_000, 3, "average"),
        ("rural", 2_250_001, 3, "not_poor"),
        ("urban", 2_000_000, 3, "poor"),
        ("urban", 2_000_001, 12, "average"),
        ("urban", 3_000_001, 12, "not_poor"),
    ],
)
def test_engine_boundaries_have_the_legal_status(
    area: Area, income: int, count: int, expected: str
) -> None:
    standard = standard_get("vn-2022-2025")
    survey = Survey.of(area=area, income=income, deprived=standard.indicator_ids[:count])
    out = classify_lazy(_frame([survey]).lazy(), [standard]).collect()
    assert out["vn-2022-2025:status"].cast(pl.String).to_list() == [expected]


def test_provincial_and_central_side_by_side() -> None:
    surveys = [
        Survey.of(area="rural", income=1_800_000, deprived=["water", "latrine", "telecom"]),
        Survey.of(area="urban", income=2_600_000, deprived=["water"]),
        Survey.of(area="urban", income=2_600_001, deprived=["water"]),
    ]
    pair = [standard_get("vn-2022-2025"), standard_get("quangninh-2023-2025")]
    out = classify_lazy(_frame(surveys).lazy(), pair).collect()
    assert out["vn-2022-2025:status"].cast(pl.String).to_list() == ["average"] * 3
    assert out["quangninh-2023-2025:status"].cast(pl.String).to_list() == [
        "poor", "near_poor", "average",
    ]  # fmt: skip
    assert out["quangninh-2023-2025:deprived"].cast(pl.String)[0] == "water;latrine;telecom"


def test_other_columns_pass_through_and_area_may_be_text_or_enum() -> None:
    surveys = [Survey.of(area="urban", income=10, deprived=["water"])]
    df = _frame(surveys).with_columns(commune=pl.lit("00004"))
    enum_df = df.with_columns(pl.col("area").cast(pl.Enum(["rural", "urban"])))
    for frame in (df, enum_df):
        out = classify_lazy(frame.lazy(), [standard_get("vn-2026-2030")]).collect()
        assert out["commune"].to_list() == ["00004"]
        assert out["vn-2026-2030:status"].cast(pl.String).to_list() == ["near_poor"]
        assert not any(c.startswith("__") for c in out.columns)


def test_output_dtypes() -> None:
    out = classify_lazy(_frame([Survey.of(area="rural", income=1)]).lazy(), STANDARDS)
    schema = out.collect_schema()
    assert schema["vn-2022-2025:deprivations"] == pl.UInt8
    assert isinstance(schema["vn-2022-2025:status"], pl.Enum)


def _with_lines(standard: Standard, rural: int, urban: int) -> Standard:
    line = AreaAmounts(rural=rural, urban=urban)
    return replace(standard, id=f"{standard.id}-{rural}-{urban}", income_line=line)


LINE_VARIANTS = [
    _with_lines(standard_get("vn-2026-2030"), 2_000_000, 2_000_000),  # one line for both areas
    _with_lines(standard_get("vn-2026-2030"), 2_800_000, 2_200_000),  # urban line below rural
    _with_lines(standard_get("vn-2022-2025"), 2_000_000, 1_500_000),  # and inside a band
]


@pytest.mark.parametrize("standard", LINE_VARIANTS, ids=lambda s: s.id)
def test_engine_equals_oracle_whichever_area_has_the_higher_line(standard: Standard) -> None:
    surveys = _boundary_surveys(standard)
    _assert_agrees(surveys, [standard], _frame(surveys))


def test_standards_sharing_indicators_share_the_results_but_not_the_status() -> None:
    surveys = [Survey.of(area="rural", income=1_800_000, deprived=["water", "latrine", "telecom"])]
    pair = [standard_get("vn-2022-2025"), standard_get("quangninh-2023-2025")]
    out = classify_lazy(_frame(surveys).lazy(), pair).collect()
    names = [c for s in pair for c in output_columns(s)]
    assert [c for c in out.columns if ":" in c] == names  # status, count, deprived per standard
    assert out[names[2]].equals(out[names[5]], check_names=False)
    assert out[names[0]].cast(pl.String).to_list() == ["average"]
    assert out[names[3]].cast(pl.String).to_list() == ["poor"]


def test_dropping_deprived_skips_the_bitmask() -> None:
    standard = standard_get("vn-2022-2025")
    surveys = _boundary_surveys(standard)
    deprived = output_columns(standard)[2]
    lf = classify_lazy(_frame(surveys).lazy(), [standard])
    assert "mask" in lf.explain()
    assert "mask" not in lf.drop(deprived).explain()
    assert lf.drop(deprived).collect().equals(lf.collect().drop(deprived))


def test_a_line_shared_by_two_standards_is_compared_once() -> None:
    pair = [standard_get("vn-2022-2025"), standard_get("quangninh-2023-2025")]
    lf = classify_lazy(_frame(_boundary_surveys(pair[0])).lazy(), pair)
    plan = lf.explain(optimized=False)  # as built, before Polars' common-subexpression pass
    assert plan.count("2250000") == 1  # the average band both standards use
    assert plan.count("1500000") == 1
    assert plan.count("2100000") == 1
