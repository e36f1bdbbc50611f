"""A disbursement's payment voucher ("phiếu chi") as a PDF, for a household or a work.

Only a user who may read the disbursement gets it (:func:`disbursement_receipt`: missing
otherwise). The household head's citizen ID is masked unless the role may see personal data.
The document is in Vietnamese whatever the reader's language, as an official voucher is.

WeasyPrint is imported when a PDF is made; when the system's Pango cannot be loaded,
:func:`receipt_pdf` raises :class:`giamngheo.pdf.PdfUnavailableError`, so the page can answer
503 instead of failing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone, translation

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.funds.models import Disbursement
from giamngheo.apps.funds.selectors import disbursements_visible
from giamngheo.apps.funds.words import amount_in_words
from giamngheo.apps.registry.selectors import citizen_id_mask
from giamngheo.pdf import pdf_from_html

TEMPLATE = "web/funds/disbursement_receipt_pdf.html"


@dataclass(frozen=True, slots=True, kw_only=True)
class DisbursementReceipt:
    disbursement: Disbursement
    payer: str  # the organisation running the source, or the commune's People's Committee
    recipient: str  # the household head's name, or "" for a work
    citizen_id: str  # masked unless the reader may see personal data; "" when none
    household_code: str
    place: str  # village, commune, province
    reason: str
    amount_words: str
    entry_hash: str  # the last ledger entry of the payment, to check against the chain
    reversed_by: int | None  # the reversing transaction, if the payment was reversed
    made_at: dt.datetime

    @property
    def number(self) -> str:
        return f"GN{self.disbursement.pk}"


def disbursement_receipt(*, user: Any, pk: int) -> DisbursementReceipt:
    """The voucher of a disbursement the user may read (``Http404`` otherwise)."""
    found = _visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    personal = scope_of(user).can(Capability.PERSONAL_VIEW)
    with translation.override("vi"):  # the labels inside are the voucher's, in Vietnamese
        return _receipt(found, personal=personal)


def _visible(user: Any) -> Any:
    return disbursements_visible(user=user).select_related(
        "allocation__source__organisation", "allocation__commune__province",
        "allocation__project", "allocation__sub_project__project",
        "support_record__household__village", "transaction__recorded_by",
        "transaction__reversal",
    )  # fmt: skip


def _receipt(paid: Disbursement, *, personal: bool) -> DisbursementReceipt:
    allocation, record = paid.allocation, paid.support_record
    organisation = allocation.source.organisation
    head = record.household.head if record is not None else None
    citizen_id = head.citizen_id if head is not None else None
    tx = paid.transaction
    return DisbursementReceipt(
        disbursement=paid,
        payer=organisation.name if organisation else _committee(allocation.commune.name),
        recipient=head.full_name if head is not None else "",
        citizen_id=(citizen_id or "") if personal else citizen_id_mask(citizen_id),
        household_code=record.household.code if record is not None else "",
        place=_place(paid),
        reason=_reason(paid),
        amount_words=amount_in_words(paid.amount_vnd),
        entry_hash=tx.entries.order_by("-seq").values_list("hash", flat=True).first() or "",
        reversed_by=tx.reversal.pk if tx.is_reversed else None,
        made_at=timezone.localtime(),
    )


def _committee(commune: str) -> str:
    """``Phường Đông Kinh`` → ``Ủy ban nhân dân phường Đông Kinh``."""
    return f"Ủy ban nhân dân {commune[:1].lower()}{commune[1:]}"


def _place(paid: Disbursement) -> str:
    commune = paid.allocation.commune
    village = paid.support_record.household.village.name if paid.support_record else ""
    return ", ".join(filter(None, (village, commune.name, commune.province.name)))


def _reason(paid: Disbursement) -> str:
    record = paid.support_record
    if record is None:
        return f"Chi cho công trình: {paid.work}"
    reason = f"{record.get_support_type_display()} cho hộ {record.household.code}"
    return f"{reason} ({record.detail})" if record.detail else reason


def receipt_pdf(receipt: DisbursementReceipt) -> bytes:
    return pdf_from_html(receipt_html(receipt))


def receipt_html(receipt: DisbursementReceipt) -> str:
    with translation.override("vi"):
        return render_to_string(TEMPLATE, {"r": receipt, "d": receipt.disbursement})
