"""A user sees and changes only what lies inside their scope, by every read and write path
of the data layer (lists, details, searches, members, surveys, services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from tests.factories import HOME, UserFactory, households_in_four_places

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import (
    household_get,
    household_search,
    households_visible,
    member_views,
    members_visible,
    surveys_visible,
)
from giamngheo.apps.registry.services import (
    household_register,
    household_update,
    member_add,
    member_update,
    record_delete,
    survey_record,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def households() -> dict[str, Household]:
    return households_in_four_places()


def _user(role: Role, unit: Province | Commune | Village | None) -> User:
    return UserFactory(role=role, unit=unit)


def _codes(rows: object) -> set[str]:
    return {h.code for h in rows}  # type: ignore[attr-defined]


def test_a_commune_officer_reads_only_their_commune(households: dict[str, Household]) -> None:
    officer = UserFactory()
    assert _codes(households_visible(user=officer)) == {"H-home", "H-home_other_village"}
    assert _codes(household_search(user=officer, text="H-")) == {"H-home", "H-home_other_village"}
    assert not household_search(user=officer, text="Hoàng Thị neighbour").exists()
    assert not household_search(
        user=officer, commune_id=households["neighbour"].village.commune_id
    ).exists()
    with pytest.raises(Household.DoesNotExist):
        household_get(user=officer, pk=households["neighbour"].pk)
    outside = {households["neighbour"].pk, households["far"].pk}
    assert not members_visible(user=officer).filter(household__in=outside).exists()
    assert not surveys_visible(user=officer).filter(household__in=outside).exists()
    assert members_visible(user=officer).count() == surveys_visible(user=officer).count() == 2


def test_a_commune_officer_cannot_change_another_communes_household(
    households: dict[str, Household],
) -> None:
    officer = UserFactory()
    other = households["neighbour"]
    member = other.members.get()
    with pytest.raises(PermissionDenied):
        household_register(actor=officer, village=other.village, code="H-new")
    with pytest.raises(PermissionDenied):
        household_update(actor=officer, household=other, address="Sửa lén")
    with pytest.raises(PermissionDenied):
        member_add(actor=officer, household=other, full_name="Người lạ", sex="male",
                   birth_on=dt.date(1980, 1, 1), relation="child", ethnicity="01",
                   schooling="primary", work_status="working")  # fmt: skip
    with pytest.raises(PermissionDenied):
        member_update(actor=officer, member=member, full_name="Sửa lén")
    with pytest.raises(PermissionDenied):
        survey_record(actor=officer, household=other, year=2026, kind="regular",
                      surveyed_on=dt.date(2026, 3, 1), income_vnd=1)  # fmt: skip
    with pytest.raises(PermissionDenied):
        record_delete(actor=officer, instance=other)
    other.refresh_from_db()
    assert other.address == "Thôn Nà Pàn"
    assert Household.objects.filter(code="H-new").count() == 0


def test_moving_a_household_out_of_scope_is_refused(households: dict[str, Household]) -> None:
    officer = UserFactory()
    mine = households["home"]
    with pytest.raises(PermissionDenied):
        household_update(actor=officer, household=mine, village=households["neighbour"].village)
    mine.refresh_from_db()
    assert mine.village == households["home"].village


def test_scope_levels(households: dict[str, Household]) -> None:
    village_head = _user(Role.VILLAGE_HEAD, households["home"].village)
    province = _user(Role.PROVINCE_OFFICER, Province.objects.get(code="20"))
    auditor = _user(Role.AUDITOR, None)
    assert _codes(households_visible(user=village_head)) == {"H-home"}
    assert _codes(households_visible(user=province)) == {
        "H-home", "H-home_other_village", "H-neighbour"
    }  # fmt: skip
    assert _codes(households_visible(user=auditor)) == set(_codes(households.values()))


def test_read_only_roles_cannot_write(households: dict[str, Household]) -> None:
    for role, unit in [
        (Role.AUDITOR, None),
        (Role.COMMUNE_CHAIRMAN, Commune.objects.get(code=HOME)),
        (Role.VILLAGE_HEAD, households["home"].village),
    ]:
        with pytest.raises(PermissionDenied):
            household_update(actor=_user(role, unit), household=households["home"], address="x")


def test_without_a_role_or_signed_out_nothing_is_visible(households: dict[str, Household]) -> None:
    from django.contrib.auth.models import AnonymousUser

    no_role = UserFactory(role="", unit=None)
    inactive = UserFactory(is_active=False)
    for user in (AnonymousUser(), no_role, inactive):
        assert not households_visible(user=user).exists()


def test_a_superuser_sees_everything(households: dict[str, Household]) -> None:
    admin = User.objects.create_superuser("root", password="x-y-z-123456")
    assert households_visible(user=admin).count() == 4


def test_personal_data_is_masked_for_roles_that_do_not_need_it(
    households: dict[str, Household],
) -> None:
    household = households["home"]
    member = household.members.get()
    member.citizen_id, member.birth_on = "020190123456", dt.date(1990, 5, 17)
    member.save()
    officer = UserFactory()
    village_head = _user(Role.VILLAGE_HEAD, household.village)
    [full] = member_views(user=officer, household=household)
    [masked] = member_views(user=village_head, household=household)
    assert (full.citizen_id, full.birth) == ("020190123456", "17/05/1990")
    assert (masked.citizen_id, masked.birth) == ("*********456", "**/**/1990")
    assert masked.full_name == full.full_name == "Hoàng Thị home"


def test_a_role_must_hold_a_scope_of_its_level() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="phạm vi"):
        _user(Role.VILLAGE_HEAD, Commune.objects.get(code=HOME))
    with pytest.raises(ValidationError, match="tổ chức"):
        _user(Role.ORGANISATION_OFFICER, Province.objects.get(code="20"))
