"""Who may act where in a review: village actions check the village (``scope_require``);
commune and province actions check that the actor's scope holds the whole unit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, scope_require
from giamngheo.apps.geo.models import Commune, Province

OUT_OF_SCOPE = "Ngoài phạm vi được giao."


def require_in_commune(actor: Any, capability: Capability, *, commune: Commune) -> Scope:
    scope = scope_require(actor, capability)
    if not scope_holds_commune(scope, commune):
        raise PermissionDenied(OUT_OF_SCOPE)
    return scope


def require_in_province(actor: Any, capability: Capability, *, province: Province) -> Scope:
    """A province-wide action needs a country scope or this province's scope."""
    scope = scope_require(actor, capability)
    wide = scope.level == ScopeLevel.COUNTRY
    if not (wide or (scope.level == ScopeLevel.PROVINCE and scope.province_id == province.pk)):
        raise PermissionDenied(OUT_OF_SCOPE)
    return scope


def scope_holds_commune(scope: Scope, commune: Commune) -> bool:
    match scope.level:
        case ScopeLevel.COUNTRY:
            return True
        case ScopeLevel.PROVINCE:
            return commune.province_id == scope.province_id
        case ScopeLevel.COMMUNE:
            return commune.pk == scope.commune_id
    return False
