"""Which standards apply where, and reading stored classifications."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import cast

from giamngheo.apps.geo.models import Province
from giamngheo.apps.registry.models import INDICATOR_IDS, Household, Survey
from giamngheo.apps.standards.models import StandardAdoption, SurveyClassification
from giamngheo.domain.explain import STATUS_LABELS, explain
from giamngheo.domain.model import Area, Lang, Standard, Status
from giamngheo.domain.rules import Survey as RuleSurvey
from giamngheo.domain.standards import standard_get, standards_all
from giamngheo.domain.transitions import Transition, transition_label, transitions

NATIONAL_PREFIX = "vn-"


def standard_is_national(standard: Standard) -> bool:
    """National standards (ids ``vn-…``) apply everywhere; others only where adopted."""
    return standard.id.startswith(NATIONAL_PREFIX)


def standard_valid_in(standard: Standard, year: int) -> bool:
    last = standard.valid_to.year if standard.valid_to else 9999
    return standard.valid_from.year <= year <= last


def standards_applicable(*, province: Province, year: int) -> list[Standard]:
    """National standards valid in ``year`` plus the provincial ones the province adopted."""
    adopted = set(
        StandardAdoption.objects.filter(province=province).values_list("standard_id", flat=True)
    )
    return [
        s
        for s in standards_all()
        if standard_valid_in(s, year) and (standard_is_national(s) or s.id in adopted)
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassificationView:
    """A stored result with its explanation and the change since the previous year."""

    year: int
    survey_id: int
    standard_id: str
    standard_label: str  # ``id@vN`` that produced the result
    status: str
    status_label: str
    deprivations: int
    explanation: str
    transition: Transition | None
    transition_label: str


def household_classifications(
    *, household: Household, lang: Lang = "vi"
) -> list[ClassificationView]:
    """Every stored result of the household's periodic surveys, per standard and year (newest
    first), explained, with the transition from the household's previous year."""
    rows = (
        SurveyClassification.objects.filter(survey__household=household, survey__kind="periodic")
        .select_related("survey")
        .order_by("standard_id", "survey__year")
    )
    views: list[ClassificationView] = []
    for _, group in groupby(rows, key=attrgetter("standard_id")):
        results = list(group)
        steps = transitions([cast(Status, r.status) for r in results])
        views += [_view(r, step, household, lang) for r, step in zip(results, steps, strict=True)]
    return sorted(views, key=lambda v: (-v.year, v.standard_id))


def _view(
    result: SurveyClassification, step: Transition | None, household: Household, lang: Lang
) -> ClassificationView:
    survey = result.survey
    standard = standard_get(result.standard_id)
    explanation = _explanation(survey, standard, household, lang)
    if standard.version != result.standard_version:
        explanation = ""  # made by an older version: shown as stored, not re-explained
    status = cast(Status, result.status)
    return ClassificationView(
        year=survey.year,
        survey_id=survey.pk,
        standard_id=result.standard_id,
        standard_label=f"{result.standard_id}@v{result.standard_version}",
        status=status,
        status_label=STATUS_LABELS[status][0 if lang == "vi" else 1],
        deprivations=result.deprivations,
        explanation=explanation,
        transition=step,
        transition_label=transition_label(step, lang) if step else "",
    )


def _explanation(survey: Survey, standard: Standard, household: Household, lang: Lang) -> str:
    income = survey.income_score if standard.measure == "score" else survey.income_vnd
    if income is None:
        return ""
    deprived = [i for i in INDICATOR_IDS if getattr(survey, f"dep_{i}")]
    row = RuleSurvey.of(area=cast(Area, household.area), income=income, deprived=deprived)
    return explain(row, standard, lang).text
