"""`giamngheo demo-users`: one account per role, scoped to the demo province's first commune
and village, each able to sign in; running it again changes nothing."""

import pytest
from django.contrib.auth import authenticate
from tests.factories import HouseholdFactory
from typer.testing import CliRunner

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role, ScopeLevel
from giamngheo.apps.accounts.services import DEMO_PASSWORD
from giamngheo.cli.main import app

pytestmark = pytest.mark.django_db


def test_demo_users_one_per_role_with_the_scope_their_role_needs() -> None:
    household = HouseholdFactory()
    result = CliRunner().invoke(app, ["demo-users"])
    assert result.exit_code == 0, result.output
    users = {u.role: u for u in User.objects.exclude(role="")}
    assert set(users) == set(Role.values)
    assert users[Role.VILLAGE_HEAD].scope_village == household.village
    assert users[Role.COMMUNE_OFFICER].scope_commune == household.village.commune
    assert users[Role.PROVINCE_OFFICER].scope_level == ScopeLevel.PROVINCE
    assert users[Role.SYSADMIN].scope_level == ScopeLevel.COUNTRY
    assert users[Role.ORGANISATION_OFFICER].organisation is not None
    for user in users.values():
        assert authenticate(username=user.username, password=DEMO_PASSWORD) == user
    again = CliRunner().invoke(app, ["demo-users"])
    assert again.exit_code == 0
    assert User.objects.count() == len(Role.values)
    assert "thon" in again.output


def test_demo_users_need_demo_data_first() -> None:
    result = CliRunner().invoke(app, ["demo-users"])
    assert result.exit_code == 1
    assert "demo-data" in result.output
    assert not User.objects.exists()
