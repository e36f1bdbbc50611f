"""Running linkage (incremental) over the records in the actor's scope, directly or as a
background job that reports its phases (read → score → store).

Reading and scoring happen outside any transaction; the clusters and pairs are stored in one
durable, audited transaction, so progress is reported between the phases (see
:mod:`giamngheo.apps.jobs.services`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.tasks import task

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope
from giamngheo.apps.audit.services import audit_bulk_record
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.services import Progress, job_create, job_run, progress_ignored
from giamngheo.apps.linkage import records
from giamngheo.apps.linkage.models import CandidatePair, Cluster, ClusterMember, ListEntry
from giamngheo.apps.linkage.services.common import commune_of, unit_require
from giamngheo.apps.registry.models import Member
from giamngheo.linkage.clusters import clusters_assign, strong_edges
from giamngheo.linkage.engine import (
    Model,
    explanation,
    level_labels,
    model_label,
    model_load,
    pairs_predict_new,
)

AUTO_LINK = 0.99  # pairs at or above join clusters without review
REVIEW_FROM = 0.5  # pairs from here up (in different clusters) wait for a decision
_PLACEHOLDER = 10**15  # cluster numbers the engine hands out before rows exist
RUN_STEPS = 3  # read, score, store
JOB_KIND = "linkage"
CHANGED = (
    "Trong lúc đối soát, một lần chạy khác đã xếp nhóm hoặc xoá bản ghi trong phạm vi này; "
    "không lưu gì, hãy chạy lại."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkageResult:
    model: str
    new_records: int
    joined: int  # new records placed in an existing cluster
    clusters_created: int
    pairs_queued: int

    @property
    def summary(self) -> str:
        return (
            f"{self.new_records} bản ghi mới; {self.joined} nhập vào nhóm sẵn có; "
            f"{self.clusters_created} nhóm mới; {self.pairs_queued} cặp chờ xem xét"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Records:
    """What a run reads: the records not yet in a cluster, the placed ones with their
    clusters, and the query that finds the placed ones again when storing."""

    new: pl.DataFrame
    old: pl.DataFrame
    placed: dict[int, int]  # record key -> cluster
    placed_rows: QuerySet[ClusterMember]


def linkage_run(
    *, actor: Any, province: Province, progress: Progress = progress_ignored
) -> LinkageResult:
    """Link records not yet in any cluster (registry members and list entries in the actor's
    scope) against each other and against existing clusters, whose ids never change."""
    scope = unit_require(actor, Capability.CLASSIFY_RUN, province, commune_of(actor))
    where = commune_of(actor) or province
    progress(done=0, total=RUN_STEPS, message=f"Đang đọc bản ghi ({where})")
    read = _records_read(scope, province)
    model = model_load()
    if read.new.is_empty():
        return LinkageResult(model=model_label(model), new_records=0, joined=0,
                             clusters_created=0, pairs_queued=0)  # fmt: skip
    progress(done=1, total=RUN_STEPS, message=_scoring(read))
    pairs = pairs_predict_new(read.new, read.old, model, threshold=REVIEW_FROM)
    progress(done=2, total=RUN_STEPS, message="Đang lưu nhóm và cặp chờ xem xét")
    return _store(actor, province, read, pairs, model)


def _scoring(read: _Records) -> str:
    new, old = (f"{n:,}".replace(",", ".") for n in (read.new.height, read.old.height))
    return f"Đang chấm điểm {new} bản ghi mới với nhau và với {old} bản ghi đã xếp nhóm"


def _records_read(scope: Scope, province: Province) -> _Records:
    members, entries = _scoped_records(scope, province)
    placed_rows = ClusterMember.objects.filter(Q(member__in=members) | Q(entry__in=entries))
    placed = dict(_keys_and_clusters(placed_rows))
    people = pl.concat([records.members_frame(members), records.entries_frame(entries)])
    is_new = ~pl.col("record_id").is_in(list(placed))
    return _Records(new=people.filter(is_new), old=people.filter(~is_new), placed=placed,
                    placed_rows=placed_rows)  # fmt: skip


def _scoped_records(
    scope: Scope, province: Province
) -> tuple[QuerySet[Member], QuerySet[ListEntry]]:
    members = Member.objects.filter(household__province=province)
    entries = ListEntry.objects.filter(imported_list__province=province)
    if scope.level in (ScopeLevel.COMMUNE, ScopeLevel.VILLAGE):
        members = members.filter(household__village__commune_id=scope.commune_id or 0)
        entries = entries.filter(
            Q(commune_id=scope.commune_id)
            | Q(commune__isnull=True, imported_list__commune_id=scope.commune_id)
        )
    return members, entries


def _keys_and_clusters(placed: QuerySet[ClusterMember]) -> list[tuple[int, int]]:
    out = []
    for member_id, entry_id, cluster_id in placed.values_list(
        "member_id", "entry_id", "cluster_id"
    ):
        key = records.member_key(member_id) if member_id else records.entry_key(entry_id)
        out.append((key, cluster_id))
    return out


@transaction.atomic(durable=True)
def _store(actor: Any, province: Province, read: _Records, pairs: pl.DataFrame,
           model: Model) -> LinkageResult:  # fmt: skip
    """Place the new records and queue the uncertain pairs. Refused (nothing stored) when
    another run placed records of this scope, or records were deleted, since they were read."""
    if read.placed_rows.count() != len(read.placed):
        raise ValidationError(CHANGED)
    assignment = clusters_assign(new=read.new["record_id"].to_list(), existing=read.placed,
                                 edges=strong_edges(pairs, threshold=AUTO_LINK),
                                 next_id=_PLACEHOLDER)  # fmt: skip
    made = Cluster.objects.bulk_create(Cluster(province=province) for _ in assignment.created)
    real = dict(zip(assignment.created, (c.pk for c in made), strict=True))
    clusters = {key: real.get(c, c) for key, c in assignment.clusters.items()}
    ClusterMember.objects.bulk_create(
        _membership(key, cluster) for key, cluster in clusters.items()
    )
    queued = _queue(province, pairs, read.placed | clusters, model)
    result = LinkageResult(
        model=model_label(model), new_records=read.new.height,
        joined=sum(1 for c in assignment.clusters.values() if c < _PLACEHOLDER),
        clusters_created=len(made), pairs_queued=queued,
    )  # fmt: skip
    audit_bulk_record(
        target_type="linkage.clustermember", count=read.new.height,
        summary=f"Đối soát ({result.model}): {result.summary}",
        province_id=province.pk, commune_id=getattr(actor, "scope_commune_id", None),
    )  # fmt: skip
    return result


def _membership(key: int, cluster: int) -> ClusterMember:
    kind, pk = records.key_split(key)
    if kind == "member":
        return ClusterMember(cluster_id=cluster, member_id=pk)
    return ClusterMember(cluster_id=cluster, entry_id=pk)


def _queue(province: Province, pairs: pl.DataFrame, clusters: dict[int, int],
           model: Model) -> int:  # fmt: skip
    if pairs.is_empty():
        return 0
    labels = level_labels(model)
    rows = [p for p in pairs.iter_rows(named=True)
            if clusters.get(p["unique_id_l"]) != clusters.get(p["unique_id_r"])]  # fmt: skip
    communes = _communes_of([k for p in rows for k in (p["unique_id_l"], p["unique_id_r"])])
    made = CandidatePair.objects.bulk_create(
        (CandidatePair(
            province=province, left_key=p["unique_id_l"], right_key=p["unique_id_r"],
            commune_id=communes.get(p["unique_id_l"]) or communes.get(p["unique_id_r"]),
            match_weight=float(p["match_weight"]), match_probability=float(p["match_probability"]),
            explanation=explanation(p, labels), model=model_label(model),
        ) for p in rows),
        ignore_conflicts=True,
    )  # fmt: skip
    return len(made)


def _communes_of(keys: list[int]) -> dict[int, int | None]:
    members = [records.key_split(k)[1] for k in keys if k % 2 == 0]
    entries = [records.key_split(k)[1] for k in keys if k % 2 == 1]
    out: dict[int, int | None] = {}
    for pk, commune in Member.objects.filter(pk__in=members).values_list(
        "pk", "household__village__commune_id"
    ):
        out[records.member_key(pk)] = commune
    for pk, commune, list_commune in ListEntry.objects.filter(pk__in=entries).values_list(
        "pk", "commune_id", "imported_list__commune_id"
    ):
        out[records.entry_key(pk)] = commune or list_commune
    return out


# -- as a background job --------------------------------------------------------------------
def linkage_request(*, actor: User, province: Province) -> JobRun:
    """Queue a linkage run of the actor's scope in ``province`` as a job its requester can
    follow (placed in the actor's commune, or the province); the task is enqueued once the
    job is committed. Refused (``PermissionDenied``) as :func:`linkage_run` would be."""
    commune = commune_of(actor)
    unit_require(actor, Capability.CLASSIFY_RUN, province, commune)
    with transaction.atomic(durable=True):
        job = job_create(actor=actor, kind=JOB_KIND, label=_label(province, commune),
                         province=province, commune=commune)  # fmt: skip
        args = (str(job.pk), province.code)
        transaction.on_commit(lambda: linkage_run_task.enqueue(*args))
    return job


def _label(province: Province, commune: Commune | None) -> str:
    return f"Đối soát danh sách với sổ hộ ({commune or province})"


@task()
def linkage_run_task(job_id: str, province_code: str) -> dict[str, Any]:
    """Background form of :func:`linkage_run` for the job ``job_id``, run as the user who
    asked for it (``giamngheo worker`` runs it): reports its phases, stores the counts as the
    job's result; a failure marks the job failed."""

    def work(progress: Progress) -> dict[str, Any]:
        actor = JobRun.objects.select_related("created_by").get(pk=job_id).created_by
        province = Province.objects.get(code=province_code)
        return _job_result(linkage_run(actor=actor, province=province, progress=progress))

    return dict(job_run(job_id=job_id, work=work))


def _job_result(run: LinkageResult) -> dict[str, Any]:
    """The run's counts, with a summary for the progress widget."""
    return {
        "model": run.model, "new_records": run.new_records, "joined": run.joined,
        "clusters_created": run.clusters_created, "pairs_queued": run.pairs_queued,
        "summary": f"Đã đối soát ({run.model}): {run.summary}.",
    }  # fmt: skip
