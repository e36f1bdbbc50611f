"""The row-level reference rules on the cases of the domain notes §8.4, and explanations."""

from __future__ import annotations

import pytest

from giamngheo.domain.explain import explain, format_number
from giamngheo.domain.model import Area, Status
from giamngheo.domain.rules import Survey, classify_row
from giamngheo.domain.standards import standard_get

EIGHT = ("employment", "dependants", "nutrition", "health_insurance", "adult_education",
         "school_attendance", "housing_quality", "housing_area")  # fmt: skip
FIVE = EIGHT[:5]

# case, area, income, deprived, expected 2022–2025, expected 2027–2030 (§8.4)
V_CASES: list[tuple[str, Area, int, tuple[str, ...], Status, Status]] = [
    ("V1", "rural", 1_500_000, ("employment", "health_insurance", "latrine"), "poor", "poor"),
    ("V2", "rural", 1_500_000, ("latrine", "water"), "near_poor", "near_poor"),
    ("V3", "rural", 1_500_001, EIGHT, "average", "poor"),
    ("V4", "urban", 2_000_000, (), "near_poor", "near_poor"),
    ("V5", "urban", 3_000_000, FIVE, "average", "not_poor"),
    ("V6", "urban", 3_000_001, (), "not_poor", "not_poor"),
    # The notes give "near_poor" for V7 under 2027–2030, but 2,250,000 > 2,200,000 (the rural
    # line), so the household is above the line: not poor. The notes' arithmetic slipped.
    ("V7", "rural", 2_250_000, ("information_access",), "average", "not_poor"),
    ("V7b", "rural", 2_200_000, ("information_access",), "average", "near_poor"),
]


@pytest.mark.parametrize(("case", "area", "income", "deprived", "old", "new"), V_CASES)
def test_domain_note_cases(
    case: str, area: Area, income: int, deprived: tuple[str, ...], old: Status, new: Status
) -> None:
    survey = Survey.of(area=area, income=income, deprived=deprived)
    assert classify_row(survey, standard_get("vn-2022-2025")).status == old, case
    assert classify_row(survey, standard_get("vn-2026-2030")).status == new, case


def test_v7_information_access_does_not_count_from_2027() -> None:
    survey = Survey.of(area="rural", income=2_250_000, deprived=["information_access"])
    result = classify_row(survey, standard_get("vn-2026-2030"))
    assert (result.deprivations, result.deprived) == (0, ())


@pytest.mark.parametrize(
    ("area", "score", "count", "expected"),
    [
        ("rural", 140, 3, "poor"),
        ("rural", 140, 2, "near_poor"),
        ("rural", 141, 5, "not_poor"),
        ("urban", 175, 3, "poor"),
        ("urban", 176, 0, "not_poor"),
    ],
)
def test_score_form_cases(area: Area, score: int, count: int, expected: Status) -> None:
    survey = Survey.of(area=area, income=score, deprived=EIGHT[:count])
    assert classify_row(survey, standard_get("vn-2022-2025-score")).status == expected


@pytest.mark.parametrize(
    ("area", "income", "central", "provincial"),
    [
        ("rural", 1_500_000, "poor", "poor"),
        ("rural", 1_800_000, "average", "poor"),
        ("rural", 2_100_000, "average", "poor"),
        ("rural", 2_100_001, "average", "average"),
        ("urban", 2_600_000, "average", "poor"),
        ("urban", 2_600_001, "average", "average"),
        ("urban", 3_000_001, "not_poor", "not_poor"),
    ],
)
def test_quang_ninh_beside_central(area: Area, income: int, central: str, provincial: str) -> None:
    survey = Survey.of(area=area, income=income, deprived=FIVE)
    assert classify_row(survey, standard_get("vn-2022-2025")).status == central
    assert classify_row(survey, standard_get("quangninh-2023-2025")).status == provincial


def test_deprived_ids_follow_the_standard_order() -> None:
    survey = Survey.of(area="urban", income=0, deprived=["water", "employment", "unknown"])
    result = classify_row(survey, standard_get("vn-2022-2025"))
    assert result.deprived == ("employment", "water")
    assert result.deprived_joined == "employment;water"
    assert result.standard == "vn-2022-2025@v1"


@pytest.mark.parametrize(
    ("area", "income", "error"),
    [("suburb", 1, ValueError), ("rural", -1, ValueError), ("rural", 1.5, TypeError)],
)
def test_invalid_survey_is_refused(area: str, income: object, error: type[Exception]) -> None:
    survey = Survey(area=area, income=income, deprived=frozenset())  # type: ignore[arg-type]
    with pytest.raises(error):
        classify_row(survey, standard_get("vn-2022-2025"))


def test_explain_poor_in_vietnamese() -> None:
    survey = Survey.of(
        area="rural", income=1_350_000, deprived=["water", "latrine", "telecom", "employment"]
    )
    text = explain(survey, standard_get("vn-2022-2025")).text
    assert text == (
        "Hộ nghèo: thu nhập 1.350.000 đ ≤ chuẩn 1.500.000 đ (nông thôn) và thiếu hụt 4 chỉ số: "
        "việc làm, nguồn nước sinh hoạt, nhà tiêu hợp vệ sinh, sử dụng dịch vụ viễn thông"
    )


def test_explain_in_english_and_above_the_line() -> None:
    survey = Survey.of(area="urban", income=2_500_000, deprived=["water"])
    result = explain(survey, standard_get("vn-2022-2025"), "en")
    assert result.status == "average"
    assert result.text.startswith(
        "Average-living-standard household: income VND 2,500,000 > line VND 2,000,000, "
        "≤ average-living-standard ceiling VND 3,000,000 (urban)"
    )
    assert "deprivations do not count above the income line" in result.text


def test_explain_near_poor_and_score_form() -> None:
    near = explain(Survey.of(area="urban", income=2_000_000), standard_get("vn-2022-2025"))
    assert near.text == (
        "Hộ cận nghèo: thu nhập 2.000.000 đ ≤ chuẩn 2.000.000 đ (thành thị) và "
        "không thiếu hụt chỉ số nào"
    )
    score = explain(
        Survey.of(area="rural", income=140, deprived=EIGHT[:3]), standard_get("vn-2022-2025-score")
    )
    assert score.status == "poor"
    assert "điểm thiếu hụt 30 ≥ 30" in score.text


def test_format_number() -> None:
    assert format_number(1_500_000) == "1.500.000"
    assert format_number(1_500_000, "en") == "1,500,000"
    assert format_number(0) == "0"
