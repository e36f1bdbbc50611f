"""Through the API a user reads and changes only what lies inside their scope: another
commune's household is missing (404 or absent), never merely forbidden."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from tests.api.api_support import API, HOME, bearer, error_of, session_client, token_for, user_of

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.apps.registry.services import household_update

pytestmark = pytest.mark.django_db

MEMBER = {
    "full_name": "Người Lạ", "sex": "male", "birth_on": "1980-01-01", "relation": "child",
    "ethnicity": "01", "schooling": "primary", "work_status": "working",
}  # fmt: skip
SURVEY = {"year": 2026, "kind": "regular", "surveyed_on": "2026-03-01", "income_vnd": 1}


def _codes(response: Any) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["code"] for row in response.json()["items"]}


def test_lists_and_searches_hold_only_the_officers_commune(
    as_officer: Client, households: dict[str, Household]
) -> None:
    mine = {"H-home", "H-home_other_village"}
    assert _codes(as_officer.get(f"{API}/households")) == mine
    search = f"{API}/households/search"
    assert _codes(as_officer.post(search, {"text": "H-"}, content_type="application/json")) == mine
    for body in ({"text": "Hoàng Thị neighbour"}, {"commune_code": "05983"}, {"text": "far"}):
        assert _codes(as_officer.post(search, body, content_type="application/json")) == set()
    assert _codes(as_officer.get(f"{API}/households?commune_code=05983")) == set()


@pytest.mark.parametrize("place", ["neighbour", "far"])
def test_another_communes_records_are_missing_for_every_method(
    as_officer: Client, households: dict[str, Household], place: str
) -> None:
    other = households[place]
    member, survey = other.members.get(), other.surveys.get()
    json = {"content_type": "application/json"}
    answers = [
        as_officer.get(f"{API}/households/{other.pk}"),
        as_officer.patch(f"{API}/households/{other.pk}", {"address": "Sửa lén"}, **json),
        as_officer.delete(f"{API}/households/{other.pk}"),
        as_officer.post(f"{API}/households/{other.pk}/members", MEMBER, **json),
        as_officer.patch(f"{API}/members/{member.pk}", {"full_name": "Sửa lén"}, **json),
        as_officer.delete(f"{API}/members/{member.pk}"),
        as_officer.post(f"{API}/households/{other.pk}/surveys", SURVEY, **json),
        as_officer.delete(f"{API}/surveys/{survey.pk}"),
    ]
    for response in answers:
        assert response.status_code == 404, response.content
        assert error_of(response)["code"] == "not_found"
    other.refresh_from_db()
    assert other.address == "Thôn Nà Pàn"
    assert Member.objects.get(pk=member.pk).full_name == f"Hoàng Thị {place}"
    assert Survey.objects.filter(pk=survey.pk).exists()
    assert other.members.count() == other.surveys.count() == 1


def test_registering_in_another_communes_village_is_forbidden(
    as_officer: Client, households: dict[str, Household]
) -> None:
    body = {"village_code": households["neighbour"].village.code, "code": "H-new"}
    response = as_officer.post(f"{API}/households", body, content_type="application/json")
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
    assert not Household.objects.filter(code="H-new").exists()


def test_moving_a_household_out_of_scope_is_forbidden(
    as_officer: Client, households: dict[str, Household]
) -> None:
    mine, elsewhere = households["home"], households["neighbour"].village.code
    url = f"{API}/households/{mine.pk}"
    response = as_officer.patch(url, {"village_code": elsewhere}, content_type="application/json")
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.village == households["home"].village


def test_the_audit_trail_of_another_commune_is_not_readable(
    households: dict[str, Household], officer: User
) -> None:
    neighbour_officer = user_of(Role.COMMUNE_OFFICER, Commune.objects.get(code="05983"))
    household_update(actor=neighbour_officer, household=households["neighbour"], address="Mới")
    household_update(actor=officer, household=households["home"], address="Mới")
    client = Client(headers=bearer(token_for(officer)))
    response = client.get(f"{API}/audit?target_type=registry.household")
    assert response.status_code == 200
    ids = {row["target_id"] for row in response.json()["items"]}
    assert ids == {str(households["home"].pk)}
    url = f"{API}/audit?target_type=registry.household&target_id={households['neighbour'].pk}"
    assert client.get(url).json()["count"] == 0


def test_a_village_head_sees_masked_personal_data_and_cannot_write(
    households: dict[str, Household],
) -> None:
    household = households["home"]
    Member.objects.filter(household=household).update(citizen_id="020190123456")
    head = session_client(user_of(Role.VILLAGE_HEAD, household.village))
    assert _codes(head.get(f"{API}/households")) == {"H-home"}
    [member] = head.get(f"{API}/households/{household.pk}").json()["members"]
    assert member["citizen_id"] == "*********456"
    assert member["birth"] == "**/**/1990"
    assert member["masked"] is True
    assert "birth_on" not in member
    response = head.patch(
        f"{API}/households/{household.pk}", {"address": "x"}, content_type="application/json"
    )
    assert response.status_code == 403
    other = households["home_other_village"].pk
    assert head.get(f"{API}/households/{other}").status_code == 404


def test_an_officer_sees_the_full_personal_data(
    as_officer: Client, households: dict[str, Household]
) -> None:
    household = households["home"]
    Member.objects.filter(household=household).update(citizen_id="020190123456")
    [member] = as_officer.get(f"{API}/households/{household.pk}").json()["members"]
    assert (member["citizen_id"], member["birth"], member["masked"]) == (
        "020190123456", "17/05/1990", False
    )  # fmt: skip


def test_a_province_officer_reads_the_province_only(households: dict[str, Household]) -> None:
    province = session_client(user_of(Role.PROVINCE_OFFICER, Province.objects.get(code="20")))
    assert _codes(province.get(f"{API}/households")) == {
        "H-home", "H-home_other_village", "H-neighbour"
    }  # fmt: skip
    assert province.get(f"{API}/households?commune_code={HOME}").json()["count"] == 2
    assert province.get(f"{API}/households/{households['far'].pk}").status_code == 404
