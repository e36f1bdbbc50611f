"""Linkage as a background job: requested within scope, run by the real database worker
(``db_worker --batch``, in this process) as the user who asked, followed through its job
record; a run whose records changed under it stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult
from tests.apps.linkage.linkage_support import HOME, gift_list, officer, registry, rows_gift
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.linkage.models import CandidatePair, Cluster, ClusterMember
from giamngheo.apps.linkage.services import linkage_request, linkage_run
from giamngheo.apps.linkage.services.runs import CHANGED


def _province() -> Province:
    return Commune.objects.get(code=HOME).province


def _ran(job: JobRun) -> JobRun:
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED, job.error
    return job


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_worker_links_the_registry_then_a_list_and_the_job_shows_the_counts(
    run_worker: Callable[[], None],
) -> None:
    actor = officer()
    registry()
    first = linkage_request(actor=actor, province=_province())
    assert JobRun.objects.get(pk=first.pk).state == JobState.QUEUED
    assert DBTaskResult.objects.get().args_kwargs["args"] == [str(first.pk), "20"]

    run_worker()

    first = _ran(first)
    assert (first.done, first.total) == (3, 3)
    assert (first.result["new_records"], first.result["clusters_created"]) == (3, 3)
    assert ClusterMember.objects.count() == 3
    gift_list(actor, rows_gift())
    second = linkage_request(actor=actor, province=_province())
    run_worker()
    second = _ran(second)
    assert second.result["summary"] == (
        "Đã đối soát (vn-person@v1): 3 bản ghi mới; 1 nhập vào nhóm sẵn có; 2 nhóm mới; "
        "1 cặp chờ xem xét."
    )
    assert CandidatePair.objects.count() == 1
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_a_requester_who_lost_the_role_fails_the_job_with_a_readable_error(
    run_worker: Callable[[], None],
) -> None:
    actor = officer()
    registry()
    job = linkage_request(actor=actor, province=_province())
    User.objects.filter(pk=actor.pk).update(role=Role.COMMUNE_CHAIRMAN)

    run_worker()

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Vai trò không có quyền: classification.run"
    assert not ClusterMember.objects.exists()
    assert DBTaskResult.objects.get().status == "FAILED"


@pytest.mark.django_db
def test_the_task_is_enqueued_only_when_the_request_commits(
    django_capture_on_commit_callbacks: Any,
) -> None:
    actor = officer()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = linkage_request(actor=actor, province=_province())
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path == "giamngheo.apps.linkage.services.runs.linkage_run_task"
    assert (job.kind, job.province, job.commune) == ("linkage", _province(), actor.scope_commune)
    assert job.label == "Đối soát danh sách với sổ hộ (Phường Đông Kinh)"


@pytest.mark.django_db
def test_a_provincial_officer_queues_a_province_wide_run() -> None:
    job = linkage_request(actor=UserFactory(role=Role.PROVINCE_OFFICER, unit=_province()),
                          province=_province())  # fmt: skip
    assert (job.province, job.commune) == (_province(), None)
    assert job.label == f"Đối soát danh sách với sổ hộ ({_province()})"


@pytest.mark.django_db
def test_requests_outside_the_scope_or_without_the_capability_create_no_job() -> None:
    other = Province.objects.exclude(pk=_province().pk).first()
    assert other is not None
    village = Village.objects.create(commune=Commune.objects.get(code=HOME), code="LK-9",
                                     name="Thôn Bản Chu")  # fmt: skip
    refused = [
        (officer(), other),
        (UserFactory(role=Role.PROVINCE_OFFICER, unit=other), _province()),
        (UserFactory(role=Role.COMMUNE_CHAIRMAN, unit=Commune.objects.get(code=HOME)), _province()),
        (UserFactory(role=Role.VILLAGE_HEAD, unit=village), _province()),
    ]
    for actor, province in refused:
        with pytest.raises(PermissionDenied):
            linkage_request(actor=actor, province=province)
    assert not JobRun.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_run_reports_its_three_phases() -> None:
    registry()
    told: list[tuple[int, int, str]] = []

    def record(*, done: int, total: int, message: str) -> None:
        told.append((done, total, message))

    linkage_run(actor=officer(), province=_province(), progress=record)
    assert [(d, t) for d, t, _ in told] == [(0, 3), (1, 3), (2, 3)]
    assert told[0][2] == "Đang đọc bản ghi (Phường Đông Kinh)"
    assert told[1][2] == "Đang chấm điểm 3 bản ghi mới với nhau và với 0 bản ghi đã xếp nhóm"


@pytest.mark.django_db
def test_a_run_whose_records_were_placed_meanwhile_stores_nothing() -> None:
    actor = officer()
    registry()

    def another_run_first(*, done: int, total: int, message: str) -> None:
        if done == 2:  # scored, about to store: another run places the same records
            linkage_run(actor=actor, province=_province())

    with pytest.raises(ValidationError) as refused:
        linkage_run(actor=actor, province=_province(), progress=another_run_first)
    assert refused.value.messages == [CHANGED]
    assert ClusterMember.objects.count() == 3  # the other run's, once each
    assert Cluster.objects.count() == 3
