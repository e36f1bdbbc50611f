"""The monitoring endpoint: the dashboard figures of a unit, inside the caller's scope."""

from __future__ import annotations

import pytest
from tests.api.api_support import API, error_of, session_client
from tests.apps.monitoring.monitoring_support import demo_province
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.monitoring.models import StatusAggregate
from giamngheo.apps.monitoring.refresh import aggregates_refresh

pytestmark = pytest.mark.django_db
STD = "vn-2022-2025"


def test_a_province_officer_reads_the_province_and_drills_down() -> None:
    province = demo_province(households=300)
    aggregates_refresh(province=province)
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=province))
    body = client.get(f"{API}/monitoring/province/{province.code}?standard={STD}").json()
    row = StatusAggregate.objects.get(province=province, level="province", year=2025,
                                      standard_id=STD)  # fmt: skip
    assert body["year"] == 2025
    latest = next(t for t in body["trend"] if t["year"] == 2025 and t["standard_id"] == STD)
    assert latest["rates"]["poor"] == row.poor
    assert latest["transitions"]["escaped"] == row.escaped
    assert sum(c["rates"]["poor"] for c in body["children"]) == row.poor
    assert body["mpi"]["n"] == row.households
    commune = body["children"][0]["unit"]["code"]
    below = client.get(f"{API}/monitoring/commune/{commune}").json()
    assert below["unit"]["level"] == "commune"
    assert all(c["unit"]["level"] == "village" for c in below["children"])


def test_a_commune_officer_cannot_read_the_province_or_another_commune() -> None:
    province = demo_province(households=200)
    aggregates_refresh(province=province)
    communes = list(
        StatusAggregate.objects.filter(level="commune").values_list("commune__code", flat=True)
        .distinct()[:2]
    )  # fmt: skip
    own, other = communes
    officer = UserFactory(role=Role.COMMUNE_OFFICER, unit=province.communes.get(code=own))
    client = session_client(officer)
    assert client.get(f"{API}/monitoring/commune/{own}").status_code == 200
    for path in (f"province/{province.code}", f"commune/{other}"):
        response = client.get(f"{API}/monitoring/{path}")
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"
