"""The change history."""

import datetime as dt
from typing import Any, Self

from ninja import Field, Schema

from giamngheo.api.pagination import PageIn, PageOut
from giamngheo.apps.audit.models import AuditAction, AuditEvent
from giamngheo.apps.audit.selectors import AuditFilter


class AuditFilterIn(PageIn):
    target_type: str = Field("", max_length=64, description="e.g. registry.household")
    target_id: str = Field("", max_length=64)
    action: AuditAction | None = None
    since: dt.date | None = Field(None, description="from this day (inclusive)")
    until: dt.date | None = Field(None, description="to this day (inclusive)")

    def where(self) -> AuditFilter:
        return AuditFilter(
            target_type=self.target_type,
            target_id=self.target_id,
            action=self.action or "",
            since=self.since,
            until=self.until,
        )


class AuditEventOut(Schema):
    id: int
    at: dt.datetime
    actor: str | None = Field(description="username; none for the system")
    actor_label: str = Field(description="where the change came from: web, api, cli …")
    action: AuditAction
    action_label: str
    target_type: str
    target_id: str
    summary: str
    changes: dict[str, list[Any]] = Field(description="field → [old, new]; personal data hidden")

    @classmethod
    def of(cls, event: AuditEvent, *, changes: dict[str, list[Any]]) -> Self:
        return cls(
            id=event.pk,
            at=event.at,
            actor=event.actor.username if event.actor else None,
            actor_label=event.actor_label,
            action=AuditAction(event.action),
            action_label=event.get_action_display(),
            target_type=event.target_type,
            target_id=event.target_id,
            summary=event.summary,
            changes=changes,
        )


class AuditPage(PageOut):
    items: list[AuditEventOut]
