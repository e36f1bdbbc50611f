"""Programme → project → sub-project → budget line, per province and period.

Each write refuses, naming the field, what the database would refuse less readably (a number
or code used twice, a period ending before it starts, a negative amount) and what it cannot
check by itself (a budget year outside the programme's period, a sub-project of another
project, a period that leaves budget lines outside it).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Province
from giamngheo.apps.programmes.models import BudgetLine, Programme, Project, SubProject
from giamngheo.apps.programmes.scope import province_require
from giamngheo.apps.programmes.templates import QD90_PROGRAMME, QD90_PROJECTS

MANAGE = Capability.PROGRAMMES_MANAGE
PROGRAMME_FIELDS = ("code", "name", "legal_basis", "starts_year", "ends_year")


@transaction.atomic(durable=True)
def programme_create(*, actor: Any, province: Province, **fields: Any) -> Programme:
    province_require(actor, MANAGE, province)
    programme = Programme(province=province, **fields)
    _programme_check(programme)
    audited_save(instance=programme, summary=f"Tạo chương trình {programme.code}")
    return programme


@transaction.atomic(durable=True)
def programme_update(*, actor: Any, programme: Programme, **fields: Any) -> Programme:
    """Change the code, name, legal basis or period (not the province)."""
    province_require(actor, MANAGE, programme.province)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _assign(programme, fields, PROGRAMME_FIELDS)
    _programme_check(programme)
    audited_save(instance=programme, summary=f"Sửa chương trình {programme.code}")
    return programme


def _programme_check(programme: Programme) -> None:
    starts, ends = programme.starts_year, programme.ends_year
    if starts is not None and ends is not None and ends < starts:
        raise ValidationError({"ends_year": _(
            "Năm kết thúc phải bằng hoặc sau năm bắt đầu (%(year)s)."
        ) % {"year": programme.starts_year}})  # fmt: skip
    same_code = Programme.objects.filter(province_id=programme.province_id, code=programme.code)
    if same_code.exclude(pk=programme.pk).exists():
        raise ValidationError(
            {"code": _("Mã chương trình %(code)s đã có trong tỉnh.") % {"code": programme.code}}
        )
    if programme.pk is not None:
        _budget_within_period(programme)


def _budget_within_period(programme: Programme) -> None:
    lines = BudgetLine.objects.filter(project__programme=programme)
    for field, outside in (
        ("starts_year", lines.filter(year__lt=programme.starts_year)),
        ("ends_year", lines.filter(year__gt=programme.ends_year)),
    ):
        year = outside.values_list("year", flat=True).first()
        if year is not None:
            raise ValidationError({field: _(
                "Chương trình có kinh phí năm %(year)s, ngoài thời gian mới."
            ) % {"year": year}})  # fmt: skip


@transaction.atomic(durable=True)
def project_add(*, actor: Any, programme: Programme, number: int, name: str) -> Project:
    province_require(actor, MANAGE, programme.province)
    project = Project(programme=programme, number=number, name=name)
    _project_check(project)
    audited_save(instance=project, summary=f"Thêm dự án {number} vào {programme.code}")
    return project


@transaction.atomic(durable=True)
def project_update(*, actor: Any, project: Project, number: int, name: str) -> Project:
    """Renumber or rename a project (it stays in its programme)."""
    province_require(actor, MANAGE, project.programme.province)
    project = Project.objects.select_for_update().select_related("programme").get(pk=project.pk)
    project.number, project.name = number, name
    _project_check(project)
    audited_save(instance=project, summary=f"Sửa dự án {number} của {project.programme.code}")
    return project


def _project_check(project: Project) -> None:
    taken = Project.objects.filter(programme_id=project.programme_id, number=project.number)
    if taken.exclude(pk=project.pk).exists():
        raise ValidationError({"number": _(
            "Dự án số %(number)s đã có trong chương trình %(code)s."
        ) % {"number": project.number, "code": project.programme.code}})  # fmt: skip


@transaction.atomic(durable=True)
def sub_project_add(*, actor: Any, project: Project, number: int, name: str) -> SubProject:
    province_require(actor, MANAGE, project.programme.province)
    sub = SubProject(project=project, number=number, name=name)
    _sub_project_check(sub)
    audited_save(instance=sub, summary=f"Thêm tiểu dự án {project.number}.{number}")
    return sub


@transaction.atomic(durable=True)
def sub_project_update(
    *, actor: Any, sub_project: SubProject, number: int, name: str
) -> SubProject:
    """Renumber or rename a sub-project (it stays in its project)."""
    province_require(actor, MANAGE, sub_project.project.programme.province)
    rows = SubProject.objects.select_for_update().select_related("project__programme")
    sub = rows.get(pk=sub_project.pk)
    sub.number, sub.name = number, name
    _sub_project_check(sub)
    audited_save(instance=sub, summary=f"Sửa tiểu dự án {sub.project.number}.{number}")
    return sub


def _sub_project_check(sub: SubProject) -> None:
    taken = SubProject.objects.filter(project_id=sub.project_id, number=sub.number)
    if taken.exclude(pk=sub.pk).exists():
        raise ValidationError({"number": _(
            "Tiểu dự án số %(number)s đã có trong dự án %(project)s."
        ) % {"number": sub.number, "project": sub.project.number}})  # fmt: skip


@transaction.atomic(durable=True)
def budget_line_add(
    *,
    actor: Any,
    project: Project,
    year: int,
    source: str,
    amount_vnd: int,
    sub_project: SubProject | None = None,
) -> BudgetLine:
    province_require(actor, MANAGE, project.programme.province)
    line = BudgetLine(
        project=project, sub_project=sub_project, year=year, source=source, amount_vnd=amount_vnd
    )
    _budget_line_check(line)
    audited_save(instance=line, summary=f"Kinh phí {year} dự án {project.number}")
    return line


@transaction.atomic(durable=True)
def budget_line_update(
    *,
    actor: Any,
    line: BudgetLine,
    project: Project,
    year: int,
    source: str,
    amount_vnd: int,
    sub_project: SubProject | None = None,
) -> BudgetLine:
    """Correct a budget line; it may move to another project of the province's programmes."""
    province_require(actor, MANAGE, line.project.programme.province)
    province_require(actor, MANAGE, project.programme.province)
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    line.project, line.sub_project = project, sub_project
    line.year, line.source, line.amount_vnd = year, source, amount_vnd
    _budget_line_check(line)
    audited_save(instance=line, summary=f"Sửa kinh phí {year} dự án {project.number}")
    return line


