"""Posting a balanced transaction: lock the accounts, check the floors, chain the entries.

Called inside a service's ``transaction.atomic(durable=True)``. Locks are taken in one order
(support record, accounts by id, then the chain head), so parallel writers queue instead of
deadlocking, and every balance is read *after* its lock: two disbursements from the same
allocation can never both see the same remaining amount.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from giamngheo.apps.funds.choices import FLOORED, AccountKind
from giamngheo.apps.funds.models import Account, ChainHead, LedgerEntry, LedgerTransaction
from giamngheo.apps.monitoring.refresh import aggregates_request
from giamngheo.domain.explain import format_number
from giamngheo.domain.ledger import (
    GENESIS,
    LedgerRefusedError,
    Posting,
    entry_digest,
    floors_check,
    postings_check,
)

type Lines = Sequence[tuple[Account, int]]

SHORT_OF: dict[str, str] = {
    AccountKind.HELD: "Vượt số dư chưa phân bổ của nguồn vốn: còn {left} đồng.",
    AccountKind.EARMARKED: "Vượt số còn lại của khoản ủng hộ có địa chỉ: còn {left} đồng.",
    AccountKind.ALLOCATED: "Vượt số còn lại của phân bổ: còn {left} đồng.",
}


def transaction_post(
    *, tx: LedgerTransaction, lines: Lines, field: str = "amount_vnd"
) -> list[LedgerEntry]:
    """Write ``tx`` and its entries; refuse (``ValidationError`` on ``field``) an unbalanced
    transaction or one that would take a floored account below zero."""
    postings = [Posting(account=account.pk, amount_vnd=amount) for account, amount in lines]
    locked = _accounts_lock({account.pk for account, _ in lines})
    try:
        postings_check(postings)
        after = floors_check(
            {pk: a.balance_vnd for pk, a in locked.items()}, postings,
            floored=lambda pk: locked[pk].kind in FLOORED,
            describe=lambda pk, left: SHORT_OF[locked[pk].kind].format(left=format_number(left)),
        )  # fmt: skip
    except LedgerRefusedError as refusal:
        raise ValidationError({field: refusal.message}) from refusal
    if tx._state.adding:
        tx.recorded_at = tx.recorded_at or timezone.now()
        tx.save()
    entries = _chain(tx, [(locked[p.account], p.amount_vnd) for p in postings])
    for pk, balance in after.items():
        locked[pk].balance_vnd = balance
    Account.objects.bulk_update(locked.values(), ["balance_vnd"])
    aggregates_request(province=tx.province_id)
    return entries


def _accounts_lock(ids: set[Any]) -> dict[Any, Account]:
    rows = Account.objects.select_for_update().filter(pk__in=sorted(ids)).order_by("pk")
    return {a.pk: a for a in rows}


def _head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        ChainHead.objects.bulk_create([ChainHead(pk=1, seq=0, hash=GENESIS)], ignore_conflicts=True)
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


def _chain(tx: LedgerTransaction, lines: Lines) -> list[LedgerEntry]:
    head = _head()
    entries = []
    for account, amount in lines:
        seq = head.seq + 1
        content = entry_content(tx=tx, seq=seq, account=account, amount_vnd=amount)
        digest = entry_digest(previous=head.hash, content=content)
        entries.append(
            LedgerEntry(
                seq=seq, transaction=tx, account=account, amount_vnd=amount,
                previous_hash=head.hash, hash=digest,
            )
        )  # fmt: skip
        head.seq, head.hash = seq, digest
    LedgerEntry.objects.bulk_create(entries)
    ChainHead.objects.filter(pk=1).update(seq=head.seq, hash=head.hash)
    return entries


def entry_content(
    *, tx: LedgerTransaction, seq: int, account: Account, amount_vnd: int
) -> dict[str, Any]:
    """What an entry's hash covers: the entry, its account and its whole transaction."""
    return {
        "seq": seq,
        "account": account.pk,
        "account_kind": account.kind,
        "amount_vnd": amount_vnd,
        "tx": tx.pk,
        "tx_kind": tx.kind,
        "province": tx.province_id,
        "commune": tx.commune_id,
        "booked_on": _iso(tx.booked_on),
        "memo": tx.memo,
        "details": tx.details,
        "reverses": tx.reverses_id,
    }


def _iso(value: dt.date | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


def details_jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    """Document fields as JSON values (dates as ISO text), so the hash reads them back."""
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}
