"""Moving a house to its next stage (commune and organisation officers who record support).
The order of stages is the service's to check; a refusal is shown on the form."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.choices import HousingStage, SupportType
from giamngheo.apps.programmes.models import SupportRecord
from giamngheo.apps.programmes.selectors import support_visible
from giamngheo.apps.programmes.services import housing_stage_set
from giamngheo.web.pages.programmes.common import errors_to_form, require

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STAGES = list(HousingStage)


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Tiến độ mới"), choices=HousingStage.choices)
    on = forms.DateField(label=_("Ngày"), widget=DATE)


def next_stage(record: SupportRecord) -> str:
    """The stage after the house's current one (the last one stays)."""
    at = STAGES.index(HousingStage(record.housing_stage or HousingStage.APPROVED))
    return STAGES[min(at + 1, len(STAGES) - 1)].value


@login_required
def housing_stage(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.SUPPORT_RECORD)
    record = _house(request, pk)
    initial = {"stage": next_stage(record), "on": timezone.localdate()}
    form = StageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            housing_stage_set(actor=request.user, record=record, **form.cleaned_data)
        except (PermissionDenied, ValidationError) as error:
            errors_to_form(form, error)
        else:
            done = _g("Đã cập nhật tiến độ nhà ở của hộ %(code)s.")
            messages.success(request, done % {"code": record.household.code})
            return redirect("web:programmes-support")
    return render(request, "web/programmes/housing_stage.html", {"form": form, "record": record})


def _house(request: HttpRequest, pk: int) -> SupportRecord:
    houses = support_visible(user=request.user).filter(support_type=SupportType.HOUSING)
    try:
        return houses.get(pk=pk)
    except SupportRecord.DoesNotExist:
        raise Http404 from None
