"""Temporary lockout after repeated failed sign-ins, per account name and per address.

Failures are rows in the database (not a per-process cache), so every server process sees
them. The authentication backend refuses a locked name before checking the password, so a
locked account cannot be unlocked by guessing right.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from giamngheo.apps.accounts.models import LoginFailure


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def login_locked(*, username: str, ip_address: str | None) -> bool:
    """Whether sign-in is refused for this name or from this address right now."""
    recent = LoginFailure.objects.filter(at__gte=timezone.now() - _window())
    if recent.filter(username__iexact=username).count() >= settings.LOGIN_LOCKOUT_FAILURES:
        return True
    if ip_address is None:
        return False
    by_address = recent.filter(ip_address=ip_address).count()
    return by_address >= settings.LOGIN_LOCKOUT_FAILURES_PER_ADDRESS


def client_address(request: HttpRequest | None) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


class LockoutBackend(ModelBackend):
    """Django's model backend, refusing names and addresses that are locked out."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        name = username or kwargs.get("username") or ""
        if login_locked(username=name, ip_address=client_address(request)):
            raise PermissionDenied("locked")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def _record_failure(
    sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any
) -> None:
    LoginFailure.objects.create(
        username=str(credentials.get("username", ""))[:150], ip_address=client_address(request)
    )


@receiver(user_logged_in)
def _clear_failures(sender: Any, request: Any, user: Any, **_: Any) -> None:
    LoginFailure.objects.filter(username__iexact=user.get_username()).delete()
