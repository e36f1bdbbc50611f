"""Importing another giver's list. A rejected file (all or nothing) shows its first problems
and offers them all as a workbook (row, column, reason); the problems wait in the session, so
neither the file nor its cells are kept or put in a URL."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.geo.selectors import communes_visible
from giamngheo.apps.linkage.exports import problems_xlsx
from giamngheo.apps.linkage.imports import ListRejectedError, Problem, rows_parse
from giamngheo.apps.linkage.models import ListKind
from giamngheo.apps.linkage.selectors import lists_visible
from giamngheo.apps.linkage.services import ListHeader, list_import, list_import_check
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.web.pages.linkage.queue import message_of
from giamngheo.web.pages.linkage.reports import xlsx_response
from giamngheo.web.pages.programmes.common import require

PROBLEMS = "linkage-list-problems"  # session key
PROBLEMS_SHOWN = 20


class ListForm(forms.Form):
    name = forms.CharField(label=_("Tên danh sách"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại danh sách"), choices=ListKind.choices)
    giver = forms.CharField(label=_("Bên hỗ trợ"), max_length=200)
    support_type = forms.ChoiceField(label=_("Loại hỗ trợ"), choices=SupportType.choices)
    commune: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Xã, phường"), queryset=Commune.objects.none()
    )
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"))
    file = forms.FileField(label=_("Tệp danh sách (CSV hoặc Excel)"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_visible(user=user)  # type: ignore[attr-defined]


@login_required
def lists_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    form = ListForm(request.POST or None, request.FILES or None, user=request.user)
    can_import = scope_of(request.user).can(Capability.SUPPORT_RECORD)
    rejected: ListRejectedError | None = None
    if request.method == "POST" and can_import and form.is_valid():
        try:
            _import(request, form)
        except ListRejectedError as error:
            rejected = _problems_keep(request, error, form.cleaned_data["file"].name)
            form.add_error(None, error.messages[0])
        except (PermissionDenied, ValidationError) as error:
            form.add_error(None, message_of(error))
        else:
            return redirect("web:linkage-lists")
    context = {
        "form": form, "lists": lists_visible(user=request.user)[:50], "can_import": can_import,
        "problems": rejected.problems[:PROBLEMS_SHOWN] if rejected else [],
        "problem_total": rejected.total if rejected else 0,
    }  # fmt: skip
    return render(request, "web/linkage/lists.html", context)


def _import(request: HttpRequest, form: ListForm) -> None:
    data = form.cleaned_data
    header = ListHeader(
        province=data["commune"].province, commune=data["commune"], name=data["name"],
        kind=data["kind"], giver=data["giver"], support_type=data["support_type"],
        starts_on=data["starts_on"], ends_on=data["ends_on"],
    )  # fmt: skip
    list_import_check(actor=request.user, header=header)
    rows = rows_parse(data["file"].read(), data["file"].name)
    imported = list_import(actor=request.user, header=header, rows=rows)
    request.session.pop(PROBLEMS, None)
    messages.success(request, str(_("Đã nhập %(n)s dòng.") % {"n": imported.rows}))


def _problems_keep(
    request: HttpRequest, rejected: ListRejectedError, filename: str
) -> ListRejectedError:
    rows = [[p.row, p.column, p.reason] for p in rejected.problems]
    request.session[PROBLEMS] = {"file": filename[:100], "total": rejected.total, "rows": rows}
    return rejected


@require_safe
@login_required
def problems_page(request: HttpRequest) -> HttpResponse:
    """The problems of the last rejected import, as a workbook."""
    require(request, Capability.SUPPORT_RECORD)
    kept = request.session.get(PROBLEMS)
    if not kept:
        raise Http404
    problems = [Problem(row=row, column=column, reason=reason)
                for row, column, reason in kept["rows"]]  # fmt: skip
    content = problems_xlsx(problems, total=kept["total"], filename=kept["file"])
    return xlsx_response(content, "loi-nhap-danh-sach.xlsx")
