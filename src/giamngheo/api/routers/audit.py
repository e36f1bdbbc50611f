"""The change history of records inside the caller's scope."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.pagination import page_of
from giamngheo.api.schemas.audit import AuditEventOut, AuditFilterIn, AuditPage
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.audit.selectors import audit_changes_for, audit_events

router = Router(tags=["audit"])


@router.get("/audit", response={200: AuditPage, **ERROR_RESPONSES})
def audit_list(request: HttpRequest, filters: Query[AuditFilterIn]) -> dict[str, Any]:
    """Events newest first; personal values hidden unless the role may see them."""
    user = caller(request)

    def render(event: AuditEvent) -> AuditEventOut:
        return AuditEventOut.of(event, changes=audit_changes_for(user=user, event=event))

    return page_of(audit_events(user=user, where=filters.where()), filters, render)
