"""Authentication: a session (with CSRF on unsafe methods) or a bearer token; tokens are
issued, listed and revoked from a session; the audit trail names a token's user as actor."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from tests.api.api_support import API, bearer, error_of, session_client, token_for
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import ApiToken, User
from giamngheo.apps.audit.models import AuditAction, AuditEvent
from giamngheo.apps.geo.models import Village
from giamngheo.apps.registry.models import Household

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.mark.parametrize(
    "path", ["/me", "/households", "/households/1", "/audit", "/standards", "/tokens"]
)
def test_every_operation_needs_credentials(path: str) -> None:
    response = Client().get(f"{API}{path}")
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_me_describes_the_caller(as_officer: Client) -> None:
    me = as_officer.get(f"{API}/me").json()
    assert me["full_name"] == "Nông Thị Xuân"
    assert (me["role"], me["role_label"]) == ("commune_officer", "Cán bộ giảm nghèo cấp xã")
    assert me["scope"]["level"] == "commune"
    assert me["scope"]["commune"]["code"] == "05977"
    assert me["scope"]["province"]["code"] == "20"
    assert me["scope"]["village"] is None
    assert "registry.edit" in me["capabilities"]
    assert "users.manage" not in me["capabilities"]


def test_a_bearer_token_authenticates_as_its_user(officer: User) -> None:
    secret = token_for(officer)
    response = Client(headers=bearer(secret)).get(f"{API}/me")
    assert response.status_code == 200
    assert response.json()["username"] == officer.username
    assert ApiToken.objects.get(user=officer).last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(officer: User) -> None:
    client = Client(headers=bearer(token_for(officer)))
    a_while_ago = timezone.now() - dt.timedelta(seconds=30)
    ApiToken.objects.filter(user=officer).update(last_used_at=a_while_ago)
    client.get(f"{API}/me")
    assert ApiToken.objects.get(user=officer).last_used_at == a_while_ago
    ApiToken.objects.filter(user=officer).update(last_used_at=a_while_ago - dt.timedelta(hours=1))
    client.get(f"{API}/me")
    assert ApiToken.objects.get(user=officer).last_used_at > a_while_ago  # type: ignore[operator]


@pytest.mark.parametrize("state", ["expired", "revoked", "inactive_user", "unknown", "not_ours"])
def test_a_token_that_is_not_in_use_is_refused(officer: User, state: str) -> None:
    secret = token_for(officer)
    tokens = ApiToken.objects.filter(user=officer)
    if state == "expired":
        tokens.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    elif state == "revoked":
        tokens.update(revoked_at=timezone.now())
    elif state == "inactive_user":
        User.objects.filter(pk=officer.pk).update(is_active=False)
    elif state == "unknown":
        secret = secret[:-4] + "abcd"
    else:
        secret = "ghp_" + secret[3:]
    response = Client(headers=bearer(secret)).get(f"{API}/me")
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"


def test_a_bad_token_is_refused_even_with_a_session(officer: User) -> None:
    client = session_client(officer, headers=bearer("gn_wrong"))
    assert client.get(f"{API}/me").status_code == 401


def _register(client: Client, code: str, village: Village) -> object:
    body = {"village_code": village.code, "code": code}
    return client.post(f"{API}/households", body, content_type=JSON)


def test_a_session_post_needs_the_csrf_token(officer: User) -> None:
    village = Village.objects.create(commune=officer.scope_commune, code="T-1", name="Thôn 1")
    client = session_client(officer, enforce_csrf_checks=True)
    refused = _register(client, "H-1", village)
    assert refused.status_code == 403  # type: ignore[attr-defined]
    error = error_of(refused)
    assert error["code"] == "forbidden"
    assert "CSRF" in error["message"]
    assert not Household.objects.filter(code="H-1").exists()
    client.cookies["csrftoken"] = secret = "a" * 32
    accepted = client.post(
        f"{API}/households",
        {"village_code": village.code, "code": "H-1"},
        content_type=JSON,
        headers={"X-CSRFToken": secret},
    )
    assert accepted.status_code == 201


def test_a_token_post_needs_no_csrf_and_audits_the_tokens_user(officer: User) -> None:
    village = Village.objects.create(commune=officer.scope_commune, code="T-1", name="Thôn 1")
    client = Client(enforce_csrf_checks=True, headers=bearer(token_for(officer)))
    response = _register(client, "H-1", village)
    assert response.status_code == 201  # type: ignore[attr-defined]
    household = Household.objects.get(code="H-1")
    event = AuditEvent.objects.get(target_type="registry.household", target_id=str(household.pk))
    assert event.action == AuditAction.CREATE
    assert (event.actor_id, event.actor_label) == (officer.pk, "api")
    assert event.ip_address == "127.0.0.1"


def test_tokens_are_issued_listed_and_revoked_from_a_session(
    as_officer: Client, officer: User
) -> None:
    issued = as_officer.post(f"{API}/tokens", {"name": "xuất báo cáo"}, content_type=JSON)
    assert issued.status_code == 201
    secret, token_id = issued.json()["secret"], issued.json()["id"]
    assert secret.startswith("gn_")
    listed = as_officer.get(f"{API}/tokens").json()
    assert [t["name"] for t in listed] == ["xuất báo cáo"]
    assert "secret" not in listed[0]
    assert "digest" not in listed[0]
    assert Client(headers=bearer(secret)).get(f"{API}/me").status_code == 200
    assert as_officer.delete(f"{API}/tokens/{token_id}").status_code == 204
    assert as_officer.delete(f"{API}/tokens/{token_id}").status_code == 204
    assert Client(headers=bearer(secret)).get(f"{API}/me").status_code == 401
    assert as_officer.get(f"{API}/tokens").json()[0]["revoked_at"] is not None


def test_tokens_cannot_be_managed_with_a_token(officer: User) -> None:
    client = Client(headers=bearer(token_for(officer)))
    for response in (
        client.get(f"{API}/tokens"),
        client.post(f"{API}/tokens", {"name": "x"}, content_type=JSON),
    ):
        assert response.status_code == 401
    assert ApiToken.objects.filter(user=officer).count() == 1


def test_another_users_token_cannot_be_revoked(as_officer: Client) -> None:
    other = UserFactory()
    token_for(other)
    token = ApiToken.objects.get(user=other)
    response = as_officer.delete(f"{API}/tokens/{token.pk}")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_user_without_a_role_sees_nothing() -> None:
    nobody = session_client(UserFactory(role="", unit=None))
    assert nobody.get(f"{API}/households").json()["count"] == 0
