"""Pages show only what the signed-in user's scope and role allow; search terms travel in the
request body, never in the URL."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from tests.factories import (
    HouseholdFactory,
    MemberFactory,
    SurveyFactory,
    UserFactory,
    session_client,
)

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.registry.models import Household
from giamngheo.apps.standards.services import surveys_classify

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_communes() -> dict[str, Household]:
    made = {}
    for key, code in (("home", "05977"), ("neighbour", "05983")):
        village = Village.objects.create(
            commune=Commune.objects.get(code=code), code=f"{code}-1", name=f"Thôn {key}"
        )
        household = HouseholdFactory(village=village, code=f"H-{key}")
        MemberFactory(household=household, full_name=f"Lò Thị {key}", citizen_id="020190123456"
                      if key == "home" else None, birth_on=dt.date(1990, 5, 17))  # fmt: skip
        SurveyFactory(household=household, year=2025, income_vnd=1_200_000, dep_water=True,
                      dep_latrine=True, dep_housing_area=True)  # fmt: skip
        made[key] = household
    return made


def test_pages_need_a_sign_in(client: Client) -> None:
    for url in ("/ho/", "/ho/1/", "/nhat-ky/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")


def test_household_list_shows_only_the_officers_commune(two_communes: dict[str, Household]) -> None:
    page = session_client(UserFactory()).get("/ho/").content.decode()
    assert "H-home" in page
    assert "H-neighbour" not in page


def test_search_by_name_is_posted_and_scoped(two_communes: dict[str, Household]) -> None:
    client = session_client(UserFactory())
    found = client.post("/ho/", {"q": "Lò Thị home"}, headers={"HX-Request": "true"})
    assert found.status_code == 200
    assert "H-home" in found.content.decode()
    assert "<html" not in found.content.decode()  # the HTMX partial, not the page
    other = client.post("/ho/", {"q": "Lò Thị neighbour"}).content.decode()
    assert "H-neighbour" not in other
    assert "Không có dữ liệu phù hợp." in other
    # a search term in the query string is ignored: the page never searches from its URL
    assert "H-home" in client.get("/ho/?q=Lò+Thị+neighbour").content.decode()


def test_household_page_of_another_commune_is_not_found(two_communes: dict[str, Household]) -> None:
    client = session_client(UserFactory())
    assert client.get(f"/ho/{two_communes['neighbour'].pk}/").status_code == 404
    assert client.get(f"/ho/{two_communes['home'].pk}/").status_code == 200


def test_household_page_explains_and_masks_by_role(two_communes: dict[str, Household]) -> None:
    household = two_communes["home"]
    surveys_classify(year=2025, province=household.province)
    officer_page = session_client(UserFactory()).get(f"/ho/{household.pk}/").content.decode()
    assert "020190123456" in officer_page
    assert "Hộ nghèo: thu nhập 1.200.000 đ ≤ chuẩn 2.000.000 đ (thành thị)" in officer_page
    village_head = UserFactory(role=Role.VILLAGE_HEAD, unit=household.village)
    masked = session_client(village_head).get(f"/ho/{household.pk}/").content.decode()
    assert "020190123456" not in masked
    assert "*********456" in masked
    assert "**/**/1990" in masked
    assert "Lò Thị home" in masked


def test_audit_page_lists_only_events_in_scope(two_communes: dict[str, Household]) -> None:
    for household in two_communes.values():
        household.address = f"Địa chỉ mới {household.code}"
        audited_save(instance=household, summary=f"Sửa hộ {household.code}")
    page = session_client(UserFactory()).get("/nhat-ky/").content.decode()
    assert "Sửa hộ H-home" in page
    assert "Sửa hộ H-neighbour" not in page


def test_audit_page_hides_personal_values_from_roles_without_the_right(
    two_communes: dict[str, Household],
) -> None:
    member = two_communes["home"].members.get()
    member.full_name = "Lò Thị Mới"
    audited_save(instance=member, summary="Sửa tên")
    auditor = UserFactory(role=Role.AUDITOR)
    chairman = UserFactory(role=Role.COMMUNE_CHAIRMAN)
    province = UserFactory(role=Role.PROVINCE_OFFICER, unit=two_communes["home"].province)
    assert "Lò Thị Mới" in session_client(auditor).get("/nhat-ky/").content.decode()
    assert "Lò Thị Mới" in session_client(chairman).get("/nhat-ky/").content.decode()
    hidden = session_client(province).get("/nhat-ky/").content.decode()
    assert "Sửa tên" in hidden
    assert "Lò Thị Mới" not in hidden


def test_roles_without_the_audit_right_get_no_audit_page(
    two_communes: dict[str, Household],
) -> None:
    village_head = UserFactory(role=Role.VILLAGE_HEAD, unit=two_communes["home"].village)
    client = session_client(village_head)
    assert client.get("/nhat-ky/").status_code == 404
    assert "/nhat-ky/" not in client.get("/ho/").content.decode()


def test_security_headers(client: Client) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
