"""The database refuses what the law and common sense forbid, even behind the services' back."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from tests.factories import HouseholdFactory, MemberFactory, SurveyFactory

from giamngheo.apps.registry.models import Member, Survey

pytestmark = pytest.mark.django_db


def _refused(action: object) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        action()  # type: ignore[operator]


def test_duplicate_citizen_id_is_refused() -> None:
    MemberFactory(citizen_id="020190123456", sex="male", birth_on=dt.date(1990, 1, 1))
    _refused(lambda: MemberFactory(citizen_id="020190123456", relation="child"))


def test_citizen_id_must_be_twelve_digits_in_the_database() -> None:
    _refused(lambda: MemberFactory(citizen_id="02019012345x"))
    _refused(lambda: MemberFactory(citizen_id="0201901234"))


def test_members_without_citizen_id_are_allowed_side_by_side() -> None:
    household = HouseholdFactory()
    MemberFactory(household=household, citizen_id=None)
    MemberFactory(household=household, citizen_id=None, relation="child")
    assert Member.objects.filter(household=household).count() == 2


def test_a_household_has_one_head() -> None:
    head = MemberFactory()
    _refused(lambda: MemberFactory(household=head.household, relation="head"))


def test_negative_income_is_refused() -> None:
    _refused(lambda: SurveyFactory(income_vnd=-1))


def test_a_survey_needs_income_or_score() -> None:
    _refused(lambda: SurveyFactory(income_vnd=None, income_score=None))
    assert SurveyFactory(income_vnd=None, income_score=140).income_score == 140


def test_one_periodic_survey_per_household_and_year() -> None:
    survey = SurveyFactory()
    _refused(lambda: SurveyFactory(household=survey.household))
    SurveyFactory(household=survey.household, kind="regular", surveyed_on=dt.date(2025, 3, 15))
    assert Survey.objects.filter(household=survey.household).count() == 2


def test_household_code_is_unique_in_its_province() -> None:
    household = HouseholdFactory()
    _refused(lambda: HouseholdFactory(code=household.code, village=household.village))


def test_survey_year_out_of_range_is_refused() -> None:
    _refused(lambda: SurveyFactory(year=1999))
    with pytest.raises(ValidationError):
        SurveyFactory.build(year=2101).full_clean()
