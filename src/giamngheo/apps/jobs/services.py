"""Recording background jobs and how far they have got.

Progress is only worth showing if another process — the web server answering the widget's
poll — can read it while the task is still running. Hence:

- :func:`job_create` runs in the caller's transaction, so a job exists only if the request
  that made it committed; enqueue the task with ``transaction.on_commit``.
- :func:`job_start`, :func:`job_progress`, :func:`job_succeed` and :func:`job_fail` are each a
  single ``UPDATE`` in its own durable transaction: committed at once, and refused
  (``RuntimeError``) when called inside another transaction, where it would stay invisible
  until that transaction ends.
- A task's own write stays one all-or-nothing transaction, and progress cannot be reported
  from inside it: on PostgreSQL the update would not be seen before the commit, and on SQLite
  the write transaction holds the database's only write lock. Tasks report progress *between*
  their phases (read → compute → store), so the bar moves in a few steps, and the store phase
  is one step however long it takes.
- A job killed without a chance to clean up (``SIGKILL``, power loss) cannot say so. While
  :func:`job_run` runs the work, a thread records that the worker is alive
  (``heartbeat_at``) every ``JOB_HEARTBEAT_SECONDS``, and so does every progress report;
  :func:`jobs_reap` marks failed, as interrupted, each running job whose heartbeat is older
  than ``JOB_LOST_AFTER_SECONDS``. A worker reaps before each job it starts, and reading jobs
  (lists, the progress widget) reaps first, so a dead job is not shown as running for long.
  On SQLite a heartbeat waits while a task holds the write lock (its store phase): the
  timeout must be longer than the longest of those.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connections, transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Greatest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from giamngheo.apps.accounts.models import User
from giamngheo.apps.audit.context import ActorContext, acting_as
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_record
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.jobs.models import JOB_STATES_OPEN, JobRun, JobState

logger = logging.getLogger(__name__)

type JobId = uuid.UUID | str
type JobResult = Mapping[str, Any]


class Progress(Protocol):
    """Reports how far a piece of work has got (``done`` of ``total`` steps)."""

    def __call__(self, *, done: int, total: int, message: str) -> None: ...


def progress_ignored(*, done: int, total: int, message: str) -> None:
    """The reporter for work run outside a job (CLI commands, direct calls in tests)."""


class JobError(Exception):
    """A failure whose message is written for the user; :func:`job_run` shows it as is."""


class JobFailedError(Exception):
    """Raised by :func:`job_run` once the job is marked failed. It carries only the readable
    message, so the task backend records the failure without the original's details (those
    go to the server log)."""


# Exceptions whose message is meant for users; any other shows a generic message.
READABLE_ERRORS: tuple[type[Exception], ...] = (JobError, ValidationError, PermissionDenied)
UNEXPECTED_ERROR = "Lỗi không mong đợi ({name}). Chi tiết đã được ghi vào nhật ký máy chủ."
INTERRUPTED = (
    "Công việc bị gián đoạn: tiến trình xử lý bị dừng trước khi công việc xong."
    " Hãy yêu cầu chạy lại."
)
LOST = (
    "Công việc bị gián đoạn: tiến trình xử lý đã ngừng hoạt động đột ngột (máy chủ khởi động"
    " lại, mất điện…) trước khi công việc xong. Hãy yêu cầu chạy lại."
)
# Defaults of the settings that say when a job has lost its worker.
HEARTBEAT_SECONDS = 30
LOST_AFTER_SECONDS = 600


@transaction.atomic
def job_create(
    *,
    actor: User | None,
    kind: str,
    label: str,
    province: Province | None = None,
    commune: Commune | None = None,
) -> JobRun:
    """A queued job, requested by ``actor`` (``None``: the system), placed in a unit so that
    lists can be scoped."""
    if commune is not None and province is None:
        province = commune.province
    job = JobRun(kind=kind, label=label, created_by=actor, province=province, commune=commune)
    job.full_clean()
    job.save(force_insert=True)
    # Not audited_save: the audit trail cannot store a UUID primary key's value (yet).
    audit_record(
        action=AuditAction.CREATE,
        target=job,
        changes={"kind": [None, kind], "label": [None, label]},
        summary=f"Yêu cầu công việc nền: {label}",
    )
    return job


def job_start(*, job_id: JobId) -> JobRun:
    """Mark a queued job running; refuse (``LookupError``) one that is not queued."""
    now = timezone.now()
    started = _update(
        job_id, only_in=(JobState.QUEUED,), state=JobState.RUNNING, started_at=now,
        heartbeat_at=now,
    )  # fmt: skip
    if not started:
        raise LookupError(f"Công việc {job_id} không ở trạng thái chờ.")
    return JobRun.objects.get(pk=job_id)


def job_progress(*, job_id: JobId, done: int, total: int, message: str) -> None:
    if not 0 <= done <= total:
        raise ValueError(f"Tiến độ không hợp lệ: {done}/{total}")
    _update(
        job_id, only_in=(JobState.RUNNING,), done=done, total=total, message=message[:255],
        heartbeat_at=timezone.now(),
    )  # fmt: skip


def job_succeed(*, job_id: JobId, result: JobResult) -> None:
    """Store the result; the bar shows full whatever was last reported."""
    full = Greatest("total", Value(1))
    stored = _update(
        job_id,
        only_in=(JobState.RUNNING,),
        state=JobState.SUCCEEDED,
        done=full,
        total=full,
        message="",
        result=dict(result),
        finished_at=timezone.now(),
    )
    if not stored:
        logger.warning("Job %s finished after it was marked interrupted", job_id)


def job_fail(*, job_id: JobId, error: str) -> None:
    """Mark the job failed; ``error`` is shown to users, so never a traceback."""
    _update(
        job_id,
        only_in=JOB_STATES_OPEN,
        state=JobState.FAILED,
        error=error,
        finished_at=timezone.now(),
    )


def job_run(*, job_id: JobId, work: Callable[[Progress], JobResult]) -> JobResult:
    """Run ``work`` as the job: mark it running, hand it a progress reporter, store what it
    returns as the result. Audit records it writes name the user who asked for the job.

    On failure the job is marked failed with a readable message (see
    :data:`READABLE_ERRORS`) and :class:`JobFailedError` is raised, so the task fails too.
    Jobs whose worker died are settled first (:func:`jobs_reap`).
    """
    jobs_reap()
    job = job_start(job_id=job_id)

    def report(*, done: int, total: int, message: str) -> None:
        job_progress(job_id=job.pk, done=done, total=total, message=message)

    try:
        with (
            acting_as(ActorContext(user_id=job.created_by_id, label="worker")),
            job_heartbeat(job_id=job.pk),
        ):
            result = work(report)
        job_succeed(job_id=job.pk, result=result)
    except Exception as error:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        message = job_error_message(error)
        job_fail(job_id=job.pk, error=message)
        raise JobFailedError(message) from None
    except BaseException:
        job_fail(job_id=job.pk, error=INTERRUPTED)
        raise
    return result


def job_error_message(error: Exception) -> str:
    """What users read about a failure: the message of errors written for them, otherwise
    only the kind of error (messages of other errors may quote personal data)."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, READABLE_ERRORS):
        return str(error)
    return UNEXPECTED_ERROR.format(name=type(error).__name__)


