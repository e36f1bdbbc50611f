"""Funds: sources and their balances, allocations with what is left of them, disbursements,
donations, the ledger's entries and transactions, and recording money (a source, a donation, a
budget receipt, an allocation, a disbursement, a reversal) through the same services as the
pages — inside the caller's scope (another place's records are missing: 404).

Recording needs ``funds.record`` (budget receipts and sources: ``programmes.manage``) and a
scope that covers the source (403 otherwise). Every write is all-or-nothing: a refusal (422)
names the refused input in ``fields`` with the ledger's Vietnamese message, and writes nothing.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.lookups import commune_by_code, province_by_code
from giamngheo.api.pagination import page_of
from giamngheo.api.schemas.funds import (
    AllocationFilterIn,
    AllocationIn,
    AllocationOut,
    AllocationPage,
    BudgetReceiptIn,
    DisbursementFilterIn,
    DisbursementIn,
    DisbursementOut,
    DisbursementPage,
    DonationFilterIn,
    DonationIn,
    DonationOut,
    DonationPage,
    FundSourceFilterIn,
    FundSourceIn,
    FundSourceOut,
    LedgerEntryFilterIn,
    LedgerEntryOut,
    LedgerEntryPage,
    LedgerTransactionOut,
    ReversalIn,
)
from giamngheo.apps.accounts.models import Organisation, User
from giamngheo.apps.funds import selectors, services
from giamngheo.apps.funds.models import Allocation, FundSource, LedgerTransaction
from giamngheo.apps.geo.models import Province
from giamngheo.apps.programmes.models import Project, SubProject
from giamngheo.apps.programmes.selectors import (
    campaigns_visible,
    programmes_visible,
    support_visible,
)

router = Router(tags=["funds"])

# The services name a refused value by its model field; the API's inputs carry ids and codes.
INPUT_NAMES = {
    "source": "source_id", "commune": "commune_code", "donation": "donation_id",
    "project": "project_id", "sub_project": "sub_project_id", "campaign": "campaign_id",
    "support_record": "support_record_id", "organisation": "organisation_id",
    "province": "province_code", "tx": "transaction_id",
}  # fmt: skip


def _inputs_named[**P, R](view: Callable[P, R]) -> Callable[P, R]:
    """Report a service's refusal under the names of the API's inputs."""

    @wraps(view)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _renamed():
            return view(*args, **kwargs)

    return run


@contextmanager
def _renamed() -> Iterator[None]:
    try:
        yield
    except ValidationError as refusal:
        if not hasattr(refusal, "error_dict"):
            raise
        fields = {INPUT_NAMES.get(k, k): v for k, v in refusal.error_dict.items()}
        raise ValidationError(fields) from refusal


@router.get("/funds/sources", response={200: list[FundSourceOut], **ERROR_RESPONSES})
def fund_source_list(
    request: HttpRequest, filters: Query[FundSourceFilterIn]
) -> list[FundSourceOut]:
    """Sources in scope with their balances, from the ledger (of a period when given)."""
    period = selectors.Period(start=filters.start, end=filters.end)
    rows = selectors.source_balances_visible(user=caller(request), period=period)
    return [FundSourceOut.of_balance(row) for row in rows]


@router.post("/funds/sources", response={201: FundSourceOut, **ERROR_RESPONSES})
@_inputs_named
def fund_source_create(request: HttpRequest, payload: FundSourceIn) -> Status[FundSourceOut]:
    """Open a source with its accounts (a provincial officer, in the caller's province)."""
    user = caller(request)
    source = services.source_create(
        actor=user, kind=payload.kind, code=payload.code, name=payload.name,
        province=_province(user, payload.province_code),
        commune=commune_by_code(payload.commune_code) if payload.commune_code else None,
        organisation=_optional(_organisations(user), payload.organisation_id),
    )  # fmt: skip
    return Status(201, _source_out(user, source))


@router.get("/funds/allocations", response={200: AllocationPage, **ERROR_RESPONSES})
def fund_allocation_list(
    request: HttpRequest, filters: Query[AllocationFilterIn]
) -> dict[str, Any]:
    """Allocations in scope, newest first, each with what was paid out and what is left."""
    user = caller(request)
    rows = selectors.allocations_visible(user=user).order_by("-id")
    if filters.commune_code:
        rows = rows.filter(commune=commune_by_code(filters.commune_code))
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    if filters.source_id is not None:
        rows = rows.filter(source_id=filters.source_id)
    page = page_of(rows.select_related("transaction__reversal"), filters, lambda a: a)
    page["items"] = _allocations_out(user, page["items"])
    return page


@router.get("/funds/allocations/{allocation_id}", response={200: AllocationOut, **ERROR_RESPONSES})
def fund_allocation_detail(request: HttpRequest, allocation_id: int) -> AllocationOut:
    user = caller(request)
    return _allocations_out(user, [_allocation(user, allocation_id)])[0]


@router.post("/funds/allocations", response={201: AllocationOut, **ERROR_RESPONSES})
@_inputs_named
def fund_allocation_create(request: HttpRequest, payload: AllocationIn) -> Status[AllocationOut]:
    """Allocate money of a source (or of one earmarked donation) to a use in a commune."""
    user = caller(request)
    programmes = programmes_visible(user=user)
    allocation = services.allocation_record(
        actor=user, source=_source(user, payload.source_id),
        commune=commune_by_code(payload.commune_code), amount_vnd=payload.amount_vnd,
        year=payload.year, booked_on=payload.booked_on, purpose=payload.purpose,
        project=_optional(Project.objects.filter(programme__in=programmes), payload.project_id),
        sub_project=_optional(SubProject.objects.filter(project__programme__in=programmes),
                              payload.sub_project_id),
        donation=_optional(selectors.donations_visible(user=user), payload.donation_id),
    )  # fmt: skip
    return Status(201, _allocations_out(user, [_allocation(user, allocation.pk)])[0])


@router.get("/funds/disbursements", response={200: DisbursementPage, **ERROR_RESPONSES})
def fund_disbursement_list(
    request: HttpRequest, filters: Query[DisbursementFilterIn]
) -> dict[str, Any]:
    """Payments in scope, newest first (a payment's voucher: ``/nguon-von/giai-ngan/{id}/
    phieu-chi.pdf`` on the site)."""
    rows = selectors.disbursements_visible(user=caller(request)).order_by("-paid_on", "-id")
    if filters.commune_code:
        rows = rows.filter(allocation__commune=commune_by_code(filters.commune_code))
    if filters.year is not None:
        rows = rows.filter(paid_on__year=filters.year)
    if filters.allocation_id is not None:
        rows = rows.filter(allocation_id=filters.allocation_id)
    return page_of(rows.select_related("transaction__reversal"), filters, DisbursementOut.of)


@router.post("/funds/disbursements", response={201: DisbursementOut, **ERROR_RESPONSES})
@_inputs_named
def fund_disbursement_create(
    request: HttpRequest, payload: DisbursementIn
) -> Status[DisbursementOut]:
    """Pay out of an allocation for one household's support record or for one work."""
    user = caller(request)
    paid = services.disbursement_record(
        actor=user, allocation=_allocation(user, payload.allocation_id),
        amount_vnd=payload.amount_vnd, paid_on=payload.paid_on, work=payload.work,
        support_record=_optional(support_visible(user=user), payload.support_record_id),
    )  # fmt: skip
    return Status(201, DisbursementOut.of(paid))


@router.get("/funds/donations", response={200: DonationPage, **ERROR_RESPONSES})
def fund_donation_list(request: HttpRequest, filters: Query[DonationFilterIn]) -> dict[str, Any]:
    """Donations received by sources in scope, newest first."""
    rows = selectors.donations_visible(user=caller(request)).order_by("-received_on", "-id")
    if filters.source_id is not None:
        rows = rows.filter(source_id=filters.source_id)
    if filters.earmarked is not None:
        rows = rows.exclude(earmark="") if filters.earmarked else rows.filter(earmark="")
    return page_of(rows.select_related("transaction__reversal"), filters, DonationOut.of)


@router.post("/funds/donations", response={201: DonationOut, **ERROR_RESPONSES})
@_inputs_named
def fund_donation_create(request: HttpRequest, payload: DonationIn) -> Status[DonationOut]:
    """Receive a donation (its receipt code is in the answer); an earmarked one is held apart."""
    user = caller(request)
    donation = services.donation_record(
        actor=user, source=_source(user, payload.source_id), donor_name=payload.donor_name,
        amount_vnd=payload.amount_vnd, received_on=payload.received_on, earmark=payload.earmark,
        campaign=_optional(campaigns_visible(user=user), payload.campaign_id),
    )  # fmt: skip
    return Status(201, DonationOut.of(donation))


@router.post("/funds/budget-receipts", response={201: LedgerTransactionOut, **ERROR_RESPONSES})
@_inputs_named
def fund_budget_receipt_create(
    request: HttpRequest, payload: BudgetReceiptIn
) -> Status[LedgerTransactionOut]:
    """Receive state budget (or policy credit) into a source under a decision's reference."""
    user = caller(request)
    fields = payload.model_dump(exclude={"source_id"})
    tx = services.budget_receipt_record(
        actor=user, source=_source(user, payload.source_id), **fields
    )
    return Status(201, LedgerTransactionOut.of(tx))


@router.get("/funds/entries", response={200: LedgerEntryPage, **ERROR_RESPONSES})
def fund_entry_list(request: HttpRequest, filters: Query[LedgerEntryFilterIn]) -> dict[str, Any]:
    """Ledger entries in scope (newest first, or in chain order), with their hashes."""
    where = filters.where(
        province_id=province_by_code(filters.province_code).pk if filters.province_code else None,
        commune_id=commune_by_code(filters.commune_code).pk if filters.commune_code else None,
    )
    rows = selectors.entries_listed(
        user=caller(request), where=where, newest_first=filters.sort == "-seq"
    )
    return page_of(rows, filters, LedgerEntryOut.of)


@router.get(
    "/funds/transactions/{transaction_id}", response={200: LedgerTransactionOut, **ERROR_RESPONSES}
)
def fund_transaction_detail(request: HttpRequest, transaction_id: int) -> LedgerTransactionOut:
    """A transaction with all its entries (debits > 0, credits < 0, summing to 0)."""
    return LedgerTransactionOut.of(_transaction(caller(request), transaction_id))


@router.post(
    "/funds/transactions/{transaction_id}/reversal",
    response={201: LedgerTransactionOut, **ERROR_RESPONSES},
)
@_inputs_named
def fund_transaction_reverse(
    request: HttpRequest, transaction_id: int, payload: ReversalIn
) -> Status[LedgerTransactionOut]:
    """Correct a transaction by posting its opposite (nothing is edited or deleted)."""
    user = caller(request)
    tx = _transaction(user, transaction_id)
    reversal = services.transaction_reverse(actor=user, tx=tx, **payload.model_dump())
    return Status(201, LedgerTransactionOut.of(reversal))


def _source(user: User, pk: int) -> FundSource:
    return selectors.sources_visible(user=user).get(pk=pk)


def _allocation(user: User, pk: int) -> Allocation:
    return (
        selectors.allocations_visible(user=user).select_related("transaction__reversal").get(pk=pk)
    )


def _transaction(user: User, pk: int) -> LedgerTransaction:
    return selectors.transactions_visible(user=user).select_related("commune").get(pk=pk)


def _optional[M: Model](rows: QuerySet[M], pk: int | None) -> M | None:
    """The record ``pk`` among ``rows`` (another place's: 404), or none when not named."""
    return rows.get(pk=pk) if pk is not None else None


def _organisations(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(province_id=user.scope_province_id or 0)


def _province(user: User, code: str | None) -> Province:
    """The province named, or the caller's own."""
    if code:
        return province_by_code(code)
    if user.scope_province is None:
        raise ValidationError({"province_code": [_("Bắt buộc phải có.")]})
    return user.scope_province


def _allocations_out(user: User, allocations: list[Allocation]) -> list[AllocationOut]:
    totals = selectors.allocation_balances(user=user, allocations=allocations)
    return [AllocationOut.of(a, totals[a.pk]) for a in allocations]


def _source_out(user: User, source: FundSource) -> FundSourceOut:
    (balance,) = selectors.source_balances(
        entries=selectors.entries_visible(user=user), sources=[source]
    )
    return FundSourceOut.of_balance(balance)
