"""Corrections: a reversal posts the opposite of a transaction. Nothing is edited or deleted.

Refused: reversing a reversal, reversing a transaction twice, and a reversal that would take a
floored account below zero (an allocation already partly paid out, a donation already
allocated: reverse those first).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_record
from giamngheo.apps.funds.access import source_require
from giamngheo.apps.funds.choices import TransactionKind
from giamngheo.apps.funds.models import LedgerTransaction
from giamngheo.apps.funds.posting import transaction_post


@transaction.atomic(durable=True)
def transaction_reverse(
    *, actor: Any, tx: LedgerTransaction, booked_on: dt.date, reason: str
) -> LedgerTransaction:
    original = LedgerTransaction.objects.select_for_update().get(pk=tx.pk)
    entries = list(original.entries.select_related("account__source").order_by("seq"))
    source = entries[0].account.source
    source_require(actor, source, budget=original.kind == TransactionKind.BUDGET_RECEIPT)
    if original.kind == TransactionKind.REVERSAL:
        raise ValidationError({"tx": "Không thể đảo một bút toán đảo."})
    if LedgerTransaction.objects.filter(reverses=original).exists():
        raise ValidationError({"tx": f"Giao dịch GD{original.pk} đã được đảo."})
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do đảo bút toán."})
    reversal = LedgerTransaction(
        province_id=original.province_id, commune_id=original.commune_id,
        kind=TransactionKind.REVERSAL, booked_on=booked_on, reverses=original,
        memo=f"Đảo GD{original.pk}: {reason.strip()}"[:255],
        details={"reverses": original.pk, "reason": reason.strip()},
        recorded_by=actor if getattr(actor, "pk", None) else None, recorded_at=timezone.now(),
    )  # fmt: skip
    lines = [(e.account, -e.amount_vnd) for e in entries]
    transaction_post(tx=reversal, lines=lines, field="tx")
    audit_record(action=AuditAction.CREATE, target=reversal, summary=reversal.memo)
    return reversal
