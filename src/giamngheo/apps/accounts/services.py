"""Account services: creating scoped users, the demo logins, API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from giamngheo.apps.accounts.models import ApiToken, Organisation, User
from giamngheo.apps.accounts.roles import Capability, OrganisationKind, Role
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.registry.models import Household

DEMO_PASSWORD = "giamngheo-demo"  # noqa: S105 - printed by `make demo`; demo databases only
TOKEN_PREFIX = "gn_"  # noqa: S105 - a public marker that makes leaked tokens easy to spot


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoLogin:
    username: str
    password: str
    role: str
    scope: str


@transaction.atomic(durable=True)
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: Role,
    unit: Province | Commune | Village | None,
    full_name: str = "",
    organisation: Organisation | None = None,
) -> User:
    """Create a user with a role and a scope (the unit they work in; ``None``: the country)."""
    scope_require(actor, Capability.USERS_MANAGE)
    return _user_save(
        username=username, password=password, role=role, unit=unit,
        full_name=full_name, organisation=organisation,
    )  # fmt: skip


def _user_save(
    *,
    username: str,
    password: str,
    role: Role,
    unit: Province | Commune | Village | None,
    full_name: str = "",
    organisation: Organisation | None = None,
) -> User:
    user = User(username=username, role=role, first_name=full_name, organisation=organisation)
    user.scope_set(unit)
    user.is_staff = user.is_superuser = role == Role.SYSADMIN
    user.set_password(password)
    audited_save(instance=user, summary=f"Tạo tài khoản {username} ({Role(role).label})")
    return user


@transaction.atomic(durable=True)
def demo_users_ensure() -> list[DemoLogin]:
    """One demo account per role, scoped to the demo province and its first commune and
    village holding households. Existing accounts are left as they are."""
    household = Household.objects.select_related("village__commune__province").first()
    if household is None:
        raise LookupError("Chưa có dữ liệu mẫu: chạy `giamngheo demo-data` trước.")
    village = household.village
    commune, province = village.commune, village.commune.province
    red_cross, _ = Organisation.objects.get_or_create(
        name=f"Hội Chữ thập đỏ {province.name}",
        defaults={"kind": OrganisationKind.RED_CROSS, "province": province},
    )
    plan: list[tuple[str, Role, Province | Commune | Village | None, str]] = [
        ("quantri", Role.SYSADMIN, None, "Quản trị hệ thống"),
        ("tinh", Role.PROVINCE_OFFICER, province, "Trần Văn Tỉnh"),
        ("xa", Role.COMMUNE_OFFICER, commune, "Nông Thị Xuân"),
        ("chutich", Role.COMMUNE_CHAIRMAN, commune, "Hoàng Văn Chính"),
        ("thon", Role.VILLAGE_HEAD, village, "Lương Văn Thôn"),
        ("hoi", Role.ORGANISATION_OFFICER, province, "Vi Thị Hội"),
        ("thanhtra", Role.AUDITOR, province, "Đinh Văn Tra"),
    ]
    logins = []
    for username, role, unit, name in plan:
        if not User.objects.filter(username=username).exists():
            organisation = red_cross if role == Role.ORGANISATION_OFFICER else None
            _user_save(
                username=username, password=DEMO_PASSWORD, role=role, unit=unit,
                full_name=name, organisation=organisation,
            )  # fmt: skip
        where = unit.name if unit is not None else "toàn quốc"
        logins.append(
            DemoLogin(username=username, password=DEMO_PASSWORD, role=str(role.label), scope=where)
        )
    return logins


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once; only its digest is stored


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic(durable=True)
def api_token_issue(*, actor: Any, user: User, name: str) -> IssuedToken:
    """A new API token for ``user`` (oneself, or anyone for a system administrator)."""
    if actor.pk != user.pk:
        scope_require(actor, Capability.USERS_MANAGE)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        prefix=secret[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + 8],
        digest=token_digest(secret),
        expires_at=timezone.now() + dt.timedelta(days=settings.API_TOKEN_DAYS),
    )
    audited_save(instance=token, summary=f"Cấp khoá API {token.prefix}… cho {user.username}")
    return IssuedToken(token=token, secret=secret)


@transaction.atomic(durable=True)
def api_token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    if actor.pk != token.user_id:
        scope_require(actor, Capability.USERS_MANAGE)
    token.revoked_at = timezone.now()
    audited_save(instance=token, summary=f"Thu hồi khoá API {token.prefix}…")
    return token
