"""Programmes and support: the province's programmes, rules and levels, why a household meets
a rule, enrolment (preview, then commit), support records, the campaign and housing reports
and a household's support history — inside the caller's scope (404 outside it)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from giamngheo.api.auth import caller
from giamngheo.api.errors import ERROR_RESPONSES
from giamngheo.api.language import request_lang
from giamngheo.api.pagination import page_of
from giamngheo.api.schemas.programmes import (
    CampaignReportOut,
    EnrolmentIn,
    EnrolmentOut,
    ExplanationOut,
    HousingFilterIn,
    HousingReportOut,
    LevelOut,
    ProgrammeOut,
    RuleOut,
    SupportFilterIn,
    SupportHistoryOut,
    SupportIn,
    SupportOut,
    SupportPage,
)
from giamngheo.apps.accounts.models import User
from giamngheo.apps.programmes import selectors
from giamngheo.apps.programmes.models import Campaign, SupportLevel
from giamngheo.apps.programmes.services import enrolment_commit, enrolment_preview, support_record
from giamngheo.apps.registry.selectors import household_get

router = Router(tags=["programmes"])


@router.get("/programmes", response={200: list[ProgrammeOut], **ERROR_RESPONSES})
def programme_list(request: HttpRequest) -> list[ProgrammeOut]:
    """The province's programmes with their projects and sub-projects."""
    return [ProgrammeOut.of(p) for p in selectors.programmes_visible(user=caller(request))]


@router.get("/programmes/rules", response={200: list[RuleOut], **ERROR_RESPONSES})
def eligibility_rule_list(request: HttpRequest) -> list[RuleOut]:
    """Every published version of the province's eligibility rules."""
    rules = selectors.rules_visible(user=caller(request)).order_by("code", "-version")
    return [RuleOut.of(r) for r in rules]


@router.get("/programmes/levels", response={200: list[LevelOut], **ERROR_RESPONSES})
def support_level_list(request: HttpRequest) -> list[LevelOut]:
    """The latest version of each of the province's support levels."""
    levels = sorted(selectors.levels_current(user=caller(request)), key=lambda lv: lv.code)
    return [LevelOut.of(lv) for lv in levels]


@router.get(
    "/programmes/rules/{rule_id}/households/{household_id}/explanation",
    response={200: ExplanationOut, **ERROR_RESPONSES},
)
def eligibility_explanation(
    request: HttpRequest, rule_id: int, household_id: int, as_of: dt.date | None = None
) -> ExplanationOut:
    """Why the household meets the rule or not, condition by condition (default: today)."""
    user = caller(request)
    rule = selectors.rules_visible(user=user).get(pk=rule_id)
    why = selectors.eligibility_explain(
        user=user, rule=rule, household=household_get(user=user, pk=household_id),
        as_of=as_of or timezone.localdate(), lang=request_lang(),
    )  # fmt: skip
    return ExplanationOut.of(why)


@router.post(
    "/programmes/levels/{level_id}/enrolment-preview",
    response={200: EnrolmentOut, **ERROR_RESPONSES},
)
def enrolment_preview_run(
    request: HttpRequest, level_id: int, payload: EnrolmentIn
) -> EnrolmentOut:
    """Who the level's rule enrols in the year and for how much, by commune (writes nothing)."""
    user = caller(request)
    level = _level(user, level_id)
    return EnrolmentOut.of(enrolment_preview(actor=user, level=level, year=payload.year))


@router.post(
    "/programmes/levels/{level_id}/enrolments", response={201: EnrolmentOut, **ERROR_RESPONSES}
)
def enrolment_create(
    request: HttpRequest, level_id: int, payload: EnrolmentIn
) -> Status[EnrolmentOut]:
    """Enrol every eligible household not yet enrolled for the level and year."""
    user = caller(request)
    level = _level(user, level_id)
    return Status(
        201, EnrolmentOut.of(enrolment_commit(actor=user, level=level, year=payload.year))
    )


@router.get("/programmes/support", response={200: SupportPage, **ERROR_RESPONSES})
def support_list(request: HttpRequest, filters: Query[SupportFilterIn]) -> dict[str, Any]:
    """Support records in scope, newest first."""
    rows = selectors.support_visible(user=caller(request)).order_by("-delivered_on", "-id")
    if filters.household_id is not None:
        rows = rows.filter(household_id=filters.household_id)
    if filters.campaign_id is not None:
        rows = rows.filter(campaign_id=filters.campaign_id)
    if filters.support_type is not None:
        rows = rows.filter(support_type=filters.support_type)
    return page_of(rows, filters, SupportOut.of)


@router.post("/programmes/support", response={201: SupportOut, **ERROR_RESPONSES})
def support_create(request: HttpRequest, payload: SupportIn) -> Status[SupportOut]:
    """Record support given to a household (checked against its level, campaign and stage)."""
    user = caller(request)
    fields = payload.model_dump(exclude={"household_id", "level_id", "campaign_id"})
    fields = {k: v for k, v in fields.items() if v not in (None, "")}
    if payload.level_id is not None:
        fields["level"] = _level(user, payload.level_id)
    if payload.campaign_id is not None:
        fields["campaign"] = _campaign(user, payload.campaign_id)
    household = household_get(user=user, pk=payload.household_id)
    record = support_record(actor=user, household=household, **fields)
    return Status(201, SupportOut.of(record))


@router.get(
    "/programmes/campaigns/{campaign_id}/report",
    response={200: CampaignReportOut, **ERROR_RESPONSES},
)
def programme_campaign_report(request: HttpRequest, campaign_id: int) -> CampaignReportOut:
    """Target and progress, what went to whom, and households given the same twice."""
    user = caller(request)
    report = selectors.campaign_report(user=user, campaign=_campaign(user, campaign_id))
    return CampaignReportOut.of(report)


@router.get("/programmes/housing", response={200: HousingReportOut, **ERROR_RESPONSES})
def programme_housing_report(
    request: HttpRequest, filters: Query[HousingFilterIn]
) -> HousingReportOut:
    """Houses in scope by stage and kind, for a year or a campaign."""
    user = caller(request)
    campaign = _campaign(user, filters.campaign_id) if filters.campaign_id else None
    report = selectors.housing_report(user=user, campaign=campaign, year=filters.year)
    return HousingReportOut.of(report)


@router.get(
    "/households/{household_id}/support", response={200: SupportHistoryOut, **ERROR_RESPONSES}
)
def household_support(request: HttpRequest, household_id: int) -> SupportHistoryOut:
    """Everything the household received, from every giver, over the years."""
    user = caller(request)
    household = household_get(user=user, pk=household_id)
    history = selectors.household_support_history(user=user, household=household)
    return SupportHistoryOut.of(history)


def _level(user: User, pk: int) -> SupportLevel:
    return selectors.levels_visible(user=user).get(pk=pk)


def _campaign(user: User, pk: int) -> Campaign:
    return selectors.campaigns_visible(user=user).get(pk=pk)
