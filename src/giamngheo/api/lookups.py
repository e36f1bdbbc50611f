"""Turning the codes an API client sends into records, and the few reads the apps do not yet
offer as selectors (administrative units are public reference data, not scoped).

An unknown code is an invalid input (422, naming the field), not a missing page.
"""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.models import ApiToken, User
from giamngheo.apps.geo.models import Commune, Province, Village


def province_by_code(code: str, *, field: str = "province_code") -> Province:
    try:
        return Province.objects.get(code=code)
    except Province.DoesNotExist:
        raise _unknown(field, code) from None


def commune_by_code(code: str, *, field: str = "commune_code") -> Commune:
    try:
        return Commune.objects.select_related("province").get(code=code)
    except Commune.DoesNotExist:
        raise _unknown(field, code) from None


def village_by_code(code: str, *, field: str = "village_code") -> Village:
    try:
        return Village.objects.select_related("commune__province").get(code=code)
    except Village.DoesNotExist:
        raise _unknown(field, code) from None


def provinces_all() -> QuerySet[Province]:
    return Province.objects.order_by("code")


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The user's own API tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def _unknown(field: str, code: str) -> ValidationError:
    return ValidationError({field: [_("Không có đơn vị mã %(code)s.") % {"code": code}]})
