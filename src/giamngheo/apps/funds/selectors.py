"""Reads of the funds app: scoped lists and the reports, all computed from ledger entries.

Balances come from sums of entries (never from the cached account balance), so every report
adds up to the đồng: per source, received = unallocated + allocated; per use, allocated =
disbursed + remaining.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from giamngheo.apps.accounts.scopes import UnitPaths
from giamngheo.apps.funds.access import view_q
from giamngheo.apps.funds.choices import AccountKind
from giamngheo.apps.funds.models import (
    Account,
    Allocation,
    Disbursement,
    Donation,
    FundSource,
    LedgerEntry,
    LedgerTransaction,
)
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Project, SubProject

SOURCE_UNITS = UnitPaths(province="province_id", commune="commune_id", village=None)
type UseKey = Literal["source", "project", "sub_project", "commune", "year"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """Transactions booked from ``start`` to ``end`` (both included; ``None``: open)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def q(self, path: str = "transaction__booked_on") -> Q:
        q = Q()
        if self.start is not None:
            q &= Q(**{f"{path}__gte": self.start})
        if self.end is not None:
            q &= Q(**{f"{path}__lte": self.end})
        return q


ALL_TIME = Period()


def sources_visible(*, user: Any) -> QuerySet[FundSource]:
    return FundSource.objects.filter(view_q(user, SOURCE_UNITS)).select_related("organisation")


def transactions_visible(*, user: Any) -> QuerySet[LedgerTransaction]:
    return LedgerTransaction.objects.filter(view_q(user)).select_related("reversal")


def donations_visible(*, user: Any) -> QuerySet[Donation]:
    paths = SOURCE_UNITS.under("source")
    return Donation.objects.filter(view_q(user, paths)).select_related("source", "transaction")


def allocations_visible(*, user: Any) -> QuerySet[Allocation]:
    paths = UnitPaths(province="commune__province_id", commune="commune_id", village=None)
    return Allocation.objects.filter(view_q(user, paths)).select_related(
        "source", "commune", "project", "sub_project__project", "transaction"
    )


def disbursements_visible(*, user: Any) -> QuerySet[Disbursement]:
    paths = UnitPaths(
        province="allocation__commune__province_id", commune="allocation__commune_id", village=None
    )
    return Disbursement.objects.filter(view_q(user, paths)).select_related(
        "allocation__commune", "support_record__household", "transaction"
    )


def entries_visible(*, user: Any) -> QuerySet[LedgerEntry]:
    paths = UnitPaths(province="account__province_id", commune="account__commune_id", village=None)
    return LedgerEntry.objects.filter(view_q(user, paths))


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryFilter:
    """Which ledger entries to list; ``None`` takes any. The unit and the year are those of
    the entry's transaction (so both sides of a commune's transaction are listed)."""

    province_id: int | None = None
    commune_id: int | None = None
    year: int | None = None
    source_kind: str | None = None
    source_id: int | None = None
    transaction_kind: str | None = None

    def q(self) -> Q:
        paths = {
            "transaction__province_id": self.province_id,
            "transaction__commune_id": self.commune_id,
            "transaction__booked_on__year": self.year,
            "account__source__kind": self.source_kind,
            "account__source_id": self.source_id,
            "transaction__kind": self.transaction_kind,
        }
        return Q(**{path: value for path, value in paths.items() if value is not None})


def entries_listed(
    *, user: Any, where: EntryFilter, newest_first: bool = True
) -> QuerySet[LedgerEntry]:
    """Entries in scope that match ``where``, in the order of the chain (or its reverse)."""
    rows = entries_visible(user=user).filter(where.q())
    rows = rows.select_related("transaction__commune", "account__source")
    return rows.order_by("-seq" if newest_first else "seq")


