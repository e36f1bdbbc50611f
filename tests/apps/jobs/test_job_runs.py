"""Jobs and their progress: one committed update per step, readable errors, scoped reading."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from tests.factories import UserFactory, VillageFactory

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.jobs.selectors import job_get, jobs_visible
from giamngheo.apps.jobs.services import (
    INTERRUPTED,
    JobError,
    JobFailedError,
    Progress,
    job_create,
    job_progress,
    job_run,
    job_start,
)

pytestmark = pytest.mark.django_db


def _job(actor: object = None, commune_code: str | None = "05977") -> JobRun:
    commune = Commune.objects.get(code=commune_code) if commune_code else None
    province = commune.province if commune else Province.objects.get(code="20")
    return job_create(
        actor=actor,  # type: ignore[arg-type]
        kind="test",
        label="Công việc thử",
        province=province,
        commune=commune,
    )


def test_a_job_is_created_queued_in_its_units_and_audited() -> None:
    job = _job(commune_code="05977")
    assert job.state == JobState.QUEUED
    assert (job.done, job.total) == (0, 0)
    assert job.province == Province.objects.get(code="20")
    event = AuditEvent.objects.get(target_type="jobs.jobrun", target_id=str(job.pk))
    assert event.commune_id == job.commune_id


def test_run_reports_steps_and_stores_the_result() -> None:
    job = _job()
    seen: list[tuple[int, int, str]] = []

    def work(progress: Progress) -> dict[str, object]:
        for step in range(3):
            progress(done=step, total=3, message=f"Bước {step + 1}")
            current = JobRun.objects.get(pk=job.pk)
            seen.append((current.done, current.total, current.message))
        return {"summary": "Xong", "n": 3}

    assert job_run(job_id=job.pk, work=work) == {"summary": "Xong", "n": 3}
    assert seen == [(0, 3, "Bước 1"), (1, 3, "Bước 2"), (2, 3, "Bước 3")]
    job.refresh_from_db()
    assert job.state == JobState.SUCCEEDED
    assert (job.done, job.total, job.message) == (3, 3, "")
    assert job.result == {"summary": "Xong", "n": 3}
    assert job.started_at is not None
    assert job.finished_at is not None


def test_an_unexpected_error_is_recorded_without_its_details() -> None:
    job = _job()

    def work(progress: Progress) -> dict[str, object]:
        progress(done=1, total=2, message="Đang đọc")
        raise KeyError("Hoàng Thị Hương 020190123456")

    with pytest.raises(JobFailedError) as failed:
        job_run(job_id=job.pk, work=work)
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Lỗi không mong đợi (KeyError). Chi tiết đã được ghi vào nhật ký máy chủ."
    assert "Hương" not in str(failed.value)
    assert failed.value.__suppress_context__
    assert job.message == "Đang đọc"  # the step it stopped at


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (JobError("Tệp không đọc được."), "Tệp không đọc được."),
        (ValidationError("Năm không hợp lệ."), "Năm không hợp lệ."),
    ],
)
def test_errors_written_for_users_are_shown_as_they_are(error: Exception, shown: str) -> None:
    job = _job()

    def work(progress: Progress) -> dict[str, object]:
        raise error

    with pytest.raises(JobFailedError, match=shown):
        job_run(job_id=job.pk, work=work)
    assert JobRun.objects.get(pk=job.pk).error == shown


def test_a_job_runs_once() -> None:
    job = _job()
    job_start(job_id=job.pk)
    with pytest.raises(LookupError):
        job_start(job_id=job.pk)


def test_progress_inside_a_longer_transaction_is_refused() -> None:
    """It would stay invisible to the widget until that transaction ends."""
    job = _job()
    job_start(job_id=job.pk)
    with transaction.atomic(), pytest.raises(RuntimeError):
        job_progress(job_id=job.pk, done=1, total=2, message="…")


def test_progress_beyond_the_total_is_refused() -> None:
    job = _job()
    job_start(job_id=job.pk)
    with pytest.raises(ValueError, match="3/2"):
        job_progress(job_id=job.pk, done=3, total=2, message="…")


def test_users_see_jobs_of_their_scope_and_their_own() -> None:
    officer = UserFactory()
    neighbour = UserFactory(unit=Commune.objects.get(code="05983"))
    province_officer = UserFactory(role=Role.PROVINCE_OFFICER, unit=Province.objects.get(code="20"))
    commune_job = _job(actor=officer)
    province_job = _job(actor=province_officer, commune_code=None)

    assert set(jobs_visible(user=officer)) == {commune_job}
    assert set(jobs_visible(user=province_officer)) == {commune_job, province_job}
    assert set(jobs_visible(user=neighbour)) == set()
    with pytest.raises(JobRun.DoesNotExist):
        job_get(user=neighbour, job_id=commune_job.pk)


def test_a_village_head_sees_only_their_own_jobs() -> None:
    head = UserFactory(role=Role.VILLAGE_HEAD, unit=VillageFactory())
    own = _job(actor=head)
    _job()
    assert list(jobs_visible(user=head)) == [own]


def test_anonymous_users_see_no_job() -> None:
    _job(commune_code=None)
    assert not jobs_visible(user=AnonymousUser()).exists()


def test_an_interrupted_job_is_marked_failed() -> None:
    job = _job()

    def work(progress: Progress) -> dict[str, object]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        job_run(job_id=job.pk, work=work)
    assert JobRun.objects.get(pk=job.pk).error == INTERRUPTED


@pytest.mark.django_db(transaction=True)
def test_progress_is_committed_at_once_for_other_connections_to_read() -> None:
    """What the widget's poll sees while the task runs: a second connection, as another
    process would use, reads each step as soon as it is reported."""
    job = job_create(actor=None, kind="test", label="Công việc của hệ thống")
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    seen: list[tuple[str, int]] = []

    def read_elsewhere() -> tuple[str, int]:
        with other.cursor() as cursor:
            cursor.execute("SELECT state, done FROM jobs_jobrun WHERE id = %s", [job.pk.hex])
            row = cursor.fetchone()
        return row[0], row[1]

    def work(progress: Progress) -> dict[str, object]:
        seen.append(read_elsewhere())
        progress(done=1, total=2, message="Bước 1")
        seen.append(read_elsewhere())
        return {}

    try:
        job_run(job_id=job.pk, work=work)
        seen.append(read_elsewhere())
    finally:
        other.connection.close()  # not other.close(): SQLite keeps in-memory databases open
    assert seen == [("running", 0), ("running", 1), ("succeeded", 2)]
