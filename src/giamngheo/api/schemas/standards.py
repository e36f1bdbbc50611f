"""Poverty standards as shipped (versioned data), in both languages."""

import datetime as dt

from ninja import Field, Schema

from giamngheo.api.schemas.common import TextOut
from giamngheo.domain.model import Measure


class LegalBasisOut(Schema):
    code: str
    title: TextOut
    confirmed: bool


class AmountsOut(Schema):
    rural: int
    urban: int
    confirmed: bool


class ScoreFormOut(Schema):
    points_per_deprivation: int
    poor_min_points: int


class DimensionOut(Schema):
    id: str
    label: TextOut


class IndicatorOut(Schema):
    id: str
    dimension: DimensionOut
    label: TextOut
    definition: TextOut = Field(description="when a household counts as deprived (legal text)")
    confirmed: bool


class StandardOut(Schema):
    id: str
    version: int
    label: str = Field(description="id@vN, named by every result it produced")
    name: TextOut
    legal_basis: LegalBasisOut
    parent: str | None
    measure: Measure
    valid_from: dt.date
    valid_to: dt.date | None
    income_line: AmountsOut = Field(description="VND per person per month, or score points")
    average_line: AmountsOut | None
    deprivation_cutoff: int
    min_deprivations: int
    score: ScoreFormOut | None
    indicators: list[IndicatorOut]
    caveats: list[TextOut]
    confirmed: bool = Field(description="every value checked against the legal text")
