"""The caller's own API tokens. Managed only from a signed-in session: a token cannot mint or
list tokens, so a leaked one cannot outlive its revocation."""

from django.http import HttpRequest
from ninja import Router, Status

from giamngheo.api.auth import SESSION_ONLY, caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.lookups import tokens_of
from giamngheo.api.schemas.accounts import IssuedTokenOut, TokenIn, TokenOut
from giamngheo.apps.accounts.services import api_token_issue, api_token_revoke

router = Router(tags=["tokens"], auth=SESSION_ONLY)


@router.post("/tokens", response={201: IssuedTokenOut, **ERROR_RESPONSES})
def token_create(request: HttpRequest, payload: TokenIn) -> Status[IssuedTokenOut]:
    """Issue a token for the caller; the secret is in this answer and nowhere else."""
    user = caller(request)
    issued = api_token_issue(actor=user, user=user, name=payload.name)
    out = TokenOut.of(issued.token).model_dump()
    return Status(201, IssuedTokenOut(**out, secret=issued.secret))


@router.get("/tokens", response={200: list[TokenOut], **ERROR_RESPONSES})
def token_list(request: HttpRequest) -> list[TokenOut]:
    return [TokenOut.of(t) for t in tokens_of(caller(request))]


@router.delete("/tokens/{token_id}", response={204: None, **ERROR_RESPONSES})
def token_revoke(request: HttpRequest, token_id: int) -> Status[None]:
    """Revoke one of the caller's tokens (revoking it again changes nothing)."""
    user = caller(request)
    token = tokens_of(user).get(pk=token_id)
    if token.revoked_at is None:
        api_token_revoke(actor=user, token=token)
    return Status(204, None)
