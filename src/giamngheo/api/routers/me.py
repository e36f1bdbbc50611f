"""The caller: who they are, their role, scope and capabilities."""

from django.http import HttpRequest
from ninja import Router

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.schemas.accounts import MeOut
from giamngheo.apps.accounts.scopes import scope_of

router = Router(tags=["me"])


@router.get("/me", response={200: MeOut, **ERROR_RESPONSES})
def me(request: HttpRequest) -> MeOut:
    user = caller(request)
    return MeOut.of(user, scope_of(user))
