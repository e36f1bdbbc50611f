"""Scope checks for province-wide programme data (programmes, rules, levels, campaigns)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, UnitPaths, scope_of, scope_require
from giamngheo.apps.geo.models import Province

SUPPORT_UNITS = UnitPaths(
    province="household__province_id",
    commune="household__village__commune_id",
    village="household__village_id",
)
OUTSIDE = "Ngoài phạm vi được giao."


def province_require(actor: Any, capability: Capability, province: Province) -> Scope:
    """The actor holds ``capability`` and their scope covers the whole ``province``."""
    scope = scope_require(actor, capability)
    if scope.level == ScopeLevel.COUNTRY:
        return scope
    if scope.level != ScopeLevel.PROVINCE or scope.province_id != province.pk:
        raise PermissionDenied(OUTSIDE)
    return scope


def in_province(user: Any, path: str = "province_id") -> Q:
    """Province-wide data is read by everyone working inside the province."""
    scope = scope_of(user)
    if scope.level == ScopeLevel.COUNTRY and scope.capabilities:
        return Q()
    return Q(**{path: scope.province_id or 0})