def donation_get(*, user: Any, receipt_code: str) -> Donation:
    found = donations_visible(user=user).filter(receipt_code=receipt_code.strip().upper()).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceBalance:
    source: FundSource
    received: int  # money in, net of reversals
    unallocated: int  # held, earmarked included
    earmarked: int
    allocated: int  # allocated and not yet paid out
    spent: int

    @property
    def allocated_total(self) -> int:
        return self.allocated + self.spent


def source_balances(
    *, entries: QuerySet[LedgerEntry], sources: Iterable[FundSource], period: Period = ALL_TIME
) -> list[SourceBalance]:
    sums: dict[tuple[int, str], int] = defaultdict(int)
    rows = entries.filter(period.q()).values("account__source_id", "account__kind")
    for row in rows.annotate(total=Sum("amount_vnd")):
        sums[row["account__source_id"], row["account__kind"]] = int(row["total"])
    return [
        SourceBalance(
            source=s,
            received=-sums[s.pk, AccountKind.INCOME],
            unallocated=sums[s.pk, AccountKind.HELD] + sums[s.pk, AccountKind.EARMARKED],
            earmarked=sums[s.pk, AccountKind.EARMARKED],
            allocated=sums[s.pk, AccountKind.ALLOCATED],
            spent=sums[s.pk, AccountKind.SPENT],
        )
        for s in sources
    ]


