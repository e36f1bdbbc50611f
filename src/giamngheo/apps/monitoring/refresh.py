"""Keeping the aggregate tables current: a change asks for a refresh, a background task
rebuilds the province's rows in one transaction.

Services that change what the dashboards count (classification, support, the ledger) call
:func:`aggregates_request` inside their transaction. It notes the request and, once the
transaction commits, enqueues one refresh task unless one is already waiting; a batch of
changes therefore costs one refresh. The task marks itself started before it reads, so a
change committed while it runs asks for (and gets) another refresh.
"""

from __future__ import annotations

import time

import polars as pl
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from giamngheo.apps.geo.models import Province
from giamngheo.apps.monitoring.aggregates import aggregates_compute
from giamngheo.apps.monitoring.models import AggregateRefresh
from giamngheo.db.bulk import bulk_insert_frame


def aggregates_request(*, province: Province | int) -> None:
    """Ask for the province's aggregates to be rebuilt after the current transaction."""
    province_id = province if isinstance(province, int) else province.pk
    now = timezone.now()
    state, _ = AggregateRefresh.objects.get_or_create(province_id=province_id)
    AggregateRefresh.objects.filter(pk=state.pk).update(requested_at=now)
    if AggregateRefresh.objects.filter(pk=state.pk, queued=False).update(queued=True):
        transaction.on_commit(lambda: aggregates_refresh_task.enqueue(province_id))


@task()
def aggregates_refresh_task(province_id: int) -> int:
    """Background form of :func:`aggregates_refresh`; returns the number of rows written."""
    return aggregates_refresh(province=Province.objects.get(pk=province_id)).rows


def aggregates_refresh(*, province: Province) -> AggregateRefresh:
    """Rebuild every aggregate row of ``province`` (all or nothing)."""
    started = timezone.now()
    state, _ = AggregateRefresh.objects.get_or_create(province=province)
    AggregateRefresh.objects.filter(pk=state.pk).update(queued=False, started_at=started)
    clock = time.perf_counter()
    aggregates = aggregates_compute(province)
    with transaction.atomic(durable=True):
        for model, _frame in aggregates.tables():
            model._default_manager.filter(province=province).delete()
        for model, frame in aggregates.tables():
            bulk_insert_frame(model, frame.with_columns(province_id=pl.lit(province.pk)))
        AggregateRefresh.objects.filter(pk=state.pk).update(
            refreshed_at=started, seconds=time.perf_counter() - clock, rows=aggregates.rows
        )
    state.refresh_from_db()
    return state
