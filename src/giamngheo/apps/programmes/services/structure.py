"""Programme → project → sub-project → budget line, per province and period."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Province
from giamngheo.apps.programmes.models import BudgetLine, Programme, Project, SubProject
from giamngheo.apps.programmes.scope import province_require
from giamngheo.apps.programmes.templates import QD90_PROGRAMME, QD90_PROJECTS

MANAGE = Capability.PROGRAMMES_MANAGE


@transaction.atomic(durable=True)
def programme_create(*, actor: Any, province: Province, **fields: Any) -> Programme:
    province_require(actor, MANAGE, province)
    programme = Programme(province=province, **fields)
    audited_save(instance=programme, summary=f"Tạo chương trình {programme.code}")
    return programme


@transaction.atomic(durable=True)
def project_add(*, actor: Any, programme: Programme, number: int, name: str) -> Project:
    province_require(actor, MANAGE, programme.province)
    project = Project(programme=programme, number=number, name=name)
    audited_save(instance=project, summary=f"Thêm dự án {number} vào {programme.code}")
    return project


@transaction.atomic(durable=True)
def sub_project_add(*, actor: Any, project: Project, number: int, name: str) -> SubProject:
    province_require(actor, MANAGE, project.programme.province)
    sub = SubProject(project=project, number=number, name=name)
    audited_save(instance=sub, summary=f"Thêm tiểu dự án {project.number}.{number}")
    return sub


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
    if sub_project is not None and sub_project.project_id != project.pk:
        from django.core.exceptions import ValidationError

        raise ValidationError({"sub_project": "Tiểu dự án không thuộc dự án này."})
    audited_save(instance=line, summary=f"Kinh phí {year} dự án {project.number}")
    return line


@transaction.atomic(durable=True)
def programme_template_load(*, actor: Any, province: Province) -> Programme:
    """Copy QĐ90's programme with its 7 projects and their sub-projects into the province."""
    province_require(actor, MANAGE, province)
    programme = Programme(province=province, **QD90_PROGRAMME)
    audited_save(instance=programme, summary="Nạp mẫu chương trình theo QĐ 90/QĐ-TTg")
    for number, (name, subs) in enumerate(QD90_PROJECTS, start=1):
        project = Project(programme=programme, number=number, name=name)
        audited_save(instance=project, summary=f"Dự án {number} (mẫu QĐ90)")
        for sub_number, sub_name in enumerate(subs, start=1):
            sub = SubProject(project=project, number=sub_number, name=sub_name)
            audited_save(instance=sub, summary=f"Tiểu dự án {number}.{sub_number} (mẫu QĐ90)")
    return programme
