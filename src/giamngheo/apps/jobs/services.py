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
- A job killed without a chance to clean up (``SIGKILL``, power loss) stays ``running``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Greatest
from django.utils import timezone

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
INTERRUPTED = "Tiến trình xử lý bị dừng trước khi công việc xong."


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
    started = _update(
        job_id, only_in=(JobState.QUEUED,), state=JobState.RUNNING, started_at=timezone.now()
    )
    if not started:
        raise LookupError(f"Công việc {job_id} không ở trạng thái chờ.")
    return JobRun.objects.get(pk=job_id)


def job_progress(*, job_id: JobId, done: int, total: int, message: str) -> None:
    if not 0 <= done <= total:
        raise ValueError(f"Tiến độ không hợp lệ: {done}/{total}")
    _update(job_id, only_in=(JobState.RUNNING,), done=done, total=total, message=message[:255])


def job_succeed(*, job_id: JobId, result: JobResult) -> None:
    """Store the result; the bar shows full whatever was last reported."""
    full = Greatest("total", Value(1))
    _update(
        job_id,
        only_in=(JobState.RUNNING,),
        state=JobState.SUCCEEDED,
        done=full,
        total=full,
        message="",
        result=dict(result),
        finished_at=timezone.now(),
    )


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
    """
    job = job_start(job_id=job_id)

    def report(*, done: int, total: int, message: str) -> None:
        job_progress(job_id=job.pk, done=done, total=total, message=message)

    try:
        with acting_as(ActorContext(user_id=job.created_by_id, label="worker")):
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


def _update(job_id: JobId, *, only_in: tuple[str, ...], **fields: Any) -> int:
    """One committed ``UPDATE`` of the job, if it is in one of the states ``only_in``."""
    rows = JobRun.objects.filter(pk=job_id, state__in=only_in)
    with transaction.atomic(durable=True):
        return rows.update(**fields)
