"""The programme forms: create a campaign (Month for the Poor gets its default dates), publish
a support level's next version, move a house to its next stage; each refusal is shown on the
form and writes nothing, and roles without the capability do not find the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.apps.programmes.programmes_support import (
    HOME,
    NEIGHBOUR,
    commune_officer,
    household,
    province_officer,
)
from tests.factories import session_client

from giamngheo.apps.programmes.models import Campaign, SupportLevel, SupportRecord
from giamngheo.apps.programmes.services import levels_template_load, support_record

pytestmark = pytest.mark.django_db


def test_month_for_the_poor_gets_17_october_to_18_november() -> None:
    client = session_client(province_officer())
    url = reverse("web:programmes-campaign-new")
    assert "Tạo đợt vận động" in client.get(reverse("web:programmes")).content.decode()
    data = {"kind": "month_for_the_poor", "name": "Tháng cao điểm 2026", "year": 2026}
    assert client.post(url, data | {"target_households": 500}).status_code == 302
    made = Campaign.objects.get()
    assert (made.starts_on, made.ends_on) == (dt.date(2026, 10, 17), dt.date(2026, 11, 18))
    assert made.target_households == 500


def test_campaign_refused_with_the_error_on_the_form() -> None:
    client = session_client(province_officer())
    url = reverse("web:programmes-campaign-new")
    tet = {"kind": "tet_gifts", "name": "Quà Tết", "year": 2026}
    page = client.post(url, tet).content.decode()
    assert 'id="id_starts_on-error"' in page
    page = client.post(url, tet | {"starts_on": "2026-02-16", "ends_on": "2026-01-15"})
    assert page.status_code == 200
    assert not Campaign.objects.exists()
    assert session_client(commune_officer()).get(url).status_code == 404


def test_support_level_next_version_published() -> None:
    officer = province_officer()
    levels_template_load(actor=officer, province=officer.scope_province)
    first = SupportLevel.objects.get(code="nha-xay-moi")
    client = session_client(officer)
    assert "Ban hành mức hỗ trợ" in client.get(reverse("web:programmes")).content.decode()
    data = {"code": "nha-xay-moi", "name": "Xây mới nhà ở (tỉnh hỗ trợ thêm)",
            "support_type": "housing", "eligibility": first.eligibility_id, "unit": "vnd",
            "central_amount": 60_000_000, "multiplier_permille": 1500, "amount_rule": "exact",
            "housing_kind": "new"}  # fmt: skip
    page = client.post(reverse("web:programmes-level-publish"), data)
    assert page.status_code == 302
    latest = SupportLevel.objects.filter(code="nha-xay-moi").order_by("-version").first()
    assert latest is not None
    assert (latest.version, latest.multiplier_permille) == (2, 1500)
    assert SupportLevel.objects.get(pk=first.pk).multiplier_permille == first.multiplier_permille


def test_support_level_refused_on_its_field() -> None:
    officer = province_officer()
    levels_template_load(actor=officer, province=officer.scope_province)
    rule = SupportLevel.objects.get(code="nha-xay-moi").eligibility
    before = SupportLevel.objects.count()
    data = {"code": "nha-moi", "name": "Nhà", "support_type": "housing", "eligibility": rule.pk,
            "unit": "vnd", "central_amount": 60_000_000, "multiplier_permille": 1000,
            "amount_rule": "exact"}  # fmt: skip
    url = reverse("web:programmes-level-publish")
    page = session_client(officer).post(url, data).content.decode()
    assert 'id="id_housing_kind-error"' in page
    assert "phải ghi xây mới hay sửa chữa" in page
    assert SupportLevel.objects.count() == before
    assert session_client(commune_officer()).get(url).status_code == 404


def _house() -> SupportRecord:
    made = household(HOME, "H-1", {2025: "poor"})
    return support_record(
        actor=commune_officer(), household=made, support_type="housing", housing_kind="new",
        delivered_on=dt.date(2026, 3, 2), approved_on=dt.date(2026, 3, 2), source="local",
    )  # fmt: skip


def test_house_moves_to_its_next_stage() -> None:
    house = _house()
    client = session_client(commune_officer())
    assert (
        reverse("web:programmes-housing-stage", args=[house.pk])
        in client.get(reverse("web:programmes-support")).content.decode()
    )
    url = reverse("web:programmes-housing-stage", args=[house.pk])
    assert '<option value="started" selected>' in client.get(url).content.decode()
    assert client.post(url, {"stage": "started", "on": "2026-04-01"}).status_code == 302
    house.refresh_from_db()
    assert (house.housing_stage, house.started_on) == ("started", dt.date(2026, 4, 1))


def test_house_completed_before_started_is_refused() -> None:
    house = _house()
    url = reverse("web:programmes-housing-stage", args=[house.pk])
    page = session_client(commune_officer()).post(url, {"stage": "completed", "on": "2026-05-01"})
    assert page.status_code == 200
    assert "trước khi &#x27;Đã khởi công&#x27;" in page.content.decode()
    house.refresh_from_db()
    assert house.housing_stage == "approved"
    assert house.completed_on is None
    assert session_client(commune_officer(NEIGHBOUR)).get(url).status_code == 404
