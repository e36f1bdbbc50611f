"""Reading administrative units."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db.models import QuerySet

from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter
from giamngheo.apps.geo.models import Commune, Province, Village


def province_find(name_or_code: str) -> Province:
    """A province by code ("20") or name, with or without "Tỉnh"/"Thành phố" and diacritics."""
    if name_or_code.isdigit():
        return Province.objects.get(code=f"{int(name_or_code):02d}")
    wanted = _fold(name_or_code)
    matches = [p for p in Province.objects.all() if _fold(p.name).endswith(wanted)]
    if len(matches) != 1:
        raise Province.DoesNotExist(f"Không tìm thấy tỉnh '{name_or_code}'")
    return matches[0]


def communes_of_province(province: Province) -> QuerySet[Commune]:
    return Commune.objects.filter(province=province).order_by("code")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def communes_visible(*, user: Any) -> QuerySet[Commune]:
    """Communes inside the user's scope (a village head: the commune of their village)."""
    paths = UnitPaths(province="province_id", commune="id", village=None)
    return scope_filter(Commune.objects.all(), user, paths).order_by("name")


def villages_visible(*, user: Any) -> QuerySet[Village]:
    paths = UnitPaths(province="commune__province_id", commune="commune_id", village="id")
    return scope_filter(Village.objects.all(), user, paths).order_by("name")
