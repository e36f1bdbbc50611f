"""Campaigns (target, progress, to whom, duplicates), the housing report, and why a household
meets a rule or not."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.programmes.models import Campaign, EligibilityRule
from giamngheo.apps.programmes.selectors import (
    campaign_report,
    campaigns_visible,
    eligibility_explain,
    housing_report,
    rules_visible,
)
from giamngheo.apps.registry.models import Household
from giamngheo.apps.registry.selectors import household_get
from giamngheo.web.pages.programmes.common import can_manage, lang_of, require


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    context = {
        "campaigns": campaigns_visible(user=request.user),
        "can_manage": can_manage(request),
        "year": timezone.localdate().year,
    }
    return render(request, "web/programmes/campaigns.html", context)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    try:
        campaign = campaigns_visible(user=request.user).get(pk=pk)
    except Campaign.DoesNotExist:
        raise Http404 from None
    report = campaign_report(user=request.user, campaign=campaign)
    housing = (
        housing_report(user=request.user, campaign=campaign)
        if campaign.kind == "housing_drive"
        else None
    )
    return render(request, "web/programmes/campaign.html", {"report": report, "housing": housing})


@login_required
def housing_page(request: HttpRequest) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    year = request.GET.get("year", "")
    report = housing_report(user=request.user, year=int(year) if year.isdigit() else None)
    return render(request, "web/programmes/housing.html", {"housing": report, "year": year})


@login_required
def eligibility_page(request: HttpRequest, rule_pk: int, household_pk: int) -> HttpResponse:
    require(request, Capability.REGISTRY_VIEW)
    try:
        rule = rules_visible(user=request.user).get(pk=rule_pk)
        household = household_get(user=request.user, pk=household_pk)
        why = eligibility_explain(
            user=request.user, rule=rule, household=household, as_of=timezone.localdate(),
            lang=lang_of(),
        )  # fmt: skip
    except (EligibilityRule.DoesNotExist, Household.DoesNotExist):
        raise Http404 from None
    context = {"rule": rule, "household": household, "why": why}
    return render(request, "web/programmes/eligibility.html", context)
