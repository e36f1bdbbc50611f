"""Classification as a background job: requested within scope, run by the real database
worker (``db_worker --batch``, in this process), followed through its job record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult
from tests.factories import HouseholdFactory, SurveyFactory, UserFactory, VillageFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.jobs.selectors import job_get
from giamngheo.apps.monitoring.models import StatusAggregate
from giamngheo.apps.standards.models import SurveyClassification
from giamngheo.apps.standards.services import classification_request

THREE = {"dep_water": True, "dep_latrine": True, "dep_housing_quality": True}


@pytest.fixture
def lang_son() -> Province:
    return Province.objects.get(code="20")


@pytest.fixture
def commune() -> Commune:
    return Commune.objects.get(code="05977")


def _surveys(commune: Commune, year: int = 2025) -> None:
    village = VillageFactory(commune=commune)
    for income, flags in ((1_000_000, THREE), (1_300_000, {"dep_water": True}), (5_000_000, {})):
        SurveyFactory(household=HouseholdFactory(village=village), year=year, income_vnd=income,
                      **flags)  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_worker_classifies_a_commune_and_the_job_shows_the_counts(
    run_worker: Callable[[], None], lang_son: Province, commune: Commune
) -> None:
    _surveys(commune)
    job = classification_request(actor=UserFactory(), year=2025, province=lang_son,
                                 commune=commune)  # fmt: skip
    assert JobRun.objects.get(pk=job.pk).state == JobState.QUEUED
    assert DBTaskResult.objects.get().args_kwargs["args"][0] == str(job.pk)

    run_worker()

    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED, job.error
    assert (job.done, job.total) == (3, 3)
    assert job.result["surveys"] == 3
    assert job.result["counts"]["vn-2022-2025@v1"] == {"poor": 1, "near_poor": 1, "not_poor": 1}
    assert job.result["summary"] == "Đã phân loại 3 phiếu năm 2025 theo 2 chuẩn."
    assert "vn-2022-2025@v1 — Hộ nghèo: 1; Hộ cận nghèo: 1" in job.result["details"][0]
    assert SurveyClassification.objects.filter(standard_id="vn-2022-2025").count() == 3
    classify, refresh = DBTaskResult.objects.order_by("enqueued_at")
    assert classify.status == refresh.status == "SUCCESSFUL"
    assert refresh.task_path == "giamngheo.apps.monitoring.refresh.aggregates_refresh_task"
    row = StatusAggregate.objects.get(commune=commune, level="commune")  # no income scores
    assert (row.standard_id, row.poor, row.near_poor, row.households) == ("vn-2022-2025", 1, 1, 3)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_a_failing_run_marks_the_job_failed_with_a_readable_error(
    run_worker: Callable[[], None], lang_son: Province, commune: Commune
) -> None:
    _surveys(commune, year=2019)
    job = classification_request(actor=UserFactory(), year=2019, province=lang_son,
                                 commune=commune)  # fmt: skip

    run_worker()

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Không có chuẩn nghèo nào áp dụng cho năm 2019 tại Tỉnh Lạng Sơn."
    assert job.finished_at is not None
    assert not SurveyClassification.objects.exists()
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert "Không có chuẩn nghèo" in task.traceback


@pytest.mark.django_db
def test_the_task_is_enqueued_only_when_the_request_commits(
    django_capture_on_commit_callbacks: Any, lang_son: Province, commune: Commune
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = classification_request(actor=UserFactory(), year=2025, province=lang_son,
                                     commune=commune)  # fmt: skip
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path == "giamngheo.apps.standards.services.surveys_classify_task"
    assert task.args_kwargs["args"] == [str(job.pk), 2025, "20", "05977"]
    assert job.kind == "classification"
    assert job.created_by is not None
    assert job.label == "Phân loại phiếu rà soát năm 2025 (Phường Đông Kinh)"


def _refused(actor: User, province: Province, commune: Commune | None) -> None:
    with pytest.raises(PermissionDenied):
        classification_request(actor=actor, year=2025, province=province, commune=commune)


@pytest.mark.django_db
def test_requests_outside_the_scope_are_refused_and_create_no_job(
    lang_son: Province, commune: Commune
) -> None:
    officer = UserFactory()
    neighbour = Commune.objects.get(code="05983")
    other_province = Province.objects.exclude(pk=lang_son.pk).first()
    assert other_province is not None
    _refused(officer, lang_son, neighbour)  # another commune
    _refused(officer, lang_son, None)  # the whole province
    _refused(UserFactory(role=Role.PROVINCE_OFFICER, unit=other_province), lang_son, commune)
    _refused(UserFactory(role=Role.VILLAGE_HEAD, unit=VillageFactory()), lang_son, commune)
    _refused(UserFactory(role=Role.COMMUNE_CHAIRMAN), lang_son, commune)  # no capability
    assert not JobRun.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_provincial_officer_may_classify_the_province(lang_son: Province) -> None:
    officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=lang_son)
    job = classification_request(actor=officer, year=2025, province=lang_son)
    assert (job.province, job.commune) == (lang_son, None)


@pytest.mark.django_db
def test_a_commune_must_lie_in_the_province(commune: Commune) -> None:
    elsewhere = Province.objects.exclude(pk=commune.province_id).first()
    assert elsewhere is not None
    with pytest.raises(ValidationError):
        classification_request(actor=UserFactory(), year=2025, province=elsewhere,
                               commune=commune)  # fmt: skip


@pytest.mark.django_db
def test_another_communes_officer_cannot_see_the_job(lang_son: Province, commune: Commune) -> None:
    job = classification_request(actor=UserFactory(), year=2025, province=lang_son,
                                 commune=commune)  # fmt: skip
    neighbour = UserFactory(unit=Commune.objects.get(code="05983"))
    with pytest.raises(JobRun.DoesNotExist):
        job_get(user=neighbour, job_id=job.pk)
    assert job_get(user=UserFactory(), job_id=job.pk) == job  # a colleague in the commune
