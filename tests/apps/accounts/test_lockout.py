"""Repeated failed sign-ins lock the account name for a while, even for the right password."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import LoginFailure
from giamngheo.apps.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-thu"


def _try(username: str, password: str, ip: str = "10.0.0.1") -> object:
    request = RequestFactory().post("/dang-nhap/", REMOTE_ADDR=ip)
    return authenticate(request, username=username, password=password)


def test_five_failures_lock_the_name_until_the_window_passes(settings: object) -> None:
    user = UserFactory(username="canbo")
    for _ in range(5):
        assert _try("canbo", "sai") is None
    assert _try("canbo", PASSWORD) is None  # locked: even the right password is refused
    assert _try("canbo", PASSWORD, ip="10.0.0.2") is None  # from any address
    LoginFailure.objects.update(at=timezone.now() - dt.timedelta(minutes=16))
    assert _try("canbo", PASSWORD) == user


def test_a_successful_sign_in_clears_earlier_failures(client: object) -> None:
    UserFactory(username="canbo")
    for _ in range(4):
        _try("canbo", "sai")
    assert client.login(username="canbo", password=PASSWORD)  # type: ignore[attr-defined]
    assert not LoginFailure.objects.filter(username="canbo").exists()


def test_many_failures_from_one_address_lock_that_address() -> None:
    UserFactory(username="canbo")
    for n in range(20):
        _try(f"khach{n}", "sai", ip="10.9.9.9")
    assert _try("canbo", PASSWORD, ip="10.9.9.9") is None
    assert _try("canbo", PASSWORD, ip="10.0.0.3") is not None


def test_the_audit_trail_never_holds_a_password_hash() -> None:
    user = UserFactory()
    user.set_password("mat-khau-moi-123")
    from giamngheo.apps.audit.services import audited_save

    audited_save(instance=user, summary="Đổi mật khẩu")
    event = AuditEvent.objects.filter(target_type="accounts.user").latest("id")
    assert event.changes["password"] == ["***", "***"]
    assert "pbkdf2" not in str(AuditEvent.objects.values_list("changes", flat=True)[:])
