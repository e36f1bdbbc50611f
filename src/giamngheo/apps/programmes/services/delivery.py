"""Recording support delivered by any giver, one record at a time; housing stages.

Refused whole, with a message naming the field: a household outside the giver's scope, a
support type that is not the level's, a household the level's rule does not cover (e.g. a
loan product it is not eligible for), an amount that breaks the level, housing stages out of
order ("completed" before "started"), a campaign of another province or outside its dates, a
livelihood model of another province.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability, Role
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.monitoring.refresh import aggregates_request
from giamngheo.apps.programmes.choices import (
    HOUSING_STAGE_DATES,
    AmountRule,
    HousingStage,
    SupportType,
)
from giamngheo.apps.programmes.facts import household_facts
from giamngheo.apps.programmes.levels import eligibility_rule, level_amount, level_rules
from giamngheo.apps.programmes.models import SupportLevel, SupportRecord
from giamngheo.apps.registry.models import Household
from giamngheo.domain.eligibility import rule_evaluate
from giamngheo.domain.explain import format_number

STAGES = list(HOUSING_STAGE_DATES)


@transaction.atomic(durable=True)
def support_record(*, actor: Any, household: Household, **fields: Any) -> SupportRecord:
    """Record support given to ``household`` by the actor's organisation (organisation
    officers) or by the state body named in ``giver_state`` (commune officers)."""
    scope_require(actor, Capability.SUPPORT_RECORD, village=household.village)
    record = SupportRecord(household=household, recorded_by=actor, recorded_at=timezone.now())
    for name, value in fields.items():
        setattr(record, name, value)
    giver_set(actor, record)
    support_check(record)
    audited_save(instance=record, summary=f"Hỗ trợ {record.support_type} cho hộ {household.code}")
    aggregates_request(province=household.province_id)
    return record


def giver_set(actor: Any, record: SupportRecord) -> None:
    """An organisation officer gives as their organisation; anyone else as a state body."""
    if getattr(actor, "role", "") == Role.ORGANISATION_OFFICER:
        record.giver_organisation = actor.organisation
        record.giver_state = ""
    elif not record.giver_state:
        record.giver_state = f"UBND {record.household.village.commune.name}"


def support_check(record: SupportRecord) -> None:
    """Every rule of a support record that the database cannot check by itself."""
    if record.level is not None:
        _level_check(record, record.level)
    if record.support_type == SupportType.HOUSING:
        _housing_check(record)
    if record.campaign is not None:
        _campaign_check(record)
    model = record.livelihood_model
    if model is not None and model.commune.province_id != record.household.province_id:
        raise ValidationError({"livelihood_model": _("Mô hình sinh kế của tỉnh khác.")})


def _level_check(record: SupportRecord, level: SupportLevel) -> None:
    if level.support_type != record.support_type:
        raise ValidationError({"level": f"Mức {level.label} không dành cho loại hỗ trợ này."})
    if level.province_id != record.household.province_id:
        raise ValidationError({"level": f"Mức {level.label} là của tỉnh khác."})
    facts = household_facts(record.household, level_rules(level), as_of=record.delivered_on)
    if not rule_evaluate(eligibility_rule(level.eligibility), facts):
        raise ValidationError(
            {"level": f"Hộ {record.household.code} không thuộc đối tượng của {level.name} "
                      f"({level.eligibility.label})."}
        )  # fmt: skip
    _amount_check(record, level, level_amount(level, facts))
    if level.housing_kind:
        record.housing_kind = record.housing_kind or level.housing_kind
    if level.support_type == SupportType.LOAN:
        record.loan_rate_bp = record.loan_rate_bp or level.loan_rate_bp
        record.lender = record.lender or "NHCSXH"


def _amount_check(record: SupportRecord, level: SupportLevel, allowed: int) -> None:
    if record.amount is None:
        record.amount = allowed if level.amount_rule == AmountRule.EXACT else None
        if record.amount is None:
            raise ValidationError({"amount": "Ghi số tiền."})
    exact = level.amount_rule == AmountRule.EXACT
    if (exact and record.amount != allowed) or record.amount > allowed:
        word = "phải bằng" if exact else "không được vượt"
        raise ValidationError(
            {"amount": f"Số tiền {format_number(record.amount)} {word} mức "
                       f"{format_number(allowed)} của {level.label}."}
        )  # fmt: skip
    term = level.loan_term_months
    if term and record.loan_term_months and record.loan_term_months > term:
        raise ValidationError({"loan_term_months": f"Thời hạn vay tối đa {term} tháng."})


def _housing_check(record: SupportRecord) -> None:
    if not record.housing_kind:
        raise ValidationError({"housing_kind": "Ghi loại nhà: xây mới hay sửa chữa."})
    stage = record.housing_stage or HousingStage.APPROVED
    record.housing_stage = stage
    reached = STAGES[: STAGES.index(stage) + 1]
    for earlier, later in itertools.pairwise(STAGES):
        _stage_order(record, earlier, later)
    for needed in reached:
        if getattr(record, HOUSING_STAGE_DATES[needed]) is None:
            raise ValidationError(
                {HOUSING_STAGE_DATES[needed]: f"Nhà ở giai đoạn '{HousingStage(stage).label}' "
                                              f"cần ngày '{HousingStage(needed).label}'."}
            )  # fmt: skip


def _stage_order(record: SupportRecord, earlier: str, later: str) -> None:
    first = getattr(record, HOUSING_STAGE_DATES[earlier])
    then = getattr(record, HOUSING_STAGE_DATES[later])
    if then is not None and (first is None or then < first):
        raise ValidationError(
            {HOUSING_STAGE_DATES[later]: f"Không thể '{HousingStage(later).label}' trước khi "
                                         f"'{HousingStage(earlier).label}'."}
        )  # fmt: skip


def _campaign_check(record: SupportRecord) -> None:
    campaign = record.campaign
    assert campaign is not None
    if campaign.province_id != record.household.province_id:
        raise ValidationError({"campaign": "Đợt vận động của tỉnh khác."})
    if not campaign.starts_on <= record.delivered_on <= campaign.ends_on:
        raise ValidationError({"delivered_on": f"Ngày hỗ trợ ngoài thời gian của {campaign.name}."})
    if campaign.support_type and campaign.support_type != record.support_type:
        raise ValidationError({"support_type": f"{campaign.name} không nhận loại hỗ trợ này."})


@transaction.atomic(durable=True)
def housing_stage_set(
    *, actor: Any, record: SupportRecord, stage: str, on: dt.date
) -> SupportRecord:
    """Move a house to ``stage`` on ``on``; earlier stages must have been reached first."""
    scope_require(actor, Capability.SUPPORT_RECORD, village=record.household.village)
    record = SupportRecord.objects.select_for_update().get(pk=record.pk)
    if record.support_type != SupportType.HOUSING:
        raise ValidationError({"housing_stage": "Chỉ hỗ trợ nhà ở mới có tiến độ."})
    if STAGES.index(stage) < STAGES.index(record.housing_stage or HousingStage.APPROVED):
        raise ValidationError({"housing_stage": "Không lùi tiến độ nhà ở."})
    record.housing_stage = stage
    setattr(record, HOUSING_STAGE_DATES[stage], on)
    _housing_check(record)
    audited_save(instance=record, summary=f"Nhà ở hộ {record.household.code}: {stage}")
    return record
