"""The navigation bar, and the tabs of the programme pages: only the pages the signed-in
user's role may open."""

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

PROGRAMME_TABS = (
    NavItem(label=_("Chương trình"), url_name="web:programmes", needs=Capability.REGISTRY_VIEW),
    NavItem(
        label=_("Dự án, tiểu dự án"),
        url_name="web:programmes-structure",
        needs=Capability.REGISTRY_VIEW,
    ),
    NavItem(label=_("Kinh phí"), url_name="web:programmes-budget", needs=Capability.REGISTRY_VIEW),
    NavItem(
        label=_("Mô hình sinh kế"),
        url_name="web:programmes-livelihood",
        needs=Capability.REGISTRY_VIEW,
    ),
    NavItem(
        label=_("Ghi danh"), url_name="web:programmes-enrolment", needs=Capability.PROGRAMMES_MANAGE
    ),
    NavItem(
        label=_("Hỗ trợ đã trao"),
        url_name="web:programmes-support",
        needs=Capability.SUPPORT_RECORD,
    ),
    NavItem(
        label=_("Đợt vận động"), url_name="web:programmes-campaigns", needs=Capability.REGISTRY_VIEW
    ),
    NavItem(label=_("Nhà ở"), url_name="web:programmes-housing", needs=Capability.REGISTRY_VIEW),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context: ``nav`` (items the user may open), ``scope_text`` and, on the
    programme pages, ``programme_tabs``."""
    user = request.user
    if not user.is_authenticated:
        return {"nav": [], "scope_text": "", "programme_tabs": []}
    scope = scope_of(user)
    items = [
        {"label": item.label, "url": reverse(item.url_name),
         "active": request.path.startswith(reverse(item.url_name))}
        for item in NAV_ITEMS
        if _allowed(item, scope)
    ]  # fmt: skip
    tabs = _tabs(request, scope) if request.path.startswith(reverse("web:programmes")) else []
    return {"nav": items, "scope_text": _scope_text(user), "programme_tabs": tabs}


def _tabs(request: HttpRequest, scope: Scope) -> list[dict[str, Any]]:
    """The programme tabs the user may open; the current one is the longest that leads to
    the page (the first tab leads to every programme page)."""
    urls = [(item, reverse(item.url_name)) for item in PROGRAMME_TABS if _allowed(item, scope)]
    current = max((url for _item, url in urls if request.path.startswith(url)), key=len, default="")
    return [{"label": item.label, "url": url, "active": url == current} for item, url in urls]


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
