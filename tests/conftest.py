"""Shared fixtures. The administrative units are loaded once per test database; tests run in
transactions that roll back, so they can rely on the units being there."""

from __future__ import annotations

import importlib.abc
import io
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from django.core.management import call_command
from django.db import connection

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SPARK_TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.default.parallelism": "4",
    "spark.driver.memory": "2g",
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from giamngheo.apps.geo.services import geo_units_load

    with django_db_blocker.unblock():
        geo_units_load()


@pytest.fixture(autouse=True)
def _allow_flush_of_audit_table(request: pytest.FixtureRequest) -> None:
    """Transactional tests end by emptying every table; on PostgreSQL the audit table refuses
    TRUNCATE unless the session says it is emptying a throwaway database."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET giamngheo.audit_truncate = 'on'")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests create and sign in many users; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def geo_units(transactional_db: None) -> None:
    """Transactional tests empty every table when they end, the units and the reference
    figures that migrations load included: put them back (both loads are idempotent; the
    units take about a second)."""
    from giamngheo.apps.geo.models import Commune
    from giamngheo.apps.geo.services import geo_units_load
    from giamngheo.apps.monitoring.models import ReferenceFigure
    from giamngheo.apps.monitoring.reference import reference_load

    if not Commune.objects.filter(code="05977").exists():
        geo_units_load()
    reference_load(ReferenceFigure)


class _PangoMissing(importlib.abc.MetaPathFinder):
    """Importing WeasyPrint fails as it does on a machine without Pango."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared "
                "object file: No such file or directory"
            )


@pytest.fixture
def pango_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pango cannot be uninstalled for a test: make ``import weasyprint`` fail the same way."""
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_PangoMissing(), *sys.meta_path])


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    """One local Spark session for the whole run (tests marked ``spark``); it takes ~7 s to
    start. The CLI and pipeline reuse it: ``getOrCreate`` returns the active session."""
    from giamngheo.analytics.spark import spark_session

    warehouse = str(tmp_path_factory.mktemp("spark-warehouse"))
    session = spark_session("local[2]", {**SPARK_TEST_CONF, "spark.sql.warehouse.dir": warehouse})
    yield session
    session.stop()


WORKER_LOGGERS = ("django.tasks", "django_tasks_db")


@pytest.fixture
def run_worker() -> Iterator[Callable[[], None]]:
    """Runs the real task worker (``db_worker --batch``) in this process until the queue is
    empty. It installs signal handlers and sets log levels; both are put back afterwards."""
    signals = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    levels = {name: logging.getLogger(name).level for name in WORKER_LOGGERS}

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False,
                     verbosity=0, stdout=io.StringIO())  # fmt: skip

    yield run
    for number, handler in signals.items():
        signal.signal(number, handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    """Each test starts in the default language: a request made in English by an earlier
    test must not leave its language active in this thread."""
    from django.utils import translation

    with translation.override("vi"):
        yield
