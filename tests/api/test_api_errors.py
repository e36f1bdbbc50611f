"""One error body for every failure, in the request's language; pagination; languages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.test import Client, RequestFactory
from ninja.errors import AuthenticationError
from tests.api.api_support import API, HOME, error_of, village_in
from tests.factories import HouseholdFactory

from giamngheo.api.urls import api
from giamngheo.apps.geo.models import Province
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.services import surveys_classify
from giamngheo.domain.explain import STATUS_LABELS
from giamngheo.domain.standards import StandardNotFoundError

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (Household.DoesNotExist(), 404, "not_found"),
        (Http404(), 404, "not_found"),
        (StandardNotFoundError("x"), 404, "not_found"),
        (PermissionDenied("Ngoài phạm vi được giao."), 403, "forbidden"),
        (IntegrityError("duplicate key"), 409, "conflict"),
        (ValidationError({"code": ["Trùng mã."]}), 422, "invalid"),
        (ValidationError("Sai."), 422, "invalid"),
        (AuthenticationError(), 401, "unauthorized"),
    ],
)
def test_each_failure_maps_to_a_status_and_a_code(exc: Exception, status: int, code: str) -> None:
    response = api.on_exception(RequestFactory().get("/api/v1/x"), exc)
    assert response.status_code == status
    assert error_of(response)["code"] == code
    assert response["Content-Type"].startswith("application/json")


def test_invalid_input_names_each_field_in_vietnamese(as_officer: Client) -> None:
    response = as_officer.get(f"{API}/households?page_size=201&page=0&sort=name")
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid"
    assert error["message"] == "Dữ liệu gửi lên không hợp lệ."
    assert error["fields"]["page_size"] == ["Phải nhỏ hơn hoặc bằng 200."]
    assert error["fields"]["page"] == ["Phải lớn hơn hoặc bằng 1."]
    assert error["fields"]["sort"][0].startswith("Phải là một trong:")


def test_a_missing_body_field_and_an_unknown_unit_are_invalid(as_officer: Client) -> None:
    response = as_officer.post(f"{API}/households", {"village_code": "x"}, content_type=JSON)
    assert error_of(response)["fields"] == {"code": ["Bắt buộc phải có."]}
    body = {"village_code": "no-such-village", "code": "H-1"}
    response = as_officer.post(f"{API}/households", body, content_type=JSON)
    assert response.status_code == 422
    assert error_of(response)["fields"] == {"village_code": ["Không có đơn vị mã no-such-village."]}
    response = as_officer.get(f"{API}/households?commune_code=99999")
    assert error_of(response)["fields"] == {"commune_code": ["Không có đơn vị mã 99999."]}


def test_a_duplicate_code_is_invalid_with_the_models_message(as_officer: Client) -> None:
    village = village_in(HOME, "Nà Pàn")
    HouseholdFactory(village=village, code="H-1")
    body = {"village_code": village.code, "code": "H-1"}
    response = as_officer.post(f"{API}/households", body, content_type=JSON)
    assert response.status_code == 422
    assert "__all__" in error_of(response)["fields"]


def test_an_unreadable_body_and_an_unknown_path(as_officer: Client) -> None:
    response = as_officer.post(f"{API}/households", "{not json", content_type=JSON)
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid"
    for response in (as_officer.get(f"{API}/nothing/here"), Client().post(f"{API}/nope")):
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"


def test_pages(as_officer: Client) -> None:
    village = village_in(HOME, "Nà Pàn")
    for n in range(5):
        HouseholdFactory(village=village, code=f"H-{n}")

    def page(**query: Any) -> dict[str, Any]:
        return dict(as_officer.get(f"{API}/households", query).json())

    first = page(page_size=2, sort="-code")
    assert (first["count"], first["pages"], first["page"], first["page_size"]) == (5, 3, 1, 2)
    assert [h["code"] for h in first["items"]] == ["H-4", "H-3"]
    assert [h["code"] for h in page(page_size=2, page=3)["items"]] == ["H-4"]
    assert page(page_size=2, page=4)["items"] == []
    search = {"text": "H-", "page": 2, "page_size": 3, "sort": "code"}
    found = as_officer.post(f"{API}/households/search", search, content_type=JSON).json()
    assert [h["code"] for h in found["items"]] == ["H-3", "H-4"]


def test_labels_follow_accept_language(as_officer: Client) -> None:
    household = HouseholdFactory(village=village_in(HOME, "Nà Pàn"))
    household.surveys.create(year=2025, kind="periodic", surveyed_on="2025-10-01", income_vnd=1)
    surveys_classify(year=2025, province=Province.objects.get(code="20"))
    url = f"{API}/households/{household.pk}"
    vietnamese = as_officer.get(url).json()
    english = as_officer.get(url, headers={"Accept-Language": "en"}).json()
    assert (vietnamese["area_label"], english["area_label"]) == ("Thành thị", "Urban")
    for detail, lang in ((vietnamese, 0), (english, 1)):
        [result, *_] = detail["classifications"]
        assert result["status_label"] == STATUS_LABELS[result["status"]][lang]
        assert result["explanation"]
