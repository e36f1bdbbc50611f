"""The scope check shared by the linkage services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, scope_require
from giamngheo.apps.geo.models import Commune, Province

OUTSIDE = "Ngoài phạm vi được giao."


def unit_require(
    actor: Any, capability: Capability, province: Province, commune: Commune | None
) -> Scope:
    """Refuse (``PermissionDenied``) unless ``actor`` holds ``capability`` over the province,
    and — for a commune or village scope — over ``commune``."""
    scope = scope_require(actor, capability)
    if scope.level == ScopeLevel.COUNTRY:
        return scope
    if scope.province_id != province.pk:
        raise PermissionDenied(OUTSIDE)
    if scope.level in (ScopeLevel.COMMUNE, ScopeLevel.VILLAGE) and (
        commune is None or commune.pk != scope.commune_id
    ):
        raise PermissionDenied(OUTSIDE)
    return scope


def commune_of(actor: Any) -> Commune | None:
    """The commune an actor is scoped to (``None`` for a province or country scope)."""
    return getattr(actor, "scope_commune", None)
