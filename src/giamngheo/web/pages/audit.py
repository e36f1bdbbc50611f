"""The audit trail page: filters, paging, only events inside the reader's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.selectors import AuditFilter, audit_changes_for, audit_events
from giamngheo.web.tables import Column, table_build, table_query, table_render

COLUMNS = [
    Column(label=_("Thời điểm")),
    Column(label=_("Người thực hiện")),
    Column(label=_("Thao tác")),
    Column(label=_("Đối tượng")),
    Column(label=_("Đơn vị")),
    Column(label=_("Nội dung")),
]
TARGET_TYPES = [
    ("registry.household", _("Hộ gia đình")),
    ("registry.member", _("Nhân khẩu")),
    ("registry.survey", _("Phiếu rà soát")),
    ("standards.surveyclassification", _("Kết quả phân loại")),
    ("accounts.user", _("Người dùng")),
]


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not scope_of(request.user).can(Capability.AUDIT_VIEW):
        raise Http404
    where = _filter(request)
    query = table_query(request, default_sort="-at")
    events = audit_events(user=request.user, where=where)
    table = table_build(
        rows=events, columns=COLUMNS, query=query, row_template="web/partials/audit_row.html"
    )
    for event in table.page:
        event.visible_changes = audit_changes_for(user=request.user, event=event)
    context: dict[str, Any] = {
        "where": where,
        "actions": AuditAction.choices,
        "target_types": TARGET_TYPES,
    }
    return table_render(request, "web/audit.html", table=table, context=context)


def _filter(request: HttpRequest) -> AuditFilter:
    data = request.POST if request.method == "POST" else request.GET
    return AuditFilter(
        target_type=data.get("target_type", "")[:64],
        target_id=data.get("target_id", "")[:64],
        action=data.get("action", "")[:16],
        since=_date(data.get("since", "")),
        until=_date(data.get("until", "")),
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