@contextmanager
def job_heartbeat(*, job_id: JobId) -> Iterator[None]:
    """Record that the worker is alive every ``JOB_HEARTBEAT_SECONDS`` while the block runs,
    from a thread, so that long steps without progress reports do not look like death."""
    stop = threading.Event()
    thread = threading.Thread(
        target=_beat, args=(job_id, stop), name=f"heartbeat-{job_id}", daemon=True
    )
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _beat(job_id: JobId, stop: threading.Event) -> None:
    """The heartbeat thread; its database connection is its own and closed at the end."""
    try:
        while not stop.wait(_seconds("JOB_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS)):
            job_touch(job_id=job_id)
    finally:
        connections.close_all()


def job_touch(*, job_id: JobId) -> None:
    """Record that the running job's worker is alive. A busy database (SQLite while a task
    holds the write lock) is not an error: the next beat tries again."""
    try:
        _update(job_id, only_in=(JobState.RUNNING,), heartbeat_at=timezone.now())
    except OperationalError as error:
        logger.warning("Job %s: heartbeat not recorded (%s)", job_id, type(error).__name__)


def jobs_reap() -> int:
    """Mark failed, with the message :data:`LOST`, every running job whose worker stopped
    sending heartbeats ``JOB_LOST_AFTER_SECONDS`` ago or more, and its task record; return
    how many. When there is none (the usual case) this is one read of a small index.

    Runs in the caller's transaction if there is one. A busy database defers the work to the
    next reader or worker.
    """
    lost_after = dt.timedelta(seconds=_seconds("JOB_LOST_AFTER_SECONDS", LOST_AFTER_SECONDS))
    lost = JobRun.objects.filter(
        state=JobState.RUNNING, heartbeat_at__lt=timezone.now() - lost_after
    )
    if not lost.exists():
        return 0
    try:
        with transaction.atomic():
            return _reap(lost)
    except OperationalError as error:
        logger.warning("Lost jobs not marked yet (%s)", type(error).__name__)
        return 0


def _reap(lost: QuerySet[JobRun]) -> int:
    job_ids = [str(pk) for pk in lost.values_list("pk", flat=True)]
    now = timezone.now()
    reaped = lost.update(state=JobState.FAILED, error=LOST, finished_at=now)
    # Job tasks take the job's id as their first argument.
    DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, args_kwargs__args__0__in=job_ids
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=f"{JobFailedError.__module__}.{JobFailedError.__qualname__}",
        traceback=LOST,
    )
    logger.warning("Jobs %s lost their worker; marked interrupted", ", ".join(job_ids))
    return reaped


def _seconds(name: str, default: float) -> float:
    return float(getattr(settings, name, default))


def _update(job_id: JobId, *, only_in: tuple[str, ...], **fields: Any) -> int:
    """One committed ``UPDATE`` of the job, if it is in one of the states ``only_in``."""
    rows = JobRun.objects.filter(pk=job_id, state__in=only_in)
    with transaction.atomic(durable=True):
        return rows.update(**fields)
