"""Money in (donations, budget receipts), allocations and disbursements.

Each is one durable, audited transaction that posts a balanced ledger transaction. Refused
whole, with a Vietnamese message on the field: a zero or negative amount, a donation without a
donor, an allocation above what the source (or the earmarked donation) holds, a disbursement
above what the allocation has left, a use outside the allocation's commune or source.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.audit.models import AuditAction
from giamngheo.apps.audit.services import audit_record, audited_save
from giamngheo.apps.funds.access import source_require
from giamngheo.apps.funds.choices import (
    BUDGET_KINDS,
    DONATION_KINDS,
    SUPPORT_SOURCE,
    AccountKind,
    SourceKind,
    TransactionKind,
)
from giamngheo.apps.funds.models import (
    Account,
    Allocation,
    Disbursement,
    Donation,
    FundSource,
    LedgerTransaction,
)
from giamngheo.apps.funds.posting import details_jsonable, transaction_post
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.choices import AmountUnit
from giamngheo.apps.programmes.models import Campaign, Project, SubProject, SupportRecord
from giamngheo.domain.explain import format_number
from giamngheo.domain.ledger import LedgerRefusedError, amount_check

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def amount_valid(amount_vnd: object) -> int:
    try:
        return amount_check(amount_vnd)
    except LedgerRefusedError as refusal:
        raise ValidationError({"amount_vnd": refusal.message}) from refusal


def account_of(source: FundSource, kind: str, **owner: Any) -> Account:
    return Account.objects.get(source=source, kind=kind, **(owner or {
        "donation__isnull": True, "allocation__isnull": True}))  # fmt: skip


def _new_tx(
    *,
    actor: Any,
    source: FundSource,
    kind: str,
    booked_on: dt.date,
    memo: str,
    details: dict[str, Any],
    commune: Commune | None = None,
) -> LedgerTransaction:
    tx = LedgerTransaction(
        province_id=source.province_id, commune=commune or source.commune, kind=kind,
        booked_on=booked_on, memo=memo[:255], details=details_jsonable(details),
        recorded_by=actor if getattr(actor, "pk", None) else None, recorded_at=timezone.now(),
    )  # fmt: skip
    return tx


def receipt_code_new() -> str:
    while True:
        code = "BN" + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(8))
        if not Donation.objects.filter(receipt_code=code).exists():
            return code


@transaction.atomic(durable=True)
def donation_record(
    *,
    actor: Any,
    source: FundSource,
    donor_name: str,
    amount_vnd: int,
    received_on: dt.date,
    earmark: str = "",
    campaign: Campaign | None = None,
    donor_organisation: Organisation | None = None,
) -> Donation:
    """Receive a donation into ``source``; an earmarked one is held apart until allocated."""
    source_require(actor, source)
    if source.kind not in DONATION_KINDS:
        raise ValidationError({"source": "Nguồn vốn này không nhận tiền ủng hộ."})
    donor = (donor_name or "").strip() or (donor_organisation.name if donor_organisation else "")
    if not donor:
        raise ValidationError(
            {"donor_name": "Khoản ủng hộ phải ghi nhà hảo tâm (cá nhân hoặc tổ chức)."}
        )
    amount = amount_valid(amount_vnd)
    if campaign is not None and campaign.province_id != source.province_id:
        raise ValidationError({"campaign": "Đợt vận động của tỉnh khác."})
    donation = Donation(
        source=source, donor_name=donor[:200], donor_organisation=donor_organisation,
        amount_vnd=amount, received_on=received_on, earmark=earmark.strip(),
        campaign=campaign, receipt_code=receipt_code_new(),
    )  # fmt: skip
    donation.transaction = _new_tx(
        actor=actor, source=source, kind=TransactionKind.DONATION, booked_on=received_on,
        memo=f"Ủng hộ {donation.receipt_code}", details=_donation_details(donation),
    )  # fmt: skip
    donation.transaction.save()
    donation.transaction = donation.transaction  # the saved row's id
    audited_save(instance=donation, summary=f"Tiếp nhận ủng hộ {donation.receipt_code}")
    held = account_of(source, AccountKind.HELD)
    if donation.earmark:
        held = Account.objects.create(
            kind=AccountKind.EARMARKED, source=source, donation=donation,
            province_id=source.province_id, commune=source.commune,
        )  # fmt: skip
    income = account_of(source, AccountKind.INCOME)
    transaction_post(tx=donation.transaction, lines=[(held, amount), (income, -amount)])
    return donation


def _donation_details(donation: Donation) -> dict[str, Any]:
    return {
        "source": donation.source.code, "donor_name": donation.donor_name,
        "donor_organisation": donation.donor_organisation_id,
        "amount_vnd": donation.amount_vnd, "received_on": donation.received_on,
        "earmark": donation.earmark, "campaign": donation.campaign_id,
        "receipt_code": donation.receipt_code,
    }  # fmt: skip


@transaction.atomic(durable=True)
def budget_receipt_record(
    *,
    actor: Any,
    source: FundSource,
    amount_vnd: int,
    received_on: dt.date,
    reference: str,
) -> LedgerTransaction:
    """Receive state budget (or policy credit) into ``source`` under a decision ``reference``."""
    source_require(actor, source, budget=True)
    if source.kind not in BUDGET_KINDS:
        raise ValidationError({"source": "Nguồn vốn này nhận tiền ủng hộ, không nhận ngân sách."})
    if not reference.strip():
        raise ValidationError({"reference": "Ghi số quyết định giao vốn hoặc chứng từ."})
    amount = amount_valid(amount_vnd)
    tx = _new_tx(
        actor=actor, source=source, kind=TransactionKind.BUDGET_RECEIPT, booked_on=received_on,
        memo=f"Tiếp nhận {SourceKind(source.kind).label}: {reference.strip()}",
        details={"source": source.code, "amount_vnd": amount, "reference": reference.strip()},
    )  # fmt: skip
    lines = [(account_of(source, AccountKind.HELD), amount),
             (account_of(source, AccountKind.INCOME), -amount)]  # fmt: skip
    transaction_post(tx=tx, lines=lines)
    audit_record(action=AuditAction.CREATE, target=tx, summary=tx.memo,
                 changes={"amount_vnd": [None, amount]})  # fmt: skip
    return tx


@transaction.atomic(durable=True)
def allocation_record(
    *,
    actor: Any,
    source: FundSource,
    commune: Commune,
    amount_vnd: int,
    year: int,
    booked_on: dt.date,
    project: Project | None = None,
    sub_project: SubProject | None = None,
    purpose: str = "",
    donation: Donation | None = None,
) -> Allocation:
    """Assign money of ``source`` (or of one earmarked donation) to a use in a commune."""
    source_require(actor, source)
    amount = amount_valid(amount_vnd)
    project = _use_check(source, commune, project, sub_project, purpose)
    if donation is not None and (donation.source_id != source.pk or not donation.earmark):
        raise ValidationError({"donation": "Chỉ chọn khoản ủng hộ có địa chỉ của nguồn vốn này."})
    allocation = Allocation(
        source=source, donation=donation, project=project, sub_project=sub_project,
        purpose=purpose.strip(), commune=commune, year=year, amount_vnd=amount,
    )  # fmt: skip
    allocation.transaction = _new_tx(
        actor=actor, source=source, kind=TransactionKind.ALLOCATION, booked_on=booked_on,
        commune=commune, memo=f"Phân bổ cho {commune.name}: {allocation.use_label}",
        details=_allocation_details(allocation),
    )  # fmt: skip
    allocation.transaction.save()
    allocation.transaction = allocation.transaction  # the saved row's id
    audited_save(instance=allocation, summary=allocation.transaction.memo)
    into = _allocation_accounts(allocation)[AccountKind.ALLOCATED]
    if donation is not None:
        out = account_of(source, AccountKind.EARMARKED, donation=donation)
    else:
        out = account_of(source, AccountKind.HELD)
    transaction_post(tx=allocation.transaction, lines=[(into, amount), (out, -amount)])
    return allocation


def _use_check(source: FundSource, commune: Commune, project: Project | None,
               sub_project: SubProject | None, purpose: str) -> Project | None:  # fmt: skip
    if commune.province_id != source.province_id or (
        source.commune_id is not None and commune.pk != source.commune_id
    ):
        raise ValidationError({"commune": "Xã, phường ngoài phạm vi của nguồn vốn."})
    if sub_project is not None:
        if project is not None and sub_project.project_id != project.pk:
            raise ValidationError({"sub_project": "Tiểu dự án không thuộc dự án đã chọn."})
        project = sub_project.project
    if project is not None and project.programme.province_id != source.province_id:
        raise ValidationError({"project": "Dự án của tỉnh khác."})
    if project is None and not purpose.strip():
        raise ValidationError({"purpose": "Ghi dự án hoặc mục đích sử dụng."})
    return project


def _allocation_details(allocation: Allocation) -> dict[str, Any]:
    return {
        "source": allocation.source.code, "donation": allocation.donation_id,
        "project": allocation.project_id, "sub_project": allocation.sub_project_id,
        "purpose": allocation.purpose, "commune": allocation.commune.code,
        "year": allocation.year, "amount_vnd": allocation.amount_vnd,
    }  # fmt: skip


def _allocation_accounts(allocation: Allocation) -> dict[str, Account]:
    return {
        kind: Account.objects.create(
            kind=kind,
            source=allocation.source,
            allocation=allocation,
            province_id=allocation.commune.province_id,
            commune=allocation.commune,
        )
        for kind in (AccountKind.ALLOCATED, AccountKind.SPENT)
    }


@transaction.atomic(durable=True)
def disbursement_record(
    *,
    actor: Any,
    allocation: Allocation,
    amount_vnd: int,
    paid_on: dt.date,
    support_record: SupportRecord | None = None,
    work: str = "",
) -> Disbursement:
    """Pay out of ``allocation`` for one support record (a household) or one work."""
    source_require(actor, allocation.source)
    amount = amount_valid(amount_vnd)
    if (support_record is None) == (not work.strip()):
        raise ValidationError({"work": "Giải ngân cho đúng một khoản hỗ trợ hoặc công trình."})
    if support_record is not None:
        support_record = _support_check(allocation, support_record, amount)
    disbursement = Disbursement(
        allocation=allocation, support_record=support_record, work=work.strip(),
        amount_vnd=amount, paid_on=paid_on,
    )  # fmt: skip
    use = f"hộ {support_record.household.code}" if support_record else work.strip()
    disbursement.transaction = _new_tx(
        actor=actor, source=allocation.source, kind=TransactionKind.DISBURSEMENT,
        booked_on=paid_on, commune=allocation.commune, memo=f"Giải ngân PB{allocation.pk}: {use}",
        details={"allocation": allocation.pk, "support_record": getattr(support_record, "pk", None),
                 "work": disbursement.work, "amount_vnd": amount, "paid_on": paid_on},
    )  # fmt: skip
    disbursement.transaction.save()
    disbursement.transaction = disbursement.transaction  # the saved row's id
    audited_save(instance=disbursement, summary=disbursement.transaction.memo)
    accounts = {a.kind: a for a in allocation.accounts.all()}
    lines = [(accounts[AccountKind.SPENT], amount), (accounts[AccountKind.ALLOCATED], -amount)]
    transaction_post(tx=disbursement.transaction, lines=lines)
    return disbursement


def _support_check(allocation: Allocation, record: SupportRecord, amount: int) -> SupportRecord:
    record = (
        SupportRecord.objects.select_for_update(of=("self",))
        .select_related("household__village", "level")
        .get(pk=record.pk)
    )
    if record.household.village.commune_id != allocation.commune_id:
        raise ValidationError({"support_record": "Hộ được hỗ trợ không thuộc xã của phân bổ."})
    if record.source != SUPPORT_SOURCE[allocation.source.kind]:
        raise ValidationError({"support_record": "Khoản hỗ trợ ghi nguồn kinh phí khác."})
    if record.amount is not None and (record.level is None or record.level.unit == AmountUnit.VND):
        paid = disbursed_net(record)
        if paid + amount > record.amount:
            left = format_number(max(record.amount - paid, 0))
            raise ValidationError(
                {"amount_vnd": f"Vượt giá trị khoản hỗ trợ: còn {left} đồng chưa chi."}
            )
    return record


def disbursed_net(record: SupportRecord) -> int:
    """What has been paid for ``record`` and not reversed."""
    rows = Disbursement.objects.filter(support_record=record, transaction__reversal__isnull=True)
    return int(rows.aggregate(total=Sum("amount_vnd"))["total"] or 0)
