"""Fund sources: made by a provincial officer, with their income and holding accounts."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.audit.services import audited_save
from giamngheo.apps.funds.choices import AccountKind
from giamngheo.apps.funds.models import Account, FundSource
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.scope import province_require


@transaction.atomic(durable=True)
def source_create(
    *,
    actor: Any,
    province: Province,
    kind: str,
    code: str,
    name: str,
    commune: Commune | None = None,
    organisation: Organisation | None = None,
) -> FundSource:
    province_require(actor, Capability.PROGRAMMES_MANAGE, province)
    if commune is not None and commune.province_id != province.pk:
        raise ValidationError({"commune": "Xã, phường không thuộc tỉnh này."})
    source = FundSource(
        province=province, kind=kind, code=code, name=name, commune=commune,
        organisation=organisation,
    )  # fmt: skip
    audited_save(instance=source, summary=f"Tạo nguồn vốn {code}")
    for account_kind in (AccountKind.INCOME, AccountKind.HELD):
        Account.objects.create(kind=account_kind, source=source, province=province, commune=commune)
    return source
