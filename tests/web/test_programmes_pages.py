"""The programme pages: enrolment preview then commit (background jobs), recording support
(and a refusal shown on the form), campaign report with duplicates, housing report,
eligibility page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import reverse
from tests.apps.programmes.programmes_support import (
    HOME,
    commune_officer,
    household,
    province_officer,
)
from tests.factories import session_client

from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.programmes.models import Enrolment, SupportLevel, SupportRecord
from giamngheo.apps.programmes.services import campaign_create, levels_template_load

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_enrolment_preview_then_commit_run_as_jobs(run_worker: Callable[[], None]) -> None:
    officer = province_officer()
    household(HOME, "H-1", {2025: "poor"})
    client = session_client(officer)
    assert client.post(reverse("web:programmes-template", args=["muc-ho-tro"])).status_code == 302
    level = SupportLevel.objects.get(code="nha-xay-moi")
    url, data = reverse("web:programmes-enrolment"), {"level": level.pk, "year": 2026}
    assert client.post(url, data | {"action": "preview"}).status_code == 302
    preview = JobRun.objects.get(kind="enrolment-preview")
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert reverse("web:programmes-enrolment-job", args=[preview.pk]) in page
    run_worker()
    fragment = client.get(reverse("web:programmes-enrolment-job", args=[preview.pk]))
    assert "Ghi danh 1 hộ" in fragment.content.decode()
    assert 'hx-trigger="every 1s"' not in fragment.content.decode()
    assert Enrolment.objects.count() == 0
    assert client.post(url, data | {"action": "commit"}).status_code == 302
    run_worker()
    commit = JobRun.objects.get(kind="enrolment")
    fragment = client.get(reverse("web:programmes-enrolment-job", args=[commit.pk]))
    assert "Đã ghi danh 1 hộ theo nha-xay-moi@v1." in fragment.content.decode()
    assert Enrolment.objects.count() == 1


def test_enrolment_refused_on_the_form_and_jobs_hidden_from_other_roles() -> None:
    officer = province_officer()
    levels_template_load(actor=officer, province=officer.scope_province)
    level = SupportLevel.objects.get(code="nha-xay-moi")
    url = reverse("web:programmes-enrolment")
    page = session_client(officer).post(url, {"level": level.pk, "year": 2030, "action": "preview"})
    assert 'id="id_level-error"' in page.content.decode()
    assert "không áp dụng cho năm 2030" in page.content.decode()
    assert not JobRun.objects.exists()
    session_client(officer).post(url, {"level": level.pk, "year": 2026, "action": "preview"})
    job = JobRun.objects.get()
    fragment = reverse("web:programmes-enrolment-job", args=[job.pk])
    assert session_client(commune_officer()).get(fragment).status_code == 404


def test_support_recorded_and_refusal_shown_on_the_field() -> None:
    officer = province_officer()
    levels_template_load(actor=officer, province=officer.scope_province)
    household(HOME, "H-1", {2025: "near_poor"})
    client = session_client(commune_officer())
    url = reverse("web:programmes-support")
    form = {"household_code": "H-1", "support_type": "loan", "delivered_on": "2026-03-02",
            "source": "policy_credit", "amount": 50_000_000,
            "level": SupportLevel.objects.get(code="vay-ho-ngheo").pk}  # fmt: skip
    page = client.post(url, form)
    assert "không thuộc đối tượng" in page.content.decode()
    assert SupportRecord.objects.count() == 0
    page = client.post(url, form | {"level": SupportLevel.objects.get(code="vay-ho-can-ngheo").pk})
    assert page.status_code == 302
    assert SupportRecord.objects.get().loan_rate_bp == 792
    assert "H-1" in client.get(url).content.decode()


def test_pages_are_missing_for_roles_without_the_capability() -> None:
    village_head_like = commune_officer()
    assert (
        session_client(village_head_like).get(reverse("web:programmes-enrolment")).status_code
        == 404
    )
    assert (
        session_client(province_officer()).get(reverse("web:programmes-support")).status_code == 404
    )


def test_campaign_and_housing_pages() -> None:
    officer = province_officer()
    campaign = campaign_create(
        actor=officer, province=officer.scope_province, kind="tet_gifts", name="Quà Tết 2026",
        starts_on=dt.date(2026, 1, 15), ends_on=dt.date(2026, 2, 16), target_households=10,
    )  # fmt: skip
    client = session_client(officer)
    assert "Quà Tết 2026" in client.get(reverse("web:programmes-campaigns")).content.decode()
    page = client.get(reverse("web:programmes-campaign", args=[campaign.pk]))
    assert "Không có hộ nào nhận trùng." in page.content.decode()
    assert client.get(reverse("web:programmes-housing")).status_code == 200
    assert client.get(reverse("web:programmes")).status_code == 200


def test_eligibility_page_explains_one_household() -> None:
    officer = province_officer()
    levels_template_load(actor=officer, province=officer.scope_province)
    made = household(HOME, "H-1", {2025: "poor"})
    rule = SupportLevel.objects.get(code="vay-ho-ngheo").eligibility
    page = session_client(commune_officer()).get(
        reverse("web:programmes-eligibility", args=[rule.pk, made.pk])
    )
    assert "Đủ điều kiện" in page.content.decode()


def test_import_page_refuses_a_bad_file_whole_then_takes_a_good_one() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    household(HOME, "H-1", {2025: "poor"})
    client = session_client(commune_officer())
    url = reverse("web:programmes-support")
    head = "household_code,support_type,delivered_on,source,amount\n"
    bad = SimpleUploadedFile(
        "q.csv", (head + "H-1,cash,2026-03-02,local,10\nH-X,cash,x,local,1\n").encode()
    )
    page = client.post(url, {"file": bad})
    assert "Dòng 3, cột delivered_on" in page.content.decode()
    assert "Dòng 3, cột household_code" in page.content.decode()
    assert SupportRecord.objects.count() == 0
    good = SimpleUploadedFile("q.csv", (head + "H-1,cash,02/03/2026,local,10\n").encode())
    assert client.post(url, {"file": good}).status_code == 302
    assert SupportRecord.objects.get().amount == 10
