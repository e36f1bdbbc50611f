"""The linkage pages: review queue (decide, undo), list import, overlap and omission reports
with their Excel exports, and scope (another commune sees nothing)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.apps.linkage.linkage_support import HOME, officer, scenario
from tests.factories import session_client

from giamngheo.apps.geo.models import Commune
from giamngheo.apps.linkage.models import CandidatePair, ImportedList, PairStatus, ReviewDecision

pytestmark = pytest.mark.django_db


def test_queue_shows_the_pair_with_its_explanation_then_decide_and_undo() -> None:
    actor = officer()
    scenario(actor)
    client = session_client(actor)
    page = client.get(reverse("web:linkage")).content.decode()
    assert "Nông Dũng" in page
    assert "middle name differs or dropped" in page
    pair = CandidatePair.objects.get(status=PairStatus.PENDING)
    answer = client.post(reverse("web:linkage-decide", args=[pair.pk]), {"decision": "not_same"})
    assert answer.status_code == 302
    pair.refresh_from_db()
    assert pair.status == PairStatus.NOT_SAME
    decision = ReviewDecision.objects.get()
    client.post(reverse("web:linkage-undo", args=[decision.pk]))
    pair.refresh_from_db()
    assert pair.status == PairStatus.PENDING


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


def test_import_a_csv_list() -> None:
    actor = officer()
    csv = (
        "ho_ten,ngay_sinh,so_dinh_danh,gioi_tinh,xa,thon,so_tien\n"
        "LÝ THỊ MAI,1988,,nữ,,Thôn 1,200000\n"
    )
    form = {
        "name": "Hội Chữ thập đỏ 2025", "kind": "red_cross", "giver": "Hội CTĐ xã",
        "support_type": "cash", "commune": Commune.objects.get(code=HOME).pk,
        "starts_on": "2025-01-01", "ends_on": "2025-12-31",
        "file": SimpleUploadedFile("ds.csv", csv.encode(), content_type="text/csv"),
    }  # fmt: skip
    answer = session_client(actor).post(reverse("web:linkage-lists"), form)
    assert answer.status_code == 302
    imported = ImportedList.objects.get()
    assert imported.entries.get().birth_year == 1988
