"""Account services."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from giamngheo.apps.accounts.models import User
from giamngheo.apps.audit.services import audited_save

DEMO_PASSWORD = "giamngheo-demo"  # noqa: S105 - printed by `make demo`; demo databases only


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoLogin:
    username: str
    password: str
    role: str


@transaction.atomic(durable=True)
def demo_users_ensure() -> list[DemoLogin]:
    """Create the demo accounts if missing (never changes an existing account's password)."""
    user = User.objects.filter(username="quantri").first()
    if user is None:
        user = User(username="quantri", is_staff=True, is_superuser=True, first_name="Quản trị")
        user.set_password(DEMO_PASSWORD)
        audited_save(instance=user, summary="Tạo tài khoản mẫu")
    return [DemoLogin(username=user.username, password=DEMO_PASSWORD, role="Quản trị hệ thống")]
