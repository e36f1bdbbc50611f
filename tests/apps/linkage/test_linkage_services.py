"""Importing lists, incremental linkage with stable cluster ids, audited decisions."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from tests.apps.linkage.linkage_support import HOME, gift_list, officer, registry, rows_gift
from tests.factories import UserFactory

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.geo.models import Commune, Village
from giamngheo.apps.linkage.models import CandidatePair, ClusterMember, PairStatus
from giamngheo.apps.linkage.records import entry_key, member_key
from giamngheo.apps.linkage.services import decision_undo, linkage_run, pair_decide

pytestmark = pytest.mark.django_db


def _cluster_of_member(household: object) -> int:
    return ClusterMember.objects.get(member__household=household).cluster_id


def test_incremental_run_keeps_cluster_ids_and_links_the_new_list() -> None:
    actor = officer()
    people = registry()
    province = Commune.objects.get(code=HOME).province
    first = linkage_run(actor=actor, province=province)
    assert first.new_records == 3
    assert first.clusters_created == 3
    before = {k: _cluster_of_member(h) for k, h in people.items()}

    imported = gift_list(actor, rows_gift())
    second = linkage_run(actor=actor, province=province)

    assert second.new_records == 3
    assert {k: _cluster_of_member(h) for k, h in people.items()} == before
    huong_entry = imported.entries.get(row_number=1)
    assert huong_entry.commune is not None
    assert huong_entry.commune.code == HOME
    assert ClusterMember.objects.get(entry=huong_entry).cluster_id == before["huong"]
    stranger = ClusterMember.objects.get(entry=imported.entries.get(row_number=2)).cluster_id
    assert stranger not in before.values()
    assert linkage_run(actor=actor, province=province).new_records == 0


def test_an_uncertain_match_waits_in_the_queue_with_its_explanation() -> None:
    actor = officer()
    people = registry()
    province = Commune.objects.get(code=HOME).province
    linkage_run(actor=actor, province=province)
    imported = gift_list(actor, rows_gift())
    linkage_run(actor=actor, province=province)
    dung = people["dung"].members.get()
    keys = {member_key(dung.pk), entry_key(imported.entries.get(row_number=3).pk)}
    pair = CandidatePair.objects.get(left_key__in=keys, right_key__in=keys)
    assert pair.status == PairStatus.PENDING
    assert 0.5 <= pair.match_probability < 0.99
    fields = {e["field"]: e["level"] for e in pair.explanation}
    assert fields["name"] == "middle name differs or dropped"
    assert fields["identity"] == "unknown"


def test_merge_moves_records_and_undo_puts_them_back_audited() -> None:
    actor = officer()
    people = registry()
    province = Commune.objects.get(code=HOME).province
    linkage_run(actor=actor, province=province)
    imported = gift_list(actor, rows_gift())
    linkage_run(actor=actor, province=province)
    entry = imported.entries.get(row_number=3)
    key = entry_key(entry.pk)  # either side: the pair's order follows the record keys
    pair = CandidatePair.objects.get(Q(left_key=key) | Q(right_key=key))
    dung_cluster = _cluster_of_member(people["dung"])
    entry_cluster = ClusterMember.objects.get(entry=entry).cluster_id

    decision = pair_decide(actor=actor, pair=pair, decision="merge", note="cùng CCCD giấy")
    assert ClusterMember.objects.get(entry=entry).cluster_id == min(dung_cluster, entry_cluster)
    assert _cluster_of_member(people["dung"]) == min(dung_cluster, entry_cluster)
    with pytest.raises(ValidationError):
        pair_decide(actor=actor, pair=pair, decision="not_same")

    decision_undo(actor=actor, decision=decision)
    assert ClusterMember.objects.get(entry=entry).cluster_id == entry_cluster
    assert _cluster_of_member(people["dung"]) == dung_cluster
    pair.refresh_from_db()
    assert pair.status == PairStatus.PENDING
    summaries = list(AuditEvent.objects.filter(target_type="linkage.reviewdecision")
                     .values_list("summary", flat=True))  # fmt: skip
    assert len(summaries) == 2


def test_decisions_outside_the_scope_are_refused() -> None:
    pair = _pair_to_decide(officer())
    with pytest.raises(PermissionDenied):
        pair_decide(actor=officer("05983"), pair=pair, decision="merge")
    village_head = UserFactory(role=Role.VILLAGE_HEAD, unit=Village.objects.get(code="LK-1"))
    with pytest.raises(PermissionDenied):
        pair_decide(actor=village_head, pair=pair, decision="merge")


def test_deciding_needs_the_linkage_review_capability() -> None:
    holders = {r for r, caps in ROLE_CAPABILITIES.items() if Capability.LINKAGE_REVIEW in caps}
    assert holders == {Role.COMMUNE_OFFICER, Role.SYSADMIN}  # who could decide before
    actor = officer()
    pair = _pair_to_decide(actor)
    home = Commune.objects.get(code=HOME)
    province = home.province
    for role, unit in ((Role.COMMUNE_CHAIRMAN, home), (Role.AUDITOR, home),
                       (Role.PROVINCE_OFFICER, province)):  # fmt: skip
        with pytest.raises(PermissionDenied, match=r"linkage\.review"):
            pair_decide(actor=UserFactory(role=role, unit=unit), pair=pair, decision="merge")
    admin = UserFactory(role=Role.SYSADMIN, unit=province)
    decision = pair_decide(actor=admin, pair=pair, decision="not_same")
    with pytest.raises(PermissionDenied, match=r"linkage\.review"):
        decision_undo(actor=UserFactory(role=Role.COMMUNE_CHAIRMAN, unit=home), decision=decision)
    decision_undo(actor=actor, decision=decision)


def _pair_to_decide(actor: User) -> CandidatePair:
    """The registry linked, a gift list imported and linked again: its one candidate pair."""
    registry()
    province = Commune.objects.get(code=HOME).province
    linkage_run(actor=actor, province=province)
    gift_list(actor, rows_gift())
    linkage_run(actor=actor, province=province)
    return CandidatePair.objects.get()
