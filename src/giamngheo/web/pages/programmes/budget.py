"""Budget lines: the money planned for a project or sub-project in a year, by source. The list
(everyone who sees programmes, filtered by programme and year) and the create and edit pages
(provincial officers)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.choices import FundSource
from giamngheo.apps.programmes.models import BudgetLine, Programme, Project, SubProject
from giamngheo.apps.programmes.selectors import (
    budget_lines_visible,
    programmes_visible,
    projects_visible,
    sub_projects_visible,
)
from giamngheo.apps.programmes.services import budget_line_add, budget_line_update
from giamngheo.web.pages.programmes.common import (
    ProjectChoice,
    SubProjectChoice,
    can_manage,
    edit_page,
    require,
    visible_or_404,
)

LIST = "web:programmes-budget"
LINE_FIELDS = ("project", "sub_project", "year", "source", "amount_vnd")


class BudgetLineForm(forms.Form):
    project = ProjectChoice(label=_("Dự án"), queryset=Project.objects.none())
    sub_project = SubProjectChoice(
        label=_("Tiểu dự án"), queryset=SubProject.objects.none(), required=False,
        empty_label=_("Cả dự án (không theo tiểu dự án)"),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    source = forms.ChoiceField(label=_("Nguồn vốn"), choices=FundSource.choices)
    # No min_value: the service refuses a negative amount with its own message.
    amount_vnd = forms.IntegerField(label=_("Số tiền (đồng)"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects_visible(user=user)  # type: ignore[attr-defined]
        subs = sub_projects_visible(user=user)
        self.fields["sub_project"].queryset = subs  # type: ignore[attr-defined]


class BudgetFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Chương trình"), queryset=Programme.objects.none(), required=False,
        empty_label=_("Mọi chương trình"),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes_visible(user=user)  # type: ignore[attr-defined]


@login_required
def budget_list(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    filters = BudgetFilterForm(request.GET or None, user=request.user)
    lines = budget_lines_visible(user=request.user)
    if filters.is_bound and filters.is_valid():
        if programme := filters.cleaned_data["programme"]:
            lines = lines.filter(project__programme=programme)
        if year := filters.cleaned_data["year"]:
            lines = lines.filter(year=year)
    lines = lines.order_by("project__programme__code", "project__number", "sub_project__number",
                           "year", "source")  # fmt: skip
    context = {
        "filters": filters, "lines": lines, "can_manage": can_manage(request),
        "total": lines.aggregate(total=Sum("amount_vnd"))["total"] or 0,
    }  # fmt: skip
    return render(request, "web/programmes/budget.html", context)


@login_required
def budget_line_new(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    return edit_page(
        request, BudgetLineForm(request.POST or None, user=request.user),
        lambda d: budget_line_add(actor=request.user, **d),
        done=lambda made: _g("Đã thêm kinh phí năm %(year)s.") % {"year": made.year},
        to=LIST, title=_g("Thêm kinh phí"), submit=_g("Thêm kinh phí"),
    )  # fmt: skip


@login_required
def budget_line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    line: BudgetLine = visible_or_404(budget_lines_visible(user=request.user), pk)
    initial = {f: getattr(line, f) for f in LINE_FIELDS}
    title = _g("Sửa kinh phí năm %(year)s, dự án %(project)s") % {
        "year": line.year, "project": line.project.number,
    }  # fmt: skip
    return edit_page(
        request, BudgetLineForm(request.POST or None, user=request.user, initial=initial),
        lambda d: budget_line_update(actor=request.user, line=line, **d),
        done=lambda made: _g("Đã lưu kinh phí năm %(year)s.") % {"year": made.year},
        to=LIST, title=title, submit=_g("Lưu"),
    )  # fmt: skip
