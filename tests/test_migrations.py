import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_tables_exist_on_this_database() -> None:
    tables = set(connection.introspection.table_names())
    assert {
        "geo_commune",
        "registry_household",
        "registry_member",
        "registry_survey",
        "audit_auditevent",
    } <= tables
