"""A real worker process killed with SIGKILL in the middle of a job: the job is reported as
interrupted, and the next job runs (see ``killed_worker.py``)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from tests.apps.jobs.worker_tasks import WAITING

from giamngheo.apps.jobs.services import LOST

ROOT = Path(__file__).resolve().parents[3]


def _shared_database(tmp_path: Path) -> str:
    """A ``DATABASE_URL`` other processes can open holding this test's database: PostgreSQL's
    test database itself; SQLite's in-memory test database copied to a file."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        return (f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT']}"
                f"/{settings['NAME']}")  # fmt: skip
    copy = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    with target:
        connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_a_killed_worker_leaves_an_interrupted_job_and_the_next_one_runs(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": _shared_database(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tests.apps.jobs.worker_settings",
        "GIAMNGHEO_VAR": str(tmp_path / "var"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    run = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "tests.apps.jobs.killed_worker", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-20000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])

    assert seen["before"] == ["running", WAITING]
    assert seen["worker_exit"] == -9  # SIGKILL: no clean-up ran
    assert seen["still"] == "running"
    assert seen["after"] == ["failed", LOST, WAITING, True]
    assert seen["task"] == "FAILED"
    assert seen["following"] == ["succeeded", {"summary": "Xong."}]
