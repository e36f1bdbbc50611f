"""The review queue of candidate pairs (merge / not the same / unsure, undo), running
linkage, and importing another giver's list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.geo.models import Commune
from giamngheo.apps.geo.selectors import communes_visible
from giamngheo.apps.linkage.imports import rows_parse
from giamngheo.apps.linkage.models import CandidatePair, Decision, ListKind, ReviewDecision
from giamngheo.apps.linkage.selectors import (
    decisions_visible,
    lists_visible,
    pair_queue,
    pair_sides,
    pairs_visible,
)
from giamngheo.apps.linkage.services import (
    ListHeader,
    decision_undo,
    linkage_run,
    list_import,
    pair_decide,
)
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.web.pages.programmes.common import require

QUEUE_SIZE = 50


def _probability(request: HttpRequest) -> float:
    try:
        return min(max(float(request.GET.get("p", "0.5")), 0.0), 1.0)
    except ValueError:
        return 0.5


@login_required
def queue_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    floor = _probability(request)
    pairs = list(pair_queue(user=request.user, min_probability=floor)[:QUEUE_SIZE])
    items = [(p, *pair_sides(user=request.user, pair=p)) for p in pairs]
    scope = scope_of(request.user)
    context = {
        "items": items, "floor": floor, "decisions": Decision.choices,
        "recent": decisions_visible(user=request.user).filter(undone_at__isnull=True)[:10],
        "can_decide": scope.can(Capability.REGISTRY_EDIT),
        "can_run": scope.can(Capability.CLASSIFY_RUN) and request.user.scope_province_id,  # type: ignore[union-attr]
    }  # fmt: skip
    return render(request, "web/linkage/queue.html", context)


@login_required
@require_POST
def run_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.CLASSIFY_RUN)
    province = getattr(request.user, "scope_province", None)
    if province is None:
        raise Http404
    try:
        result = linkage_run(actor=request.user, province=province)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, result.summary)
    return redirect("web:linkage")


@login_required
@require_POST
def decide_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.REGISTRY_EDIT)
    try:
        pair = pairs_visible(user=request.user).get(pk=pk)
    except CandidatePair.DoesNotExist:
        raise Http404 from None
    decision = request.POST.get("decision", "")
    if decision not in Decision.values:
        raise Http404
    try:
        pair_decide(actor=request.user, pair=pair, decision=decision,
                    note=request.POST.get("note", ""))  # fmt: skip
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, _message(error))
    else:
        messages.success(
            request, str(_("Đã ghi quyết định: %(d)s") % {"d": Decision(decision).label})
        )
    return redirect("web:linkage")


@login_required
@require_POST
def undo_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.REGISTRY_EDIT)
    try:
        decision = decisions_visible(user=request.user).get(pk=pk)
        decision_undo(actor=request.user, decision=decision)
    except ReviewDecision.DoesNotExist:
        raise Http404 from None
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, _message(error))
    else:
        messages.success(request, str(_("Đã huỷ quyết định.")))
    return redirect("web:linkage")


def _message(error: PermissionDenied | ValidationError) -> str:
    return error.messages[0] if isinstance(error, ValidationError) else str(error)


class ListForm(forms.Form):
    name = forms.CharField(label=_("Tên danh sách"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại danh sách"), choices=ListKind.choices)
    giver = forms.CharField(label=_("Bên hỗ trợ"), max_length=200)
    support_type = forms.ChoiceField(label=_("Loại hỗ trợ"), choices=SupportType.choices)
    commune: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Xã, phường"), queryset=Commune.objects.none()
    )
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"))
    file = forms.FileField(label=_("Tệp danh sách (CSV hoặc Excel)"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_visible(user=user)  # type: ignore[attr-defined]


@login_required
def lists_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    form = ListForm(request.POST or None, request.FILES or None, user=request.user)
    can_import = scope_of(request.user).can(Capability.SUPPORT_RECORD)
    if request.method == "POST" and can_import and form.is_valid():
        try:
            _import(request, form)
        except (PermissionDenied, ValidationError) as error:
            form.add_error(None, _message(error))
        else:
            return redirect("web:linkage-lists")
    context = {
        "form": form,
        "lists": lists_visible(user=request.user)[:50],
        "can_import": can_import,
    }
    return render(request, "web/linkage/lists.html", context)


def _import(request: HttpRequest, form: ListForm) -> None:
    data = form.cleaned_data
    upload = data["file"]
    rows = rows_parse(upload.read(), upload.name)
    header = ListHeader(
        province=data["commune"].province, commune=data["commune"], name=data["name"],
        kind=data["kind"], giver=data["giver"], support_type=data["support_type"],
        starts_on=data["starts_on"], ends_on=data["ends_on"],
    )  # fmt: skip
    imported = list_import(actor=request.user, header=header, rows=rows)
    messages.success(request, str(_("Đã nhập %(n)s dòng.") % {"n": imported.rows}))
