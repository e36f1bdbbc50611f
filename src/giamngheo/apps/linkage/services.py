"""Changes made by linkage: importing another giver's list, running linkage (incremental),
and deciding candidate pairs (merge / not the same / unsure), each undoable. Every change is
one durable, audited transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import Scope, scope_require
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_bulk_record, audit_record
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.linkage import records
from giamngheo.apps.linkage.models import (
    CandidatePair,
    Cluster,
    ClusterMember,
    Decision,
    ImportedList,
    ListEntry,
    PairStatus,
    ReviewDecision,
)
from giamngheo.apps.registry.models import Member
from giamngheo.linkage.clusters import clusters_assign
from giamngheo.linkage.engine import (
    explanation,
    level_labels,
    model_label,
    model_load,
    pairs_predict_new,
)
from giamngheo.linkage.normalise import communes_resolve

AUTO_LINK = 0.99  # pairs at or above join clusters without review
REVIEW_FROM = 0.5  # pairs from here up (in different clusters) wait for a decision
_PLACEHOLDER = 10**15  # cluster numbers the engine hands out before rows exist


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryRow:
    """One person of an imported list, as parsed from the file."""

    row_number: int
    full_name: str
    birth_on: dt.date | None = None
    birth_year: int | None = None
    id_number: str = ""
    sex: str = ""
    commune_text: str = ""
    village_text: str = ""
    amount_vnd: int | None = None
    delivered_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListHeader:
    province: Province
    commune: Commune | None
    name: str
    kind: str
    giver: str
    support_type: str
    starts_on: dt.date
    ends_on: dt.date
    organisation: Organisation | None = None


def _require_unit(actor: Any, capability: Capability, province: Province,
                  commune: Commune | None) -> Scope:  # fmt: skip
    scope = scope_require(actor, capability)
    if scope.level == ScopeLevel.COUNTRY:
        return scope
    if scope.province_id != province.pk:
        raise PermissionDenied("Ngoài phạm vi được giao.")
    if scope.level in (ScopeLevel.COMMUNE, ScopeLevel.VILLAGE) and (
        commune is None or commune.pk != scope.commune_id
    ):
        raise PermissionDenied("Ngoài phạm vi được giao.")
    return scope


@transaction.atomic(durable=True)
def list_import(*, actor: Any, header: ListHeader, rows: Sequence[EntryRow]) -> ImportedList:
    """Store a list as written (the commune text resolved to current codes)."""
    _require_unit(actor, Capability.SUPPORT_RECORD, header.province, header.commune)
    if not rows:
        raise ValidationError("Danh sách không có dòng nào.")
    imported = ImportedList(
        province=header.province, commune=header.commune, name=header.name, kind=header.kind,
        giver=header.giver, organisation=header.organisation, support_type=header.support_type,
        starts_on=header.starts_on, ends_on=header.ends_on, rows=len(rows), imported_by=actor,
    )  # fmt: skip
    imported.full_clean()
    imported.save()
    codes = _resolve(header, rows)
    communes = dict(Commune.objects.filter(province=header.province).values_list("code", "id"))
    ListEntry.objects.bulk_create(
        _entry(imported, row, found, communes) for row, found in zip(rows, codes, strict=True)
    )
    audit_record(action=AuditAction.CREATE, target=imported,
                 changes={"name": [None, header.name], "rows": [None, len(rows)]},
                 summary=f"Nhập danh sách {header.name} ({len(rows)} dòng)")  # fmt: skip
    return imported


def _resolve(header: ListHeader, rows: Sequence[EntryRow]) -> list[list[str]]:
    lookup = records.commune_lookup(header.province)
    default = [header.commune.code] if header.commune else []
    texts = pl.Series("t", [r.commune_text for r in rows], dtype=pl.String)
    found = communes_resolve(texts, lookup).to_list()
    return [f or (default if not r.commune_text else []) for r, f in zip(rows, found, strict=True)]


def _entry(imported: ImportedList, row: EntryRow, codes: list[str],
           communes: dict[str, int]) -> ListEntry:  # fmt: skip
    commune_id = communes.get(codes[0]) if len(codes) == 1 else None
    return ListEntry(
        imported_list=imported, row_number=row.row_number, full_name=row.full_name[:100],
        birth_on=row.birth_on, birth_year=row.birth_on.year if row.birth_on else row.birth_year,
        id_number=row.id_number[:12], sex=row.sex, commune_text=row.commune_text[:100],
        village_text=row.village_text[:100], commune_id=commune_id, commune_codes=codes,
        amount_vnd=row.amount_vnd, delivered_on=row.delivered_on,
    )  # fmt: skip


# -- linkage runs ---------------------------------------------------------------------------
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


def linkage_run(*, actor: Any, province: Province) -> LinkageResult:
    """Link records not yet in any cluster (registry members and list entries in the actor's
    scope) against each other and against existing clusters, whose ids never change."""
    scope = _require_unit(actor, Capability.CLASSIFY_RUN, province, _commune_of(actor))
    members, entries = _scoped_records(scope, province)
    placed = ClusterMember.objects.filter(Q(member__in=members) | Q(entry__in=entries))
    existing_keys = dict(_keys_and_clusters(placed))
    people = pl.concat([records.members_frame(members), records.entries_frame(entries)])
    is_new = ~pl.col("record_id").is_in(list(existing_keys))
    new, old = people.filter(is_new), people.filter(~is_new)
    model = model_load()
    if new.is_empty():
        return LinkageResult(model=model_label(model), new_records=0, joined=0,
                             clusters_created=0, pairs_queued=0)  # fmt: skip
    pairs = pairs_predict_new(new, old, model, threshold=REVIEW_FROM)
    return _store(actor, province, new, existing_keys, pairs, model)


def _commune_of(actor: Any) -> Commune | None:
    return getattr(actor, "scope_commune", None)


def _keys_and_clusters(placed: QuerySet[ClusterMember]) -> list[tuple[int, int]]:
    out = []
    for member_id, entry_id, cluster_id in placed.values_list(
        "member_id", "entry_id", "cluster_id"
    ):
        key = records.member_key(member_id) if member_id else records.entry_key(entry_id)
        out.append((key, cluster_id))
    return out


@transaction.atomic(durable=True)
def _store(actor: Any, province: Province, new: pl.DataFrame, existing: dict[int, int],
           pairs: pl.DataFrame, model: dict[str, Any]) -> LinkageResult:  # fmt: skip
    strong = pairs.filter(pl.col("match_probability") >= AUTO_LINK) if pairs.height else pairs
    edges = (
        [
            (a, b, w)
            for a, b, w in strong.select("unique_id_l", "unique_id_r", "match_weight").iter_rows()
        ]
        if strong.height
        else []
    )
    assignment = clusters_assign(
        new=new["record_id"].to_list(), existing=existing, edges=edges, next_id=_PLACEHOLDER
    )
    made = Cluster.objects.bulk_create(Cluster(province=province) for _ in assignment.created)
    real = dict(zip(assignment.created, (c.pk for c in made), strict=True))
    clusters = {key: real.get(c, c) for key, c in assignment.clusters.items()}
    ClusterMember.objects.bulk_create(
        _membership(key, cluster) for key, cluster in clusters.items()
    )
    queued = _queue(province, pairs, existing | clusters, model)
    result = LinkageResult(
        model=model_label(model), new_records=new.height,
        joined=sum(1 for c in assignment.clusters.values() if c < _PLACEHOLDER),
        clusters_created=len(made), pairs_queued=queued,
    )  # fmt: skip
    audit_bulk_record(
        target_type="linkage.clustermember", count=new.height,
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
           model: dict[str, Any]) -> int:  # fmt: skip
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


# -- decisions ------------------------------------------------------------------------------
def _pair_require(actor: Any, pair: CandidatePair) -> None:
    scope = scope_require(actor, Capability.REGISTRY_EDIT)
    inside = scope.level == ScopeLevel.COUNTRY or (
        scope.province_id == pair.province_id
        and (scope.level == ScopeLevel.PROVINCE or pair.commune_id == scope.commune_id)
    )
    if not inside:
        raise PermissionDenied("Ngoài phạm vi được giao.")


def cluster_of(key: int) -> Cluster:
    kind, pk = records.key_split(key)
    row = ClusterMember.objects.select_related("cluster").get(**{f"{kind}_id": pk})
    return row.cluster


@transaction.atomic(durable=True)
def pair_decide(
    *, actor: Any, pair: CandidatePair, decision: str, note: str = ""
) -> ReviewDecision:
    """Record a decision; a merge moves every record of the newer cluster into the older one
    (records themselves are untouched)."""
    _pair_require(actor, pair)
    pair = CandidatePair.objects.select_for_update().get(pk=pair.pk)
    if pair.status != PairStatus.PENDING and pair.status != PairStatus.UNSURE:
        raise ValidationError("Cặp này đã được quyết định; huỷ quyết định trước khi đổi.")
    made = ReviewDecision(pair=pair, decision=Decision(decision), note=note[:255], decided_by=actor)
    if decision == Decision.MERGE:
        made.merged_from, made.moved = _merge(cluster_of(pair.left_key), cluster_of(pair.right_key))
    pair.status = {Decision.MERGE: PairStatus.MERGED, Decision.NOT_SAME: PairStatus.NOT_SAME,
                   Decision.UNSURE: PairStatus.UNSURE}[Decision(decision)]  # fmt: skip
    pair.save(update_fields=["status"])
    made.save()
    audit_record(action=AuditAction.CREATE, target=made,
                 changes={"decision": [None, decision], "moved": [None, made.moved]},
                 summary=f"Quyết định cặp {pair}: {decision}")  # fmt: skip
    return made


def _merge(a: Cluster, b: Cluster) -> tuple[Cluster | None, list[int]]:
    if a.pk == b.pk:
        return None, []
    keep, gone = (a, b) if a.pk < b.pk else (b, a)
    moved = list(ClusterMember.objects.filter(cluster=gone).values_list("pk", flat=True))
    ClusterMember.objects.filter(pk__in=moved).update(cluster=keep)
    gone.merged_into = keep
    gone.save(update_fields=["merged_into"])
    return gone, moved


@transaction.atomic(durable=True)
def decision_undo(*, actor: Any, decision: ReviewDecision) -> ReviewDecision:
    """Undo the latest decision on a pair: a merge's moved records go back to their cluster."""
    _pair_require(actor, decision.pair)
    decision = ReviewDecision.objects.select_for_update().get(pk=decision.pk)
    latest = decision.pair.decisions.filter(undone_at__isnull=True).aggregate(m=Max("id"))["m"]
    if decision.undone_at is not None or latest != decision.pk:
        raise ValidationError("Chỉ huỷ được quyết định mới nhất còn hiệu lực của cặp.")
    if decision.merged_from is not None:
        ClusterMember.objects.filter(pk__in=decision.moved).update(cluster=decision.merged_from)
        Cluster.objects.filter(pk=decision.merged_from.pk).update(merged_into=None)
    decision.undone_at, decision.undone_by = timezone.now(), actor
    decision.save(update_fields=["undone_at", "undone_by"])
    CandidatePair.objects.filter(pk=decision.pair_id).update(status=PairStatus.PENDING)
    audit_record(action=AuditAction.UPDATE, target=decision,
                 changes={"undone_at": [None, decision.undone_at]},
                 summary=f"Huỷ quyết định cặp {decision.pair}")  # fmt: skip
    return decision