def _budget_line_check(line: BudgetLine) -> None:
    programme = line.project.programme
    if line.sub_project is not None and line.sub_project.project_id != line.project.pk:
        raise ValidationError({"sub_project": _("Tiểu dự án không thuộc dự án này.")})
    if line.amount_vnd is None or line.amount_vnd < 0:
        raise ValidationError({"amount_vnd": _("Số tiền phải từ 0 đồng trở lên.")})
    start, end = programme.starts_year, programme.ends_year
    if not start <= line.year <= end:
        raise ValidationError({"year": _(
            "Năm %(year)s ngoài thời gian của chương trình (%(start)s–%(end)s)."
        ) % {"year": line.year, "start": start, "end": end}})  # fmt: skip


def _assign(instance: Any, fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Không sửa được: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(instance, name, value)


@transaction.atomic(durable=True)
def programme_template_load(*, actor: Any, province: Province) -> Programme:
    """Copy QĐ90's programme with its 7 projects and their sub-projects into the province."""
    province_require(actor, MANAGE, province)
    programme = Programme(province=province, **QD90_PROGRAMME)
    _programme_check(programme)
    audited_save(instance=programme, summary="Nạp mẫu chương trình theo QĐ 90/QĐ-TTg")
    for number, (name, subs) in enumerate(QD90_PROJECTS, start=1):
        project = Project(programme=programme, number=number, name=name)
        audited_save(instance=project, summary=f"Dự án {number} (mẫu QĐ90)")
        for sub_number, sub_name in enumerate(subs, start=1):
            sub = SubProject(project=project, number=sub_number, name=sub_name)
            audited_save(instance=sub, summary=f"Tiểu dự án {number}.{sub_number} (mẫu QĐ90)")
    return programme
