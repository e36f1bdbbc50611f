"""Writing the audit trail. Every service that changes registry, review, programme or fund
records calls :func:`audit_record` inside its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from giamngheo.apps.audit.context import actor_current
from giamngheo.apps.audit.models import AuditAction, AuditEvent


def audit_record(
    *,
    action: AuditAction,
    target: models.Model,
    changes: Mapping[str, Any] | None = None,
    summary: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        **_actor_fields(),
        **_units_of(target),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        changes=_jsonable(changes or {}),
        summary=summary[:255],
    )


def audit_bulk_record(
    *,
    target_type: str,
    count: int,
    summary: str,
    province_id: int | None = None,
    commune_id: int | None = None,
) -> AuditEvent:
    """One event for a set-based load (demo data, imports) instead of one per row."""
    return AuditEvent.objects.create(
        **_actor_fields(),
        province_id=province_id,
        commune_id=commune_id,
        action=AuditAction.BULK_LOAD,
        target_type=target_type,
        target_id="*",
        changes={"count": count},
        summary=summary[:255],
    )


def _actor_fields() -> dict[str, Any]:
    actor = actor_current()
    return {"actor_id": actor.user_id, "actor_label": actor.label, "ip_address": actor.ip_address}


def _units_of(target: models.Model) -> dict[str, int | None]:
    units = getattr(target, "audit_units", None)
    if units is None:
        return {}
    province, commune, village = units()
    return {"province_id": province, "commune_id": commune, "village_id": village}


# Secrets are never copied into the trail: only the fact that they changed.
REDACTED_FIELDS = frozenset({"password", "digest"})
REDACTED = "***"


def model_diff(
    before: Mapping[str, Any], after: Mapping[str, Any], fields: Iterable[str]
) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed (secrets as ``***``)."""
    return {
        f: _redacted(f, [before.get(f), after.get(f)])
        for f in fields
        if before.get(f) != after.get(f)
    }


def _redacted(field: str, values: list[Any]) -> list[Any]:
    if field not in REDACTED_FIELDS:
        return values
    return [None if v in (None, "") else REDACTED for v in values]


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def audited_save(*, instance: models.Model, summary: str = "") -> models.Model:
    """Validate and save one record, writing its old → new values to the audit trail.

    Call inside the caller's transaction; runs ``full_clean`` so model and database
    constraints produce readable errors before the row is written.
    """
    fields = [f.attname for f in instance._meta.concrete_fields if not f.generated]
    before: dict[str, Any] = {}
    if instance.pk is not None:
        before = (
            type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first() or {}
        )
    instance.full_clean()
    instance.save()
    after = {f: getattr(instance, f) for f in fields}
    action = AuditAction.UPDATE if before else AuditAction.CREATE
    audit_record(
        action=action, target=instance, changes=model_diff(before, after, fields), summary=summary
    )
    return instance


def audited_delete(*, instance: models.Model, summary: str = "") -> None:
    fields = [f.attname for f in instance._meta.concrete_fields if not f.generated]
    before = {f: getattr(instance, f) for f in fields}
    audit_record(
        action=AuditAction.DELETE,
        target=instance,
        changes={f: _redacted(f, [v, None]) for f, v in before.items()},
        summary=summary,
    )
    instance.delete()
