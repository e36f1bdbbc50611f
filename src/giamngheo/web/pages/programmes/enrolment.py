"""Enrolment from a level's rule: preview the counts by commune, then commit."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.models import SupportLevel
from giamngheo.apps.programmes.selectors import levels_current
from giamngheo.apps.programmes.services import EnrolmentPreview, enrolment_commit, enrolment_preview
from giamngheo.web.pages.programmes.common import errors_to_form, require


class EnrolmentForm(forms.Form):
    level = forms.ModelChoiceField(label=_("Mức hỗ trợ"), queryset=SupportLevel.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=2021, max_value=2100)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        ids = [lv.pk for lv in levels_current(user=user)]
        self.fields["level"].queryset = SupportLevel.objects.filter(pk__in=ids).order_by("code")  # type: ignore[attr-defined]


@login_required
def enrolment_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    initial = {"year": timezone.localdate().year}
    form = EnrolmentForm(request.POST or None, user=request.user, initial=initial)
    preview: EnrolmentPreview | None = None
    committed = False
    if request.method == "POST" and form.is_valid():
        level, year = form.cleaned_data["level"], form.cleaned_data["year"]
        committed = request.POST.get("action") == "commit"
        service = enrolment_commit if committed else enrolment_preview
        try:
            preview = service(actor=request.user, level=level, year=year)
        except (PermissionDenied, ValidationError) as error:
            errors_to_form(form, error)
            committed = False
    context = {"form": form, "preview": preview, "committed": committed}
    return render(request, "web/programmes/enrolment.html", context)
