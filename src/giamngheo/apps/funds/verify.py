"""Tamper evidence: recompute the hash chain and cross-check what the chain does not cover.

Reports the first entry whose link or hash does not recompute (an edit, a deletion or an
insertion made behind the application's back), and also: transactions that do not sum to
zero, cached account balances that differ from their entries, a chain head that is not the
last entry, and documents (donations, allocations, disbursements) that differ from the
hashed snapshot of their transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Sum

from giamngheo.apps.funds.models import (
    Account,
    Allocation,
    ChainHead,
    Disbursement,
    Donation,
    LedgerEntry,
)
from giamngheo.apps.funds.posting import entry_content
from giamngheo.domain.ledger import GENESIS, ChainBreak, ChainEntry, chain_first_break


@dataclass(frozen=True, slots=True, kw_only=True)
class VerifyReport:
    entries: int
    broken: ChainBreak | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.problems


def ledger_verify() -> VerifyReport:
    count = LedgerEntry.objects.count()
    broken = chain_first_break(_chain_entries())
    problems = [*_unbalanced(), *_balances(), *_head(), *_documents()]
    return VerifyReport(entries=count, broken=broken, problems=problems)


def _chain_entries() -> Iterator[ChainEntry]:
    rows = LedgerEntry.objects.select_related("transaction", "account").order_by("seq")
    for e in rows.iterator(chunk_size=2000):
        yield ChainEntry(
            seq=e.seq, previous_hash=e.previous_hash, hash=e.hash,
            content=entry_content(tx=e.transaction, seq=e.seq, account=e.account,
                                  amount_vnd=e.amount_vnd),
        )  # fmt: skip


def _unbalanced() -> Iterator[str]:
    sums = LedgerEntry.objects.values("transaction_id").annotate(total=Sum("amount_vnd"))
    for row in sums.exclude(total=0).order_by("transaction_id"):
        yield f"Giao dịch GD{row['transaction_id']} không cân: lệch {row['total']} đồng."


def _balances() -> Iterator[str]:
    sums = dict(
        LedgerEntry.objects.values("account_id")
        .annotate(total=Sum("amount_vnd"))
        .values_list("account_id", "total")
    )
    for account in Account.objects.order_by("pk"):
        expected = int(sums.get(account.pk) or 0)
        if account.balance_vnd != expected:
            yield (
                f"Tài khoản {account.pk}: số dư {account.balance_vnd} khác tổng bút toán "
                f"{expected}."
            )


def _head() -> Iterator[str]:
    last = LedgerEntry.objects.order_by("-seq").first()
    head = ChainHead.objects.filter(pk=1).first()
    seq, digest = (last.seq, last.hash) if last else (0, GENESIS)
    current = (head.seq, head.hash) if head else (0, GENESIS)
    if current != (seq, digest):
        yield f"Đầu chuỗi không trỏ vào bút toán cuối cùng (số {seq})."


def _documents() -> Iterator[str]:
    for d in Donation.objects.select_related("transaction").order_by("pk"):
        details = d.transaction.details
        if (d.donor_name, d.amount_vnd, d.receipt_code, d.earmark) != (
            details.get("donor_name"), details.get("amount_vnd"),
            details.get("receipt_code"), details.get("earmark"),
        ):  # fmt: skip
            yield f"Khoản ủng hộ {d.receipt_code}: khác chứng từ đã băm của GD{d.transaction_id}."
    for model, label in ((Allocation, "Phân bổ PB"), (Disbursement, "Giải ngân GN")):
        for row in model.objects.select_related("transaction").order_by("pk"):
            if row.amount_vnd != row.transaction.details.get("amount_vnd"):
                yield f"{label}{row.pk}: số tiền khác chứng từ đã băm của GD{row.transaction_id}."
