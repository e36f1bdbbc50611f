"""Publishing the next version of an eligibility rule (provincial officers). The rule text is
parsed by the service; a refusal is shown on the form with the position marked in the text."""

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

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.services import eligibility_rule_publish
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.web.pages.programmes.common import errors_to_form, province_of, require


class RuleForm(forms.Form):
    code = forms.SlugField(label=_("Mã quy tắc"), max_length=48)
    name = forms.CharField(label=_("Tên"), max_length=255)
    standard_id = forms.ChoiceField(label=_("Chuẩn nghèo"))
    expression = forms.CharField(
        label=_("Điều kiện"), widget=forms.Textarea(attrs={"rows": 3, "class": "mono"})
    )

    def __init__(self, *args: Any, province: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        ids = sorted({s.id for y in (year - 1, year) for s in standards_applicable(
            province=province, year=y)}) if province is not None else []  # fmt: skip
        self.fields["standard_id"].choices = [(i, i) for i in ids]  # type: ignore[attr-defined]


@login_required
def rule_publish(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    province = province_of(request.user)
    form = RuleForm(request.POST or None, province=province, initial=request.GET or None)
    marked = None
    if request.method == "POST" and form.is_valid():
        expression = form.cleaned_data["expression"]
        try:
            rule = eligibility_rule_publish(
                actor=request.user, province=province, **form.cleaned_data
            )
        except (PermissionDenied, ValidationError) as error:
            errors_to_form(form, error)
            marked = _marked(expression, error)
        else:
            messages.success(request, _g("Đã ban hành quy tắc %(label)s.") % {"label": rule.label})
            return redirect("web:programmes")
    return render(request, "web/programmes/rule_publish.html", {"form": form, "marked": marked})


def _marked(text: str, error: Exception) -> tuple[str, str, str] | None:
    """The text split around the refused character: (before, at, after)."""
    found = getattr(error, "error_dict", {}).get("expression", [])
    position = next((e.params.get("position") for e in found if e.params), None)
    if not position:
        return None
    at = min(int(position), len(text) + 1) - 1
    return text[:at], text[at : at + 1] or " ", text[at + 1 :]
