"""Helpers for the API tests: places in and out of a commune officer's scope, users of other
roles, signed-in clients, bearer tokens, and the one error shape."""

from __future__ import annotations

import json
from typing import Any

from tests.factories import FAR, HOME, NEIGHBOUR, UserFactory, session_client, village_in

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.accounts.services import api_token_issue
from giamngheo.apps.geo.models import Commune, Province, Village

API = "/api/v1"
__all__ = ["API", "FAR", "HOME", "NEIGHBOUR", "session_client", "village_in"]


def user_of(role: Role, unit: Province | Commune | Village | None, **extra: Any) -> User:
    return UserFactory(role=role, unit=unit, **extra)


def token_for(user: User) -> str:
    return api_token_issue(actor=user, user=user, name="test").secret


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def error_of(response: Any) -> dict[str, Any]:
    """The ``error`` member of a response, after checking the body has exactly that shape."""
    body = json.loads(response.content)
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "fields"}, body
    assert isinstance(body["error"]["message"], str), body
    assert body["error"]["message"], body
    return dict(body["error"])
