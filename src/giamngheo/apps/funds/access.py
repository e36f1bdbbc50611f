"""Who may record what in the ledger, and which fund records a user may read.

Writes need ``funds.record`` and a scope that covers the source (its province, or its commune
for a commune-level fund). An organisation officer acts only for the sources their organisation
runs (e.g. the Front's Fund "For the Poor"); budget receipts and sources need a provincial
officer (``programmes.manage``). Reads: every user working in the province who may view funds
(record, manage programmes or read the audit trail); commune-scoped users see their commune.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from giamngheo.apps.accounts.roles import Capability, Role, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, UnitPaths, scope_of, scope_require
from giamngheo.apps.funds.models import FundSource

OUTSIDE = "Ngoài phạm vi được giao."
VIEW_CAPABILITIES = frozenset(
    {Capability.FUNDS_RECORD, Capability.PROGRAMMES_MANAGE, Capability.AUDIT_VIEW}
)
TX_UNITS = UnitPaths(province="province_id", commune="commune_id", village=None)


def source_require(actor: Any, source: FundSource, *, budget: bool = False) -> Scope:
    """The actor may move money of ``source`` (``budget``: receive state budget into it)."""
    scope = scope_require(actor, Capability.FUNDS_RECORD)
    if budget:
        scope_require(actor, Capability.PROGRAMMES_MANAGE)
    if not _covers(scope, source):
        raise PermissionDenied(OUTSIDE)
    if getattr(actor, "role", "") == Role.ORGANISATION_OFFICER and (
        source.organisation_id is None or source.organisation_id != actor.organisation_id
    ):
        raise PermissionDenied("Nguồn vốn này do đơn vị khác quản lý.")
    return scope


def _covers(scope: Scope, source: FundSource) -> bool:
    match scope.level:
        case ScopeLevel.COUNTRY:
            return True
        case ScopeLevel.PROVINCE:
            return source.province_id == scope.province_id
        case ScopeLevel.COMMUNE:
            return source.commune_id is not None and source.commune_id == scope.commune_id
    return False


def can_view(user: Any) -> bool:
    return bool(scope_of(user).capabilities & VIEW_CAPABILITIES)


def view_q(user: Any, paths: UnitPaths = TX_UNITS) -> Q:
    """Rows a user may read (nothing for users who may not view funds)."""
    scope = scope_of(user)
    if not scope.capabilities & VIEW_CAPABILITIES:
        return Q(pk__in=[])
    return scope.q(paths)
