"""Starting a classification run for a year, and following it with the progress widget."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability, ScopeLevel
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.geo.selectors import communes_visible
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.selectors import jobs_visible
from giamngheo.apps.standards.services import classification_request


class ClassificationForm(forms.Form):
    year = forms.IntegerField(label=_("Năm rà soát"), min_value=2021, max_value=2100)
    commune = forms.ModelChoiceField(
        label=_("Xã, phường"),
        queryset=Commune.objects.none(),
        required=False,
        empty_label=_("Cả tỉnh"),
        help_text=_("Để trống để phân loại mọi phiếu của tỉnh."),
    )

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        communes = communes_visible(user=user)
        self.fields["commune"].queryset = communes  # type: ignore[attr-defined]
        if scope_of(user).level == ScopeLevel.COMMUNE:
            self.fields["commune"].required = True
            self.fields["commune"].initial = communes.first()


@login_required
def classification_start(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not scope_of(user).can(Capability.CLASSIFY_RUN):
        raise Http404
    form = ClassificationForm(request.POST or None, user=user, initial={"year": _last_year()})
    if request.method == "POST" and form.is_valid():
        try:
            _request(user, form)
        except (PermissionDenied, ValidationError) as error:
            form.add_error(
                None, error.messages[0] if isinstance(error, ValidationError) else str(error)
            )
        else:
            return redirect(request.path)  # the new job heads the list, with its progress
    jobs = jobs_visible(user=user).filter(kind="classification")[:5]
    return render(request, "web/classification.html", {"form": form, "jobs": jobs})


def _request(user: User, form: ClassificationForm) -> JobRun:
    commune = form.cleaned_data["commune"]
    province = commune.province if commune else _province_of(user)
    return classification_request(
        actor=user, year=form.cleaned_data["year"], province=province, commune=commune
    )


def _province_of(user: User) -> Province:
    province = getattr(user, "scope_province", None)
    if province is None:
        raise ValidationError(_("Chọn một xã, phường."))
    return province


def _last_year() -> int:
    return timezone.localdate().year - 1
