"""The review queue of candidate pairs (merge / not the same / unsure, undo), and running
linkage as a background job followed with the progress widget."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from giamngheo.apps.accounts.models import User
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_of
from giamngheo.apps.jobs.selectors import jobs_visible
from giamngheo.apps.linkage.explain import explanation_shown
from giamngheo.apps.linkage.models import CandidatePair, Decision, ReviewDecision
from giamngheo.apps.linkage.selectors import (
    decisions_visible,
    pair_queue,
    pair_sides,
    pairs_visible,
)
from giamngheo.apps.linkage.services import decision_undo, linkage_request, pair_decide
from giamngheo.web.pages.programmes.common import require

QUEUE_SIZE = 50
RECENT_RUNS = 3


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
    items = [(p, *pair_sides(user=request.user, pair=p), explanation_shown(p.explanation))
             for p in pairs]  # fmt: skip
    scope = scope_of(request.user)
    context = {
        "items": items, "floor": floor, "decisions": Decision.choices,
        "recent": decisions_visible(user=request.user).filter(undone_at__isnull=True)[:10],
        "can_decide": scope.can(Capability.LINKAGE_REVIEW),
        "can_run": scope.can(Capability.CLASSIFY_RUN) and request.user.scope_province_id,  # type: ignore[union-attr]
        "jobs": jobs_visible(user=request.user).filter(kind="linkage")[:RECENT_RUNS],
    }  # fmt: skip
    return render(request, "web/linkage/queue.html", context)


@login_required
@require_POST
def run_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.CLASSIFY_RUN)
    user = request.user
    assert isinstance(user, User)
    if user.scope_province is None:
        raise Http404
    try:
        linkage_request(actor=user, province=user.scope_province)
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("web:linkage")  # the new job heads the recent runs, with its progress


@login_required
@require_POST
def decide_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.LINKAGE_REVIEW)
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
        messages.error(request, message_of(error))
    else:
        messages.success(
            request, str(_("Đã ghi quyết định: %(d)s") % {"d": Decision(decision).label})
        )
    return redirect("web:linkage")


@login_required
@require_POST
def undo_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.LINKAGE_REVIEW)
    try:
        decision = decisions_visible(user=request.user).get(pk=pk)
        decision_undo(actor=request.user, decision=decision)
    except ReviewDecision.DoesNotExist:
        raise Http404 from None
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, message_of(error))
    else:
        messages.success(request, str(_("Đã huỷ quyết định.")))
    return redirect("web:linkage")


def message_of(error: PermissionDenied | ValidationError) -> str:
    return error.messages[0] if isinstance(error, ValidationError) else str(error)
