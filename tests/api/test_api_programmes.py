"""The programmes API: lists, an eligibility explanation, enrolment preview and commit,
support records, the campaign and housing reports and a household's support history, through
the same selectors and services as the pages; another commune's or province's data is missing
(404) or absent."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.api.api_support import API, FAR, error_of, session_client
from tests.apps.programmes.programmes_support import (
    HOME,
    NEIGHBOUR,
    commune_officer,
    household,
    province_officer,
)
from tests.factories import UserFactory

from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Enrolment, SupportLevel, SupportRecord
from giamngheo.apps.programmes.services import campaign_create, levels_template_load
from giamngheo.apps.registry.models import Household

pytestmark = pytest.mark.django_db
JSON: dict[str, Any] = {"content_type": "application/json"}
M = 1_000_000


@pytest.fixture
def levels() -> dict[str, SupportLevel]:
    province = Commune.objects.get(code=HOME).province
    made = levels_template_load(actor=province_officer(), province=province)
    return {lv.code: lv for lv in made}


@pytest.fixture
def places() -> dict[str, Household]:
    return {
        "poor": household(HOME, "H-poor", {2024: "poor", 2025: "poor"}),
        "escaped": household(HOME, "H-esc", {2023: "poor", 2024: "average", 2025: "average"}),
        "neighbour": household(NEIGHBOUR, "H-nb", {2025: "poor"}),
    }


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.content
    return response.json()


def test_lists_explanation_and_enrolment(levels, places) -> None:
    officer = session_client(province_officer())
    codes = {lv["code"] for lv in _ok(officer.get(f"{API}/programmes/levels"))}
    assert "nha-xay-moi" in codes
    rules = _ok(officer.get(f"{API}/programmes/rules"))
    assert all(r["label"] == f"{r['code']}@v1" for r in rules)
    rule = levels["vay-moi-thoat-ngheo"].eligibility
    url = f"{API}/programmes/rules/{rule.pk}/households/{places['escaped'].pk}/explanation"
    why = _ok(officer.get(f"{url}?as_of=2026-03-02"))
    assert why["eligible"]
    assert "số tháng từ khi thoát nghèo: 17" in why["text"]
    level = levels["nha-xay-moi"]
    body = {"year": 2026}
    url = f"{API}/programmes/levels/{level.pk}/enrolment-preview"
    preview = _ok(officer.post(url, body, **JSON))
    assert (preview["households"], preview["new"], preview["amount"]) == (2, 2, 120 * M)
    assert not Enrolment.objects.exists()
    done = _ok(officer.post(f"{API}/programmes/levels/{level.pk}/enrolments", body, **JSON), 201)
    assert done["new"] == Enrolment.objects.count() == 2
    assert _ok(officer.get(f"{API}/programmes")) == []


def test_support_records_reports_and_history(levels, places) -> None:
    officer = session_client(commune_officer())
    campaign = campaign_create(
        actor=province_officer(), province=places["poor"].province, kind="tet_gifts",
        name="Tết 2026", starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 2, 28),
        target_households=2,
    )  # fmt: skip
    body = {
        "household_id": places["poor"].pk, "support_type": "tet_gift", "delivered_on": "2026-01-20",
        "source": "local", "amount": 500_000, "campaign_id": campaign.pk,
    }  # fmt: skip
    made = _ok(officer.post(f"{API}/programmes/support", body, **JSON), 201)
    assert made["giver"].startswith("UBND")
    listed = _ok(officer.get(f"{API}/programmes/support?household_id={places['poor'].pk}"))
    assert [r["id"] for r in listed["items"]] == [made["id"]]
    report = _ok(officer.get(f"{API}/programmes/campaigns/{campaign.pk}/report"))
    assert (report["households"], report["households_percent"]) == (1, 50)
    housing = _ok(officer.get(f"{API}/programmes/housing?year=2026"))
    assert housing["total"] == 0
    history = _ok(officer.get(f"{API}/households/{places['poor'].pk}/support"))
    assert [i["amount"] for i in history["items"]] == ["500.000 đ"]
    assert history["total_vnd_by_year"] == {"2026": 500_000}


def test_another_communes_or_provinces_data_is_missing(levels, places) -> None:
    neighbour = session_client(commune_officer(NEIGHBOUR))
    SupportRecord.objects.create(
        household=places["poor"], support_type="cash", amount=1, delivered_on=dt.date(2026, 1, 2),
        source="local", giver_state="UBND", recorded_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
    )  # fmt: skip
    assert _ok(neighbour.get(f"{API}/programmes/support"))["items"] == []
    rule_id = levels["nha-xay-moi"].eligibility_id
    explain = f"{API}/programmes/rules/{rule_id}/households/{places['poor'].pk}/explanation"
    body = {"household_id": places["poor"].pk, "support_type": "cash", "amount": 1,
            "delivered_on": "2026-01-02", "source": "local"}  # fmt: skip
    answers = [
        neighbour.get(f"{API}/households/{places['poor'].pk}/support"),
        neighbour.get(explain),
        neighbour.post(f"{API}/programmes/support", body, **JSON),
    ]
    far = session_client(UserFactory(unit=Commune.objects.get(code=FAR)))
    level = levels["nha-xay-moi"]
    answers += [
        far.post(f"{API}/programmes/levels/{level.pk}/enrolment-preview", {"year": 2026}, **JSON),
        far.get(explain),
    ]
    for response in answers:
        assert response.status_code == 404, response.content
        assert error_of(response)["code"] == "not_found"
    assert SupportRecord.objects.count() == 1
    assert _ok(far.get(f"{API}/programmes/levels")) == []
    assert _ok(far.get(f"{API}/programmes/rules")) == []
