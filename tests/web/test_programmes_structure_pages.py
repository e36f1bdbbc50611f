"""The pages that manage the programme structure: programmes, projects, sub-projects, budget
lines and livelihood models. Provincial officers create and edit (a refusal is shown on its
field, nothing written); others in the province read the lists without edit links and do not
find the edit pages; officers of other provinces do not find the province's rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from tests.apps.programmes.programmes_support import (
    HOME,
    commune_officer,
    officer,
    qd90,
)
from tests.factories import UserFactory, session_client

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.models import BudgetLine, LivelihoodModel, Programme, Project
from giamngheo.apps.programmes.services import (
    budget_line_add,
    livelihood_model_create,
)

pytestmark = pytest.mark.django_db
__all__ = ["officer", "qd90"]  # fixtures from programmes_support
M = 1_000_000


def _text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_officer_creates_a_programme_and_its_projects(officer: User) -> None:
    client = session_client(officer)
    assert reverse("web:programmes-programme-new") in _text(
        client, reverse("web:programmes-structure")
    )
    data = {"code": "ntp-2026", "name": "CTMTQG 2026–2030", "starts_year": 2026,
            "ends_year": 2030}  # fmt: skip
    response = client.post(reverse("web:programmes-programme-new"), data)
    assert response.status_code == 302
    made = Programme.objects.get(code="ntp-2026")
    new_project = reverse("web:programmes-project-new", args=[made.pk])
    assert 'value="1"' in _text(client, new_project)  # the next free number
    assert client.post(new_project, {"number": 1, "name": "Hạ tầng"}).status_code == 302
    project = Project.objects.get(programme=made)
    new_sub = reverse("web:programmes-sub-project-new", args=[project.pk])
    assert client.post(new_sub, {"number": 1, "name": "Xã nghèo"}).status_code == 302
    page = _text(client, reverse("web:programmes-structure"))
    assert "Hạ tầng" in page
    assert "1.1" in page
    assert "Xã nghèo" in page


def test_a_refusal_is_shown_on_its_field_and_nothing_changes(
    officer: User, qd90: Programme
) -> None:
    client = session_client(officer)
    project = qd90.projects.get(number=2)
    url = reverse("web:programmes-project-edit", args=[project.pk])
    assert 'value="Đa dạng hoá sinh kế' in _text(client, url)
    page = client.post(url, {"number": 3, "name": "Trùng số"}).content.decode()
    assert 'id="id_number-error"' in page
    assert "Dự án số 3 đã có trong chương trình ntp-giam-ngheo-2021-2025." in page
    assert Project.objects.get(pk=project.pk).number == 2
    edit = reverse("web:programmes-programme-edit", args=[qd90.pk])
    data = {"code": qd90.code, "name": qd90.name, "starts_year": 2025, "ends_year": 2021}
    page = client.post(edit, data).content.decode()
    assert 'id="id_ends_year-error"' in page
    assert Programme.objects.get(pk=qd90.pk).starts_year == 2021


def test_budget_lines_are_added_corrected_and_listed(officer: User, qd90: Programme) -> None:
    client = session_client(officer)
    housing = qd90.projects.get(number=5)
    new = reverse("web:programmes-budget-new")
    data = {"project": housing.pk, "year": 2030, "source": "central", "amount_vnd": 120 * M}
    page = client.post(new, data).content.decode()
    assert 'id="id_year-error"' in page
    assert "Năm 2030 ngoài thời gian của chương trình (2021–2025)." in page
    assert not BudgetLine.objects.exists()
    assert client.post(new, data | {"year": 2024}).status_code == 302
    line = BudgetLine.objects.get()
    edit = reverse("web:programmes-budget-edit", args=[line.pk])
    page = client.post(edit, data | {"year": 2024, "amount_vnd": -5}).content.decode()
    assert 'id="id_amount_vnd-error"' in page
    assert client.post(edit, data | {"year": 2024, "amount_vnd": 90 * M}).status_code == 302
    assert BudgetLine.objects.get().amount_vnd == 90 * M
    event = AuditEvent.objects.filter(target_type="programmes.budgetline").order_by("-id")[0]
    assert event.changes["amount_vnd"] == [120 * M, 90 * M]
    listed = _text(client, reverse("web:programmes-budget") + "?year=2024")
    assert "90.000.000" in listed
    assert "90.000.000" not in _text(client, reverse("web:programmes-budget") + "?year=2023")
    assert "90.000.000" in _text(client, reverse("web:programmes-structure"))


def test_livelihood_models_are_added_and_edited(officer: User, qd90: Programme) -> None:
    client = session_client(officer)
    commune = Commune.objects.get(code=HOME)
    data = {"name": "Nuôi ong lấy mật", "kind": "bees", "commune": commune.pk,
            "started_on": "2024-03-01"}  # fmt: skip
    assert client.post(reverse("web:programmes-livelihood-new"), data).status_code == 302
    model = LivelihoodModel.objects.get()
    edit = reverse("web:programmes-livelihood-edit", args=[model.pk])
    assert 'value="2024-03-01"' in _text(client, edit)
    assert client.post(edit, data | {"name": "Nuôi ong bạc hà"}).status_code == 302
    page = _text(client, reverse("web:programmes-livelihood"))
    assert "Nuôi ong bạc hà" in page
    assert commune.name in page


def _others_rows(officer: User, qd90: Programme) -> list[str]:
    """The edit pages of a programme, a project, a sub-project, a line and a model."""
    line = budget_line_add(actor=officer, project=qd90.projects.get(number=1), year=2023,
                           source="local", amount_vnd=M)  # fmt: skip
    model = livelihood_model_create(
        actor=officer, commune=Commune.objects.get(code=HOME), kind="bees", name="Nuôi ong",
        started_on=dt.date(2024, 3, 1),
    )  # fmt: skip
    project = qd90.projects.get(number=3)
    sub = project.sub_projects.get(number=1)
    return [
        reverse(f"web:programmes-{name}-edit", args=[pk])
        for name, pk in (("programme", qd90.pk), ("project", project.pk),
                         ("sub-project", sub.pk), ("budget", line.pk), ("livelihood", model.pk))
    ]  # fmt: skip


def test_others_in_the_province_read_without_editing(officer: User, qd90: Programme) -> None:
    edits = _others_rows(officer, qd90)
    client = session_client(commune_officer())
    lists = ("web:programmes-structure", "web:programmes-budget", "web:programmes-livelihood")
    pages = [_text(client, reverse(name)) for name in lists]
    assert "Giám sát, đánh giá" in pages[0]
    assert "1.000.000" in pages[1]
    assert "Nuôi ong" in pages[2]
    for page in pages:
        assert "/sua/" not in page
        assert "/moi/" not in page
    for url in [*edits, reverse("web:programmes-budget-new")]:
        assert client.get(url).status_code == 404


def test_officers_of_another_province_do_not_find_the_rows(officer: User, qd90: Programme) -> None:
    edits = _others_rows(officer, qd90)
    home = Commune.objects.get(code=HOME).province
    other = Province.objects.exclude(pk=home.pk).first()
    client = session_client(UserFactory(role=Role.PROVINCE_OFFICER, unit=other))
    for url in edits:
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "x"}).status_code == 404
    assert "Nuôi ong" not in _text(client, reverse("web:programmes-livelihood"))


def test_the_programme_tabs_follow_the_role(officer: User) -> None:
    manager = _text(session_client(officer), reverse("web:programmes-structure"))
    for name in ("programmes-structure", "programmes-budget", "programmes-livelihood",
                 "programmes-enrolment"):  # fmt: skip
        assert f'href="{reverse("web:" + name)}"' in manager
    assert f'href="{reverse("web:programmes-support")}"' not in manager  # records no support
    assert f'href="{reverse("web:programmes-structure")}" aria-current="page"' in manager
    reader = _text(session_client(commune_officer()), reverse("web:programmes"))
    assert f'href="{reverse("web:programmes-livelihood")}"' in reader
    assert f'href="{reverse("web:programmes-enrolment")}"' not in reader
    assert f'href="{reverse("web:programmes-support")}"' in reader


def test_this_years_recurring_campaigns_from_the_campaigns_page(officer: User) -> None:
    client = session_client(officer)
    url = reverse("web:programmes-campaigns")
    assert reverse("web:programmes-campaigns-yearly") in _text(client, url)
    response = client.post(reverse("web:programmes-campaigns-yearly"), {"year": 2026}, follow=True)
    page = response.content.decode()
    assert "Đã tạo đợt thường niên: Tháng cao điểm Vì người nghèo năm 2026." in page
    assert "17/10/2026 – 18/11/2026" in page
    again = client.post(reverse("web:programmes-campaigns-yearly"), {"year": 2026}, follow=True)
    assert "Các đợt thường niên của năm 2026 đã có." in again.content.decode()
    reader = session_client(commune_officer())
    assert reverse("web:programmes-campaigns-yearly") not in _text(reader, url)
    assert (
        reader.post(reverse("web:programmes-campaigns-yearly"), {"year": 2027}).status_code == 404
    )
