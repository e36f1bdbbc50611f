"""The progress widget: a fragment that polls itself until the job is over."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.jobs.services import (
    LOST,
    job_create,
    job_fail,
    job_progress,
    job_start,
    job_succeed,
)
from giamngheo.web.pages import jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer() -> User:
    return UserFactory()


@pytest.fixture
def job(officer: User) -> JobRun:
    commune = Commune.objects.get(code="05977")
    return job_create(actor=officer, kind="classification", label="Phân loại thử", commune=commune)


def _get(user: User, job: JobRun) -> HttpResponse:
    request = RequestFactory().get(f"/cong-viec/{job.pk}/", headers={"HX-Request": "true"})
    request.user = user
    return jobs.job_progress(request, job.pk)


def test_a_running_job_shows_its_progress_and_polls(officer: User, job: JobRun) -> None:
    job_start(job_id=job.pk)
    job_progress(job_id=job.pk, done=1, total=3, message="Đang phân loại 3 phiếu theo 2 chuẩn")
    response = _get(officer, job)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<progress max="3" value="1">33%</progress>' in page
    assert "Đang chạy" in page
    assert "Đang phân loại 3 phiếu theo 2 chuẩn" in page
    assert f'hx-get="/cong-viec/{job.pk}/"' in page
    assert 'hx-trigger="every 1s"' in page
    assert 'hx-swap="outerHTML"' in page
    assert "<script" not in page
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers (CSP)


def test_a_queued_job_shows_an_indeterminate_bar(officer: User, job: JobRun) -> None:
    page = _get(officer, job).content.decode()
    assert "<progress>" in page
    assert "Đang chờ" in page
    assert 'hx-trigger="every 1s"' in page


def test_a_finished_job_stops_polling_and_shows_the_result(officer: User, job: JobRun) -> None:
    job_start(job_id=job.pk)
    job_succeed(job_id=job.pk, result={"summary": "Đã phân loại 3 phiếu.", "details": ["A — 1"]})
    page = _get(officer, job).content.decode()
    assert "hx-get" not in page
    assert "hx-trigger" not in page
    assert '<progress max="1" value="1">100%</progress>' in page
    assert "Đã phân loại 3 phiếu." in page
    assert "<li>A — 1</li>" in page


def test_a_failed_job_shows_the_error(officer: User, job: JobRun) -> None:
    job_start(job_id=job.pk)
    job_fail(job_id=job.pk, error="Không có chuẩn nghèo nào áp dụng cho năm 2019.")
    page = _get(officer, job).content.decode()
    assert "hx-trigger" not in page
    assert "Thất bại" in page
    assert 'role="alert">Không có chuẩn nghèo nào áp dụng cho năm 2019.</p>' in page


def test_another_communes_officer_gets_not_found(job: JobRun) -> None:
    neighbour = UserFactory(unit=Commune.objects.get(code="05983"))
    with pytest.raises(Http404):
        _get(neighbour, job)


def test_a_job_whose_worker_died_shows_as_interrupted_and_stops_polling(
    officer: User, job: JobRun, settings: Any
) -> None:
    settings.JOB_LOST_AFTER_SECONDS = 60
    job_start(job_id=job.pk)
    job_progress(job_id=job.pk, done=1, total=3, message="Đang phân loại")
    JobRun.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(minutes=2))
    page = _get(officer, job).content.decode()
    assert "hx-trigger" not in page
    assert "Thất bại" in page
    assert "dừng ở bước: Đang phân loại" in page
    assert f'role="alert">{LOST}</p>' in page
    assert JobRun.objects.get(pk=job.pk).state == JobState.FAILED
