"""Household members: always rendered from the registry's masked views, never from raw rows."""

import datetime as dt

from ninja import Field, Schema
from pydantic import ConfigDict

from giamngheo.apps.registry.choices import Relation, Schooling, Sex, WorkStatus

CITIZEN_ID = r"^[0-9]{12}$"
ETHNICITY = r"^[0-9]{2}$"


class MemberOut(Schema):
    """A member as the caller may see them (``registry.selectors.MemberView``)."""

    id: int
    full_name: str
    sex: str = Field(description="label")
    relation: str = Field(description="label")
    ethnicity: str = Field(description="label")
    birth: str = Field(description="dd/mm/yyyy, or **/**/yyyy when masked")
    citizen_id: str = Field(description="12 digits, or *********123 when masked; empty if none")
    masked: bool


class MemberIn(Schema):
    model_config = ConfigDict(use_enum_values=True)

    full_name: str = Field(min_length=1, max_length=100)
    sex: Sex
    birth_on: dt.date
    citizen_id: str | None = Field(None, pattern=CITIZEN_ID)
    relation: Relation
    ethnicity: str = Field(pattern=ETHNICITY, description="code of the ethnic group")
    disability: bool = False
    social_allowance: bool = False
    schooling: Schooling
    in_school: bool = False
    work_status: WorkStatus


class MemberPatchIn(Schema):
    """Only the fields sent are changed; ``citizen_id: null`` removes the number."""

    model_config = ConfigDict(use_enum_values=True)

    full_name: str | None = Field(None, min_length=1, max_length=100)
    sex: Sex | None = None
    birth_on: dt.date | None = None
    citizen_id: str | None = Field(None, pattern=CITIZEN_ID)
    relation: Relation | None = None
    ethnicity: str | None = Field(None, pattern=ETHNICITY)
    disability: bool | None = None
    social_allowance: bool | None = None
    schooling: Schooling | None = None
    in_school: bool | None = None
    work_status: WorkStatus | None = None
