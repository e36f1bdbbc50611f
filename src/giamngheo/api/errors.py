"""One error body for every failure of the API::

    {"error": {"code": "not_found", "message": "Không tìm thấy.", "fields": {}}}

``code`` is stable for programs; ``message`` is for people, in the request's language
(Vietnamese unless ``Accept-Language`` asks for English); ``fields`` names the inputs that
were refused, each with its messages (``__all__`` for the record as a whole).
"""

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, Literal

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.errors import ValidationError as InputError

from giamngheo.domain.standards import StandardNotFoundError

logger = logging.getLogger(__name__)

ErrorCode = Literal["unauthorized", "forbidden", "not_found", "invalid", "conflict", "server_error"]


class ErrorBody(Schema):
    code: ErrorCode
    message: str
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    error: ErrorBody


# Documented on every operation (the handlers below produce them).
ERROR_RESPONSES: dict[int, type[Schema]] = dict.fromkeys((401, 403, 404, 409, 422), ErrorOut)


class ApiError(HttpError):
    """An HTTP error whose ``message`` is already translated for the caller."""


Answer = tuple[int, ErrorBody]


def _invalid_input(exc: InputError) -> Answer:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        fields.setdefault(_input_field(error["loc"]), []).append(_input_message(error))
    return 422, ErrorBody(code="invalid", message=_("Dữ liệu gửi lên không hợp lệ."), fields=fields)


def _invalid_record(exc: DjangoValidationError) -> Answer:
    if hasattr(exc, "error_dict"):
        fields = {name: list(messages) for name, messages in exc.message_dict.items()}
    else:
        fields = {NON_FIELD_ERRORS: list(exc.messages)}
    return 422, ErrorBody(code="invalid", message=_("Dữ liệu gửi lên không hợp lệ."), fields=fields)


def _forbidden(exc: PermissionDenied) -> Answer:
    message = _("Bạn không có quyền thực hiện thao tác này.")
    return 403, ErrorBody(code="forbidden", message=message)


def _not_found(exc: Exception) -> Answer:
    return 404, ErrorBody(code="not_found", message=_("Không tìm thấy."))


def _conflict(exc: IntegrityError) -> Answer:
    message = _("Thao tác xung đột với dữ liệu đã có (trùng mã hoặc còn dữ liệu liên quan).")
    return 409, ErrorBody(code="conflict", message=message)


_HTTP_CODES: dict[int, ErrorCode] = {
    400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict",
}  # fmt: skip


def _http_error(exc: HttpError) -> Answer:
    """Ninja's own errors (no credentials, CSRF, unreadable body) and :class:`ApiError`."""
    status = exc.status_code
    code = _HTTP_CODES.get(status, "server_error" if status >= 500 else "invalid")
    if isinstance(exc, ApiError):
        message = exc.message
    elif code == "unauthorized":
        message = _("Cần đăng nhập hoặc gửi khoá API hợp lệ (Authorization: Bearer …).")
    elif code == "forbidden" and "CSRF" in exc.message:
        message = _("Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF).")
    elif status == 400:
        message = _("Không đọc được nội dung yêu cầu (cần JSON hợp lệ).")
    else:
        message = _("Yêu cầu không thực hiện được.")
    return status, ErrorBody(code=code, message=message)


def _unexpected(exc: Exception) -> Answer:
    logger.error("API: unexpected error", exc_info=exc)
    return 500, ErrorBody(code="server_error", message=_("Lỗi hệ thống; vui lòng thử lại sau."))


_ANSWERS: dict[type[Exception], Callable[[Any], Answer]] = {
    InputError: _invalid_input,
    DjangoValidationError: _invalid_record,
    PermissionDenied: _forbidden,
    ObjectDoesNotExist: _not_found,
    Http404: _not_found,
    StandardNotFoundError: _not_found,
    IntegrityError: _conflict,
    HttpError: _http_error,
    Exception: _unexpected,
}


def install(api: NinjaAPI) -> None:
    """Register a handler per exception class (ninja picks the closest one by MRO)."""
    for exc_class, answer in _ANSWERS.items():
        api.add_exception_handler(exc_class, partial(_respond, api=api, answer=answer))


def _respond(
    request: HttpRequest, exc: Exception, *, api: NinjaAPI, answer: Callable[[Any], Answer]
) -> HttpResponse:
    status, body = answer(exc)
    response = api.create_response(request, ErrorOut(error=body).model_dump(), status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="giamngheo"'
    return response


def _input_field(loc: tuple[Any, ...]) -> str:
    """``("body", "payload", "code")`` → ``code``; ``("query", "page")`` → ``page``."""
    source, *path = loc
    if source == "body":
        path = path[1:]  # the name of the route's (single) body parameter
    return ".".join(str(part) for part in path) or NON_FIELD_ERRORS


# Pydantic error types → messages; ``%(…)s`` take values from the error's context.
_INPUT_MESSAGES: dict[str, Any] = {
    "missing": gettext_lazy("Bắt buộc phải có."),
    "string_too_short": gettext_lazy("Cần ít nhất %(min_length)s ký tự."),
    "string_too_long": gettext_lazy("Dài quá %(max_length)s ký tự."),
    "string_pattern_mismatch": gettext_lazy("Sai định dạng."),
    "greater_than_equal": gettext_lazy("Phải lớn hơn hoặc bằng %(ge)s."),
    "less_than_equal": gettext_lazy("Phải nhỏ hơn hoặc bằng %(le)s."),
    "int_parsing": gettext_lazy("Phải là số nguyên."),
    "int_type": gettext_lazy("Phải là số nguyên."),
    "bool_parsing": gettext_lazy("Phải là true hoặc false."),
    "date_parsing": gettext_lazy("Ngày không hợp lệ (dạng YYYY-MM-DD)."),
    "date_from_datetime_parsing": gettext_lazy("Ngày không hợp lệ (dạng YYYY-MM-DD)."),
    "literal_error": gettext_lazy("Phải là một trong: %(expected)s."),
    "enum": gettext_lazy("Phải là một trong: %(expected)s."),
}


def _input_message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error["type"] == "value_error" and "error" in context:
        return str(context["error"])  # our own validators raise translated messages
    template = _INPUT_MESSAGES.get(error["type"])
    if template is None:
        return _("Giá trị không hợp lệ.")
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return _("Giá trị không hợp lệ.")
