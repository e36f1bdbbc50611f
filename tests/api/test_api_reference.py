"""Reference data: poverty standards and administrative units."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.api.api_support import API, HOME, NEIGHBOUR, error_of, village_in

from giamngheo.domain.standards import standard_get

pytestmark = pytest.mark.django_db


def test_standards_with_lines_indicators_and_legal_definitions(as_officer: Client) -> None:
    listed = as_officer.get(f"{API}/standards").json()
    assert "vn-2022-2025" in [s["id"] for s in listed]
    standard = as_officer.get(f"{API}/standards/vn-2022-2025").json()
    held = standard_get("vn-2022-2025")
    assert standard["label"] == held.label
    assert standard["income_line"]["rural"] == held.income_line.rural == 1_500_000
    assert standard["min_deprivations"] == held.min_deprivations
    water = next(i for i in standard["indicators"] if i["id"] == "water")
    assert set(water["label"]) == set(water["definition"]) == {"vi", "en"}
    assert water["definition"]["vi"] == held.indicator("water").definition.vi
    assert isinstance(water["confirmed"], bool)
    assert isinstance(standard["confirmed"], bool)


def test_an_unknown_standard_is_not_found(as_officer: Client) -> None:
    response = as_officer.get(f"{API}/standards/vn-1999")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_provinces_and_their_communes(as_officer: Client) -> None:
    provinces = as_officer.get(f"{API}/units/provinces").json()
    assert {"code": "20", "name": "Tỉnh Lạng Sơn"} in provinces
    communes = as_officer.get(f"{API}/units/communes", {"province_code": "20"}).json()
    home = next(c for c in communes if c["code"] == HOME)
    assert (home["kind"], home["province_code"]) == ("phuong", "20")
    assert {c["province_code"] for c in communes} == {"20"}
    response = as_officer.get(f"{API}/units/communes")
    assert error_of(response)["fields"] == {"province_code": ["Bắt buộc phải có."]}


def test_villages_of_a_commune_inside_the_scope(as_officer: Client) -> None:
    village_in(HOME, "Nà Pàn")
    village_in(NEIGHBOUR, "Pác Cáp")
    mine = as_officer.get(f"{API}/units/villages", {"commune_code": HOME}).json()
    assert [v["name"] for v in mine] == ["Nà Pàn"]
    assert as_officer.get(f"{API}/units/villages", {"commune_code": NEIGHBOUR}).json() == []
