"""Who is calling: a bearer token (``Authorization: Bearer gn_…``) or the Django session.

The token is tried first, so a program never meets the session's CSRF check; a browser with
a session gets Django's CSRF protection on every unsafe method (ninja's ``django_auth``). A
token that is presented but unknown, expired or revoked is refused outright (401), never
passed on to the session. Either way ``request.auth`` is the :class:`User`, and the audit
trail names that user as the actor of whatever the request changes.
"""

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, django_auth

from giamngheo.api.errors import ApiError
from giamngheo.apps.accounts.models import ApiToken, User
from giamngheo.apps.accounts.services import TOKEN_PREFIX, token_digest
from giamngheo.apps.audit.context import ActorContext, acting_as

# ``last_used_at`` is written at most this often per token (not on every request).
TOKEN_TOUCH_EVERY = dt.timedelta(minutes=1)


class ApiTokenAuth(HttpBearer):
    """An unrevoked, unexpired token of an active user."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        found = _token_in_use(token)
        if found is None:
            raise ApiError(401, _("Khoá API không hợp lệ, đã hết hạn hoặc đã bị thu hồi."))
        _touch(found)
        request.user = found.user
        return found.user


token_auth = ApiTokenAuth()
API_AUTH = [token_auth, django_auth]  # the whole API; token management: session only
SESSION_ONLY = [django_auth]


def _token_in_use(secret: str) -> ApiToken | None:
    if not secret.startswith(TOKEN_PREFIX):
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .filter(expires_at__gt=timezone.now())
        .first()
    )


def _touch(token: ApiToken) -> None:
    """Record use, at most once a minute (a single conditional UPDATE; not audited)."""
    now = timezone.now()
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOKEN_TOUCH_EVERY)
    ApiToken.objects.filter(stale, pk=token.pk).update(last_used_at=now)


def caller(request: HttpRequest) -> User:
    """The authenticated user of an API request."""
    user = getattr(request, "auth", None)
    assert isinstance(user, User), "route without authentication"
    return user


def as_caller[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """Run an operation with the caller as the audit actor (``label="api"``), whichever way
    they authenticated; the request middleware only knows session users."""

    @wraps(view)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        request = args[0]
        assert isinstance(request, HttpRequest)
        with acting_as(_actor(request)):
            return view(*args, **kwargs)

    return run


def _actor(request: HttpRequest) -> ActorContext:
    user: Any = getattr(request, "auth", None)
    return ActorContext(
        user_id=user.pk if isinstance(user, User) else None,
        label="api",
        ip_address=request.META.get("REMOTE_ADDR"),
    )
