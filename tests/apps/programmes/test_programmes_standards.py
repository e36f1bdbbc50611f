"""Enrolment uses only standards the province applies (national ones in force, provincial
ones it adopted): a rule reading another province's standard is refused, nothing written."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from tests.apps.programmes.programmes_support import HOME, STD, household, province_officer

from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Enrolment
from giamngheo.apps.programmes.services import (
    eligibility_rule_publish,
    enrolment_commit,
    enrolment_preview,
    support_level_publish,
)

pytestmark = pytest.mark.django_db
QN = "quangninh-2023-2025"  # Quảng Ninh's standard, not adopted by Lạng Sơn


def _level(officer, expression: str, standard_id: str = STD):
    province = Commune.objects.get(code=HOME).province
    rule = eligibility_rule_publish(
        actor=officer, province=province, code="thu", name="Thử", expression=expression,
        standard_id=standard_id,
    )  # fmt: skip
    return support_level_publish(
        actor=officer, province=province, code="tien-mat", eligibility=rule, name="Tiền mặt",
        support_type="cash", unit="vnd", central_amount=1_000_000,
    )  # fmt: skip


def test_a_rule_under_a_standard_the_province_does_not_apply_is_refused() -> None:
    officer = province_officer()
    household(HOME, "H-1", {2025: "poor"})
    for level in (
        _level(officer, 'status == "poor"', standard_id=QN),
        _level(officer, f'status == "poor" and status("{QN}") == "poor"'),
    ):
        for service in (enrolment_preview, enrolment_commit):
            with pytest.raises(ValidationError, match=QN):
                service(actor=officer, level=level, year=2026)
    assert not Enrolment.objects.exists()


def test_a_national_standard_in_force_the_year_before_is_applied() -> None:
    officer = province_officer()
    household(HOME, "H-1", {2025: "poor"})
    level = _level(officer, 'status == "poor"')
    assert enrolment_preview(actor=officer, level=level, year=2026).households == 1
    with pytest.raises(ValidationError, match=STD):
        enrolment_preview(actor=officer, level=level, year=2030)  # 2022–2025 ends in 2026
