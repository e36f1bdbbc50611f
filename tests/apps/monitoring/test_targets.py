"""Setting targets (scoped, audited, validated) and reading plan against actual."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from tests.apps.monitoring.monitoring_support import demo_province
from tests.factories import UserFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.monitoring.models import StatusAggregate, Target
from giamngheo.apps.monitoring.refresh import aggregates_refresh
from giamngheo.apps.monitoring.selectors import unit_get
from giamngheo.apps.monitoring.targets import target_set, targets_progress
from giamngheo.apps.registry.models import Household

pytestmark = pytest.mark.django_db
STD = "vn-2022-2025"
AFTER_2025 = dt.date(2026, 2, 1)


def test_escape_and_rate_targets_read_the_aggregates() -> None:
    province = demo_province()
    aggregates_refresh(province=province)
    officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=province)
    unit = unit_get(user=officer, level="province", code=province.code)
    target_set(actor=officer, unit=unit, year=2025, metric="escaped", planned=10, standard_id=STD)
    target_set(actor=officer, unit=unit, year=2025, metric="combined_rate_cut", planned=100_000,
               standard_id=STD)  # fmt: skip
    progress = {p.target.metric: p for p in targets_progress(unit, year=2025, today=AFTER_2025)}
    rows = {r.year: r for r in StatusAggregate.objects.filter(level="province", standard_id=STD)}
    assert progress["escaped"].actual == rows[2025].escaped
    assert progress["escaped"].pace == ("done" if rows[2025].escaped >= 10 else "missed")

    def rate(r: StatusAggregate) -> Fraction:
        return Fraction((r.poor + r.near_poor) * 10_000, r.households)

    cut = progress["combined_rate_cut"]
    assert cut.actual == round(rate(rows[2024]) - rate(rows[2025]))
    assert cut.pace == "missed"


def test_support_targets_are_paced_through_the_year() -> None:
    province = demo_province(households=150)
    aggregates_refresh(province=province)
    officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=province)
    unit = unit_get(user=officer, level="province", code=province.code)
    target_set(actor=officer, unit=unit, year=2026, metric="supported", support_type="housing",
               planned=365)  # fmt: skip
    (houses,) = targets_progress(unit, year=2026, today=dt.date(2026, 3, 2))
    assert (houses.actual, houses.expected, houses.pace) == (0, 60, "behind")


def test_setting_again_changes_the_target_and_is_audited() -> None:
    province = demo_province(households=100)
    officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=province)
    unit = unit_get(user=officer, level="province", code=province.code)
    target_set(actor=officer, unit=unit, year=2025, metric="escaped", planned=5, standard_id=STD)
    target_set(actor=officer, unit=unit, year=2025, metric="escaped", planned=7, standard_id=STD)
    target = Target.objects.get()
    assert (target.planned, target.level, target.unit_key) == (7, "province", f"p:{province.pk}")
    assert AuditEvent.objects.filter(target_type="monitoring.target").count() == 2


def test_a_commune_officer_sets_village_and_household_targets_only() -> None:
    province = demo_province(households=100)
    household = Household.objects.filter(province=province).select_related("village").first()
    assert household is not None
    commune = household.village.commune
    officer = UserFactory(role=Role.COMMUNE_OFFICER, unit=commune)
    own = unit_get(user=officer, level="commune", code=commune.code)
    with pytest.raises(ValidationError):
        target_set(actor=officer, unit=own, year=2025, metric="escaped", planned=3)
    target_set(actor=officer, unit=own, year=2025, metric="escaped", planned=1,
               household=household, standard_id=STD)  # fmt: skip
    assert Target.objects.get().level == "household"
    with pytest.raises(ValidationError):
        target_set(actor=officer, unit=own, year=2025, metric="supported", planned=1,
                   household=household)  # fmt: skip


def test_roles_without_the_capability_and_units_outside_the_scope_are_refused() -> None:
    province = demo_province(households=100)
    auditor = UserFactory(role=Role.AUDITOR, unit=province)
    unit = unit_get(user=auditor, level="province", code=province.code)
    with pytest.raises(PermissionDenied):
        target_set(actor=auditor, unit=unit, year=2025, metric="escaped", planned=1)
    officer = UserFactory(role=Role.COMMUNE_OFFICER, unit=Commune.objects.get(code="05977"))
    with pytest.raises(Commune.DoesNotExist):
        unit_get(user=officer, level="commune", code="05983")
    assert not Target.objects.exists()
