"""Targets of a unit for a year: plan against actual with the pace, the form that sets one
(the ``target_set`` service decides who may), and in a village the households registered to
escape poverty ("hộ đăng ký thoát nghèo")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.monitoring import selectors as s
from giamngheo.apps.monitoring.choices import TargetMetric
from giamngheo.apps.monitoring.comparison import (
    household_targets,
    standard_default,
    village_household,
)
from giamngheo.apps.monitoring.targets import target_set, targets_progress
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.apps.standards.selectors import standards_applicable
from giamngheo.web.pages.monitoring.common import require_view, target_lines, unit_or_404
from giamngheo.web.pages.programmes.common import errors_to_form, lang_of

LEVELS: tuple[s.Level, ...] = ("province", "commune", "village")
SETTERS = (Capability.PROGRAMMES_MANAGE, Capability.REVIEW_MANAGE)


class TargetForm(forms.Form):
    metric = forms.ChoiceField(label=_("Chỉ tiêu"), choices=TargetMetric.choices)
    planned = forms.DecimalField(
        label=_("Kế hoạch"), min_value=0, max_digits=12, decimal_places=2, localize=True,
        help_text=_("Số hộ; với chỉ tiêu giảm tỷ lệ: số điểm phần trăm, ví dụ 1,5."),
    )  # fmt: skip
    support_type = forms.ChoiceField(
        label=_("Loại hỗ trợ"), required=False,
        choices=[("", _("Mọi loại hỗ trợ")), *SupportType.choices],
    )  # fmt: skip
    standard_id = forms.ChoiceField(label=_("Chuẩn nghèo"), required=False)
    note = forms.CharField(label=_("Căn cứ giao chỉ tiêu"), max_length=255, required=False)

    def __init__(self, *args: Any, standards: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["standard_id"].choices = standards  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        """Rate cuts are entered in points and stored in hundredths of a point."""
        data = super().clean() or {}
        planned, metric = data.get("planned"), data.get("metric")
        if planned is None or metric is None:
            return data
        if TargetMetric(metric).is_rate:
            data["planned"] = int(planned * 100)
        elif planned != planned.to_integral_value():
            self.add_error("planned", _g("Số hộ phải là số nguyên."))
        else:
            data["planned"] = int(planned)
        return data


class HouseholdTargetForm(forms.Form):
    household = forms.CharField(label=_("Mã hộ đăng ký thoát nghèo"), max_length=32)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


@login_required
def targets_page(request: HttpRequest) -> HttpResponse:
    require_view(request)
    unit = _unit(request)
    if unit is None:
        return redirect("web:monitoring")
    year = _year(request.GET)
    standards = _standards(unit, year)
    unit_form, household_form = _forms(request, standards)
    saved = request.method == "POST" and _save(
        request, unit, year, unit_form if unit_form.is_bound else household_form,
        standard_id=standards[0][0] if standards else "",
    )  # fmt: skip
    if saved:
        return redirect(request.get_full_path())
    return render(request, "web/monitoring/targets.html", {
        "unit": unit, "parents": s.parents(unit), "year": year, "form": unit_form,
        "household_form": household_form if unit.level == "village" else None,
        "targets": target_lines(targets_progress(unit, year=year)),
        "household_targets": target_lines(household_targets(unit, year=year)),
        "can_set": any(scope_of(request.user).can(c) for c in SETTERS),
        "dashboard_url_name": f"web:monitoring-{unit.level}",
    })  # fmt: skip


def _unit(request: HttpRequest) -> s.Unit | None:
    """``cap`` and ``ma`` name the unit (default: the user's own)."""
    level, code = request.GET.get("cap", ""), request.GET.get("ma", "")
    if level in LEVELS and code:
        return unit_or_404(request, level, code)
    return s.home_unit(user=request.user)


def _year(query: QueryDict) -> int:
    asked = query.get("nam", "")
    if asked.isdigit() and 2000 <= int(asked) <= 2100:
        return int(asked)
    return timezone.localdate().year


def _standards(unit: s.Unit, year: int) -> list[tuple[str, str]]:
    """The standards a target can be measured under, the default one first."""
    lang = lang_of()
    found = standards_applicable(province=unit.province, year=year)
    first = standard_default([x.id for x in found])
    ordered = sorted(found, key=lambda x: x.id != first)
    return [(x.id, x.name.get(lang)) for x in ordered]


def _forms(
    request: HttpRequest, standards: list[tuple[str, str]]
) -> tuple[TargetForm, HouseholdTargetForm]:
    post = request.POST if request.method == "POST" else None
    household = request.POST.get("kind") == "household"
    unit_form = TargetForm(None if household else post, standards=standards)
    return unit_form, HouseholdTargetForm(post if household else None, prefix="ho")


def _save(
    request: HttpRequest, unit: s.Unit, year: int, form: forms.Form, *, standard_id: str
) -> bool:
    """Call ``target_set`` with the bound form; refusals go onto the form."""
    if not form.is_valid():
        return False
    fields = (
        _household_fields(unit, form, standard_id)
        if isinstance(form, HouseholdTargetForm) else dict(form.cleaned_data)
    )  # fmt: skip
    if fields is None:
        return False
    try:
        target_set(actor=request.user, unit=unit, year=year, **fields)
    except (PermissionDenied, ValidationError) as error:
        errors_to_form(form, error)
        return False
    messages.success(request, _g("Đã giao chỉ tiêu năm %(year)s.") % {"year": year})
    return True


def _household_fields(unit: s.Unit, form: forms.Form, standard_id: str) -> dict[str, Any] | None:
    """A registered household: one escape from poverty, measured under the default standard."""
    household = village_household(unit, code=form.cleaned_data["household"].strip())
    if household is None:
        form.add_error("household", _g("Thôn này không có hộ mang mã đó."))
        return None
    return {
        "metric": TargetMetric.ESCAPED, "planned": 1, "household": household,
        "standard_id": standard_id, "note": form.cleaned_data["note"],
    }  # fmt: skip
