"""Livelihood models (bees, caged fish, OCOP …): the province's list with how many households
take part (everyone who sees programmes), and the create and edit pages (provincial
officers)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.geo.selectors import communes_visible
from giamngheo.apps.programmes.choices import LivelihoodKind
from giamngheo.apps.programmes.models import LivelihoodModel, SubProject
from giamngheo.apps.programmes.selectors import livelihood_models_visible, sub_projects_visible
from giamngheo.apps.programmes.services import livelihood_model_create, livelihood_model_update
from giamngheo.web.pages.programmes.common import (
    SubProjectChoice,
    can_manage,
    edit_page,
    require,
    visible_or_404,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LIST = "web:programmes-livelihood"
MODEL_FIELDS = ("commune", "kind", "name", "started_on", "sub_project")


class LivelihoodForm(forms.Form):
    name = forms.CharField(label=_("Tên mô hình"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại mô hình"), choices=LivelihoodKind.choices)
    commune = forms.ModelChoiceField(label=_("Xã, phường"), queryset=Commune.objects.none())
    started_on = forms.DateField(label=_("Ngày bắt đầu"), widget=DATE)
    sub_project = SubProjectChoice(
        label=_("Tiểu dự án"), queryset=SubProject.objects.none(), required=False,
        empty_label=_("Không thuộc tiểu dự án nào"),
    )  # fmt: skip

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_visible(user=user)  # type: ignore[attr-defined]
        subs = sub_projects_visible(user=user)
        self.fields["sub_project"].queryset = subs  # type: ignore[attr-defined]


@login_required
def livelihood_list(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    models = livelihood_models_visible(user=request.user).order_by("commune__name", "name")
    context = {"models": models, "can_manage": can_manage(request)}
    return render(request, "web/programmes/livelihood.html", context)


@login_required
def livelihood_new(request: HttpRequest) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    return edit_page(
        request, LivelihoodForm(request.POST or None, user=request.user),
        lambda d: livelihood_model_create(actor=request.user, **d),
        done=lambda made: _g("Đã thêm mô hình %(name)s.") % {"name": made.name},
        to=LIST, title=_g("Thêm mô hình sinh kế"), submit=_g("Thêm mô hình"),
    )  # fmt: skip


@login_required
def livelihood_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.PROGRAMMES_MANAGE)
    model: LivelihoodModel = visible_or_404(livelihood_models_visible(user=request.user), pk)
    initial = {f: getattr(model, f) for f in MODEL_FIELDS}
    return edit_page(
        request, LivelihoodForm(request.POST or None, user=request.user, initial=initial),
        lambda d: livelihood_model_update(actor=request.user, model=model, **d),
        done=lambda made: _g("Đã lưu mô hình %(name)s.") % {"name": made.name},
        to=LIST, title=_g("Sửa mô hình %(name)s") % {"name": model.name}, submit=_g("Lưu"),
    )  # fmt: skip
