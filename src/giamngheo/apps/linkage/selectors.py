"""Reads of linkage, always through the reader's scope: the review queue and the overlap and
omission reports (per commune)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import UnitPaths, scope_filter, scope_of
from giamngheo.apps.linkage import records
from giamngheo.apps.linkage.models import (
    CandidatePair,
    ClusterMember,
    ImportedList,
    ListEntry,
    PairStatus,
    ReviewDecision,
)
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.apps.programmes.facts import eligible_frame
from giamngheo.apps.programmes.levels import eligibility_rule
from giamngheo.apps.programmes.models import EligibilityRule
from giamngheo.apps.programmes.selectors import support_visible
from giamngheo.apps.registry.models import Household, Member
from giamngheo.apps.registry.selectors import households_visible

PAIR_UNITS = UnitPaths(province="province_id", commune="commune_id", village=None)
LIST_UNITS = UnitPaths(province="province_id", commune="commune_id", village=None)


def lists_visible(*, user: Any) -> QuerySet[ImportedList]:
    if not scope_of(user).can(Capability.REGISTRY_VIEW):
        return ImportedList.objects.none()
    return scope_filter(ImportedList.objects.all(), user, LIST_UNITS)


def pairs_visible(*, user: Any) -> QuerySet[CandidatePair]:
    if not scope_of(user).can(Capability.REGISTRY_VIEW):
        return CandidatePair.objects.none()
    return scope_filter(CandidatePair.objects.all(), user, PAIR_UNITS)


def pair_queue(*, user: Any, min_probability: float = 0.5) -> QuerySet[CandidatePair]:
    """Pairs waiting for a decision (pending or unsure), most likely first."""
    rows = pairs_visible(user=user).filter(match_probability__gte=min_probability)
    return rows.filter(status__in=[PairStatus.PENDING, PairStatus.UNSURE])


def decisions_visible(*, user: Any) -> QuerySet[ReviewDecision]:
    pairs = pairs_visible(user=user)
    return ReviewDecision.objects.filter(pair__in=pairs).select_related("pair", "decided_by")


@dataclass(frozen=True, slots=True, kw_only=True)
class Side:
    """One record of a pair, as shown to the reviewer."""

    source: str
    full_name: str
    birth: str
    id_number: str
    place: str
    household_id: int | None = None
    household_code: str = ""


def pair_sides(*, user: Any, pair: CandidatePair) -> tuple[Side, Side]:
    personal = scope_of(user).can(Capability.PERSONAL_VIEW)
    return _side(pair.left_key, personal), _side(pair.right_key, personal)


def _masked(value: str, personal: bool) -> str:
    if personal or len(value) < 4:
        return value
    return "•" * (len(value) - 3) + value[-3:]


def _side(key: int, personal: bool) -> Side:
    kind, pk = records.key_split(key)
    if kind == "member":
        m = Member.objects.select_related("household__village__commune").get(pk=pk)
        village = m.household.village
        return Side(
            source="Sổ hộ (nhân khẩu)", full_name=m.full_name,
            birth=m.birth_on.strftime("%d/%m/%Y") if personal else str(m.birth_on.year),
            id_number=_masked(m.citizen_id or "", personal),
            place=f"{village.name}, {village.commune.name}", household_id=m.household_id,
            household_code=m.household.code,
        )  # fmt: skip
    e = ListEntry.objects.select_related("imported_list", "commune").get(pk=pk)
    birth = e.birth_on.strftime("%d/%m/%Y") if e.birth_on and personal else str(e.birth_year or "")
    place = ", ".join(x for x in (e.village_text, e.commune_text) if x)
    return Side(source=e.imported_list.name, full_name=e.full_name, birth=birth,
                id_number=_masked(e.id_number, personal), place=place)  # fmt: skip


# -- who received what ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class Received:
    household_id: int
    support_type: str
    giver: str


def _period(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def received_in(*, user: Any, households: QuerySet[Household], year: int) -> list[Received]:
    """Support given to ``households`` in ``year``: recorded support, and entries of imported
    lists linked (through a cluster) to one of the household's members."""
    start, end = _period(year)
    recorded = support_visible(user=user).filter(
        household__in=households, delivered_on__range=(start, end)
    )
    out = [Received(household_id=r.household_id, support_type=r.support_type, giver=r.giver_name)
           for r in recorded]  # fmt: skip
    return out + _listed(households, start, end)


