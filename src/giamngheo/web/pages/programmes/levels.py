"""Publishing the next version of a support level (provincial officers). Nothing is edited:
the same code publishes a new version; the service checks scope, rule and housing kind."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.choices import AmountRule, AmountUnit, HousingKind, SupportType
from giamngheo.apps.programmes.models import EligibilityRule
from giamngheo.apps.programmes.selectors import rules_visible
from giamngheo.apps.programmes.services import support_level_publish
from giamngheo.web.pages.programmes.common import errors_to_form, province_of, require


class LevelForm(forms.Form):
    code = forms.SlugField(label=_("Mã mức hỗ trợ"), max_length=48)
    name = forms.CharField(label=_("Tên"), max_length=255)
    support_type = forms.ChoiceField(label=_("Loại hỗ trợ"), choices=SupportType.choices)
    eligibility = forms.ModelChoiceField(
        label=_("Quy tắc đối tượng"), queryset=EligibilityRule.objects.none()
    )
    unit = forms.ChoiceField(label=_("Đơn vị"), choices=AmountUnit.choices)
    central_amount = forms.IntegerField(label=_("Mức trung ương"), min_value=0)
    multiplier_permille = forms.IntegerField(
        label=_("Hệ số của tỉnh (‰)"), min_value=0, initial=1000
    )
    amount_rule = forms.ChoiceField(label=_("Cách áp mức"), choices=AmountRule.choices)
    housing_kind = forms.ChoiceField(
        label=_("Loại nhà"), choices=[("", "—"), *HousingKind.choices], required=False
    )
    loan_rate_bp = forms.IntegerField(
        label=_("Lãi suất (phần vạn/năm)"), min_value=0, required=False
    )
    loan_term_months = forms.IntegerField(
        label=_("Thời hạn vay tối đa (tháng)"), min_value=1, required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rules = rules_visible(user=user).order_by("code", "-version")
        self.fields["eligibility"].queryset = rules  # type: ignore[attr-defined]


@login_required
def level_publish(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    form = LevelForm(request.POST or None, user=request.user, initial=request.GET or None)
    if request.method == "POST" and form.is_valid() and _publish(request, form):
        return redirect("web:programmes")
    return render(request, "web/programmes/level_publish.html", {"form": form})


def _publish(request: HttpRequest, form: LevelForm) -> bool:
    fields: dict[str, Any] = {k: v for k, v in form.cleaned_data.items() if v is not None}
    if province_of(request.user) is None:
        form.add_error(None, _g("Chỉ cán bộ cấp tỉnh làm được việc này."))
        return False
    try:
        level = support_level_publish(
            actor=request.user, province=province_of(request.user), **fields
        )
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return False
    messages.success(request, _g("Đã ban hành mức hỗ trợ %(label)s.") % {"label": level.label})
    return True
