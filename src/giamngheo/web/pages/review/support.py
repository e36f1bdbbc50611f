"""Helpers of the review pages: run a service and show its refusal on the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404


def attempt(form: forms.Form, call: Callable[[], Any]) -> bool:
    """Call the service; a refusal becomes the form's error (nothing was saved)."""
    try:
        call()
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
        return False
    except PermissionDenied as error:
        form.add_error(None, str(error))
        return False
    return True


def found[T](read: Callable[[], T]) -> T:
    """The record, or 404 when it is missing or outside the reader's scope."""
    try:
        return read()
    except ObjectDoesNotExist:
        raise Http404 from None
