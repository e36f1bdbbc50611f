"""Job tasks for tests that run real workers (imported by the worker by their path)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from django.tasks import task

from giamngheo.apps.jobs.services import Progress, job_run

WAITING = "Đang chờ đến khi tiến trình bị dừng"


@task()
def job_waiting_task(job_id: str, started_flag: str) -> dict[str, Any]:
    """Reports one step, leaves ``started_flag`` and waits until its process is killed."""

    def work(progress: Progress) -> dict[str, Any]:
        progress(done=0, total=1, message=WAITING)
        Path(started_flag).touch()
        threading.Event().wait()
        return {}

    return dict(job_run(job_id=job_id, work=work))


@task()
def job_quick_task(job_id: str) -> dict[str, Any]:
    return dict(job_run(job_id=job_id, work=lambda progress: {"summary": "Xong."}))
