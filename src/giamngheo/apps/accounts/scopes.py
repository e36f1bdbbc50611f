"""Where a user may look and act. Every selector filters through :func:`scope_filter`, so lists,
details, searches, exports, API calls and admin pages see the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import ROLE_CAPABILITIES, Capability, Role, ScopeLevel
from giamngheo.apps.geo.models import Village


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitPaths:
    """Lookups from a model to the ids of the units that hold it (``None``: not resolvable)."""

    province: str
    commune: str
    village: str | None

    def under(self, prefix: str) -> UnitPaths:
        village = f"{prefix}__{self.village}" if self.village else None
        return UnitPaths(
            province=f"{prefix}__{self.province}",
            commune=f"{prefix}__{self.commune}",
            village=village,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Scope:
    level: ScopeLevel
    province_id: int | None = None
    commune_id: int | None = None
    village_id: int | None = None
    capabilities: frozenset[Capability] = frozenset()

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def q(self, paths: UnitPaths) -> Q:
        """The filter that keeps only rows inside this scope."""
        if self.level == ScopeLevel.COUNTRY:
            return Q()
        if self.level == ScopeLevel.PROVINCE:
            return Q(**{paths.province: self.province_id})
        if self.level == ScopeLevel.COMMUNE or paths.village is None:
            return Q(**{paths.commune: self.commune_id})
        return Q(**{paths.village: self.village_id})

    def holds_village(self, village: Village) -> bool:
        match self.level:
            case ScopeLevel.COUNTRY:
                return True
            case ScopeLevel.PROVINCE:
                return village.commune.province_id == self.province_id
            case ScopeLevel.COMMUNE:
                return village.commune_id == self.commune_id
        return village.pk == self.village_id


NOTHING = Scope(level=ScopeLevel.VILLAGE, village_id=0)


def scope_of(user: Any) -> Scope:
    """The scope of a signed-in user; an anonymous user or one without a role sees nothing."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    assert isinstance(user, User)
    if user.is_superuser and not user.role:  # e.g. made by `createsuperuser`
        return Scope(level=ScopeLevel.COUNTRY, capabilities=ROLE_CAPABILITIES[Role.SYSADMIN])
    if not user.role:
        return NOTHING
    return Scope(
        level=user.scope_level,
        province_id=user.scope_province_id,
        commune_id=user.scope_commune_id,
        village_id=user.scope_village_id,
        capabilities=ROLE_CAPABILITIES[user.role],
    )


def scope_filter[M: Model](rows: QuerySet[M], user: Any, paths: UnitPaths) -> QuerySet[M]:
    return rows.filter(scope_of(user).q(paths))


def scope_require(user: Any, capability: Capability, *, village: Village | None = None) -> Scope:
    """Refuse (``PermissionDenied``) unless the user holds the capability, and — when a village
    is named — the village lies inside the user's scope."""
    scope = scope_of(user)
    if not scope.can(capability):
        raise PermissionDenied(f"Vai trò không có quyền: {capability}")
    if village is not None and not scope.holds_village(village):
        raise PermissionDenied("Ngoài phạm vi được giao.")
    return scope
