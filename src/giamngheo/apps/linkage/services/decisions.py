"""Deciding candidate pairs (merge / not the same / unsure) and undoing a decision, each one
durable, audited transaction. Deciding needs :attr:`Capability.LINKAGE_REVIEW` over the
pair's commune (or province)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_record
from giamngheo.apps.linkage import records
from giamngheo.apps.linkage.models import (
    CandidatePair,
    Cluster,
    ClusterMember,
    Decision,
    PairStatus,
    ReviewDecision,
)
from giamngheo.apps.linkage.services.common import OUTSIDE

_STATUS = {Decision.MERGE: PairStatus.MERGED, Decision.NOT_SAME: PairStatus.NOT_SAME,
           Decision.UNSURE: PairStatus.UNSURE}  # fmt: skip


def pair_review_require(actor: Any, pair: CandidatePair) -> None:
    """Refuse (``PermissionDenied``) unless ``actor`` may decide on ``pair``."""
    scope = scope_require(actor, Capability.LINKAGE_REVIEW)
    inside = scope.level == ScopeLevel.COUNTRY or (
        scope.province_id == pair.province_id
        and (scope.level == ScopeLevel.PROVINCE or pair.commune_id == scope.commune_id)
    )
    if not inside:
        raise PermissionDenied(OUTSIDE)


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
    pair_review_require(actor, pair)
    pair = CandidatePair.objects.select_for_update().get(pk=pair.pk)
    if pair.status != PairStatus.PENDING and pair.status != PairStatus.UNSURE:
        raise ValidationError("Cặp này đã được quyết định; huỷ quyết định trước khi đổi.")
    made = ReviewDecision(pair=pair, decision=Decision(decision), note=note[:255], decided_by=actor)
    if decision == Decision.MERGE:
        made.merged_from, made.moved = _merge(cluster_of(pair.left_key), cluster_of(pair.right_key))
    pair.status = _STATUS[Decision(decision)]
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
    pair_review_require(actor, decision.pair)
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
