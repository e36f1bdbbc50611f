"""Forms of the fund pages. Choices are limited to what the signed-in user may see; the
services check everything again (scope, balances) inside their transaction."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.funds.choices import SourceKind
from giamngheo.apps.funds.models import Allocation, Donation, FundSource
from giamngheo.apps.funds.selectors import allocations_visible, sources_visible
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.programmes.models import Campaign, Project, SubProject, SupportRecord
from giamngheo.apps.programmes.selectors import campaigns_visible, support_visible

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _amount() -> forms.IntegerField:
    # No min_value here: the service refuses zero and negative amounts with its own message.
    return forms.IntegerField(label=_("Số tiền (đồng)"))


class ScopedForm(forms.Form):
    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.limit()

    def limit(self) -> None:
        pass

    def _set(self, name: str, queryset: Any) -> None:
        self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class SourceForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Loại nguồn"), choices=SourceKind.choices)
    code = forms.SlugField(label=_("Mã"), max_length=32)
    name = forms.CharField(label=_("Tên"), max_length=255)
    organisation = forms.ModelChoiceField(
        label=_("Đơn vị quản lý (ban vận động)"), queryset=Organisation.objects.none(),
        required=False,
    )  # fmt: skip

    def limit(self) -> None:
        province = getattr(self.user, "scope_province_id", None) or 0
        self._set("organisation", Organisation.objects.filter(province_id=province))


class DonationForm(ScopedForm):
    source = forms.ModelChoiceField(label=_("Nguồn vốn"), queryset=FundSource.objects.none())
    donor_name = forms.CharField(label=_("Nhà hảo tâm"), max_length=200, required=False)
    amount_vnd = _amount()
    received_on = forms.DateField(label=_("Ngày nhận"), widget=DATE)
    earmark = forms.CharField(
        label=_("Ủng hộ có địa chỉ (mục đích)"), max_length=255, required=False,
        help_text=_("Để trống nếu ủng hộ chung vào quỹ."),
    )  # fmt: skip
    campaign = forms.ModelChoiceField(
        label=_("Đợt vận động"), queryset=Campaign.objects.none(), required=False,
        empty_label=_("Không thuộc đợt nào"),
    )  # fmt: skip

    def limit(self) -> None:
        self._set("source", sources_visible(user=self.user).filter(kind__in=_donation_kinds()))
        self._set("campaign", campaigns_visible(user=self.user))


def _donation_kinds() -> list[str]:
    from giamngheo.apps.funds.choices import DONATION_KINDS

    return sorted(DONATION_KINDS)


class ReceiptForm(ScopedForm):
    source = forms.ModelChoiceField(label=_("Nguồn vốn"), queryset=FundSource.objects.none())
    amount_vnd = _amount()
    received_on = forms.DateField(label=_("Ngày nhận"), widget=DATE)
    reference = forms.CharField(label=_("Số quyết định, chứng từ"), max_length=100)

    def limit(self) -> None:
        from giamngheo.apps.funds.choices import BUDGET_KINDS

        self._set("source", sources_visible(user=self.user).filter(kind__in=sorted(BUDGET_KINDS)))


class AllocationForm(ScopedForm):
    source = forms.ModelChoiceField(label=_("Nguồn vốn"), queryset=FundSource.objects.none())
    donation = forms.ModelChoiceField(
        label=_("Từ khoản ủng hộ có địa chỉ"), queryset=Donation.objects.none(), required=False,
        empty_label=_("Không — từ số dư chung của nguồn"),
    )  # fmt: skip
    commune = forms.ModelChoiceField(label=_("Xã, phường"), queryset=Commune.objects.none())
    sub_project = forms.ModelChoiceField(
        label=_("Tiểu dự án"), queryset=SubProject.objects.none(), required=False
    )
    project = forms.ModelChoiceField(
        label=_("Dự án"), queryset=Project.objects.none(), required=False
    )
    purpose = forms.CharField(label=_("Mục đích (khi không theo dự án)"), required=False)
    amount_vnd = _amount()
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    booked_on = forms.DateField(label=_("Ngày phân bổ"), widget=DATE)

    def limit(self) -> None:
        province = getattr(self.user, "scope_province_id", None) or 0
        self._set("source", sources_visible(user=self.user))
        donations = Donation.objects.filter(
            source__in=sources_visible(user=self.user), transaction__reversal__isnull=True
        ).exclude(earmark="")
        self._set("donation", donations.order_by("-id"))
        self._set("commune", Commune.objects.filter(province_id=province).order_by("name"))
        self._set("project", Project.objects.filter(programme__province_id=province))
        self._set(
            "sub_project",
            SubProject.objects.filter(project__programme__province_id=province).select_related(
                "project"
            ),
        )


class AllocationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Allocation) -> str:
        return f"PB{obj.pk} · {obj.commune.name} · {obj.use_label} · {obj.source.name}"


class SupportChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: SupportRecord) -> str:
        amount = f"{obj.amount:,}".replace(",", ".") if obj.amount is not None else "—"
        return (
            f"{obj.household.code} · {obj.get_support_type_display()} · {amount} · "
            f"{obj.delivered_on:%d/%m/%Y}"
        )


class DisbursementForm(ScopedForm):
    allocation = AllocationChoice(label=_("Phân bổ"), queryset=Allocation.objects.none())
    support_record = SupportChoice(
        label=_("Khoản hỗ trợ cho hộ"), queryset=SupportRecord.objects.none(), required=False,
        empty_label=_("Không — chi cho công trình"),
    )  # fmt: skip
    work = forms.CharField(label=_("Công trình"), max_length=255, required=False)
    amount_vnd = _amount()
    paid_on = forms.DateField(label=_("Ngày chi"), widget=DATE)

    def limit(self) -> None:
        self._set("allocation", allocations_visible(user=self.user).order_by("-id"))
        records = support_visible(user=self.user).select_related("household")
        self._set("support_record", records.order_by("-recorded_at", "-id"))


class ReversalForm(forms.Form):
    reason = forms.CharField(label=_("Lý do đảo"), max_length=200)
    booked_on = forms.DateField(label=_("Ngày hạch toán"), widget=DATE)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), widget=DATE, required=False)
    end = forms.DateField(label=_("Đến ngày"), widget=DATE, required=False)
    by = forms.ChoiceField(
        label=_("Theo"),
        required=False,
        choices=[
            ("project", _("Dự án")), ("sub_project", _("Tiểu dự án")),
            ("commune", _("Xã, phường")), ("source", _("Nguồn vốn")), ("year", _("Năm")),
        ],
    )  # fmt: skip
