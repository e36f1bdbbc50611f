"""Enrolment as a background job: requested within scope, run by the real database worker
(``db_worker --batch``, in this process), reporting its phases and keeping the counts by
commune as its result; the worker checks the requester's scope again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult
from tests.apps.programmes.programmes_support import (
    HOME,
    NEIGHBOUR,
    commune_officer,
    household,
    province_officer,
)

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.jobs.models import JobRun, JobState
from giamngheo.apps.programmes.models import Enrolment, SupportLevel
from giamngheo.apps.programmes.services import (
    enrolment_commit,
    enrolment_request,
    levels_template_load,
)

M = 1_000_000


def _level(officer: User) -> SupportLevel:
    levels = levels_template_load(actor=officer, province=officer.scope_province)
    return next(lv for lv in levels if lv.code == "nha-xay-moi")


def _households() -> None:
    household(HOME, "H-1", {2024: "poor", 2025: "poor"})
    household(HOME, "H-2", {2025: "near_poor"})
    household(NEIGHBOUR, "H-3", {2025: "poor"})
    household(HOME, "H-4", {2025: "not_poor"})


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_worker_previews_then_commits(run_worker: Callable[[], None]) -> None:
    officer = province_officer()
    level = _level(officer)
    _households()
    preview = enrolment_request(actor=officer, level=level, year=2026, action="preview")
    assert JobRun.objects.get(pk=preview.pk).state == JobState.QUEUED
    run_worker()
    preview.refresh_from_db()
    assert preview.state == JobState.SUCCEEDED, preview.error
    assert (preview.kind, preview.done, preview.total) == ("enrolment-preview", 2, 2)
    result = preview.result
    assert (result["households"], result["new"], result["amount"]) == (3, 3, 180 * M)
    home, neighbour = Commune.objects.get(code=HOME).name, Commune.objects.get(code=NEIGHBOUR).name
    assert {c["commune"]: c["households"] for c in result["communes"]} == {home: 2, neighbour: 1}
    assert result["summary"] == (
        "3 hộ đủ điều kiện theo nha-xay-moi@v1, 3 hộ chưa ghi danh, 180.000.000 đồng."
    )
    assert not Enrolment.objects.exists()

    commit = enrolment_request(actor=officer, level=level, year=2026, action="commit")
    run_worker()
    commit.refresh_from_db()
    assert commit.state == JobState.SUCCEEDED, commit.error
    assert (commit.kind, commit.done, commit.total) == ("enrolment", 3, 3)
    assert commit.result["summary"] == "Đã ghi danh 3 hộ theo nha-xay-moi@v1, 180.000.000 đồng."
    assert Enrolment.objects.filter(level=level, year=2026).count() == 3
    event = AuditEvent.objects.get(target_type="programmes.enrolment")
    assert (event.actor_id, event.changes) == (officer.pk, {"count": 3})
    assert {t.status for t in DBTaskResult.objects.all()} == {"SUCCESSFUL"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("geo_units")
def test_the_worker_checks_the_requesters_scope_again(run_worker: Callable[[], None]) -> None:
    officer = province_officer()
    level = _level(officer)
    _households()
    job = enrolment_request(actor=officer, level=level, year=2026, action="commit")
    User.objects.filter(pk=officer.pk).update(role=Role.AUDITOR)  # no longer manages programmes
    run_worker()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == "Vai trò không có quyền: programmes.manage"
    assert not Enrolment.objects.exists()
    assert DBTaskResult.objects.get().status == "FAILED"


@pytest.mark.django_db
def test_a_request_out_of_scope_or_for_a_year_without_standard_makes_no_job() -> None:
    officer = province_officer()
    level = _level(officer)
    with pytest.raises(PermissionDenied):
        enrolment_request(actor=commune_officer(), level=level, year=2026, action="preview")
    with pytest.raises(ValidationError, match="không áp dụng cho năm 2030"):
        enrolment_request(actor=officer, level=level, year=2030, action="preview")
    assert not JobRun.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_commit_reports_its_phases_and_skips_households_enrolled_meanwhile() -> None:
    officer = province_officer()
    level = _level(officer)
    _households()
    steps: list[tuple[int, int, str]] = []

    def progress(*, done: int, total: int, message: str) -> None:
        steps.append((done, total, message))
        if done == 2:  # another run enrols first, between this one's check and its store
            enrolment_commit(actor=officer, level=level, year=2026)

    done = enrolment_commit(actor=officer, level=level, year=2026, progress=progress)
    assert [(d, t) for d, t, _ in steps] == [(0, 3), (1, 3), (2, 3)]
    assert steps[0][2] == "Đang đọc dữ liệu các hộ của Tỉnh Lạng Sơn"
    assert steps[1][2].startswith("Đang xét 4 hộ theo ngheo-can-ngheo@v1")
    assert steps[2][2] == "Đang lưu 3 hộ ghi danh"
    assert (done.households, done.new) == (3, 0)
    assert Enrolment.objects.count() == 3
