"""Campaigns: Month for the Poor (17 Oct – 18 Nov), Tết gifts, housing drives."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Province
from giamngheo.apps.programmes.choices import CampaignKind
from giamngheo.apps.programmes.models import Campaign, LivelihoodModel
from giamngheo.apps.programmes.scope import province_require


def month_for_the_poor(year: int) -> tuple[dt.date, dt.date]:
    """17 October (Day for the Poor) to 18 November (Great National Unity Day)."""
    return dt.date(year, 10, 17), dt.date(year, 11, 18)


@transaction.atomic(durable=True)
def campaign_create(
    *, actor: Any, province: Province, kind: str, name: str, **fields: Any
) -> Campaign:
    """A campaign of the province; a Month for the Poor without dates gets 17 Oct – 18 Nov of
    ``year`` (a field only used for that default)."""
    province_require(actor, Capability.PROGRAMMES_MANAGE, province)
    year = fields.pop("year", None)
    if kind == CampaignKind.MONTH_FOR_THE_POOR and year and "starts_on" not in fields:
        fields["starts_on"], fields["ends_on"] = month_for_the_poor(year)
    campaign = Campaign(province=province, kind=kind, name=name, **fields)
    audited_save(instance=campaign, summary=f"Tạo đợt vận động {name}")
    return campaign


@transaction.atomic(durable=True)
def livelihood_model_create(*, actor: Any, commune: Any, **fields: Any) -> LivelihoodModel:
    province_require(actor, Capability.PROGRAMMES_MANAGE, commune.province)
    model = LivelihoodModel(commune=commune, **fields)
    audited_save(instance=model, summary=f"Mô hình sinh kế {model.name}")
    return model
