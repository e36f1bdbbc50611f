"""The navigation bar: only the pages the signed-in user's role may open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability, Role, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, scope_of


@dataclass(frozen=True, slots=True, kw_only=True)
class NavItem:
    label: str | Promise
    url_name: str
    needs: Capability | tuple[Capability, ...] | None = None  # any of them; None: everyone


NAV_ITEMS = (
    NavItem(
        label=_("Theo dõi, đánh giá"),
        url_name="web:monitoring",
        needs=(Capability.REGISTRY_VIEW, Capability.AUDIT_VIEW),
    ),
    NavItem(label=_("Hộ gia đình"), url_name="web:households", needs=Capability.REGISTRY_VIEW),
    NavItem(label=_("Rà soát"), url_name="web:review-campaigns", needs=Capability.REGISTRY_VIEW),
    NavItem(
        label=_("Chương trình, hỗ trợ"), url_name="web:programmes", needs=Capability.REGISTRY_VIEW
    ),
    NavItem(
        label=_("Nguồn vốn"),
        url_name="web:funds",
        needs=(Capability.FUNDS_RECORD, Capability.AUDIT_VIEW),
    ),
    NavItem(label=_("Đối soát"), url_name="web:linkage", needs=Capability.REGISTRY_VIEW),
    NavItem(label=_("Phân loại hộ"), url_name="web:classification", needs=Capability.CLASSIFY_RUN),
    NavItem(label=_("Chuẩn nghèo"), url_name="web:standards"),
    NavItem(label=_("Nhật ký thay đổi"), url_name="web:audit", needs=Capability.AUDIT_VIEW),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context: ``nav`` (items the user may open) and ``scope_text``."""
    user = request.user
    if not user.is_authenticated:
        return {"nav": [], "scope_text": ""}
    scope = scope_of(user)
    items = [
        {"label": item.label, "url": reverse(item.url_name),
         "active": request.path.startswith(reverse(item.url_name))}
        for item in NAV_ITEMS
        if _allowed(item, scope)
    ]  # fmt: skip
    return {"nav": items, "scope_text": _scope_text(user)}


def _allowed(item: NavItem, scope: Scope) -> bool:
    if item.needs is None:
        return True
    needs = item.needs if isinstance(item.needs, tuple) else (item.needs,)
    return any(scope.can(n) for n in needs)


def _scope_text(user: Any) -> str:
    role = (
        Role(user.role).label
        if user.role
        else (_("Quản trị hệ thống") if user.is_superuser else "")
    )
    unit = user.scope_village or user.scope_commune or user.scope_province
    where = unit.name if unit is not None else ScopeLevel.COUNTRY.label
    return f"{role} · {where}"
