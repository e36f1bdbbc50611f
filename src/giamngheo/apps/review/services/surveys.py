"""Entering a listed household's survey form for the campaign (new or re-survey)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.registry.models import INDICATOR_IDS, Survey
from giamngheo.apps.review.models import ReviewEntry
from giamngheo.apps.review.services.common import (
    not_agreed,
    not_decided,
    not_future,
    within_campaign,
)
from giamngheo.domain.standards import standard_get

SURVEY_FIELDS = frozenset(
    {"income_vnd", "income_score", "wall_material", "column_material", "roof_material",
     "floor_area_m2", "water_source", "latrine_type", "internet_use", "devices",
     "waste_handling", *(f"dep_{i}" for i in INDICATOR_IDS)}
)  # fmt: skip


@transaction.atomic(durable=True)
def entry_survey_record(
    *, actor: Any, entry: ReviewEntry, surveyed_on: dt.date, **fields: Any
) -> Survey:
    """Record (or re-record) the entry's survey form; its proposed status is cleared until
    the campaign is classified again. Refused once the village meeting has agreed the list."""
    village = entry.household.village
    scope_require(actor, Capability.REVIEW_MANAGE, village=village)
    campaign = entry.campaign
    not_decided(campaign, village.commune)
    not_agreed(campaign, village)
    survey = survey_fill(entry, surveyed_on=surveyed_on, fields=fields)
    entry.survey = survey
    entry_unclassify(entry)
    audited_save(instance=entry, summary=f"Nhập phiếu rà soát hộ {entry.household.code}")
    return survey


def survey_fill(entry: ReviewEntry, *, surveyed_on: dt.date, fields: dict[str, Any]) -> Survey:
    """Write the survey form of the entry (audited); flags the standard does not use stay
    empty, flags it uses default to "not deprived"."""
    unknown = set(fields) - SURVEY_FIELDS
    if unknown:
        raise TypeError(f"unknown survey fields: {sorted(unknown)}")
    campaign = entry.campaign
    not_future(surveyed_on, _("Ngày rà soát"))
    within_campaign(campaign, surveyed_on, _("Ngày rà soát"))
    survey = (
        entry.survey
        or _periodic_of_year(entry)
        or Survey(household=entry.household, year=campaign.year, kind=campaign.kind)
    )
    used = set(standard_get(campaign.standard_id).indicator_ids)
    for indicator in INDICATOR_IDS:
        name = f"dep_{indicator}"
        value = bool(fields.pop(name, False)) if indicator in used else fields.pop(name, None)
        setattr(survey, name, value)
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.surveyed_on = surveyed_on
    audited_save(
        instance=survey, summary=f"Phiếu rà soát {campaign.year} hộ {entry.household.code}"
    )
    return survey


def _periodic_of_year(entry: ReviewEntry) -> Survey | None:
    if entry.campaign.kind != "periodic":
        return None
    return Survey.objects.filter(
        household=entry.household, year=entry.campaign.year, kind="periodic"
    ).first()


def entry_unclassify(entry: ReviewEntry) -> None:
    entry.proposed_status = ""
    entry.transition = ""
    entry.classified_at = None
    entry.needs_resurvey = False
