"""Run by ``test_killed_worker`` in a process of its own, against a database that worker
processes can open (``DATABASE_URL``); prints what happened as JSON.

A real worker (``manage.py db_worker``, a child process) starts a job that waits; once the
job has sent heartbeats, the worker is killed with ``SIGKILL``, so nothing can clean up.
When the job has been silent for longer than ``JOB_LOST_AFTER_SECONDS``, another job is
queued and a second real worker (``db_worker --batch``, in this process) runs it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import django

HANG_GUARD_SECONDS = 120  # only stops a broken run from hanging; nothing is timed


def main(workdir: Path) -> dict[str, Any]:
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult
    from tests.apps.jobs.worker_tasks import job_quick_task, job_waiting_task

    from giamngheo.apps.jobs.models import JobRun
    from giamngheo.apps.jobs.services import job_create

    flag = workdir / "started"
    waiting = job_create(actor=None, kind="test", label="Công việc bị dừng đột ngột")
    job_waiting_task.enqueue(str(waiting.pk), str(flag))
    log = workdir / "worker.log"
    output = log.open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker", "--no-startup-delay", "--no-reload",
         "--interval", "0.05", "--verbosity", "2"],
        stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip

    beats: set[dt.datetime] = set()

    def beating() -> bool:
        """Two heartbeats seen while the work waits (the second from the worker's thread)."""
        if worker.poll() is not None:
            raise RuntimeError(f"the worker stopped ({worker.returncode}):\n{log.read_text()}")
        job = JobRun.objects.get(pk=waiting.pk)
        if flag.exists() and job.heartbeat_at is not None:
            beats.add(job.heartbeat_at)
        return len(beats) >= 2

    _wait_for(beating, log)
    before = JobRun.objects.get(pk=waiting.pk)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    output.close()
    silent = JobRun.objects.get(pk=waiting.pk).heartbeat_at or before.started_at
    lost_after = settings.JOB_LOST_AFTER_SECONDS
    _wait_for(lambda: (timezone.now() - silent).total_seconds() > 2 * lost_after, log)
    still = JobRun.objects.get(pk=waiting.pk).state  # nobody has looked yet

    following = job_create(actor=None, kind="test", label="Công việc tiếp theo")
    job_quick_task.enqueue(str(following.pk))
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False,
                 verbosity=0, stdout=io.StringIO())  # fmt: skip

    after, done = JobRun.objects.get(pk=waiting.pk), JobRun.objects.get(pk=following.pk)
    task = DBTaskResult.objects.get(args_kwargs__args__0=str(waiting.pk))
    return {
        "worker_exit": worker.returncode,
        "before": [before.state, before.message],
        "still": still,
        "after": [after.state, after.error, after.message, after.finished_at is not None],
        "task": task.status,
        "following": [done.state, done.result],
    }


def _wait_for(condition: Callable[[], bool], log: Path) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the worker did not get there:\n{log.read_text()}")
        time.sleep(0.02)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.apps.jobs.worker_settings")
    print(json.dumps(main(Path(sys.argv[1]))))
