"""The API object: ``path("api/v1/", api.urls)`` in the project's URLs.

Every operation needs a bearer token or a session (see ``auth``); the OpenAPI document
(``/api/v1/openapi.json``) and its Swagger page (``/api/v1/docs``, served from local static
files) are public.
"""

from ninja import NinjaAPI
from ninja.operation import Operation

from giamngheo.api import errors
from giamngheo.api.auth import API_AUTH, as_caller
from giamngheo.api.routers import (
    audit,
    fallback,
    funds,
    households,
    me,
    members,
    monitoring,
    programmes,
    review,
    standards,
    surveys,
    tokens,
    units,
)

DESCRIPTION = """Poverty-reduction registry of giamngheo.

Authenticate with a session (browser; unsafe methods need the CSRF token) or with
`Authorization: Bearer gn_…` (issue one with `POST /tokens` from a session). Every read and
write stays inside the caller's scope: a record outside it answers 404. Errors have one
shape: `{"error": {"code", "message", "fields"}}`. Messages are in Vietnamese unless
`Accept-Language: en`."""


class Api(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """The route function's name (``household_list``), unique across the routers."""
        return operation.view_func.__name__


api = Api(
    title="giamngheo API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=API_AUTH,
)
errors.install(api)
api.add_decorator(as_caller)
for topic in (
    me, households, members, surveys, audit, standards, units, tokens, review, programmes,
    funds, monitoring, fallback,
):  # fmt: skip
    api.add_router("", topic.router)
