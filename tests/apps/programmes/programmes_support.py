"""Shared set-up for the programmes tests: officers, an organisation, classified households."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from tests.factories import HouseholdFactory, MemberFactory, SurveyFactory, UserFactory

from giamngheo.apps.accounts.models import Organisation, User
from giamngheo.apps.accounts.roles import OrganisationKind, Role
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.programmes.models import Programme
from giamngheo.apps.programmes.services import programme_template_load
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.models import SurveyClassification

STD = "vn-2022-2025"
HOME, NEIGHBOUR = "05977", "05983"


def province_officer() -> User:
    return UserFactory(role=Role.PROVINCE_OFFICER, unit=Commune.objects.get(code=HOME).province)


@pytest.fixture
def officer() -> User:
    """A provincial officer of the home province (a fixture: import it with the test)."""
    return province_officer()


@pytest.fixture
def qd90(officer: User) -> Programme:
    """The national programme of Decision 90/QĐ-TTg loaded into the home province."""
    return programme_template_load(actor=officer, province=officer.scope_province)


def commune_officer(code: str = HOME) -> User:
    return UserFactory(role=Role.COMMUNE_OFFICER, unit=Commune.objects.get(code=code))


def organisation_officer(name: str = "Ủy ban MTTQ tỉnh Lạng Sơn") -> User:
    province = Commune.objects.get(code=HOME).province
    organisation, _ = Organisation.objects.get_or_create(
        name=name, defaults={"kind": OrganisationKind.FATHERLAND_FRONT, "province": province}
    )
    return UserFactory(role=Role.ORGANISATION_OFFICER, unit=province, organisation=organisation)


def classified(household: Household, history: dict[int, str], deprived: str = "") -> None:
    """Periodic surveys classified under the 2022–2025 standard, one per year."""
    for year, status in history.items():
        survey = SurveyFactory(
            household=household, year=year, surveyed_on=dt.date(year, 10, 1), income_vnd=1_000_000
        )
        SurveyClassification.objects.create(
            survey=survey, standard_id=STD, standard_version=1, status=status,
            deprivations=len([d for d in deprived.split(";") if d]), deprived=deprived,
            classified_at=timezone.now(),
        )  # fmt: skip


def household(
    commune: str, code: str, history: dict[int, str], *, ethnicity: str = "01", **kw: object
) -> Household:
    village = Village.objects.create(
        commune=Commune.objects.get(code=commune), code=f"{commune}-{code}", name=f"Thôn {code}"
    )
    made = HouseholdFactory(village=village, code=code)
    MemberFactory(household=made, citizen_id=None, ethnicity=ethnicity)
    classified(made, history, **kw)  # type: ignore[arg-type]
    return made
