"""Editing the programme structure: programmes, projects, sub-projects, budget lines and
livelihood models. Every change is audited with its old → new values; a refusal names its
field and writes nothing; officers of other provinces and other roles are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from tests.apps.programmes.programmes_support import (
    HOME,
    NEIGHBOUR,
    commune_officer,
    household,
    officer,
    qd90,
)
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditAction, AuditEvent
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.models import BudgetLine, LivelihoodModel, Programme
from giamngheo.apps.programmes.selectors import (
    budget_lines_visible,
    livelihood_models_visible,
    programme_structures,
)
from giamngheo.apps.programmes.services import (
    budget_line_add,
    budget_line_update,
    livelihood_model_create,
    livelihood_model_update,
    programme_create,
    programme_template_load,
    programme_update,
    project_add,
    project_update,
    sub_project_add,
    sub_project_update,
    support_record,
)

pytestmark = pytest.mark.django_db
__all__ = ["officer", "qd90"]  # fixtures from programmes_support
M = 1_000_000


def _refused(error: pytest.ExceptionInfo[ValidationError], field: str, text: str) -> None:
    assert list(error.value.message_dict) == [field]
    assert text in error.value.message_dict[field][0]


def _last_update(target_type: str) -> AuditEvent:
    event = AuditEvent.objects.filter(target_type=target_type).order_by("-id").first()
    assert event is not None
    assert event.action == AuditAction.UPDATE
    return event


def test_a_programme_is_created_and_edited_with_its_period_checked(officer: User) -> None:
    made = programme_create(
        actor=officer, province=officer.scope_province, code="ntp-2026", name="CTMTQG 2026–2030",
        starts_year=2026, ends_year=2030,
    )  # fmt: skip
    programme_update(actor=officer, programme=made, name="CTMTQG giai đoạn 2026–2030")
    assert _last_update("programmes.programme").changes["name"] == [
        "CTMTQG 2026–2030", "CTMTQG giai đoạn 2026–2030"
    ]  # fmt: skip
    with pytest.raises(ValidationError) as error:
        programme_update(actor=officer, programme=made, starts_year=2031)
    _refused(error, "ends_year", "Năm kết thúc phải bằng hoặc sau năm bắt đầu (2031)")
    with pytest.raises(ValidationError) as error:
        programme_create(actor=officer, province=officer.scope_province, code="ntp-2026",
                         name="Trùng mã", starts_year=2026, ends_year=2030)  # fmt: skip
    _refused(error, "code", "Mã chương trình ntp-2026 đã có trong tỉnh")
    assert Programme.objects.get(pk=made.pk).starts_year == 2026


def test_a_period_may_not_leave_budget_lines_outside_it(officer: User, qd90: Programme) -> None:
    project = qd90.projects.get(number=5)
    budget_line_add(actor=officer, project=project, year=2025, source="central", amount_vnd=M)
    with pytest.raises(ValidationError) as error:
        programme_update(actor=officer, programme=qd90, ends_year=2024)
    _refused(error, "ends_year", "kinh phí năm 2025")


def test_projects_and_sub_projects_are_renumbered_and_renamed(
    officer: User, qd90: Programme
) -> None:
    project = project_add(actor=officer, programme=qd90, number=8, name="Dự án của tỉnh")
    sub = sub_project_add(actor=officer, project=project, number=1, name="Tiểu dự án 1")
    project_update(actor=officer, project=project, number=9, name="Dự án riêng của tỉnh")
    assert _last_update("programmes.project").changes == {
        "number": [8, 9], "name": ["Dự án của tỉnh", "Dự án riêng của tỉnh"]
    }  # fmt: skip
    sub_project_update(actor=officer, sub_project=sub, number=2, name="Tiểu dự án 2")
    assert _last_update("programmes.subproject").changes["number"] == [1, 2]
    with pytest.raises(ValidationError) as error:
        project_update(actor=officer, project=project, number=3, name="Trùng số")
    _refused(error, "number", "Dự án số 3 đã có trong chương trình ntp-giam-ngheo-2021-2025")
    second = sub_project_add(actor=officer, project=project, number=3, name="Tiểu dự án 3")
    with pytest.raises(ValidationError) as error:
        sub_project_update(actor=officer, sub_project=second, number=2, name="Trùng số")
    _refused(error, "number", "Tiểu dự án số 2 đã có trong dự án 9")
    project.refresh_from_db()
    assert (project.number, project.name) == (9, "Dự án riêng của tỉnh")


def test_budget_lines_are_checked_and_corrected(officer: User, qd90: Programme) -> None:
    housing, production = qd90.projects.get(number=5), qd90.projects.get(number=3)
    line = budget_line_add(actor=officer, project=housing, year=2024, source="central",
                           amount_vnd=120 * M)  # fmt: skip
    for fields, field, text in (
        ({"year": 2026}, "year", "Năm 2026 ngoài thời gian của chương trình (2021–2025)"),
        ({"amount_vnd": -1}, "amount_vnd", "Số tiền phải từ 0 đồng trở lên"),
        ({"sub_project": production.sub_projects.first()}, "sub_project", "không thuộc dự án"),
    ):
        with pytest.raises(ValidationError) as error:
            budget_line_update(**_line(officer, line) | fields)
        _refused(error, field, text)
    nutrition = production.sub_projects.get(number=2)
    budget_line_update(**_line(officer, line) | {"project": production, "sub_project": nutrition,
                                                 "amount_vnd": 80 * M})  # fmt: skip
    changes = _last_update("programmes.budgetline").changes
    assert changes["amount_vnd"] == [120 * M, 80 * M]
    assert changes["project_id"] == [housing.pk, production.pk]
    rows = {r.number: r.planned_vnd for s in programme_structures(user=officer) for r in s.rows}
    assert (rows["3"], rows["3.2"], rows["5"]) == (80 * M, 80 * M, 0)


def _line(officer: User, line: BudgetLine) -> dict[str, object]:
    return {"actor": officer, "line": line, "project": line.project, "year": line.year,
            "source": line.source, "amount_vnd": line.amount_vnd,
            "sub_project": line.sub_project}  # fmt: skip


def test_livelihood_models_are_created_and_moved_within_the_province(
    officer: User, qd90: Programme
) -> None:
    home, neighbour = Commune.objects.get(code=HOME), Commune.objects.get(code=NEIGHBOUR)
    bees = livelihood_model_create(actor=officer, commune=home, kind="bees", name="Nuôi ong",
                                   started_on=dt.date(2024, 3, 1))  # fmt: skip
    sub = qd90.projects.get(number=3).sub_projects.first()
    livelihood_model_update(actor=officer, model=bees, commune=neighbour, sub_project=sub)
    changes = _last_update("programmes.livelihoodmodel").changes
    assert changes["commune_id"] == [home.pk, neighbour.pk]
    assert list(livelihood_models_visible(user=commune_officer(NEIGHBOUR))) == [bees]
    far = Commune.objects.exclude(province=home.province).first()
    assert far is not None
    with pytest.raises(PermissionDenied):
        livelihood_model_update(actor=officer, model=bees, commune=far)
    assert LivelihoodModel.objects.get(pk=bees.pk).commune == neighbour


def test_a_livelihood_model_may_not_name_another_provinces_sub_project(
    officer: User, qd90: Programme
) -> None:
    elsewhere = _officer_elsewhere()
    theirs = programme_template_load(actor=elsewhere, province=elsewhere.scope_province)
    with pytest.raises(ValidationError) as error:
        livelihood_model_create(
            actor=officer, commune=Commune.objects.get(code=HOME), kind="bees", name="Nuôi ong",
            started_on=dt.date(2024, 3, 1),
            sub_project=theirs.projects.get(number=3).sub_projects.first(),
        )  # fmt: skip
    _refused(error, "sub_project", "Tiểu dự án thuộc chương trình của tỉnh khác")
    assert not LivelihoodModel.objects.exists()


def _officer_elsewhere() -> User:
    home = Commune.objects.get(code=HOME).province
    other = Province.objects.exclude(pk=home.pk).first()
    assert other is not None
    return UserFactory(role=Role.PROVINCE_OFFICER, unit=other)


def test_only_the_provinces_officers_change_its_structure(officer: User, qd90: Programme) -> None:
    project = qd90.projects.get(number=1)
    line = budget_line_add(actor=officer, project=project, year=2023, source="local",
                           amount_vnd=M)  # fmt: skip
    before = AuditEvent.objects.count()
    for actor in (commune_officer(), _officer_elsewhere()):
        with pytest.raises(PermissionDenied):
            project_update(actor=actor, project=project, number=1, name="Đổi tên")
        with pytest.raises(PermissionDenied):
            budget_line_update(**_line(actor, line) | {"amount_vnd": 2 * M})
        with pytest.raises(PermissionDenied):
            programme_update(actor=actor, programme=qd90, name="Đổi tên")
    assert AuditEvent.objects.count() == before
    assert list(budget_lines_visible(user=_officer_elsewhere())) == []
    assert list(budget_lines_visible(user=commune_officer())) == [line]  # read by the province


def test_households_taking_part_in_a_model_are_counted(officer: User) -> None:
    home = Commune.objects.get(code=HOME)
    bees = livelihood_model_create(actor=officer, commune=home, kind="bees", name="Nuôi ong",
                                   started_on=dt.date(2024, 3, 1))  # fmt: skip
    elsewhere = _officer_elsewhere()
    far = Commune.objects.filter(province=elsewhere.scope_province).first()
    theirs = livelihood_model_create(actor=elsewhere, commune=far, kind="bees", name="Ong",
                                     started_on=dt.date(2024, 3, 1))  # fmt: skip
    made = household(HOME, "H-1", {2025: "poor"})
    giver = commune_officer()
    fields = {"support_type": "livelihood_model", "delivered_on": dt.date(2026, 3, 2),
              "source": "local"}  # fmt: skip
    with pytest.raises(ValidationError) as error:
        support_record(actor=giver, household=made, livelihood_model=theirs, **fields)
    _refused(error, "livelihood_model", "Mô hình sinh kế của tỉnh khác")
    for _ in range(2):
        support_record(actor=giver, household=made, livelihood_model=bees, **fields)
    assert livelihood_models_visible(user=officer).get(pk=bees.pk).households == 1
