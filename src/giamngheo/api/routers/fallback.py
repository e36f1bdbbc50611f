"""Unknown paths under the API answer with the API's error body, not an HTML page."""

from django.http import Http404, HttpRequest
from ninja import Router

router = Router()
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@router.api_operation(METHODS, "/{path:rest}", auth=None, include_in_schema=False)
def not_found(request: HttpRequest, rest: str) -> None:
    raise Http404(rest)
