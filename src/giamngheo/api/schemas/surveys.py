"""Survey forms (phiếu rà soát) and the stored classifications made from them."""

import datetime as dt
from typing import Any, Self

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import ConfigDict, field_validator

from giamngheo.apps.registry.choices import (
    LatrineType,
    Material,
    SurveyKind,
    WasteHandling,
    WaterSource,
)
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.domain.model import Status
from giamngheo.domain.transitions import Transition

# Text fields of the form that hold a choice or nothing ("" in the database).
_CHOICE_FIELDS = (
    "wall_material", "column_material", "roof_material", "water_source", "latrine_type",
    "waste_handling",
)  # fmt: skip


class SurveyOut(Schema):
    id: int
    year: int
    kind: SurveyKind
    kind_label: str
    surveyed_on: dt.date
    income_vnd: int | None = Field(description="per person per month")
    income_score: int | None = Field(description="income score (điểm A)")
    deprived: list[str] = Field(description="ids of the indicators found deprived")

    @classmethod
    def of(cls, survey: Survey) -> Self:
        return cls(
            id=survey.pk,
            year=survey.year,
            kind=SurveyKind(survey.kind),
            kind_label=survey.get_kind_display(),
            surveyed_on=survey.surveyed_on,
            income_vnd=survey.income_vnd,
            income_score=survey.income_score,
            deprived=[i for i in INDICATOR_IDS if getattr(survey, f"dep_{i}")],
        )


class SurveyFormIn(Schema):
    """The answers of a survey form (phiếu rà soát): income or income score, the deprivation
    indicators and the facts they rest on."""

    model_config = ConfigDict(use_enum_values=True)

    surveyed_on: dt.date
    income_vnd: int | None = Field(None, ge=0, description="per person per month")
    income_score: int | None = Field(None, ge=0, description="income score (điểm A)")
    deprivations: dict[str, bool] = Field(
        default_factory=dict,
        description="indicator id → deprived; an indicator left out was not assessed. Ids: "
        + ", ".join(INDICATOR_IDS),
    )
    wall_material: Material | None = None
    column_material: Material | None = None
    roof_material: Material | None = None
    floor_area_m2: int | None = Field(None, ge=0)
    water_source: WaterSource | None = None
    latrine_type: LatrineType | None = None
    internet_use: bool | None = None
    devices: str = Field("", max_length=64)
    waste_handling: WasteHandling | None = None

    @field_validator("deprivations")
    @classmethod
    def _known_indicators(cls, value: dict[str, bool]) -> dict[str, bool]:
        if unknown := sorted(set(value) - set(INDICATOR_IDS)):
            raise ValueError(_("Không có chỉ số: %(ids)s.") % {"ids": ", ".join(unknown)})
        return value

    def record_fields(self) -> dict[str, Any]:
        """The form as keyword arguments of the survey services (``dep_<id>`` flags, an
        unanswered choice as "")."""
        fields = self.model_dump(exclude={"deprivations"})
        fields |= {name: "" for name in _CHOICE_FIELDS if fields[name] is None}
        return fields | {f"dep_{i}": flag for i, flag in self.deprivations.items()}


class SurveyIn(SurveyFormIn):
    """A survey of the registry: the form with its year and kind."""

    year: int = Field(ge=2000, le=2100)
    kind: SurveyKind


class ClassificationOut(Schema):
    """A stored result, explained (``standards.selectors.ClassificationView``)."""

    year: int
    survey_id: int
    standard_id: str
    standard_label: str = Field(description="id@vN of the standard version that made it")
    status: Status
    status_label: str
    deprivations: int
    explanation: str
    transition: Transition | None = Field(description="change since the previous year")
    transition_label: str
