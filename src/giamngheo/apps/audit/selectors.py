"""Reading the change history, within the reader's scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter, scope_of
from giamngheo.apps.audit.models import AuditEvent

AUDIT_UNITS = UnitPaths(province="province_id", commune="commune_id", village="village_id")
# Personal fields shown as "(ẩn)" in the trail to readers without the personal-data capability.
PERSONAL_FIELDS = frozenset({"citizen_id", "birth_on", "full_name"})
HIDDEN = "(ẩn)"


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditFilter:
    target_type: str = ""
    target_id: str = ""
    action: str = ""
    actor_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def audit_events(*, user: Any, where: AuditFilter | None = None) -> QuerySet[AuditEvent]:
    """Events about records inside the user's scope, newest first. Events that name no unit
    (system settings, a sign-in lockout) are read only by users with a country-wide scope."""
    if not scope_of(user).can(Capability.AUDIT_VIEW):
        return AuditEvent.objects.none()
    rows = scope_filter(AuditEvent.objects.all(), user, AUDIT_UNITS)
    rows = rows.select_related("actor", "province", "commune", "village")
    return _filtered(rows, where or AuditFilter())


def _filtered(rows: QuerySet[AuditEvent], where: AuditFilter) -> QuerySet[AuditEvent]:
    exact = {
        "target_type": where.target_type,
        "target_id": where.target_id,
        "action": where.action,
        "actor_id": where.actor_id,
        "at__date__gte": where.since,
        "at__date__lte": where.until,
    }
    return rows.filter(**{k: v for k, v in exact.items() if v not in (None, "")})


def audit_changes_for(*, user: Any, event: AuditEvent) -> dict[str, list[Any]]:
    """The event's ``{field: [old, new]}`` (a bulk event's figures as ``[None, value]``),
    personal values hidden unless the reader may see them."""
    pairs = {f: v if isinstance(v, list) else [None, v] for f, v in event.changes.items()}
    if scope_of(user).can(Capability.PERSONAL_VIEW):
        return pairs
    return {
        field: [HIDDEN if v not in (None, "") else v for v in values]
        if field in PERSONAL_FIELDS
        else values
        for field, values in pairs.items()
    }
