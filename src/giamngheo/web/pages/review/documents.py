"""Printable documents (HTML print views): meeting minutes, the posted list (also the public
page, no sign-in), the recognition decision and the certificates; and status history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from giamngheo.apps.registry.selectors import household_get
from giamngheo.apps.review import selectors
from giamngheo.web.pages.review.support import found


@login_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = found(lambda: selectors.meeting_get(user=request.user, pk=pk))
    entries = selectors.village_entries(
        user=request.user, campaign=meeting.campaign, village=meeting.village
    ).exclude(transition="unchanged")
    return render(request, "web/review/minutes.html", {"meeting": meeting, "entries": entries})


@require_safe
def posting_public(request: HttpRequest, slug: str) -> HttpResponse:
    """The posted list as the public sees it (head's name, village, proposed status only),
    at its random address, during the posting period; before or after it, a notice."""
    posted = found(lambda: selectors.posting_public(slug=slug))
    return render(request, "web/review/posting.html", {"posted": posted, "public": True})


@login_required
def posting_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """The same list for officers to print and put up, at any time (scoped)."""
    posted = found(lambda: selectors.posting_sheet(user=request.user, pk=pk))
    return render(request, "web/review/posting.html", {"posted": posted, "public": False})


@login_required
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    made = found(lambda: selectors.decision_get(user=request.user, pk=pk))
    entries = selectors.decision_entries(made)
    return render(request, "web/review/decision.html", {"decision": made, "entries": entries})


@login_required
def certificates(request: HttpRequest, pk: int) -> HttpResponse:
    made = found(lambda: selectors.decision_get(user=request.user, pk=pk))
    entries = selectors.decision_entries(made).filter(proposed_status__in=["poor", "near_poor"])
    return render(request, "web/review/certificates.html", {"decision": made, "entries": entries})


@login_required
def history(request: HttpRequest, household_id: int) -> HttpResponse:
    household = found(lambda: household_get(user=request.user, pk=household_id))
    changes = selectors.household_status_history(user=request.user, household=household)
    current = selectors.household_status(household=household)
    escaped = current is not None and selectors.newly_escaped(current)
    context = {"household": household, "changes": changes, "current": current,
               "newly_escaped": escaped}  # fmt: skip
    return render(request, "web/review/history.html", context)


@login_required
def transitions(request: HttpRequest) -> HttpResponse:
    by = "commune" if request.GET.get("theo") == "xa" else "village"
    counts = selectors.transition_counts(user=request.user, by=by)
    return render(request, "web/review/transitions.html", {"counts": counts, "by": by})
