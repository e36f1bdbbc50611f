"""Audit rows cannot be changed or removed, not even with SQL behind the application's back
(on PostgreSQL, where a trigger refuses it)."""

import pytest
from django.db import DatabaseError, connection, transaction

from giamngheo.apps.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> AuditEvent:
    return AuditEvent.objects.create(action=AuditAction.CREATE, target_type="t.t", target_id="1")


def _execute_in_savepoint(statement: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET summary = 'tampered'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
    ],
)
def test_sql_behind_the_application_is_refused_on_postgresql(
    event: AuditEvent, statement: str
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's; SQLite relies on the model guard")
    _execute_in_savepoint("SET CONSTRAINTS ALL IMMEDIATE")  # fire the insert's deferred FK checks
    with pytest.raises(DatabaseError, match="append-only"):
        _execute_in_savepoint(statement)
    assert AuditEvent.objects.get(pk=event.pk).summary == ""
