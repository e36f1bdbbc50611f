"""Registering and changing households, members and surveys through the API: each write goes
through the registry service (validated, audited) and answers with what the caller may see."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.api.api_support import API, HOME, error_of, village_in

from giamngheo.apps.audit.models import AuditAction, AuditEvent
from giamngheo.apps.registry.models import Household, Member, Survey

pytestmark = pytest.mark.django_db

JSON = "application/json"
HEAD = {
    "full_name": "Nông Thị Ngọc Ánh", "sex": "female", "birth_on": "2001-03-09",
    "relation": "head", "ethnicity": "07", "schooling": "upper_secondary",
    "work_status": "working", "citizen_id": "020301123456",
}  # fmt: skip


def _household(client: Client) -> dict[str, object]:
    village = village_in(HOME, "Nà Pàn")
    body = {"village_code": village.code, "code": "LS-0001", "address": "Thôn Nà Pàn"}
    response = client.post(f"{API}/households", body, content_type=JSON)
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_register_change_and_delete_a_household(as_officer: Client) -> None:
    created = _household(as_officer)
    assert created["code"] == "LS-0001"
    assert created["commune"] == {"code": HOME, "name": "Phường Đông Kinh"}
    assert created["area"] == "urban"  # the commune's
    assert created["members"] == created["surveys"] == created["classifications"] == []
    url = f"{API}/households/{created['id']}"
    changed = as_officer.patch(url, {"address": "Số 5, Nà Pàn"}, content_type=JSON)
    assert changed.status_code == 200
    assert changed.json()["address"] == "Số 5, Nà Pàn"
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, target_id=str(created["id"]))
    assert event.changes["address"] == ["Thôn Nà Pàn", "Số 5, Nà Pàn"]
    assert as_officer.delete(url).status_code == 204
    assert not Household.objects.filter(pk=created["id"]).exists()
    assert as_officer.get(url).status_code == 404


def test_members_are_added_changed_and_removed(as_officer: Client) -> None:
    household = _household(as_officer)
    url = f"{API}/households/{household['id']}/members"
    added = as_officer.post(url, HEAD, content_type=JSON)
    assert added.status_code == 201, added.content
    member = added.json()
    assert (member["full_name"], member["sex"], member["relation"]) == (
        "Nông Thị Ngọc Ánh", "Nữ", "Chủ hộ"
    )  # fmt: skip
    assert (member["citizen_id"], member["birth"]) == ("020301123456", "09/03/2001")
    member_url = f"{API}/members/{member['id']}"
    changed = as_officer.patch(member_url, {"citizen_id": None}, content_type=JSON)
    assert changed.json()["citizen_id"] == ""
    assert Member.objects.get(pk=member["id"]).full_name == "Nông Thị Ngọc Ánh"
    assert as_officer.delete(member_url).status_code == 204
    assert not Member.objects.filter(pk=member["id"]).exists()


def test_a_citizen_id_that_disagrees_with_the_person_is_refused(as_officer: Client) -> None:
    household = _household(as_officer)
    url = f"{API}/households/{household['id']}/members"
    response = as_officer.post(url, HEAD | {"citizen_id": "020201123456"}, content_type=JSON)
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid"
    assert "giới tính" in error["fields"]["citizen_id"][0]
    assert not Member.objects.exists()


def test_surveys_are_recorded_and_deleted(as_officer: Client) -> None:
    household = _household(as_officer)
    body = {
        "year": 2025, "kind": "periodic", "surveyed_on": "2025-10-01", "income_vnd": 1_200_000,
        "deprivations": {"water": True, "latrine": True, "telecom": False},
        "water_source": "surface_water",
    }  # fmt: skip
    url = f"{API}/households/{household['id']}/surveys"
    response = as_officer.post(url, body, content_type=JSON)
    assert response.status_code == 201, response.content
    survey = response.json()
    assert survey["deprived"] == ["water", "latrine"]
    assert survey["kind_label"] == "Rà soát định kỳ"
    stored = Survey.objects.get(pk=survey["id"])
    assert (stored.dep_water, stored.dep_telecom, stored.dep_waste) == (True, False, None)
    assert (stored.water_source, stored.wall_material) == ("surface_water", "")
    again = as_officer.post(url, body, content_type=JSON)
    assert again.status_code == 422  # one periodic survey per household and year
    detail = as_officer.get(f"{API}/households/{household['id']}").json()
    assert [s["year"] for s in detail["surveys"]] == [2025]
    assert as_officer.delete(f"{API}/surveys/{survey['id']}").status_code == 204
    assert not Survey.objects.exists()


def test_an_unknown_indicator_is_refused(as_officer: Client) -> None:
    household = _household(as_officer)
    body = {"year": 2025, "kind": "regular", "surveyed_on": "2025-10-01", "income_vnd": 1}
    url = f"{API}/households/{household['id']}/surveys"
    response = as_officer.post(url, body | {"deprivations": {"wifi": True}}, content_type=JSON)
    assert response.status_code == 422
    assert error_of(response)["fields"]["deprivations"] == ["Không có chỉ số: wifi."]
