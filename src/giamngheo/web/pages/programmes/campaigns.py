"""Creating a campaign (provincial officers). A Month for the Poor left without dates runs
17 Oct – 18 Nov of the chosen year; the service fills them in. One action creates the
campaigns that come back every year (the Month for the Poor) for a year."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.choices import CampaignKind, SupportType
from giamngheo.apps.programmes.services import campaign_create, campaigns_yearly_create
from giamngheo.web.pages.programmes.common import errors_to_form, province_of, require

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đợt"), choices=CampaignKind.choices)
    name = forms.CharField(label=_("Tên"), max_length=255)
    year = forms.IntegerField(
        label=_("Năm"), min_value=2021, max_value=2100,
        help_text=_("Tháng cao điểm Vì người nghèo không ghi ngày: 17/10 – 18/11 của năm này."),
    )  # fmt: skip
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DATE, required=False)
    support_type = forms.ChoiceField(
        label=_("Loại hỗ trợ"), choices=[("", _("Mọi loại")), *SupportType.choices],
        required=False,
    )  # fmt: skip
    target_households = forms.IntegerField(label=_("Chỉ tiêu số hộ"), min_value=0, required=False)
    target_amount_vnd = forms.IntegerField(
        label=_("Chỉ tiêu kinh phí (đồng)"), min_value=0, required=False
    )


@login_required
def campaign_new(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    initial = {"year": timezone.localdate().year, "kind": CampaignKind.MONTH_FOR_THE_POOR}
    form = CampaignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _create(request, form):
        return redirect("web:programmes-campaigns")
    return render(request, "web/programmes/campaign_new.html", {"form": form})


def _create(request: HttpRequest, form: CampaignForm) -> bool:
    fields: dict[str, Any] = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    if province_of(request.user) is None:
        form.add_error(None, _g("Chỉ cán bộ cấp tỉnh làm được việc này."))
        return False
    try:
        campaign = campaign_create(actor=request.user, province=province_of(request.user), **fields)
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return False
    messages.success(request, _g("Đã tạo đợt vận động %(name)s.") % {"name": campaign.name})
    return True


_PROVINCE_ONLY = _("Chỉ cán bộ cấp tỉnh làm được việc này.")


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2021, max_value=2100)


@login_required
@require_POST
def campaigns_yearly(request: HttpRequest) -> HttpResponse:
    """Create the year's recurring campaigns the province has not opened yet."""
    require(request, Capability.PROGRAMMES_MANAGE)
    form = YearForm(request.POST)
    province = province_of(request.user)
    if province is None or not form.is_valid():
        refused = _g("Ghi năm từ 2021 đến 2100.") if province else _PROVINCE_ONLY
        messages.error(request, str(refused))
        return redirect("web:programmes-campaigns")
    year = form.cleaned_data["year"]
    try:
        made = campaigns_yearly_create(actor=request.user, province=province, year=year)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _yearly_message(year, [c.name for c in made]))
    return redirect("web:programmes-campaigns")


def _yearly_message(year: int, names: list[str]) -> str:
    if not names:
        return _g("Các đợt thường niên của năm %(year)s đã có.") % {"year": year}
    return _g("Đã tạo đợt thường niên: %(names)s.") % {"names": ", ".join(names)}
