"""Stored options of the funds app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.programmes.choices import FundSource as SupportSource


class SourceKind(models.TextChoices):
    CENTRAL = "central", _("Ngân sách trung ương")
    PROVINCIAL = "provincial_counterpart", _("Ngân sách tỉnh đối ứng")
    OTHER_LOCAL = "other_local", _("Ngân sách địa phương khác")
    MOBILISED = "social_mobilisation", _("Huy động xã hội")
    FUND_FOR_THE_POOR = "fund_for_the_poor", _("Quỹ “Vì người nghèo”")
    POLICY_CREDIT = "policy_credit", _("Vốn tín dụng chính sách")
    OTHER = "other", _("Nguồn khác")


# Money reaches a source either as donations (from people and organisations) or as budget
# receipts (from the state); "other" takes both.
DONATION_KINDS = frozenset({SourceKind.MOBILISED, SourceKind.FUND_FOR_THE_POOR, SourceKind.OTHER})
BUDGET_KINDS = frozenset(
    {SourceKind.CENTRAL, SourceKind.PROVINCIAL, SourceKind.OTHER_LOCAL,
     SourceKind.POLICY_CREDIT, SourceKind.OTHER}
)  # fmt: skip

# The `source` a support record names, for each kind of fund source.
SUPPORT_SOURCE: dict[str, str] = {
    SourceKind.CENTRAL: SupportSource.CENTRAL,
    SourceKind.PROVINCIAL: SupportSource.LOCAL,
    SourceKind.OTHER_LOCAL: SupportSource.LOCAL,
    SourceKind.MOBILISED: SupportSource.MOBILISED,
    SourceKind.FUND_FOR_THE_POOR: SupportSource.FUND_FOR_THE_POOR,
    SourceKind.POLICY_CREDIT: SupportSource.POLICY_CREDIT,
    SourceKind.OTHER: SupportSource.OTHER,
}


class AccountKind(models.TextChoices):
    INCOME = "income", _("Nguồn thu")  # credit side of money received; never floored
    HELD = "held", _("Chưa phân bổ")
    EARMARKED = "earmarked", _("Ủng hộ có địa chỉ, chưa phân bổ")
    ALLOCATED = "allocated", _("Đã phân bổ, chưa giải ngân")
    SPENT = "spent", _("Đã giải ngân")


# Accounts that hold money and may never go below zero.
FLOORED: frozenset[str] = frozenset(
    {AccountKind.HELD, AccountKind.EARMARKED, AccountKind.ALLOCATED}
)


class TransactionKind(models.TextChoices):
    DONATION = "donation", _("Tiếp nhận ủng hộ")
    BUDGET_RECEIPT = "budget_receipt", _("Tiếp nhận ngân sách")
    ALLOCATION = "allocation", _("Phân bổ")
    DISBURSEMENT = "disbursement", _("Giải ngân")
    REVERSAL = "reversal", _("Bút toán đảo")
