"""Double-entry ledger invariants and the hash chain, in plain Python (no Django).

A transaction is a list of postings in whole đồng: a positive amount is a debit, a negative
one a credit. It is accepted only when it has at least two postings, every amount is a
non-zero integer and the amounts sum to zero. Accounts marked *floored* (money held in a
source, an earmarked donation or an allocation) may never go below zero.

Every stored entry carries ``hash = sha256(previous hash + canonical JSON of its content)``;
:func:`chain_first_break` recomputes the chain and names the first entry that does not match.

>>> postings_check([Posting(account="cash", amount_vnd=5),
...                 Posting(account="income", amount_vnd=-5)])
>>> entry_digest(previous=GENESIS, content={"seq": 1, "amount_vnd": 5})[:12]
'6d06f53b49e8'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

GENESIS = "0" * 64

type RefusalCode = Literal[
    "amount_not_positive",
    "unbalanced",
    "too_few_postings",
    "insufficient_balance",
]


class LedgerRefusedError(ValueError):
    """A transaction the ledger refuses; ``message`` is Vietnamese, for the user."""

    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True, kw_only=True)
class Posting:
    account: Hashable
    amount_vnd: int


def amount_check(amount_vnd: object) -> int:
    """A money amount must be a whole, positive number of đồng."""
    if isinstance(amount_vnd, bool) or not isinstance(amount_vnd, int) or amount_vnd <= 0:
        raise LedgerRefusedError("amount_not_positive", "Số tiền phải là số nguyên dương (đồng).")
    return amount_vnd


def postings_check(postings: Iterable[Posting]) -> None:
    """At least two non-zero integer postings that sum to zero."""
    rows = list(postings)
    if len(rows) < 2:
        raise LedgerRefusedError("too_few_postings", "Một giao dịch cần ít nhất hai bút toán.")
    for row in rows:
        amount = row.amount_vnd
        if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0:
            raise LedgerRefusedError("amount_not_positive", "Bút toán phải là số nguyên khác 0.")
    if sum(row.amount_vnd for row in rows) != 0:
        raise LedgerRefusedError("unbalanced", "Giao dịch không cân: tổng nợ phải bằng tổng có.")


def balances_after(
    balances: Mapping[Hashable, int], postings: Iterable[Posting]
) -> dict[Hashable, int]:
    """The balances of the accounts touched by ``postings`` once they are applied."""
    after: dict[Hashable, int] = {}
    for row in postings:
        start = after.get(row.account, balances.get(row.account, 0))
        after[row.account] = start + row.amount_vnd
    return after


def floors_check(
    balances: Mapping[Hashable, int],
    postings: Iterable[Posting],
    *,
    floored: Callable[[Hashable], bool],
    describe: Callable[[Hashable, int], str] | None = None,
) -> dict[Hashable, int]:
    """Refuse when a floored account would go below zero; return the new balances."""
    after = balances_after(balances, postings)
    for account, balance in after.items():
        if floored(account) and balance < 0:
            available = balances.get(account, 0)
            message = (
                describe(account, available)
                if describe
                else f"Số dư không đủ: còn {available} đồng."
            )
            raise LedgerRefusedError("insufficient_balance", message)
    return after


def canonical(content: Mapping[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8: the same content always gives the same bytes."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_digest(*, previous: str, content: Mapping[str, Any]) -> str:
    return hashlib.sha256(previous.encode("ascii") + canonical(content)).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainEntry:
    seq: int
    previous_hash: str
    hash: str
    content: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainBreak:
    seq: int
    reason: Literal["previous", "hash", "sequence"]

    @property
    def message(self) -> str:
        return {
            "previous": f"Bút toán số {self.seq}: mã băm trước không khớp bút toán liền trước.",
            "hash": f"Bút toán số {self.seq}: nội dung đã bị sửa (mã băm không khớp).",
            "sequence": f"Bút toán số {self.seq}: chuỗi bị đứt (thiếu bút toán liền trước).",
        }[self.reason]


def chain_first_break(entries: Iterable[ChainEntry]) -> ChainBreak | None:
    """The first entry (in ``seq`` order) whose link or hash does not recompute."""
    previous, expected_seq = GENESIS, 1
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainBreak(seq=entry.seq, reason="sequence")
        if entry.previous_hash != previous:
            return ChainBreak(seq=entry.seq, reason="previous")
        if entry_digest(previous=previous, content=entry.content) != entry.hash:
            return ChainBreak(seq=entry.seq, reason="hash")
        previous, expected_seq = entry.hash, expected_seq + 1
    return None
