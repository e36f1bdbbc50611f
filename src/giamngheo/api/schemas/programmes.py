"""Programmes: structure, rules and levels, eligibility explanations, enrolment, support
records and reports."""

import datetime as dt
from typing import Self

from ninja import Field, Schema

from giamngheo.api.pagination import PageIn, PageOut
from giamngheo.apps.programmes.choices import FundSource, HousingKind, SupportType
from giamngheo.apps.programmes.models import (
    EligibilityRule,
    Programme,
    SupportLevel,
    SupportRecord,
)
from giamngheo.apps.programmes.selectors import CampaignReport, HousingReport, SupportHistory
from giamngheo.apps.programmes.services import EnrolmentPreview
from giamngheo.domain.eligibility import Explanation


class SubProjectOut(Schema):
    id: int
    number: int
    name: str


class ProjectOut(Schema):
    id: int
    number: int
    name: str
    sub_projects: list[SubProjectOut]


class ProgrammeOut(Schema):
    id: int
    code: str
    name: str
    legal_basis: str
    starts_year: int
    ends_year: int
    projects: list[ProjectOut]

    @classmethod
    def of(cls, programme: Programme) -> Self:
        projects = [
            ProjectOut(id=p.pk, number=p.number, name=p.name, sub_projects=[
                SubProjectOut(id=s.pk, number=s.number, name=s.name) for s in p.sub_projects.all()
            ])
            for p in programme.projects.all()
        ]  # fmt: skip
        return cls(
            id=programme.pk, code=programme.code, name=programme.name,
            legal_basis=programme.legal_basis, starts_year=programme.starts_year,
            ends_year=programme.ends_year, projects=projects,
        )  # fmt: skip


class RuleOut(Schema):
    id: int
    code: str
    version: int
    label: str = Field(description="code@vN")
    name: str
    expression: str
    standard_id: str
    published_at: dt.datetime

    @classmethod
    def of(cls, rule: EligibilityRule) -> Self:
        return cls(
            id=rule.pk, code=rule.code, version=rule.version, label=rule.label, name=rule.name,
            expression=rule.expression, standard_id=rule.standard_id,
            published_at=rule.published_at,
        )  # fmt: skip


class LevelOut(Schema):
    id: int
    code: str
    version: int
    label: str = Field(description="code@vN")
    name: str
    support_type: str
    eligibility: str = Field(description="the rule's code@vN")
    unit: str
    central_amount: int
    multiplier_permille: int
    priorities: list[dict[str, object]]
    housing_kind: str

    @classmethod
    def of(cls, level: SupportLevel) -> Self:
        return cls(
            id=level.pk, code=level.code, version=level.version, label=level.label,
            name=level.name, support_type=level.support_type, eligibility=level.eligibility.label,
            unit=level.unit, central_amount=level.central_amount,
            multiplier_permille=level.multiplier_permille, priorities=list(level.priorities),
            housing_kind=level.housing_kind,
        )  # fmt: skip


class ReasonOut(Schema):
    depth: int
    holds: bool
    text: str


class ExplanationOut(Schema):
    eligible: bool
    headline: str
    reasons: list[ReasonOut]
    text: str = Field(description="the whole explanation, one condition a line (✓ / ✗)")

    @classmethod
    def of(cls, why: Explanation) -> Self:
        reasons = [ReasonOut(depth=r.depth, holds=r.holds, text=r.text) for r in why.reasons]
        return cls(eligible=why.eligible, headline=why.headline, reasons=reasons, text=why.text)


class EnrolmentIn(Schema):
    year: int = Field(ge=2021, le=2100)


class CommuneCountOut(Schema):
    commune_id: int
    commune: str
    households: int
    amount: int
    enrolled_before: int


class EnrolmentOut(Schema):
    level: str
    rule: str
    year: int
    as_of: dt.date
    households: int = Field(description="eligible, including those already enrolled")
    new: int = Field(description="eligible and not yet enrolled")
    amount: int = Field(description="total of the new enrolments")
    communes: list[CommuneCountOut]
    seconds: float

    @classmethod
    def of(cls, preview: EnrolmentPreview) -> Self:
        return cls.model_validate(preview)


class SupportFilterIn(PageIn):
    household_id: int | None = None
    campaign_id: int | None = None
    support_type: SupportType | None = None


