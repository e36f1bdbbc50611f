"""Campaigns: Month for the Poor (17 Oct – 18 Nov), Tết gifts, housing drives; the campaigns
that come back every year; livelihood models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.choices import CampaignKind
from giamngheo.apps.programmes.models import Campaign, LivelihoodModel
from giamngheo.apps.programmes.scope import province_require

MANAGE = Capability.PROGRAMMES_MANAGE
LIVELIHOOD_FIELDS = ("commune", "kind", "name", "started_on", "sub_project")


def month_for_the_poor(year: int) -> tuple[dt.date, dt.date]:
    """17 October (Day for the Poor) to 18 November (Great National Unity Day)."""
    return dt.date(year, 10, 17), dt.date(year, 11, 18)


# Campaigns whose dates are the same every year, and the name each year's campaign gets.
# Tết gifts follow the lunar calendar and housing drives are decided one by one: neither is
# here.
YEARLY_CAMPAIGNS: dict[str, str] = {
    CampaignKind.MONTH_FOR_THE_POOR: "Tháng cao điểm Vì người nghèo năm {year}",
}
YEARLY_DATES: dict[str, Callable[[int], tuple[dt.date, dt.date]]] = {
    CampaignKind.MONTH_FOR_THE_POOR: month_for_the_poor,
}


@transaction.atomic(durable=True)
def campaign_create(
    *, actor: Any, province: Province, kind: str, name: str, **fields: Any
) -> Campaign:
    """A campaign of the province; a Month for the Poor without dates gets 17 Oct – 18 Nov of
    ``year`` (a field only used for that default)."""
    province_require(actor, MANAGE, province)
    year = fields.pop("year", None)
    if kind == CampaignKind.MONTH_FOR_THE_POOR and year and "starts_on" not in fields:
        fields["starts_on"], fields["ends_on"] = month_for_the_poor(year)
    campaign = Campaign(province=province, kind=kind, name=name, **fields)
    audited_save(instance=campaign, summary=f"Tạo đợt vận động {name}")
    return campaign


@transaction.atomic(durable=True)
def campaigns_yearly_create(*, actor: Any, province: Province, year: int) -> list[Campaign]:
    """Create ``year``'s campaigns of every kind in :data:`YEARLY_CAMPAIGNS` that the province
    has not opened yet (a campaign of that kind starting in the year); returns those made.
    Running it again makes nothing."""
    province_require(actor, MANAGE, province)
    made = []
    for kind, pattern in YEARLY_CAMPAIGNS.items():
        opened = Campaign.objects.filter(province=province, kind=kind, starts_on__year=year)
        name = pattern.format(year=year)
        if opened.exists() or Campaign.objects.filter(province=province, name=name).exists():
            continue
        starts_on, ends_on = YEARLY_DATES[kind](year)
        campaign = Campaign(
            province=province, kind=kind, name=name, starts_on=starts_on, ends_on=ends_on
        )
        audited_save(instance=campaign, summary=f"Tạo đợt vận động thường niên {name}")
        made.append(campaign)
    return made


@transaction.atomic(durable=True)
def livelihood_model_create(*, actor: Any, commune: Commune, **fields: Any) -> LivelihoodModel:
    province_require(actor, MANAGE, commune.province)
    model = LivelihoodModel(commune=commune, **fields)
    _livelihood_check(model)
    audited_save(instance=model, summary=f"Mô hình sinh kế {model.name}")
    return model


@transaction.atomic(durable=True)
def livelihood_model_update(
    *, actor: Any, model: LivelihoodModel, **fields: Any
) -> LivelihoodModel:
    """Correct a model's commune, kind, name, start or sub-project; an officer moves it only
    between communes of their province."""
    province_require(actor, MANAGE, model.commune.province)
    model = LivelihoodModel.objects.select_for_update().get(pk=model.pk)
    unknown = set(fields) - set(LIVELIHOOD_FIELDS)
    if unknown:
        raise TypeError(f"Không sửa được: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(model, name, value)
    province_require(actor, MANAGE, model.commune.province)
    _livelihood_check(model)
    audited_save(instance=model, summary=f"Sửa mô hình sinh kế {model.name}")
    return model


def _livelihood_check(model: LivelihoodModel) -> None:
    sub = model.sub_project
    if sub is not None and sub.project.programme.province_id != model.commune.province_id:
        raise ValidationError({"sub_project": _("Tiểu dự án thuộc chương trình của tỉnh khác.")})
