"""Funds: sources and their balances, allocations, disbursements, donations, the ledger's
transactions and entries, and the bodies that record money. Amounts are whole đồng (VND)."""

import datetime as dt
from typing import Annotated, Literal, Self

from ninja import Field, Schema
from pydantic import StrictInt

from giamngheo.api.pagination import PageIn, PageOut
from giamngheo.api.schemas.common import UnitRef
from giamngheo.apps.funds.choices import AccountKind, SourceKind, TransactionKind
from giamngheo.apps.funds.models import (
    Allocation,
    Disbursement,
    Donation,
    FundSource,
    LedgerEntry,
    LedgerTransaction,
)
from giamngheo.apps.funds.selectors import AllocationTotal, EntryFilter, SourceBalance

MAX_AMOUNT_VND = 10**15
# Whole đồng only (``1.5`` and ``"5"`` are refused); zero and negative amounts are refused by
# the ledger itself, with its own message.
AmountVnd = Annotated[StrictInt, Field(le=MAX_AMOUNT_VND, description="VND, whole đồng, > 0")]


class FundSourceRef(Schema):
    id: int
    code: str
    name: str
    kind: SourceKind

    @classmethod
    def of(cls, source: FundSource) -> Self:
        return cls(id=source.pk, code=source.code, name=source.name, kind=SourceKind(source.kind))


class FundSourceFilterIn(Schema):
    start: dt.date | None = Field(None, description="money booked from this day (inclusive)")
    end: dt.date | None = Field(None, description="money booked to this day (inclusive)")


class FundSourceOut(FundSourceRef):
    kind_label: str
    province: UnitRef
    commune: UnitRef | None = Field(description="set for a commune's own fund")
    organisation: str | None = Field(description="the board that runs the source")
    received: int = Field(description="money in, net of reversals")
    unallocated: int = Field(description="held, earmarked donations included")
    earmarked: int
    allocated: int = Field(description="allocated and not yet paid out")
    spent: int = Field(description="paid out")

    @classmethod
    def of_balance(cls, row: SourceBalance) -> Self:
        s = row.source
        return cls(
            **FundSourceRef.of(s).model_dump(), kind_label=s.get_kind_display(),
            province=UnitRef.of(s.province),
            commune=UnitRef.of(s.commune) if s.commune else None,
            organisation=s.organisation.name if s.organisation else None,
            received=row.received, unallocated=row.unallocated, earmarked=row.earmarked,
            allocated=row.allocated, spent=row.spent,
        )  # fmt: skip


class FundSourceIn(Schema):
    kind: SourceKind
    code: str = Field(max_length=32, pattern=r"^[-a-zA-Z0-9_]+$")
    name: str = Field(min_length=1, max_length=255)
    province_code: str | None = Field(None, max_length=2, description="default: the caller's")
    commune_code: str | None = Field(None, max_length=5, description="for a commune's own fund")
    organisation_id: int | None = Field(None, description="the board; required for a Fund "
                                        "“For the Poor”")  # fmt: skip


class AllocationFilterIn(PageIn):
    commune_code: str | None = Field(None, max_length=5)
    year: int | None = Field(None, ge=2000, le=2100)
    source_id: int | None = None


class AllocationOut(Schema):
    id: int
    source: FundSourceRef
    commune: UnitRef
    year: int
    booked_on: dt.date
    project_id: int | None
    sub_project_id: int | None
    use: str = Field(description="sub-project, project or purpose")
    donation_id: int | None = Field(description="the earmarked donation it came from")
    amount_vnd: int = Field(description="as recorded")
    allocated: int = Field(description="net of reversals")
    disbursed: int = Field(description="paid out, net of reversals")
    remaining: int = Field(description="allocated − disbursed")
    reversed: bool
    transaction_id: int

    @classmethod
    def of(cls, allocation: Allocation, total: AllocationTotal) -> Self:
        a = allocation
        return cls(
            id=a.pk, source=FundSourceRef.of(a.source), commune=UnitRef.of(a.commune), year=a.year,
            booked_on=a.transaction.booked_on, project_id=a.project_id,
            sub_project_id=a.sub_project_id, use=a.use_label, donation_id=a.donation_id,
            amount_vnd=a.amount_vnd, allocated=total.allocated, disbursed=total.disbursed,
            remaining=total.allocated - total.disbursed, reversed=a.transaction.is_reversed,
            transaction_id=a.transaction_id,
        )  # fmt: skip


class AllocationPage(PageOut):
    items: list[AllocationOut]


class AllocationIn(Schema):
    source_id: int
    commune_code: str = Field(max_length=5)
    amount_vnd: AmountVnd
    year: int = Field(ge=2000, le=2100)
    booked_on: dt.date
    project_id: int | None = None
    sub_project_id: int | None = Field(None, description="fixes the project")
    purpose: str = Field("", max_length=255, description="the use when there is no project")
    donation_id: int | None = Field(None, description="spend one earmarked donation")


class DisbursementFilterIn(PageIn):
    commune_code: str | None = Field(None, max_length=5)
    year: int | None = Field(None, ge=2000, le=2100, description="of the payment day")
    allocation_id: int | None = None


