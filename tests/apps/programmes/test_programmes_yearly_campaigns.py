"""The campaigns that come back every year: the Month for the Poor of a year is created once,
with its fixed dates, unless the province already opened it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from tests.apps.programmes.programmes_support import commune_officer, province_officer

from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.programmes.models import Campaign
from giamngheo.apps.programmes.services import campaign_create, campaigns_yearly_create

pytestmark = pytest.mark.django_db


def test_the_month_for_the_poor_is_created_once_a_year() -> None:
    officer = province_officer()
    province = officer.scope_province
    made = campaigns_yearly_create(actor=officer, province=province, year=2026)
    assert [(c.kind, c.name, c.starts_on, c.ends_on) for c in made] == [
        ("month_for_the_poor", "Tháng cao điểm Vì người nghèo năm 2026",
         dt.date(2026, 10, 17), dt.date(2026, 11, 18)),
    ]  # fmt: skip
    assert campaigns_yearly_create(actor=officer, province=province, year=2026) == []
    assert len(campaigns_yearly_create(actor=officer, province=province, year=2027)) == 1
    assert Campaign.objects.count() == 2
    events = AuditEvent.objects.filter(target_type="programmes.campaign")
    assert events.count() == 2
    assert events.first().summary.startswith("Tạo đợt vận động thường niên")  # type: ignore[union-attr]


def test_a_month_the_province_opened_itself_is_not_doubled() -> None:
    officer = province_officer()
    province = officer.scope_province
    campaign_create(actor=officer, province=province, kind="month_for_the_poor",
                    name="Tháng Vì người nghèo 2026 (rút ngắn)", starts_on=dt.date(2026, 10, 17),
                    ends_on=dt.date(2026, 11, 1))  # fmt: skip
    assert campaigns_yearly_create(actor=officer, province=province, year=2026) == []
    assert Campaign.objects.count() == 1


def test_only_the_provinces_officers_create_them() -> None:
    province = province_officer().scope_province
    with pytest.raises(PermissionDenied):
        campaigns_yearly_create(actor=commune_officer(), province=province, year=2026)
    assert not Campaign.objects.exists()
