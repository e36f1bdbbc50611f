"""Reads of the programmes app, always through the reader's scope."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Count, Q, QuerySet, Sum

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_filter, scope_of
from giamngheo.apps.jobs.models import JobRun
from giamngheo.apps.jobs.selectors import jobs_visible
from giamngheo.apps.programmes.choices import (
    ENROLMENT_JOB_KINDS,
    AmountUnit,
    HousingKind,
    HousingStage,
    SupportType,
)
from giamngheo.apps.programmes.facts import household_facts
from giamngheo.apps.programmes.levels import eligibility_rule
from giamngheo.apps.programmes.models import (
    BudgetLine,
    Campaign,
    EligibilityRule,
    Enrolment,
    LivelihoodModel,
    Programme,
    Project,
    SubProject,
    SupportLevel,
    SupportRecord,
)
from giamngheo.apps.programmes.scope import SUPPORT_UNITS, in_province
from giamngheo.apps.registry.models import Household
from giamngheo.domain.eligibility import Explanation, rule_explain
from giamngheo.domain.explain import format_number
from giamngheo.domain.model import Lang


def programmes_visible(*, user: Any) -> QuerySet[Programme]:
    return Programme.objects.filter(in_province(user)).prefetch_related("projects__sub_projects")


def programme_get(*, user: Any, pk: int) -> Programme:
    return programmes_visible(user=user).get(pk=pk)


def projects_visible(*, user: Any) -> QuerySet[Project]:
    return Project.objects.filter(in_province(user, "programme__province_id")).select_related(
        "programme"
    )


def sub_projects_visible(*, user: Any) -> QuerySet[SubProject]:
    rows = SubProject.objects.filter(in_province(user, "project__programme__province_id"))
    return rows.select_related("project__programme")


def budget_lines_visible(*, user: Any) -> QuerySet[BudgetLine]:
    rows = BudgetLine.objects.filter(in_province(user, "project__programme__province_id"))
    return rows.select_related("project__programme", "sub_project")


def livelihood_models_visible(*, user: Any) -> QuerySet[LivelihoodModel]:
    """The province's models, each with ``households``: how many take part (a count only)."""
    rows = LivelihoodModel.objects.filter(in_province(user, "commune__province_id"))
    return rows.select_related("commune", "sub_project__project").annotate(
        households=Count("participants__household", distinct=True)
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class StructureRow:
    """A project or one of its sub-projects, with the money planned for it in every year."""

    level: Literal["project", "sub_project"]
    pk: int
    project_pk: int
    number: str  # ``3`` or ``3.1``
    name: str
    planned_vnd: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeStructure:
    programme: Programme
    rows: list[StructureRow]  # each project followed by its sub-projects
    planned_vnd: int


def programme_structures(*, user: Any) -> list[ProgrammeStructure]:
    """Every programme the user sees, its projects and sub-projects and their budgets (a
    project's budget counts the lines of its sub-projects too)."""
    planned: Counter[tuple[str, int]] = Counter()
    grouped = budget_lines_visible(user=user).values("project_id", "sub_project_id")
    for row in grouped.annotate(total=Sum("amount_vnd")).order_by():
        planned["p", row["project_id"]] += row["total"]
        if row["sub_project_id"] is not None:
            planned["s", row["sub_project_id"]] += row["total"]
    return [_structure(p, planned) for p in programmes_visible(user=user)]


def _structure(programme: Programme, planned: Counter[tuple[str, int]]) -> ProgrammeStructure:
    rows = []
    for project in programme.projects.all():
        rows.append(_row("project", project.pk, project, str(project.number), project.name,
                         planned["p", project.pk]))  # fmt: skip
        for s in project.sub_projects.all():
            number = f"{project.number}.{s.number}"
            rows.append(_row("sub_project", s.pk, project, number, s.name, planned["s", s.pk]))
    total = sum(r.planned_vnd for r in rows if r.level == "project")
    return ProgrammeStructure(programme=programme, rows=rows, planned_vnd=total)


def _row(
    level: Literal["project", "sub_project"], pk: int, project: Project, number: str, name: str,
    planned: int,
) -> StructureRow:  # fmt: skip
    return StructureRow(level=level, pk=pk, project_pk=project.pk, number=number, name=name,
                        planned_vnd=planned)  # fmt: skip


def enrolment_jobs_visible(*, user: Any) -> QuerySet[JobRun]:
    """Enrolment jobs (previews and commits) the user may see, newest first."""
    return jobs_visible(user=user).filter(kind__in=ENROLMENT_JOB_KINDS.values())


def rules_visible(*, user: Any) -> QuerySet[EligibilityRule]:
    return EligibilityRule.objects.filter(in_province(user))


def levels_visible(*, user: Any) -> QuerySet[SupportLevel]:
    return SupportLevel.objects.filter(in_province(user)).select_related("eligibility")


def levels_current(*, user: Any) -> list[SupportLevel]:
    """The latest version of each level code."""
    latest: dict[tuple[int, str], SupportLevel] = {}
    for level in levels_visible(user=user).order_by("code", "-version"):
        latest.setdefault((level.province_id, level.code), level)
    return list(latest.values())


def campaigns_visible(*, user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.filter(in_province(user))


def support_visible(*, user: Any) -> QuerySet[SupportRecord]:
    if not scope_of(user).can(Capability.REGISTRY_VIEW):
        return SupportRecord.objects.none()
    rows = scope_filter(SupportRecord.objects.all(), user, SUPPORT_UNITS)
    return rows.select_related("household", "giver_organisation", "level", "campaign")


def enrolments_visible(*, user: Any) -> QuerySet[Enrolment]:
    if not scope_of(user).can(Capability.REGISTRY_VIEW):
        return Enrolment.objects.none()
    return scope_filter(Enrolment.objects.all(), user, SUPPORT_UNITS)


@dataclass(frozen=True, slots=True, kw_only=True)
class SupportItem:
    """One thing a household received, ready to show."""

    id: int
    delivered_on: dt.date
    support_type: str  # code, e.g. ``housing``
    support_label: str
    giver: str
    amount: str  # ``60.000.000 đ``, ``100%`` or ``""``
    quantity: int | None
    source: str
    campaign: str
    level: str  # ``code@vN`` that fixed the amount, or ``""``
    detail: str
    housing_stage: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SupportHistory:
    items: list[SupportItem]  # newest first
    enrolments: list[tuple[int, str, str]]  # (year, level name, ``code@vN``)
    total_vnd_by_year: dict[int, int]  # money received per year (VND amounts only)


def household_support_history(*, user: Any, household: Household) -> SupportHistory:
    """Everything the household received, from every giver, over the years
    (``Household.DoesNotExist`` when it is outside the user's scope)."""
    if not _household_visible(user, household):
        raise Household.DoesNotExist
    rows = support_visible(user=user).filter(household=household)
    items = [_item(r) for r in rows.order_by("-delivered_on", "-id")]
    totals: Counter[int] = Counter()
    for r in rows:
        if r.amount and (r.level is None or r.level.unit == AmountUnit.VND):
            totals[r.delivered_on.year] += r.amount
    enrolled = enrolments_visible(user=user).filter(household=household).select_related("level")
    return SupportHistory(
        items=items,
        enrolments=[(e.year, e.level.name, e.level.label) for e in enrolled.order_by("-year")],
        total_vnd_by_year=dict(sorted(totals.items(), reverse=True)),
    )


def _household_visible(user: Any, household: Household) -> bool:
    from giamngheo.apps.registry.selectors import households_visible

    return households_visible(user=user).filter(pk=household.pk).exists()


def _item(record: SupportRecord) -> SupportItem:
    percent = record.level is not None and record.level.unit == AmountUnit.PERCENT
    amount = "" if record.amount is None else (
        f"{record.amount}%" if percent else f"{format_number(record.amount)} đ"
    )  # fmt: skip
    return SupportItem(
        id=record.pk, delivered_on=record.delivered_on, support_type=record.support_type,
        support_label=record.get_support_type_display(), giver=record.giver_name, amount=amount,
        quantity=record.quantity, source=record.get_source_display(),
        campaign=record.campaign.name if record.campaign else "",
        level=record.level.label if record.level else "", detail=record.detail,
        housing_stage=record.get_housing_stage_display() if record.housing_stage else "",
    )  # fmt: skip


def eligibility_explain(
    *, user: Any, rule: EligibilityRule, household: Household, as_of: dt.date, lang: Lang = "vi"
) -> Explanation:
    """Why the household meets the rule or not, on ``as_of`` (404 rules apply to both)."""
    if (
        not _household_visible(user, household)
        or not rules_visible(user=user).filter(pk=rule.pk).exists()
    ):
        raise Household.DoesNotExist
    parsed = eligibility_rule(rule)
    return rule_explain(parsed, household_facts(household, [parsed], as_of=as_of), lang)


# -- campaign and housing reports ------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class Duplicate:
    household_id: int
    household_code: str
    support_type: str
    givers: list[str]
    records: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CampaignReport:
    campaign: Campaign
    households: int
    records: int
    amount_vnd: int
    by_giver: list[tuple[str, int, int]]  # (giver, records, amount)
    by_type: list[tuple[str, int]]
    duplicates: list[Duplicate]
    households_percent: int | None  # of the target


def campaign_report(*, user: Any, campaign: Campaign) -> CampaignReport:
    """Target and progress, what went to whom, and households that got the same kind of
    support twice in the campaign from different givers."""
    rows = support_visible(user=user).filter(campaign=campaign)
    totals = rows.aggregate(n=Count("id"), hh=Count("household", distinct=True), vnd=Sum("amount"))
    target = campaign.target_households
    return CampaignReport(
        campaign=campaign, households=totals["hh"], records=totals["n"],
        amount_vnd=totals["vnd"] or 0, by_giver=_by_giver(rows),
        by_type=_by_type(rows),
        duplicates=duplicates_find(rows),
        households_percent=round(100 * totals["hh"] / target) if target else None,
    )  # fmt: skip


def _by_type(rows: QuerySet[SupportRecord]) -> list[tuple[str, int]]:
    grouped = rows.values_list("support_type").annotate(n=Count("id")).order_by("support_type")
    return [(str(SupportType(t).label), n) for t, n in grouped]


def _by_giver(rows: QuerySet[SupportRecord]) -> list[tuple[str, int, int]]:
    grouped = rows.values_list("giver_organisation__name", "giver_state").annotate(
        n=Count("id"), vnd=Sum("amount")
    )
    return sorted(
        ((org or state, n, vnd or 0) for org, state, n, vnd in grouped), key=lambda g: -g[1]
    )


def duplicates_find(rows: QuerySet[SupportRecord]) -> list[Duplicate]:
    """Households given the same kind of support by two or more different givers."""
    giver = Q(giver_organisation__isnull=False)
    counted = rows.values("household_id", "support_type").annotate(
        orgs=Count("giver_organisation", distinct=True),
        states=Count("giver_state", distinct=True, filter=~giver),
        n=Count("id"),
    )
    twice = [c for c in counted if c["orgs"] + c["states"] > 1]
    if not twice:
        return []
    keys = {(c["household_id"], c["support_type"]) for c in twice}
    givers: dict[tuple[int, str], set[str]] = {}
    codes: dict[int, str] = {}
    ids = [k[0] for k in keys]
    for r in rows.filter(household_id__in=ids).select_related("giver_organisation", "household"):
        if (r.household_id, r.support_type) in keys:
            givers.setdefault((r.household_id, r.support_type), set()).add(r.giver_name)
            codes[r.household_id] = r.household.code
    return sorted(
        (Duplicate(household_id=h, household_code=codes[h], support_type=str(SupportType(t).label),
                   givers=sorted(givers[(h, t)]), records=c["n"])
         for c in twice for h, t in [(c["household_id"], c["support_type"])]),
        key=lambda d: d.household_code,
    )  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class HousingReport:
    rows: list[tuple[str, dict[str, int], int]]  # (stage label, {kind: count}, total)
    kinds: list[tuple[str, str]]  # (kind, label)
    totals: dict[str, int]  # per kind
    total: int


def housing_report(
    *, user: Any, campaign: Campaign | None = None, year: int | None = None
) -> HousingReport:
    """Houses by stage (approved → handed over) and kind (new / repaired)."""
    rows = support_visible(user=user).filter(support_type=SupportType.HOUSING)
    if campaign is not None:
        rows = rows.filter(campaign=campaign)
    if year is not None:
        rows = rows.filter(delivered_on__year=year)
    counts = {
        (s, k): n
        for s, k, n in rows.values_list("housing_stage", "housing_kind").annotate(n=Count("id"))
    }
    table = [
        (str(stage.label), {k: counts.get((stage.value, k), 0) for k in HousingKind.values},
         sum(counts.get((stage.value, k), 0) for k in HousingKind.values))
        for stage in HousingStage
    ]  # fmt: skip
    totals = {k: sum(n for (_, kind), n in counts.items() if kind == k) for k in HousingKind.values}
    return HousingReport(
        rows=table,
        kinds=[(k, str(label)) for k, label in HousingKind.choices],
        totals=totals,
        total=sum(totals.values()),
    )
