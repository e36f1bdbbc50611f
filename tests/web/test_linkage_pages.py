"""The linkage pages: review queue (decide, undo; the explanation in Vietnamese), running
linkage as a job, list import, overlap and omission reports with their Excel exports, and
scope (another commune sees nothing; a role that may only look cannot decide)."""

from __future__ import annotations

import io
from typing import Any

import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.apps.linkage.linkage_support import HOME, officer, scenario
from tests.factories import UserFactory, session_client

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.linkage.models import CandidatePair, ImportedList, PairStatus, ReviewDecision
from giamngheo.web.pages.linkage.lists import PROBLEMS

pytestmark = pytest.mark.django_db


def test_queue_shows_the_pair_with_its_explanation_then_decide_and_undo() -> None:
    actor = officer()
    scenario(actor)
    client = session_client(actor)
    page = client.get(reverse("web:linkage")).content.decode()
    assert "Nông Dũng" in page
    assert "<td>Họ và tên</td><td>khác hoặc thiếu tên đệm</td>" in page
    assert "<td>Số định danh / CMND</td><td>không rõ (thiếu thông tin)</td>" in page
    assert "middle name differs or dropped" not in page
    pair = CandidatePair.objects.get(status=PairStatus.PENDING)
    answer = client.post(reverse("web:linkage-decide", args=[pair.pk]), {"decision": "not_same"})
    assert answer.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.NOT_SAME
    decision = ReviewDecision.objects.get()
    client.post(reverse("web:linkage-undo", args=[decision.pk]))
    pair.refresh_from_db()
    assert pair.status == PairStatus.PENDING


def test_running_linkage_queues_a_job_shown_with_its_progress(
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = officer()
    client = session_client(actor)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("web:linkage-run"))
    assert answer.status_code == 302
    job = JobRun.objects.get()
    assert (job.kind, job.state, job.commune) == ("linkage", JobState.QUEUED, actor.scope_commune)
    page = client.get(reverse("web:linkage")).content.decode()
    assert f'id="job-{job.pk}"' in page
    assert "Đối soát danh sách với sổ hộ (Phường Đông Kinh)" in page


def test_a_role_that_may_only_look_sees_the_queue_without_buttons() -> None:
    scenario(officer())
    chairman = UserFactory(role=Role.COMMUNE_CHAIRMAN, unit=Commune.objects.get(code=HOME))
    client = session_client(chairman)
    page = client.get(reverse("web:linkage")).content.decode()
    assert "Nông Dũng" in page
    assert 'name="decision"' not in page
    assert 'id="run-linkage"' not in page
    pair = CandidatePair.objects.get()
    answer = client.post(reverse("web:linkage-decide", args=[pair.pk]), {"decision": "merge"})
    assert answer.status_code == 404
    assert client.post(reverse("web:linkage-run")).status_code == 404
    pair.refresh_from_db()
    assert pair.status == PairStatus.PENDING
    assert not JobRun.objects.exists()


def test_another_commune_sees_no_pair_and_cannot_decide() -> None:
    scenario(officer())
    neighbour = session_client(officer("05983"))
    pair = CandidatePair.objects.get()
    assert "Nông Dũng" not in neighbour.get(reverse("web:linkage")).content.decode()
    answer = neighbour.post(reverse("web:linkage-decide", args=[pair.pk]), {"decision": "merge"})
    assert answer.status_code == 404


def test_reports_and_their_excel() -> None:
    actor = officer()
    people = scenario(actor)
    client = session_client(actor)
    overlaps = client.get(reverse("web:linkage-overlaps"), {"year": 2025}).content.decode()
    assert people["huong"].code in overlaps
    assert "Ủy ban MTTQ xã" in overlaps
    omissions = client.get(reverse("web:linkage-omissions"), {"year": 2025}).content.decode()
    assert people["lan"].code in omissions
    assert people["huong"].code not in omissions
    excel = client.get(reverse("web:linkage-omissions"), {"year": 2025, "xlsx": "1"})
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")


def _list_form(csv: str) -> dict[str, object]:
    return {
        "name": "Hội Chữ thập đỏ 2025", "kind": "red_cross", "giver": "Hội CTĐ xã",
        "support_type": "cash", "commune": Commune.objects.get(code=HOME).pk,
        "starts_on": "2025-01-01", "ends_on": "2025-12-31",
        "file": SimpleUploadedFile("ds.csv", csv.encode(), content_type="text/csv"),
    }  # fmt: skip


def test_import_a_csv_list() -> None:
    actor = officer()
    csv = (
        "ho_ten,ngay_sinh,so_dinh_danh,gioi_tinh,xa,thon,so_tien\n"
        "LÝ THỊ MAI,1988,,nữ,,Thôn 1,200000\n"
    )
    answer = session_client(actor).post(reverse("web:linkage-lists"), _list_form(csv))
    assert answer.status_code == 302
    imported = ImportedList.objects.get()
    assert imported.entries.get().birth_year == 1988


def test_a_rejected_list_shows_its_problems_and_offers_them_as_a_workbook() -> None:
    client = session_client(officer())
    csv = "ho_ten,ngay_sinh,so_tien\nLÝ THỊ MAI,31/02/1988,200000\n,1990,\nMai,1988,năm trăm\n"
    page = client.post(reverse("web:linkage-lists"), _list_form(csv)).content.decode()
    assert "Tệp có 3 lỗi; không nhập dòng nào." in page
    assert '<td class="num">4</td><td>so_tien</td>' in page
    assert "31/02/1988" not in page  # the cells are not quoted
    assert not ImportedList.objects.exists()
    workbook = client.get(reverse("web:linkage-list-problems"))
    assert workbook["Content-Disposition"] == 'attachment; filename="loi-nhap-danh-sach.xlsx"'
    sheet = pl.read_excel(io.BytesIO(workbook.content), read_options={"header_row": 2},
                          infer_schema_length=0)  # fmt: skip
    assert sheet.select("Dòng", "Cột").rows() == [("2", "ngay_sinh"), ("3", "ho_ten"),
                                                 ("4", "so_tien")]  # fmt: skip
    fixed = "ho_ten,ngay_sinh,so_tien\nLÝ THỊ MAI,1988,200000\n"
    assert client.post(reverse("web:linkage-lists"), _list_form(fixed)).status_code == 302
    assert client.get(reverse("web:linkage-list-problems")).status_code == 404


def test_the_problems_workbook_needs_the_import_capability() -> None:
    kept = {"file": "ds.csv", "total": 1, "rows": [[3, "ho_ten", "thiếu họ tên"]]}
    answers = []
    for role in (Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN):
        client = session_client(UserFactory(role=role, unit=Commune.objects.get(code=HOME)))
        session = client.session
        session[PROBLEMS] = kept
        session.save()
        answers.append(client.get(reverse("web:linkage-list-problems")).status_code)
    assert answers == [200, 404]