def _listed(households: QuerySet[Household], start: dt.date, end: dt.date) -> list[Received]:
    in_period = Q(entry__delivered_on__range=(start, end)) | Q(
        entry__delivered_on__isnull=True,
        entry__imported_list__starts_on__lte=end,
        entry__imported_list__ends_on__gte=start,
    )
    entries = ClusterMember.objects.filter(in_period, entry__isnull=False).values_list(
        "cluster_id", "entry__imported_list__support_type", "entry__imported_list__giver"
    )
    by_cluster: dict[int, list[tuple[str, str]]] = {}
    for cluster, support_type, giver in entries:
        by_cluster.setdefault(cluster, []).append((support_type, giver))
    members = ClusterMember.objects.filter(
        cluster_id__in=list(by_cluster), member__household__in=households
    ).values_list("cluster_id", "member__household_id")
    seen = {(c, h) for c, h in members}
    return [Received(household_id=h, support_type=t, giver=g)
            for c, h in sorted(seen) for t, g in by_cluster[c]]  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class OverlapRow:
    commune: str
    household_id: int
    household_code: str
    support_type: str
    givers: list[str]
    records: int


def overlap_report(*, user: Any, year: int, commune_id: int | None = None) -> list[OverlapRow]:
    """Households that received the same type of support in ``year`` from more than one giver
    (recorded support and linked lists together), by commune."""
    households = _households(user, commune_id)
    grouped: dict[tuple[int, str], list[str]] = {}
    for r in received_in(user=user, households=households, year=year):
        grouped.setdefault((r.household_id, r.support_type), []).append(r.giver)
    twice = {k: v for k, v in grouped.items() if len(set(v)) > 1}
    info = _household_info({h for h, _ in twice})
    rows = [
        OverlapRow(commune=info[h][1], household_id=h, household_code=info[h][0],
                   support_type=str(SupportType(t).label), givers=sorted(set(g)), records=len(g))
        for (h, t), g in twice.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (r.commune, r.household_code, r.support_type))


def _households(user: Any, commune_id: int | None) -> QuerySet[Household]:
    rows = households_visible(user=user)
    return rows.filter(village__commune_id=commune_id) if commune_id else rows


def _household_info(ids: set[int]) -> dict[int, tuple[str, str, str]]:
    rows = Household.objects.filter(pk__in=ids).values_list(
        "pk", "code", "village__commune__name", "village__name"
    )
    return {pk: (code, commune, village) for pk, code, commune, village in rows}


@dataclass(frozen=True, slots=True, kw_only=True)
class OmissionRow:
    commune: str
    village: str
    household_id: int
    household_code: str
    reason: str


def omission_report(
    *, user: Any, year: int, rule: EligibilityRule | None = None, commune_id: int | None = None
) -> list[OmissionRow]:
    """Households that should have had support in ``year`` — eligible under ``rule``, or
    recognised poor or near-poor when no rule is given — and received nothing."""
    households = _households(user, commune_id)
    targets, reason = _targets(households, rule, year)
    got = {r.household_id for r in received_in(user=user, households=households, year=year)}
    missing = set(targets) - got
    info = _household_info(missing)
    rows = [OmissionRow(commune=info[h][1], village=info[h][2], household_id=h,
                        household_code=info[h][0], reason=targets[h] or reason)
            for h in missing]  # fmt: skip
    return sorted(rows, key=lambda r: (r.commune, r.village, r.household_code))


def _targets(households: QuerySet[Household], rule: EligibilityRule | None,
             year: int) -> tuple[dict[int, str], str]:  # fmt: skip
    if rule is None:
        rows = households.filter(current_status__status__in=["poor", "near_poor"]).values_list(
            "pk", "current_status__status"
        )
        labels = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo"}
        return {pk: labels[s] for pk, s in rows}, ""
    frame = eligible_frame(households, eligibility_rule(rule), as_of=dt.date(year, 1, 1))
    eligible = frame.filter(frame["eligible"])["household_id"].to_list()
    return dict.fromkeys(eligible, ""), f"Đủ điều kiện theo {rule.label}"


def omission_summary(rows: list[OmissionRow]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.commune] = counts.get(row.commune, 0) + 1
    return sorted(counts.items())