class SupportIn(Schema):
    household_id: int
    support_type: SupportType
    delivered_on: dt.date
    source: FundSource
    level_id: int | None = Field(None, description="the support level that fixes the amount")
    campaign_id: int | None = None
    amount: int | None = Field(None, ge=0, description="VND, or percent for a share")
    quantity: int | None = Field(None, ge=1)
    detail: str = Field("", max_length=255)
    lender: str = Field("", max_length=100)
    loan_rate_bp: int | None = Field(None, ge=0)
    loan_term_months: int | None = Field(None, ge=1)
    housing_kind: HousingKind | None = None
    approved_on: dt.date | None = None


class SupportOut(Schema):
    id: int
    household_id: int
    household_code: str
    support_type: str
    support_label: str
    delivered_on: dt.date
    giver: str
    amount: int | None
    quantity: int | None
    source: str
    level: str = Field(description="code@vN that fixed the amount, or empty")
    campaign_id: int | None
    housing_kind: str
    housing_stage: str
    detail: str

    @classmethod
    def of(cls, record: SupportRecord) -> Self:
        return cls(
            id=record.pk, household_id=record.household_id, household_code=record.household.code,
            support_type=record.support_type, support_label=record.get_support_type_display(),
            delivered_on=record.delivered_on, giver=record.giver_name, amount=record.amount,
            quantity=record.quantity, source=record.source,
            level=record.level.label if record.level else "", campaign_id=record.campaign_id,
            housing_kind=record.housing_kind, housing_stage=record.housing_stage,
            detail=record.detail,
        )  # fmt: skip


class SupportPage(PageOut):
    items: list[SupportOut]


class SupportItemOut(Schema):
    id: int
    delivered_on: dt.date
    support_type: str
    support_label: str
    giver: str
    amount: str = Field(description="formatted: '60.000.000 đ', '100%' or ''")
    quantity: int | None
    source: str
    campaign: str
    level: str
    detail: str
    housing_stage: str


class EnrolledOut(Schema):
    year: int
    level_name: str
    level: str = Field(description="code@vN")


class SupportHistoryOut(Schema):
    items: list[SupportItemOut] = Field(description="newest first")
    enrolments: list[EnrolledOut]
    total_vnd_by_year: dict[int, int]

    @classmethod
    def of(cls, history: SupportHistory) -> Self:
        return cls(
            items=[SupportItemOut.model_validate(i) for i in history.items],
            enrolments=[
                EnrolledOut(year=y, level_name=n, level=lv) for y, n, lv in history.enrolments
            ],
            total_vnd_by_year=history.total_vnd_by_year,
        )


class GiverOut(Schema):
    giver: str
    records: int
    amount_vnd: int


class DuplicateOut(Schema):
    household_id: int
    household_code: str
    support_type: str
    givers: list[str]
    records: int


class CampaignReportOut(Schema):
    campaign_id: int
    name: str
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    target_households: int | None
    households: int
    records: int
    amount_vnd: int
    households_percent: int | None
    by_giver: list[GiverOut]
    by_type: dict[str, int]
    duplicates: list[DuplicateOut] = Field(description="same kind of support from 2+ givers")

    @classmethod
    def of(cls, report: CampaignReport) -> Self:
        c = report.campaign
        return cls(
            campaign_id=c.pk, name=c.name, kind=c.kind, starts_on=c.starts_on, ends_on=c.ends_on,
            target_households=c.target_households, households=report.households,
            records=report.records, amount_vnd=report.amount_vnd,
            households_percent=report.households_percent,
            by_giver=[GiverOut(giver=g, records=n, amount_vnd=a) for g, n, a in report.by_giver],
            by_type=dict(report.by_type),
            duplicates=[DuplicateOut.model_validate(d) for d in report.duplicates],
        )  # fmt: skip


class HousingFilterIn(Schema):
    year: int | None = Field(None, ge=2000, le=2100)
    campaign_id: int | None = None


class HousingStageOut(Schema):
    stage: str
    by_kind: dict[str, int]
    total: int


class HousingReportOut(Schema):
    stages: list[HousingStageOut]
    kinds: dict[str, str] = Field(description="kind → label")
    totals: dict[str, int]
    total: int

    @classmethod
    def of(cls, report: HousingReport) -> Self:
        stages = [HousingStageOut(stage=s, by_kind=k, total=t) for s, k, t in report.rows]
        return cls(stages=stages, kinds=dict(report.kinds), totals=report.totals,
                   total=report.total)  # fmt: skip
