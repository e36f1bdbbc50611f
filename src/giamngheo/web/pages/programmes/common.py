"""Helpers shared by the programme pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import get_language

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.domain.model import Lang


def require(request: HttpRequest, capability: Capability) -> None:
    """Pages a role may not use are missing (404), as elsewhere."""
    if not scope_of(request.user).can(capability):
        raise Http404


def lang_of() -> Lang:
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def errors_to_form(form: forms.Form, error: ValidationError | PermissionDenied) -> None:
    """Show a service's refusal on the form: on its field when the form has it."""
    if isinstance(error, PermissionDenied):
        form.add_error(None, str(error) or "Ngoài phạm vi được giao.")
        return
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return
    form.add_error(None, error.messages)


def province_of(user: Any) -> Any:
    return getattr(user, "scope_province", None)
