"""Row-by-row reference rules (the oracle) for household classification.

This is the meaning of a standard, written plainly, one household at a time. The vectorised
engine in :mod:`giamngheo.analytics.classify` must agree with it on every input.

>>> from giamngheo.domain.standards import standard_get
>>> survey = Survey(area="rural", income=1_500_000, deprived=frozenset({"water", "latrine"}))
>>> classify_row(survey, standard_get("vn-2022-2025")).status
'near_poor'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from giamngheo.domain.model import AREAS, Area, Standard, Status


@dataclass(frozen=True, slots=True, kw_only=True)
class Survey:
    """One household survey (phiếu rà soát) as the rules see it.

    ``income`` is VND per person per month, or income-score points (điểm A) for a
    score-form standard. ``deprived`` holds indicator ids; ids the standard does not know are
    ignored (e.g. ``information_access`` under 2026–2030).
    """

    area: Area
    income: int
    deprived: frozenset[str]

    @classmethod
    def of(cls, *, area: Area, income: int, deprived: Iterable[str] = ()) -> Survey:
        """Build a survey from any iterable of indicator ids."""
        return cls(area=area, income=income, deprived=frozenset(deprived))


@dataclass(frozen=True, slots=True, kw_only=True)
class Classification:
    """Result of classifying one survey under one standard (``standard`` = ``id@vN``)."""

    standard: str
    status: Status
    deprivations: int
    deprived: tuple[str, ...]

    @property
    def deprived_joined(self) -> str:
        """Deprived indicator ids joined by ``;``, as in the ``S:deprived`` column."""
        return ";".join(self.deprived)


def classify_row(survey: Survey, standard: Standard) -> Classification:
    """Classify one household: poor, near-poor, average living standard or not poor."""
    _check(survey)
    deprived = tuple(i for i in standard.indicator_ids if i in survey.deprived)
    line = standard.income_line.for_area(survey.area)
    if survey.income <= line:
        status: Status = "poor" if _deprivation_poor(len(deprived), standard) else "near_poor"
    elif _in_average_band(survey, standard):
        status = "average"
    else:
        status = "not_poor"
    return Classification(
        standard=standard.label, status=status, deprivations=len(deprived), deprived=deprived
    )


def _deprivation_poor(count: int, standard: Standard) -> bool:
    """Whether ``count`` deprivations are enough: a count, or points under the score form."""
    if standard.score is not None:
        return count * standard.score.points_per_deprivation >= standard.score.poor_min_points
    return count >= standard.deprivation_cutoff


def _in_average_band(survey: Survey, standard: Standard) -> bool:
    band = standard.average_line
    return band is not None and survey.income <= band.for_area(survey.area)


def _check(survey: Survey) -> None:
    if survey.area not in AREAS:
        raise ValueError(f"area must be rural or urban, not {survey.area!r}")
    if isinstance(survey.income, bool) or not isinstance(survey.income, int):
        raise TypeError(f"income must be an integer, not {survey.income!r}")
    if survey.income < 0:
        raise ValueError(f"income must not be negative, not {survey.income}")
