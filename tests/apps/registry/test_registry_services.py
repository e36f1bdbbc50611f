"""Registry services validate, save and write the change history."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from tests.factories import HouseholdFactory, UserFactory, VillageFactory

from giamngheo.apps.audit.context import ActorContext, acting_as
from giamngheo.apps.audit.models import AuditAction, AuditEvent
from giamngheo.apps.registry.models import Member
from giamngheo.apps.registry.services import (
    household_register,
    member_add,
    member_update,
    survey_record,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer() -> object:
    return UserFactory()


NAME = "Nông Thị Ngọc Ánh"


def _member(household: object, officer: object, **overrides: object) -> Member:
    fields: dict[str, object] = {
        "full_name": NAME, "sex": "female", "birth_on": dt.date(2001, 3, 9), "relation": "head",
        "ethnicity": "07", "schooling": "upper_secondary", "work_status": "working",
        "citizen_id": "020301123456",
    }  # fmt: skip
    fields.update(overrides)
    return member_add(actor=officer, household=household, **fields)  # type: ignore[arg-type]


def test_register_takes_the_area_of_the_commune_and_audits(officer: object) -> None:
    village = VillageFactory()
    with acting_as(ActorContext(label="test", ip_address="127.0.0.1")):
        household = household_register(
            actor=officer, village=village, code="LS-0001", address="Thôn Nà Pàn"
        )
    assert household.area == village.commune.area == "urban"
    event = AuditEvent.objects.get(target_type="registry.household", target_id=str(household.pk))
    assert event.action == AuditAction.CREATE
    assert event.ip_address == "127.0.0.1"
    assert event.changes["code"] == [None, "LS-0001"]
    assert (event.commune_id, event.village_id) == (village.commune_id, village.pk)


def test_names_with_diacritics_round_trip(officer: object) -> None:
    member = _member(HouseholdFactory(), officer)
    assert Member.objects.get(pk=member.pk).full_name == NAME


def test_update_records_old_and_new_values(officer: object) -> None:
    member = _member(HouseholdFactory(), officer)
    member_update(actor=officer, member=member, full_name="Nông Thị Ánh")
    event = AuditEvent.objects.filter(target_id=str(member.pk), action=AuditAction.UPDATE).get()
    assert event.changes == {"full_name": [NAME, "Nông Thị Ánh"]}


@pytest.mark.parametrize(
    ("citizen_id", "message"),
    [("020201123456", "giới tính"), ("020399123456", "năm sinh"), ("003301123456", "mã tỉnh")],
)
def test_citizen_id_must_agree_with_the_person(
    citizen_id: str, message: str, officer: object
) -> None:
    with pytest.raises(ValidationError, match=message):
        _member(HouseholdFactory(), officer, citizen_id=citizen_id)
    assert not Member.objects.exists()


def test_duplicate_citizen_id_gives_a_readable_error(officer: object) -> None:
    _member(HouseholdFactory(), officer)
    with pytest.raises(ValidationError, match="citizen_id"):
        _member(HouseholdFactory(), officer)


def test_negative_income_gives_a_readable_error_and_writes_nothing(officer: object) -> None:
    household = HouseholdFactory()
    with pytest.raises(ValidationError, match="income_vnd"):
        survey_record(
            actor=officer,
            household=household,
            year=2025,
            kind="periodic",
            surveyed_on=dt.date(2025, 10, 1),
            income_vnd=-5,
        )
    assert not household.surveys.exists()
    assert not AuditEvent.objects.filter(target_type="registry.survey").exists()


def test_audit_rows_cannot_be_changed_or_deleted_through_the_application(
    officer: object,
) -> None:
    household_register(actor=officer, village=VillageFactory(), code="LS-0002")
    event = AuditEvent.objects.latest("id")
    event.summary = "sửa lén"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
