"""Why a household has its status, in Vietnamese or English.

>>> from giamngheo.domain.standards import standard_get
>>> survey = Survey.of(area="rural", income=1_350_000, deprived=["water", "latrine", "telecom"])
>>> print(explain(survey, standard_get("vn-2022-2025")).text)  # doctest: +NORMALIZE_WHITESPACE
Hộ nghèo: thu nhập 1.350.000 đ ≤ chuẩn 1.500.000 đ (nông thôn) và thiếu hụt 3 chỉ số:
nguồn nước sinh hoạt, nhà tiêu hợp vệ sinh, sử dụng dịch vụ viễn thông
"""

from __future__ import annotations

from dataclasses import dataclass

from giamngheo.domain.model import Area, Lang, Standard, Status
from giamngheo.domain.rules import Classification, Survey, classify_row

STATUS_LABELS: dict[Status, tuple[str, str]] = {
    "poor": ("Hộ nghèo", "Poor household"),
    "near_poor": ("Hộ cận nghèo", "Near-poor household"),
    "average": ("Hộ có mức sống trung bình", "Average-living-standard household"),
    "not_poor": ("Không thuộc hộ nghèo, cận nghèo", "Neither poor nor near-poor"),
}
AREA_LABELS: dict[Area, tuple[str, str]] = {
    "rural": ("nông thôn", "rural"),
    "urban": ("thành thị", "urban"),
}
_WORDS: dict[str, tuple[str, str]] = {
    "income": ("thu nhập", "income"),
    "score": ("điểm thu nhập", "income score"),
    "line": ("chuẩn", "line"),
    "band": ("mức sống trung bình", "average-living-standard ceiling"),
    "and": ("và", "and"),
    "deprived": ("thiếu hụt", "deprived in"),
    "indicators": ("chỉ số", "indicators"),
    "none": ("không thiếu hụt chỉ số nào", "no deprivation"),
    "below": ("dưới ngưỡng", "below the threshold of"),
    "points": ("điểm thiếu hụt", "deprivation score"),
    "ignored": ("thiếu hụt không được xét vì thu nhập trên chuẩn",
                "deprivations do not count above the income line"),
}  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """A status with the reasons that lead to it; ``text`` is the one-line summary."""

    classification: Classification
    status_label: str
    reasons: tuple[str, ...]

    @property
    def status(self) -> Status:
        """The status being explained."""
        return self.classification.status

    @property
    def text(self) -> str:
        """``Hộ nghèo: thu nhập … ≤ chuẩn … (nông thôn) và thiếu hụt 4 chỉ số: …``."""
        return f"{self.status_label}: {'; '.join(self.reasons)}"


def explain(survey: Survey, standard: Standard, lang: Lang = "vi") -> Explanation:
    """Classify ``survey`` under ``standard`` and say why, in ``lang``."""
    result = classify_row(survey, standard)
    reasons = [_income_reason(survey, standard, result.status, lang)]
    if result.status in ("poor", "near_poor"):
        reasons[0] += f" {_w('and', lang)} {_deprivation_reason(result, standard, lang)}"
    elif result.deprivations:
        reasons.append(f"{_w('ignored', lang)} ({_deprivation_reason(result, standard, lang)})")
    label = STATUS_LABELS[result.status][0 if lang == "vi" else 1]
    return Explanation(classification=result, status_label=label, reasons=tuple(reasons))


def _income_reason(survey: Survey, standard: Standard, status: Status, lang: Lang) -> str:
    line = standard.income_line.for_area(survey.area)
    area = AREA_LABELS[survey.area][0 if lang == "vi" else 1]
    fmt = _money if standard.measure == "income" else _points
    head = f"{_w(standard.measure, lang)} {fmt(survey.income, lang)}"
    if survey.income <= line:
        return f"{head} ≤ {_w('line', lang)} {fmt(line, lang)} ({area})"
    text = f"{head} > {_w('line', lang)} {fmt(line, lang)}"
    band = standard.average_line
    if band is None:
        return f"{text} ({area})"
    top = band.for_area(survey.area)
    sign = "≤" if status == "average" else ">"
    return f"{text}, {sign} {_w('band', lang)} {fmt(top, lang)} ({area})"


def _deprivation_reason(result: Classification, standard: Standard, lang: Lang) -> str:
    if not result.deprivations:
        return _w("none", lang)
    names = ", ".join(_lower_first(standard.indicator(i).label.get(lang)) for i in result.deprived)
    count = f"{_w('deprived', lang)} {result.deprivations} {_w('indicators', lang)}: {names}"
    if standard.score is None:
        return count
    points = result.deprivations * standard.score.points_per_deprivation
    sign = "≥" if points >= standard.score.poor_min_points else "<"
    return f"{_w('points', lang)} {points} {sign} {standard.score.poor_min_points} ({count})"


def format_number(value: int, lang: Lang = "vi") -> str:
    """``1500000`` → ``1.500.000`` (vi) or ``1,500,000`` (en)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def _money(value: int, lang: Lang) -> str:
    return (
        f"{format_number(value, lang)} đ" if lang == "vi" else f"VND {format_number(value, lang)}"
    )


def _points(value: int, lang: Lang) -> str:
    return f"{format_number(value, lang)} {'điểm' if lang == 'vi' else 'points'}"


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][0 if lang == "vi" else 1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
