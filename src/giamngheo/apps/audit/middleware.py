from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from giamngheo.apps.audit.context import ActorContext, acting_as


class RequestContextMiddleware:
    """Makes the signed-in user and client address available to audit records."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        context = ActorContext(
            user_id=user.pk if user is not None and user.is_authenticated else None,
            label="web",
            ip_address=request.META.get("REMOTE_ADDR"),
        )
        with acting_as(context):
            return self.get_response(request)
