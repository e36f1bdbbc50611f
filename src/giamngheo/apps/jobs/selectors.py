"""Reading jobs, within the reader's scope.

Reading first settles the jobs whose worker died (``jobs_reap``), so that no list and no
progress widget shows a dead job as running; when none has (the usual case) that costs one
read of a small index.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet

from giamngheo.apps.accounts.roles import ScopeLevel
from giamngheo.apps.accounts.scopes import UnitPaths, scope_of
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import jobs_reap

JOB_UNITS = UnitPaths(province="province_id", commune="commune_id", village=None)


def jobs_visible(*, user: Any) -> QuerySet[JobRun]:
    """Jobs placed inside the user's province or commune, and the user's own, newest first.

    Jobs are placed in a province or a commune, never in a village: a user scoped to a village
    sees only the jobs they asked for. Jobs with no unit (system jobs) are seen country-wide.
    """
    if not getattr(user, "is_authenticated", False):
        return JobRun.objects.none()
    jobs_reap()
    scope = scope_of(user)
    visible = Q(created_by=user.pk)
    if scope.level != ScopeLevel.VILLAGE:
        visible |= scope.q(JOB_UNITS)
    rows = JobRun.objects.filter(visible)
    return rows.select_related("created_by", "province", "commune")


def job_get(*, user: Any, job_id: uuid.UUID | str) -> JobRun:
    """One job the user may see (``JobRun.DoesNotExist`` otherwise, as for a missing one)."""
    return jobs_visible(user=user).get(pk=job_id)
