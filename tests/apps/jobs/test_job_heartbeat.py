"""A running job whose worker stops sending heartbeats (killed, power lost) is shown and
stored as interrupted; reading jobs and starting a job settle such jobs first."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from tests.apps.jobs.worker_tasks import job_quick_task, job_waiting_task
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.jobs.selectors import job_get, jobs_visible
from giamngheo.apps.jobs.services import (
    LOST,
    Progress,
    job_create,
    job_progress,
    job_run,
    job_start,
    jobs_reap,
)

LOST_AFTER = 60


@pytest.fixture(autouse=True)
def _lost_after_a_minute(settings: Any) -> None:
    settings.JOB_LOST_AFTER_SECONDS = LOST_AFTER


@pytest.fixture
def officer() -> User:
    return UserFactory()


def _job(officer: User) -> JobRun:
    commune = Commune.objects.get(code="05977")
    return job_create(actor=officer, kind="test", label="Công việc thử", commune=commune)


def _running(officer: User, *, silent_for: int) -> JobRun:
    """A running job, with its task claimed, whose last heartbeat was ``silent_for`` s ago."""
    job = _job(officer)
    job_waiting_task.enqueue(str(job.pk), "/nonexistent")
    DBTaskResult.objects.filter(args_kwargs__args__0=str(job.pk)).update(status="RUNNING")
    job_start(job_id=job.pk)
    job_progress(job_id=job.pk, done=1, total=3, message="Đang đọc")
    heartbeat = timezone.now() - dt.timedelta(seconds=silent_for)
    JobRun.objects.filter(pk=job.pk).update(heartbeat_at=heartbeat)
    return job


def _task_of(job: JobRun) -> DBTaskResult:
    return DBTaskResult.objects.get(args_kwargs__args__0=str(job.pk))


@pytest.mark.django_db
def test_a_silent_running_job_is_shown_and_stored_as_interrupted(officer: User) -> None:
    lost = _running(officer, silent_for=LOST_AFTER + 1)
    alive = _running(officer, silent_for=LOST_AFTER - 5)

    shown = job_get(user=officer, job_id=lost.pk)

    assert (shown.state, shown.error) == (JobState.FAILED, LOST)
    assert shown.error.startswith("Công việc bị gián đoạn")
    assert shown.message == "Đang đọc"  # the step it stopped at
    assert shown.finished_at is not None
    assert not shown.is_open
    task = _task_of(lost)
    assert (task.status, task.traceback) == ("FAILED", LOST)
    assert task.finished_at is not None
    assert JobRun.objects.get(pk=alive.pk).state == JobState.RUNNING
    assert _task_of(alive).status == "RUNNING"


@pytest.mark.django_db
def test_lists_settle_lost_jobs_before_reading(officer: User) -> None:
    lost = _running(officer, silent_for=LOST_AFTER + 1)
    assert [job.state for job in jobs_visible(user=officer)] == [JobState.FAILED]
    assert JobRun.objects.get(pk=lost.pk).error == LOST
    assert jobs_reap() == 0  # already settled


@pytest.mark.django_db
def test_queued_and_finished_jobs_are_never_reaped(officer: User) -> None:
    queued = _job(officer)
    JobRun.objects.filter(pk=queued.pk).update(heartbeat_at=timezone.now() - dt.timedelta(days=1))
    assert jobs_reap() == 0
    assert JobRun.objects.get(pk=queued.pk).state == JobState.QUEUED


@pytest.mark.django_db
def test_progress_is_a_heartbeat(officer: User) -> None:
    job = _running(officer, silent_for=LOST_AFTER + 1)
    job_progress(job_id=job.pk, done=2, total=3, message="Đang ghi")
    assert jobs_reap() == 0
    assert JobRun.objects.get(pk=job.pk).state == JobState.RUNNING


@pytest.mark.django_db
def test_a_reaped_job_stays_failed_if_its_worker_was_alive_after_all(officer: User) -> None:
    job = _running(officer, silent_for=LOST_AFTER + 1)
    assert jobs_reap() == 1
    job_progress(job_id=job.pk, done=3, total=3, message="Xong")
    assert JobRun.objects.get(pk=job.pk).error == LOST


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_worker_settles_a_lost_job_and_runs_the_next(run_worker: Callable[[], None]) -> None:
    officer = UserFactory()
    lost = _running(officer, silent_for=LOST_AFTER + 1)
    following = _job(officer)
    job_quick_task.enqueue(str(following.pk))

    run_worker()

    assert JobRun.objects.get(pk=lost.pk).error == LOST
    assert _task_of(lost).status == "FAILED"
    following.refresh_from_db()
    assert (following.state, following.result) == (JobState.SUCCEEDED, {"summary": "Xong."})
    assert _task_of(following).status == "SUCCESSFUL"


def _heartbeat_of(job: JobRun) -> dt.datetime | None:
    """Read while the heartbeat thread writes: SQLite's in-memory test database may refuse a
    read for a moment (shared-cache table lock)."""
    try:
        return JobRun.objects.values_list("heartbeat_at", flat=True).get(pk=job.pk)
    except OperationalError:
        return None


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_a_thread_sends_heartbeats_while_the_work_runs(settings: Any) -> None:
    settings.JOB_HEARTBEAT_SECONDS = 0.01
    job = _job(UserFactory())
    seen: list[bool] = []

    def work(progress: Progress) -> dict[str, object]:
        started = JobRun.objects.get(pk=job.pk).heartbeat_at
        assert started is not None
        deadline = timezone.now() + dt.timedelta(seconds=60)  # a hang guard, not a measure
        while timezone.now() < deadline and not seen:
            beat = _heartbeat_of(job)
            if beat is not None and beat > started:
                seen.append(True)
            time.sleep(0.005)
        return {}

    job_run(job_id=job.pk, work=work)

    assert seen == [True]
    assert JobRun.objects.get(pk=job.pk).state == JobState.SUCCEEDED
