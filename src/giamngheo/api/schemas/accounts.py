"""The caller (``/me``) and their API tokens."""

import datetime as dt
from typing import Self

from ninja import Field, Schema

from giamngheo.api.schemas.common import UnitRef
from giamngheo.apps.accounts.models import ApiToken, User
from giamngheo.apps.accounts.roles import Role, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope


class ScopeOut(Schema):
    level: ScopeLevel
    level_label: str
    province: UnitRef | None
    commune: UnitRef | None
    village: UnitRef | None


class MeOut(Schema):
    username: str
    full_name: str
    role: Role | None = Field(description="none for a superuser or a user without a role")
    role_label: str
    scope: ScopeOut
    capabilities: list[str]

    @classmethod
    def of(cls, user: User, scope: Scope) -> Self:
        role = Role(user.role) if user.role else None
        return cls(
            username=user.username,
            full_name=user.get_full_name(),
            role=role,
            role_label=str(role.label) if role else "",
            scope=ScopeOut(
                level=scope.level,
                level_label=str(ScopeLevel(scope.level).label),
                province=_ref(user.scope_province),
                commune=_ref(user.scope_commune),
                village=_ref(user.scope_village),
            ),
            capabilities=sorted(scope.capabilities),
        )


def _ref(unit: object) -> UnitRef | None:
    return UnitRef.model_validate(unit) if unit is not None else None


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="what the token is for")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="the 8 characters after gn_, to recognise the token")
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @classmethod
    def of(cls, token: ApiToken) -> Self:
        return cls.model_validate(token)


class IssuedTokenOut(TokenOut):
    secret: str = Field(description="shown this once: send as Authorization: Bearer <secret>")