def source_balances_visible(*, user: Any, period: Period = ALL_TIME) -> list[SourceBalance]:
    return source_balances(
        entries=entries_visible(user=user), sources=sources_visible(user=user), period=period
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class UseRow:
    key: Any
    label: str
    allocated: int  # net of reversals: still held by the allocation + paid out
    disbursed: int
    delivered: int  # paid out for support delivered to households

    @property
    def remaining(self) -> int:
        return self.allocated - self.disbursed


USE_PATHS: dict[str, str] = {
    "source": "source_id",
    "project": "project_id",
    "sub_project": "sub_project_id",
    "commune": "commune_id",
    "year": "year",
}


@dataclass(slots=True)
class AllocationTotal:
    allocated: int = 0  # net of reversals: still held by the allocation + paid out
    disbursed: int = 0


def allocation_totals(
    entries: QuerySet[LedgerEntry], *, by: Sequence[str]
) -> dict[tuple[Any, ...], AllocationTotal]:
    """Allocated and disbursed money per value of the allocations' fields ``by`` (e.g.
    ``["commune_id", "year"]``), from the ledger entries of their accounts."""
    paths = [f"account__allocation__{b}" for b in by]
    kinds = (AccountKind.ALLOCATED, AccountKind.SPENT)
    rows = entries.filter(account__kind__in=kinds).values(*paths, "account__kind")
    totals: dict[tuple[Any, ...], AllocationTotal] = defaultdict(AllocationTotal)
    for row in rows.annotate(total=Sum("amount_vnd")):
        total = totals[tuple(row[p] for p in paths)]
        total.allocated += int(row["total"])
        if row["account__kind"] == AccountKind.SPENT:
            total.disbursed += int(row["total"])
    return totals


def allocation_balances(
    *, user: Any, allocations: Iterable[Allocation]
) -> dict[int, AllocationTotal]:
    """Allocated (net of reversals) and disbursed money of each allocation, from its entries."""
    ids = [a.pk for a in allocations]
    entries = entries_visible(user=user).filter(account__allocation__in=ids)
    totals = allocation_totals(entries, by=["id"])
    return {pk: totals.get((pk,), AllocationTotal()) for pk in ids}


def use_summary(
    *,
    entries: QuerySet[LedgerEntry],
    disbursements: QuerySet[Disbursement],
    by: UseKey,
    period: Period = ALL_TIME,
) -> list[UseRow]:
    """Allocated vs disbursed vs delivered, grouped by source, project, sub-project, commune
    or year of the allocations."""
    path = USE_PATHS[by]
    totals = {k: t for (k,), t in allocation_totals(entries.filter(period.q()), by=[path]).items()}
    delivered = _delivered(disbursements, path, period)
    labels = _labels(by, totals)
    return [
        UseRow(key=k, label=labels.get(k, "—"), allocated=totals[k].allocated,
               disbursed=totals[k].disbursed, delivered=delivered.get(k, 0))
        for k in sorted(totals, key=lambda k: labels.get(k, ""))
    ]  # fmt: skip


def _delivered(rows: QuerySet[Disbursement], path: str, period: Period) -> dict[Any, int]:
    paid = rows.filter(period.q(), support_record__isnull=False, transaction__reversal__isnull=True)
    grouped = paid.values(f"allocation__{path}").annotate(total=Sum("amount_vnd"))
    return {r[f"allocation__{path}"]: int(r["total"]) for r in grouped}


def _labels(by: UseKey, keys: Iterable[Any]) -> dict[Any, str]:
    ids = [k for k in keys if k is not None]
    none_label = {None: "Ngoài chương trình (mục đích riêng)"}
    match by:
        case "source":
            return {s.pk: s.name for s in FundSource.objects.filter(pk__in=ids)}
        case "project":
            return none_label | {p.pk: str(p) for p in Project.objects.filter(pk__in=ids)}
        case "sub_project":
            subs = SubProject.objects.filter(pk__in=ids).select_related("project")
            return {None: "Không theo tiểu dự án"} | {s.pk: str(s) for s in subs}
        case "commune":
            return {c.pk: c.name for c in Commune.objects.filter(pk__in=ids)}
    return {k: str(k) for k in ids}


def use_summary_visible(*, user: Any, by: UseKey, period: Period = ALL_TIME) -> list[UseRow]:
    return use_summary(
        entries=entries_visible(user=user), disbursements=disbursements_visible(user=user),
        by=by, period=period,
    )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class TracePayment:
    disbursement: Disbursement
    reversed: bool
    household_code: str  # "" for a work
    support_label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TraceAllocation:
    allocation: Allocation
    reversed: bool
    payments: list[TracePayment] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class DonationTrace:
    """Where an earmarked donation went: allocations → payments → households or works."""

    donation: Donation
    reversed: bool
    earmarked_left: int
    allocations: list[TraceAllocation]

    @property
    def delivered(self) -> int:
        return sum(
            p.disbursement.amount_vnd for a in self.allocations if not a.reversed
            for p in a.payments if not p.reversed
        )  # fmt: skip

    @property
    def households(self) -> int:
        return len({
            p.household_code for a in self.allocations for p in a.payments
            if p.household_code and not p.reversed and not a.reversed
        })  # fmt: skip


def donation_trace(*, donation: Donation) -> DonationTrace:
    """The trace of a donation (callers check that the reader may see it)."""
    account = Account.objects.filter(donation=donation, kind=AccountKind.EARMARKED).first()
    allocations = donation.allocations.select_related(
        "commune", "project", "sub_project__project", "transaction__reversal"
    ).order_by("id")
    return DonationTrace(
        donation=donation,
        reversed=_reversed(donation.transaction),
        earmarked_left=account.balance_vnd if account else 0,
        allocations=[_trace_allocation(a) for a in allocations],
    )


def _trace_allocation(allocation: Allocation) -> TraceAllocation:
    rows = allocation.disbursements.select_related(
        "support_record__household", "transaction__reversal"
    ).order_by("id")
    payments = [
        TracePayment(
            disbursement=d,
            reversed=_reversed(d.transaction),
            household_code=d.support_record.household.code if d.support_record else "",
            support_label=d.support_record.get_support_type_display()
            if d.support_record
            else d.work,
        )
        for d in rows
    ]
    return TraceAllocation(
        allocation=allocation, reversed=_reversed(allocation.transaction), payments=payments
    )


def _reversed(tx: LedgerTransaction) -> bool:
    return LedgerTransaction.objects.filter(reverses=tx).exists()
