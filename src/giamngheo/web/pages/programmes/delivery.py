"""Recording support one record at a time, importing a file, and the recent records."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import polars as pl
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.choices import FundSource, HousingKind, SupportType
from giamngheo.apps.programmes.models import Campaign, LivelihoodModel, SupportLevel
from giamngheo.apps.programmes.selectors import (
    campaigns_visible,
    levels_current,
    livelihood_models_visible,
    support_visible,
)
from giamngheo.apps.programmes.services import support_import, support_record, support_table_read
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import households_visible
from giamngheo.web.pages.programmes.common import errors_to_form, require

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SupportForm(forms.Form):
    household_code = forms.CharField(label=_("Mã hộ"), max_length=32)
    support_type = forms.ChoiceField(label=_("Loại hỗ trợ"), choices=SupportType.choices)
    level = forms.ModelChoiceField(
        label=_("Mức hỗ trợ"), queryset=SupportLevel.objects.none(), required=False,
        empty_label=_("Không theo mức hỗ trợ"),
    )  # fmt: skip
    amount = forms.IntegerField(
        label=_("Số tiền (đồng) hoặc tỷ lệ (%)"), min_value=0, required=False
    )
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=1, required=False)
    delivered_on = forms.DateField(label=_("Ngày hỗ trợ"), widget=DATE)
    source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundSource.choices)
    campaign = forms.ModelChoiceField(
        label=_("Đợt vận động"), queryset=Campaign.objects.none(), required=False,
        empty_label=_("Không thuộc đợt nào"),
    )  # fmt: skip
    livelihood_model = forms.ModelChoiceField(
        label=_("Mô hình sinh kế"), queryset=LivelihoodModel.objects.none(), required=False,
        empty_label=_("Không tham gia mô hình nào"),
    )  # fmt: skip
    housing_kind = forms.ChoiceField(
        label=_("Loại nhà"), choices=[("", "—"), *HousingKind.choices], required=False
    )
    approved_on = forms.DateField(label=_("Ngày phê duyệt"), widget=DATE, required=False)
    detail = forms.CharField(label=_("Nội dung"), max_length=255, required=False)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user
        ids = [lv.pk for lv in levels_current(user=user)]
        self.fields["level"].queryset = SupportLevel.objects.filter(pk__in=ids).order_by("code")  # type: ignore[attr-defined]
        self.fields["campaign"].queryset = campaigns_visible(user=user)  # type: ignore[attr-defined]
        models = livelihood_models_visible(user=user).order_by("commune__name", "name")
        self.fields["livelihood_model"].queryset = models  # type: ignore[attr-defined]

    def clean_household_code(self) -> Household:
        code = self.cleaned_data["household_code"].strip()
        found = (
            households_visible(user=self.user).filter(code=code).select_related("village__commune")
        )
        if len(found) != 1:
            raise ValidationError(_("Không có hộ này trong phạm vi được giao."))
        return found[0]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV"))
    campaign = forms.ModelChoiceField(
        label=_("Đợt vận động"), queryset=Campaign.objects.none(), required=False,
        empty_label=_("Không thuộc đợt nào"),
    )  # fmt: skip

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["campaign"].queryset = campaigns_visible(user=user)  # type: ignore[attr-defined]


@login_required
def support_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.SUPPORT_RECORD)
    posted = request.method == "POST"
    form = SupportForm(
        request.POST if posted and "household_code" in request.POST else None, user=request.user
    )
    upload = ImportForm(
        request.POST if posted and "file" in request.FILES else None,
        request.FILES or None,
        user=request.user,
    )
    if form.is_bound and form.is_valid() and _record(request, form):
        return redirect("web:programmes-support")
    if upload.is_bound and upload.is_valid() and _import(request, upload):
        return redirect("web:programmes-support")
    records = support_visible(user=request.user).order_by("-recorded_at", "-id")[:25]
    return render(
        request, "web/programmes/support.html", {"form": form, "upload": upload, "records": records}
    )


def _record(request: HttpRequest, form: SupportForm) -> bool:
    data: dict[str, Any] = dict(form.cleaned_data)
    household = data.pop("household_code")
    fields = {k: v for k, v in data.items() if v not in (None, "")}
    try:
        support_record(actor=request.user, household=household, **fields)
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return False
    messages.success(request, _g("Đã ghi hỗ trợ cho hộ %(code)s.") % {"code": household.code})
    return True


def _import(request: HttpRequest, upload: ImportForm) -> bool:
    uploaded = upload.cleaned_data["file"]
    suffix = Path(uploaded.name).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        upload.add_error("file", _g("Dùng tệp .xlsx hoặc .csv."))
        return False
    try:
        with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
            for chunk in uploaded.chunks():
                tmp.write(chunk)
            tmp.flush()
            table = support_table_read(Path(tmp.name))
        count = support_import(
            actor=request.user, table=table, campaign=upload.cleaned_data["campaign"]
        )
    except pl.exceptions.PolarsError:
        upload.add_error("file", _g("Không đọc được tệp."))
        return False
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(upload, error)
        return False
    messages.success(request, _g("Đã nhập %(n)s bản ghi hỗ trợ.") % {"n": count})
    return True