class DisbursementOut(Schema):
    id: int
    allocation_id: int
    commune: UnitRef
    paid_on: dt.date
    amount_vnd: int
    support_record_id: int | None
    household_id: int | None
    household_code: str = Field(description="empty for a work")
    work: str
    reversed: bool
    transaction_id: int

    @classmethod
    def of(cls, paid: Disbursement) -> Self:
        record = paid.support_record
        return cls(
            id=paid.pk, allocation_id=paid.allocation_id,
            commune=UnitRef.of(paid.allocation.commune), paid_on=paid.paid_on,
            amount_vnd=paid.amount_vnd, support_record_id=paid.support_record_id,
            household_id=record.household_id if record else None,
            household_code=record.household.code if record else "", work=paid.work,
            reversed=paid.transaction.is_reversed, transaction_id=paid.transaction_id,
        )  # fmt: skip


class DisbursementPage(PageOut):
    items: list[DisbursementOut]


class DisbursementIn(Schema):
    allocation_id: int
    amount_vnd: AmountVnd
    paid_on: dt.date
    support_record_id: int | None = Field(None, description="the household's support record")
    work: str = Field("", max_length=255, description="or the work paid for")


class DonationFilterIn(PageIn):
    source_id: int | None = None
    earmarked: bool | None = Field(None, description="only donations with (or without) a purpose")


class DonationOut(Schema):
    id: int
    receipt_code: str
    source: FundSourceRef
    donor_name: str
    amount_vnd: int
    received_on: dt.date
    earmark: str
    campaign_id: int | None
    reversed: bool
    transaction_id: int

    @classmethod
    def of(cls, donation: Donation) -> Self:
        d = donation
        return cls(
            id=d.pk, receipt_code=d.receipt_code, source=FundSourceRef.of(d.source),
            donor_name=d.donor_name, amount_vnd=d.amount_vnd, received_on=d.received_on,
            earmark=d.earmark, campaign_id=d.campaign_id, reversed=d.transaction.is_reversed,
            transaction_id=d.transaction_id,
        )  # fmt: skip


class DonationPage(PageOut):
    items: list[DonationOut]


class DonationIn(Schema):
    source_id: int
    donor_name: str = Field(max_length=200)
    amount_vnd: AmountVnd
    received_on: dt.date
    earmark: str = Field("", max_length=255, description="the purpose; empty: the fund at large")
    campaign_id: int | None = None


class BudgetReceiptIn(Schema):
    source_id: int
    amount_vnd: AmountVnd
    received_on: dt.date
    reference: str = Field(max_length=100, description="the decision that assigns the money")


class ReversalIn(Schema):
    booked_on: dt.date
    reason: str = Field(max_length=200)


class LedgerEntryFilterIn(PageIn):
    province_code: str | None = Field(None, max_length=2)
    commune_code: str | None = Field(None, max_length=5, description="of the transaction")
    year: int | None = Field(None, ge=2000, le=2100, description="of the booking day")
    source_kind: SourceKind | None = None
    source_id: int | None = None
    transaction_kind: TransactionKind | None = None
    sort: Literal["seq", "-seq"] = Field("-seq", description="chain order or newest first")

    def where(self, *, province_id: int | None, commune_id: int | None) -> EntryFilter:
        return EntryFilter(
            province_id=province_id, commune_id=commune_id, year=self.year,
            source_kind=self.source_kind, source_id=self.source_id,
            transaction_kind=self.transaction_kind,
        )  # fmt: skip


class LedgerEntryOut(Schema):
    seq: int
    transaction_id: int
    transaction_kind: TransactionKind
    booked_on: dt.date
    memo: str
    commune: UnitRef | None = Field(description="the transaction's commune")
    source: FundSourceRef
    account_kind: AccountKind
    account_label: str
    amount_vnd: int = Field(description="debit > 0, credit < 0")
    previous_hash: str
    hash: str

    @classmethod
    def of(cls, entry: LedgerEntry) -> Self:
        tx, account = entry.transaction, entry.account
        return cls(
            seq=entry.seq, transaction_id=tx.pk, transaction_kind=TransactionKind(tx.kind),
            booked_on=tx.booked_on, memo=tx.memo,
            commune=UnitRef.of(tx.commune) if tx.commune else None,
            source=FundSourceRef.of(account.source), account_kind=AccountKind(account.kind),
            account_label=account.get_kind_display(), amount_vnd=entry.amount_vnd,
            previous_hash=entry.previous_hash, hash=entry.hash,
        )  # fmt: skip


class LedgerEntryPage(PageOut):
    items: list[LedgerEntryOut]


class LedgerLineOut(Schema):
    seq: int
    source_id: int
    account_kind: AccountKind
    amount_vnd: int = Field(description="debit > 0, credit < 0; they sum to 0")
    hash: str


class LedgerTransactionOut(Schema):
    id: int
    kind: TransactionKind
    kind_label: str
    booked_on: dt.date
    memo: str
    commune: UnitRef | None
    reverses_id: int | None
    reversed_by_id: int | None
    recorded_at: dt.datetime
    entries: list[LedgerLineOut]

    @classmethod
    def of(cls, tx: LedgerTransaction) -> Self:
        entries = tx.entries.select_related("account").order_by("seq")
        return cls(
            id=tx.pk, kind=TransactionKind(tx.kind), kind_label=tx.get_kind_display(),
            booked_on=tx.booked_on, memo=tx.memo,
            commune=UnitRef.of(tx.commune) if tx.commune else None, reverses_id=tx.reverses_id,
            reversed_by_id=tx.reversal.pk if tx.is_reversed else None,
            recorded_at=tx.recorded_at,
            entries=[
                LedgerLineOut(seq=e.seq, source_id=e.account.source_id,
                           account_kind=AccountKind(e.account.kind), amount_vnd=e.amount_vnd,
                           hash=e.hash)
                for e in entries
            ],
        )  # fmt: skip
