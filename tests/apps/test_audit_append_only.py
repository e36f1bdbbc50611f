"""Audit rows cannot be changed or removed, not even with SQL behind the application's back
(on PostgreSQL, where a trigger refuses it)."""

import pytest
from django.db import DatabaseError, connection, transaction

from giamngheo.apps.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> AuditEvent:
    return AuditEvent.objects.create(action=AuditAction.CREATE, target_type="t.t", target_id="1")


def test_queryset_update_is_refused_on_postgresql(event: AuditEvent) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's; SQLite relies on the model guard")
    for statement in (
        "UPDATE audit_auditevent SET summary = 'tampered'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            cursor = connection.cursor()
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # fire the insert's deferred FK checks
            cursor.execute(statement)
    assert AuditEvent.objects.get(pk=event.pk).summary == ""
