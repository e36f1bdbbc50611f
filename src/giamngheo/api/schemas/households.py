"""Households: filters, list rows, the detail page, and the bodies that create or change one."""

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, Self

from ninja import Field, Schema

from giamngheo.api.pagination import PageIn, PageOut
from giamngheo.api.schemas.common import UnitRef
from giamngheo.api.schemas.members import MemberOut
from giamngheo.api.schemas.surveys import ClassificationOut, SurveyOut
from giamngheo.apps.registry.models import Household, Survey
from giamngheo.apps.registry.selectors import MemberView
from giamngheo.apps.standards.selectors import ClassificationView
from giamngheo.domain.model import Area

# The keys of ``registry.selectors.HOUSEHOLD_SORTS`` (a test keeps the two equal).
HouseholdSort = Literal["code", "-code", "village", "-village", "updated", "-updated"]


class HouseholdFilterIn(PageIn):
    """Filters by unit and order. There is deliberately no text filter here: names must not
    travel in URLs (logs, history); search by text with ``POST /households/search``."""

    commune_code: str | None = Field(None, max_length=5)
    village_code: str | None = Field(None, max_length=16)
    sort: HouseholdSort = "code"


class HouseholdSearchIn(HouseholdFilterIn):
    text: str = Field("", max_length=100, description="part of a code, address or member name")


class HouseholdOut(Schema):
    id: int
    code: str
    address: str
    area: Area
    area_label: str
    village: UnitRef
    commune: UnitRef
    updated_at: dt.datetime

    @classmethod
    def of(cls, household: Household) -> Self:
        return cls(**_household_fields(household))


class HouseholdPage(PageOut):
    items: list[HouseholdOut]


class HouseholdDetailOut(HouseholdOut):
    province: UnitRef
    members: list[MemberOut] = Field(description="citizen ID and birth date masked by role")
    surveys: list[SurveyOut] = Field(description="newest first")
    classifications: list[ClassificationOut] = Field(description="newest year first")

    @classmethod
    def combine(
        cls,
        household: Household,
        *,
        members: list[MemberView],
        surveys: Iterable[Survey],
        classifications: list[ClassificationView],
    ) -> Self:
        return cls(
            **_household_fields(household),
            province=UnitRef.of(household.village.commune.province),
            members=[MemberOut.model_validate(m) for m in members],
            surveys=[SurveyOut.of(s) for s in surveys],
            classifications=[ClassificationOut.model_validate(c) for c in classifications],
        )


class HouseholdIn(Schema):
    village_code: str = Field(max_length=16)
    code: str = Field(min_length=1, max_length=32)
    address: str = Field("", max_length=255)
    area: Area | None = Field(None, description="default: the commune's area")


class HouseholdPatchIn(Schema):
    """Only the fields sent are changed (moving to another village needs both in scope)."""

    village_code: str | None = Field(None, max_length=16)
    address: str | None = Field(None, max_length=255)
    area: Area | None = None


def _household_fields(household: Household) -> dict[str, Any]:
    village = household.village
    return {
        "id": household.pk,
        "code": household.code,
        "address": household.address,
        "area": household.area,
        "area_label": household.get_area_display(),
        "village": UnitRef.of(village),
        "commune": UnitRef.of(village.commune),
        "updated_at": household.updated_at,
    }
