"""Writes to the registry. Each function is one atomic, audited transaction, done for an
``actor`` who must hold the registry-edit capability for the household's village."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction

from giamngheo.apps.accounts.roles import Capability
from giamngheo.apps.accounts.scopes import scope_require
from giamngheo.apps.audit.services import audited_delete, audited_save
from giamngheo.apps.geo.models import Village
from giamngheo.apps.registry.models import Household, Member, Survey
from giamngheo.domain.citizen_id import CitizenIdError, Sex, citizen_id_validate


@transaction.atomic(durable=True)
def household_register(
    *, actor: Any, village: Village, code: str, address: str = "", area: str | None = None
) -> Household:
    """Register a household; the area type defaults to its commune's (xã rural, phường urban)."""
    scope_require(actor, Capability.REGISTRY_EDIT, village=village)
    household = Household(
        province=village.commune.province,
        code=code,
        village=village,
        address=address,
        area=area or village.commune.area,
    )
    audited_save(instance=household, summary=f"Đăng ký hộ {code}")
    return household


@transaction.atomic(durable=True)
def household_update(*, actor: Any, household: Household, **fields: Any) -> Household:
    """Change a household's address, area or village (both villages must be in scope)."""
    scope_require(actor, Capability.REGISTRY_EDIT, village=household.village)
    if "village" in fields and fields["village"] is None:
        raise ValidationError({"village": "Hộ phải thuộc một thôn, tổ dân phố."})
    for name, value in fields.items():
        setattr(household, name, value)
    scope_require(actor, Capability.REGISTRY_EDIT, village=household.village)
    household.province = household.village.commune.province
    audited_save(instance=household, summary=f"Sửa hộ {household.code}")
    return household


@transaction.atomic(durable=True)
def member_add(*, actor: Any, household: Household, **fields: Any) -> Member:
    """Add a member; a citizen ID must agree with the member's sex and year of birth."""
    scope_require(actor, Capability.REGISTRY_EDIT, village=household.village)
    member = Member(household=household, **fields)
    _check_citizen_id(member)
    audited_save(instance=member, summary=f"Thêm nhân khẩu vào hộ {household.code}")
    return member


@transaction.atomic(durable=True)
def member_update(*, actor: Any, member: Member, **fields: Any) -> Member:
    scope_require(actor, Capability.REGISTRY_EDIT, village=member.household.village)
    fields.pop("household", None)  # a member moves household only by leaving and being added
    for name, value in fields.items():
        setattr(member, name, value)
    _check_citizen_id(member)
    audited_save(instance=member, summary=f"Sửa nhân khẩu hộ {member.household.code}")
    return member


@transaction.atomic(durable=True)
def survey_record(*, actor: Any, household: Household, **fields: Any) -> Survey:
    scope_require(actor, Capability.REGISTRY_EDIT, village=household.village)
    survey = Survey(household=household, **fields)
    audited_save(instance=survey, summary=f"Phiếu rà soát {survey.year} hộ {household.code}")
    return survey


@transaction.atomic(durable=True)
def record_delete(*, actor: Any, instance: Household | Member | Survey) -> None:
    household = instance if isinstance(instance, Household) else instance.household
    scope_require(actor, Capability.REGISTRY_EDIT, village=household.village)
    # The summary names the record by its id, never by a person's name (read by roles that
    # may not see personal data).
    label = f"{instance._meta.verbose_name} #{instance.pk} của hộ {household.code}"
    audited_delete(instance=instance, summary=f"Xoá {label}")


def _check_citizen_id(member: Member) -> None:
    if not member.citizen_id:
        member.citizen_id = None
        return
    try:
        citizen_id_validate(member.citizen_id, sex=cast(Sex, member.sex), birth_on=member.birth_on)
    except CitizenIdError as error:
        raise ValidationError({"citizen_id": error.reason}) from error
