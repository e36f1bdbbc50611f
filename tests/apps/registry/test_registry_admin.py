"""The admin pages list and change only records inside the administrator's scope."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.factories import HouseholdFactory, MemberFactory, UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, Province, Village

pytestmark = pytest.mark.django_db


def _household(commune_code: str, code: str) -> object:
    village = Village.objects.create(
        commune=Commune.objects.get(code=commune_code), code=f"{commune_code}-a", name="Thôn A"
    )
    household = HouseholdFactory(village=village, code=code)
    MemberFactory(household=household, citizen_id=None)
    return household


def test_a_province_administrator_sees_only_their_province_in_the_admin() -> None:
    mine, theirs = _household("05977", "H-LS"), _household("00004", "H-HN")
    admin = UserFactory(role=Role.SYSADMIN, unit=Province.objects.get(code="20"),
                        is_staff=True, is_superuser=True)  # fmt: skip
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/registry/household/").content.decode()
    assert "H-LS" in listing
    assert "H-HN" not in listing
    assert client.get(f"/admin/registry/household/{theirs.pk}/change/").status_code == 302
    assert client.get(f"/admin/registry/household/{mine.pk}/change/").status_code == 200
    members = client.get("/admin/registry/member/").content.decode()
    assert members.count("/change/") >= 1
    assert f"/admin/registry/member/{theirs.members.get().pk}/change/" not in members
    assert client.get("/admin/audit/auditevent/").status_code == 200


def test_the_admin_audit_list_is_scoped() -> None:
    from giamngheo.apps.audit.services import audited_save

    for household in (_household("05977", "H-LS"), _household("00004", "H-HN")):
        audited_save(instance=household, summary=f"Sửa hộ {household.code}")  # type: ignore[arg-type]
    admin = UserFactory(role=Role.SYSADMIN, unit=Province.objects.get(code="20"),
                        is_staff=True, is_superuser=True)  # fmt: skip
    client = Client()
    client.force_login(admin)
    trail = client.get("/admin/audit/auditevent/").content.decode()
    assert "Sửa hộ H-LS" in trail
    assert "Sửa hộ H-HN" not in trail
    assert AuditEvent.objects.filter(summary="Sửa hộ H-HN").exists()


def test_a_superuser_without_a_role_sees_every_province() -> None:
    _household("05977", "H-LS")
    _household("00004", "H-HN")
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="x-y-z-123456"))
    listing = client.get("/admin/registry/household/").content.decode()
    assert "H-LS" in listing
    assert "H-HN" in listing
