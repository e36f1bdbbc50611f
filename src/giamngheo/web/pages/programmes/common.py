"""Helpers shared by the programme pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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


def submitted[T](
    request: HttpRequest, form: forms.Form, call: Callable[[dict[str, Any]], T]
) -> T | None:
    """On a valid POST, the service's result for the form's data; ``None`` otherwise, with
    the service's refusal shown on the form (on the field it names)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return None


def edit_page[T](
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], T],
    *,
    done: Callable[[T], str],
    to: str,
    title: str,
    submit: str,
) -> HttpResponse:
    """A create or edit page: its title, the form, its button and a way back to the list
    ``to``. On a valid POST the service ``save`` runs: its result is announced (``done``) and
    the list shown again; a refusal is shown on the field it names and nothing is written."""
    if (made := submitted(request, form, save)) is not None:
        messages.success(request, done(made))
        return redirect(to)
    context = {"form": form, "title": title, "submit": submit, "back": reverse(to),
               "tabs": "web/programmes/_tabs.html"}  # fmt: skip
    return render(request, "web/form_page.html", context)


def visible_or_404[M: Model](rows: QuerySet[M], pk: int) -> M:
    """One row of a scoped selector; missing (404) when outside the reader's scope."""
    found = rows.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def can_manage(request: HttpRequest) -> bool:
    return scope_of(request.user).can(Capability.PROGRAMMES_MANAGE)


class ProjectChoice(forms.ModelChoiceField):
    """Projects named with their programme's code (a province may run several)."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.programme.code} · {obj}"


class SubProjectChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.project.programme.code} · {obj}"
