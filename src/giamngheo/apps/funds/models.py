"""Fund sources, the double-entry ledger and the documents behind its transactions.

Money is whole đồng (``amount_vnd``). Transactions, entries, donations, allocations and
disbursements are append-only: a correction is a reversal (a new transaction), never an edit
or a delete. The model refuses both; on PostgreSQL triggers refuse them too (migration 0002).
Only an account's cached ``balance_vnd`` and the chain head change, under row locks.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.funds.choices import FLOORED, AccountKind, SourceKind, TransactionKind
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.models import Campaign, Project, SubProject, SupportRecord

type Units = tuple[int | None, int | None, int | None]
APPEND_ONLY = "Sổ cái chỉ được ghi thêm; sửa sai bằng bút toán đảo."


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise PermissionError(APPEND_ONLY)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError(APPEND_ONLY)


class FundSource(models.Model):
    """Where money comes from: a budget, social mobilisation or a Fund "For the Poor" at the
    province or a commune, run by its mobilisation board (an organisation)."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại nguồn"), max_length=24, choices=SourceKind.choices)
    code = models.SlugField(_("mã"), max_length=32)
    name = models.CharField(_("tên"), max_length=255)
    commune = models.ForeignKey(
        Commune, verbose_name=_("cấp xã (quỹ cấp xã)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị quản lý (ban vận động)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("nguồn vốn")
        verbose_name_plural = _("nguồn vốn")
        ordering = ["province", "kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["province", "code"], name="fund_source_code_unique"),
            models.CheckConstraint(
                condition=~Q(kind=SourceKind.FUND_FOR_THE_POOR) | Q(organisation__isnull=False),
                name="fund_for_the_poor_has_board",
                violation_error_message=_("Quỹ “Vì người nghèo” phải có ban vận động."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, None


class LedgerTransaction(AppendOnly):
    """One balanced transaction; ``details`` is the hashed snapshot of its document."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    kind = models.CharField(_("loại giao dịch"), max_length=16, choices=TransactionKind.choices)
    booked_on = models.DateField(_("ngày hạch toán"), db_index=True)
    memo = models.CharField(_("diễn giải"), max_length=255, blank=True)
    details = models.JSONField(_("chứng từ"), default=dict)
    reverses = models.OneToOneField(
        "self", verbose_name=_("đảo giao dịch"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="reversal",
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    recorded_at = models.DateTimeField(_("ghi lúc"))

    class Meta:
        verbose_name = _("giao dịch")
        verbose_name_plural = _("giao dịch")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"GD{self.pk} · {self.get_kind_display()}"

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, None

    @property
    def is_reversed(self) -> bool:
        return hasattr(self, "reversal")


class Donation(AppendOnly):
    transaction = models.OneToOneField(
        LedgerTransaction, verbose_name=_("giao dịch"), on_delete=models.PROTECT,
        related_name="donation",
    )  # fmt: skip
    source = models.ForeignKey(
        FundSource, verbose_name=_("nguồn vốn"), on_delete=models.PROTECT, related_name="donations"
    )
    donor_name = models.CharField(_("nhà hảo tâm"), max_length=200)
    donor_organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức ủng hộ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))
    received_on = models.DateField(_("ngày nhận"))
    earmark = models.CharField(_("ủng hộ có địa chỉ (mục đích)"), max_length=255, blank=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt vận động"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    receipt_code = models.CharField(_("số biên nhận"), max_length=16, unique=True)

    class Meta:
        verbose_name = _("khoản ủng hộ")
        verbose_name_plural = _("khoản ủng hộ")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gt=0), name="donation_positive"),
            models.CheckConstraint(condition=~Q(donor_name=""), name="donation_has_donor"),
        ]

    def __str__(self) -> str:
        return self.receipt_code

    def audit_units(self) -> Units:
        return self.source.province_id, self.source.commune_id, None


class Allocation(AppendOnly):
    """Money assigned from a source (or one earmarked donation) to a project / sub-project in
    a commune; the project may be absent for a fund's own purposes (``purpose``)."""

    transaction = models.OneToOneField(
        LedgerTransaction, verbose_name=_("giao dịch"), on_delete=models.PROTECT,
        related_name="allocation",
    )  # fmt: skip
    source = models.ForeignKey(
        FundSource, verbose_name=_("nguồn vốn"), on_delete=models.PROTECT,
        related_name="allocations",
    )  # fmt: skip
    donation = models.ForeignKey(
        Donation, verbose_name=_("từ khoản ủng hộ có địa chỉ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="allocations",
    )  # fmt: skip
    project = models.ForeignKey(
        Project, verbose_name=_("dự án"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("tiểu dự án"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    purpose = models.CharField(_("mục đích"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))

    class Meta:
        verbose_name = _("phân bổ")
        verbose_name_plural = _("phân bổ")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gt=0), name="allocation_positive"),
            models.CheckConstraint(
                condition=Q(project__isnull=False) | ~Q(purpose=""),
                name="allocation_has_use",
            ),
        ]

    def __str__(self) -> str:
        return f"PB{self.pk} · {self.commune.name}"

    def audit_units(self) -> Units:
        return self.commune.province_id, self.commune_id, None

    @property
    def use_label(self) -> str:
        if self.sub_project is not None:
            return str(self.sub_project)
        return str(self.project) if self.project is not None else self.purpose


class Disbursement(AppendOnly):
    """Money paid out of an allocation, to one support record (a household) or to a work."""

    transaction = models.OneToOneField(
        LedgerTransaction, verbose_name=_("giao dịch"), on_delete=models.PROTECT,
        related_name="disbursement",
    )  # fmt: skip
    allocation = models.ForeignKey(
        Allocation, verbose_name=_("phân bổ"), on_delete=models.PROTECT,
        related_name="disbursements",
    )  # fmt: skip
    support_record = models.ForeignKey(
        SupportRecord, verbose_name=_("hỗ trợ đã trao"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="disbursements",
    )  # fmt: skip
    work = models.CharField(_("công trình"), max_length=255, blank=True)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))
    paid_on = models.DateField(_("ngày chi"))

    class Meta:
        verbose_name = _("giải ngân")
        verbose_name_plural = _("giải ngân")
        ordering = ["-paid_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gt=0), name="disbursement_positive"),
            models.CheckConstraint(
                condition=(Q(support_record__isnull=False) & Q(work=""))
                | (Q(support_record__isnull=True) & ~Q(work="")),
                name="disbursement_one_use",
                violation_error_message=_("Giải ngân cho đúng một khoản hỗ trợ hoặc công trình."),
            ),
        ]

    def __str__(self) -> str:
        return f"GN{self.pk}"

    def audit_units(self) -> Units:
        commune = self.allocation.commune
        return commune.province_id, commune.pk, None


class Account(models.Model):
    """A ledger account: what a source has received and holds, what an earmarked donation
    holds, and per allocation what is left and what was paid out."""

    kind = models.CharField(_("loại tài khoản"), max_length=12, choices=AccountKind.choices)
    source = models.ForeignKey(
        FundSource, verbose_name=_("nguồn vốn"), on_delete=models.PROTECT, related_name="accounts"
    )
    donation = models.ForeignKey(
        Donation, verbose_name=_("khoản ủng hộ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="accounts",
    )  # fmt: skip
    allocation = models.ForeignKey(
        Allocation, verbose_name=_("phân bổ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="accounts",
    )  # fmt: skip
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    balance_vnd = models.BigIntegerField(_("số dư (đồng)"), default=0)

    class Meta:
        verbose_name = _("tài khoản sổ cái")
        verbose_name_plural = _("tài khoản sổ cái")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=sorted(FLOORED)) | Q(balance_vnd__gte=0),
                name="account_floored_not_negative",
            ),
            models.UniqueConstraint(
                fields=["kind", "source"],
                condition=Q(donation__isnull=True, allocation__isnull=True),
                name="account_source_kind_unique",
            ),
            models.UniqueConstraint(
                fields=["kind", "donation"],
                condition=Q(donation__isnull=False),
                name="account_donation_kind_unique",
            ),
            models.UniqueConstraint(
                fields=["kind", "allocation"],
                condition=Q(allocation__isnull=False),
                name="account_allocation_kind_unique",
            ),
        ]

    def __str__(self) -> str:
        owner = self.allocation or self.donation or self.source
        return f"{self.get_kind_display()} · {owner}"

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, None


class LedgerEntry(AppendOnly):
    """One posting: debit (> 0) or credit (< 0), chained by hash to the entry before it."""

    seq = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    transaction = models.ForeignKey(
        LedgerTransaction, verbose_name=_("giao dịch"), on_delete=models.PROTECT,
        related_name="entries",
    )  # fmt: skip
    account = models.ForeignKey(
        Account, verbose_name=_("tài khoản"), on_delete=models.PROTECT, related_name="entries"
    )
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))
    previous_hash = models.CharField(_("mã băm trước"), max_length=64)
    hash = models.CharField(_("mã băm"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("bút toán")
        verbose_name_plural = _("bút toán")
        ordering = ["seq"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount_vnd=0), name="entry_not_zero"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.amount_vnd:+d}"


class ChainHead(models.Model):
    """The last entry of the chain (one row). Locking it orders every ledger write."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("đầu chuỗi sổ cái")
        verbose_name_plural = _("đầu chuỗi sổ cái")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
