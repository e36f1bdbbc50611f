"""Programmes, their projects and sub-projects: the list (everyone who sees programmes) and the
create and edit pages (provincial officers). The services check scope and numbering; a
refusal is shown on the field it names and nothing is written."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.models import Programme, Project, SubProject
from giamngheo.apps.programmes.selectors import (
    programme_structures,
    programmes_visible,
    projects_visible,
    sub_projects_visible,
)
from giamngheo.apps.programmes.services import (
    programme_create,
    programme_update,
    project_add,
    project_update,
    sub_project_add,
    sub_project_update,
)
from giamngheo.web.pages.programmes.common import (
    can_manage,
    edit_page,
    province_of,
    require,
    visible_or_404,
)

MANAGE = Capability.PROGRAMMES_MANAGE
LIST = "web:programmes-structure"


class ProgrammeForm(forms.Form):
    code = forms.SlugField(label=_("Mã chương trình"), max_length=32)
    name = forms.CharField(label=_("Tên chương trình"), max_length=255)
    legal_basis = forms.CharField(label=_("Căn cứ pháp lý"), max_length=255, required=False)
    starts_year = forms.IntegerField(label=_("Từ năm"), min_value=2000, max_value=2100)
    ends_year = forms.IntegerField(label=_("Đến năm"), min_value=2000, max_value=2100)


class ProjectForm(forms.Form):
    number = forms.IntegerField(label=_("Số dự án"), min_value=1, max_value=99)
    name = forms.CharField(label=_("Tên dự án"), max_length=255)


class SubProjectForm(forms.Form):
    number = forms.IntegerField(label=_("Số tiểu dự án"), min_value=1, max_value=99)
    name = forms.CharField(label=_("Tên tiểu dự án"), max_length=255)


@login_required
def structure_list(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    context = {
        "structures": programme_structures(user=request.user),
        "can_manage": can_manage(request),
    }
    return render(request, "web/programmes/structure.html", context)


@login_required
def programme_new(request: HttpRequest) -> HttpResponse:
    require(request, MANAGE)
    form = ProgrammeForm(request.POST or None)
    province = province_of(request.user)
    if province is None and request.method == "POST":
        form.add_error(None, _g("Chỉ cán bộ cấp tỉnh làm được việc này."))
    return edit_page(
        request, form, lambda d: programme_create(actor=request.user, province=province, **d),
        done=lambda made: _g("Đã tạo chương trình %(code)s.") % {"code": made.code},
        to=LIST, title=_g("Tạo chương trình"), submit=_g("Tạo chương trình"),
    )  # fmt: skip


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, MANAGE)
    programme: Programme = visible_or_404(programmes_visible(user=request.user), pk)
    initial = {f: getattr(programme, f) for f in ProgrammeForm.base_fields}
    return edit_page(
        request, ProgrammeForm(request.POST or None, initial=initial),
        lambda d: programme_update(actor=request.user, programme=programme, **d),
        done=lambda made: _g("Đã lưu chương trình %(code)s.") % {"code": made.code},
        to=LIST, title=_g("Sửa chương trình %(code)s") % {"code": programme.code},
        submit=_g("Lưu"),
    )  # fmt: skip


@login_required
def project_new(request: HttpRequest, programme_pk: int) -> HttpResponse:
    require(request, MANAGE)
    programme: Programme = visible_or_404(programmes_visible(user=request.user), programme_pk)
    return edit_page(
        request, ProjectForm(request.POST or None, initial={"number": _next(programme.projects)}),
        lambda d: project_add(actor=request.user, programme=programme, **d),
        done=lambda made: _g("Đã thêm dự án %(n)s.") % {"n": made.number},
        to=LIST, title=_g("Thêm dự án vào %(programme)s") % {"programme": programme.name},
        submit=_g("Thêm dự án"),
    )  # fmt: skip


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, MANAGE)
    project: Project = visible_or_404(projects_visible(user=request.user), pk)
    return edit_page(
        request, ProjectForm(request.POST or None, initial=_numbered(project)),
        lambda d: project_update(actor=request.user, project=project, **d),
        done=lambda made: _g("Đã lưu dự án %(n)s.") % {"n": made.number},
        to=LIST, title=_g("Sửa dự án %(project)s") % {"project": project}, submit=_g("Lưu"),
    )  # fmt: skip


@login_required
def sub_project_new(request: HttpRequest, project_pk: int) -> HttpResponse:
    require(request, MANAGE)
    project: Project = visible_or_404(projects_visible(user=request.user), project_pk)
    initial = {"number": _next(project.sub_projects)}
    return edit_page(
        request, SubProjectForm(request.POST or None, initial=initial),
        lambda d: sub_project_add(actor=request.user, project=project, **d),
        done=lambda made: _g("Đã thêm tiểu dự án %(n)s.") % {"n": _sub_number(made)},
        to=LIST, title=_g("Thêm tiểu dự án vào dự án %(project)s") % {"project": project},
        submit=_g("Thêm tiểu dự án"),
    )  # fmt: skip


@login_required
def sub_project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, MANAGE)
    sub: SubProject = visible_or_404(sub_projects_visible(user=request.user), pk)
    return edit_page(
        request, SubProjectForm(request.POST or None, initial=_numbered(sub)),
        lambda d: sub_project_update(actor=request.user, sub_project=sub, **d),
        done=lambda made: _g("Đã lưu tiểu dự án %(n)s.") % {"n": _sub_number(made)},
        to=LIST, title=_g("Sửa tiểu dự án %(sub)s") % {"sub": sub}, submit=_g("Lưu"),
    )  # fmt: skip


def _sub_number(sub: SubProject) -> str:
    return f"{sub.project.number}.{sub.number}"


def _numbered(item: Project | SubProject) -> dict[str, Any]:
    return {"number": item.number, "name": item.name}


def _next(rows: Any) -> int:
    """The number after the last one used (1 for the first)."""
    return max((r.number for r in rows.all()), default=0) + 1
