"""Roles and what each may do. A user holds one role and one scope (see ``scopes``); the scope
says *where*, the role's capabilities say *what*."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VILLAGE_HEAD = "village_head", _("Trưởng thôn, tổ trưởng tổ dân phố")
    COMMUNE_OFFICER = "commune_officer", _("Cán bộ giảm nghèo cấp xã")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Chủ tịch UBND cấp xã")
    PROVINCE_OFFICER = "province_officer", _("Cán bộ cấp tỉnh")
    ORGANISATION_OFFICER = "organisation_officer", _("Cán bộ tổ chức, đoàn thể")
    AUDITOR = "auditor", _("Thanh tra, kiểm toán (chỉ xem)")
    SYSADMIN = "sysadmin", _("Quản trị hệ thống")


class ScopeLevel(models.TextChoices):
    COUNTRY = "country", _("Toàn quốc")
    PROVINCE = "province", _("Tỉnh")
    COMMUNE = "commune", _("Xã, phường")
    VILLAGE = "village", _("Thôn, tổ dân phố")


class Capability(StrEnum):
    REGISTRY_VIEW = "registry.view"
    REGISTRY_EDIT = "registry.edit"
    PERSONAL_VIEW = "personal.view"  # full citizen ID and date of birth
    AUDIT_VIEW = "audit.view"
    CLASSIFY_RUN = "classification.run"
    REVIEW_LIST = "review.list"
    REVIEW_MANAGE = "review.manage"
    REVIEW_APPROVE = "review.approve"
    REVIEW_CAMPAIGN = "review.campaign"  # open the province's review campaigns
    PROGRAMMES_MANAGE = "programmes.manage"
    SUPPORT_RECORD = "support.record"
    LINKAGE_REVIEW = "linkage.review"  # decide candidate pairs: merge / not the same / undo
    FUNDS_RECORD = "funds.record"
    EXPORT = "data.export"
    USERS_MANAGE = "users.manage"


C = Capability
_COMMUNE_OFFICER = (
    C.REGISTRY_VIEW, C.REGISTRY_EDIT, C.PERSONAL_VIEW, C.AUDIT_VIEW, C.CLASSIFY_RUN,
    C.REVIEW_LIST, C.REVIEW_MANAGE, C.SUPPORT_RECORD, C.LINKAGE_REVIEW, C.EXPORT,
)  # fmt: skip
_PROVINCE_OFFICER = (
    C.REGISTRY_VIEW, C.AUDIT_VIEW, C.CLASSIFY_RUN, C.REVIEW_CAMPAIGN, C.PROGRAMMES_MANAGE,
    C.FUNDS_RECORD, C.EXPORT,
)  # fmt: skip
ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.VILLAGE_HEAD: frozenset({C.REGISTRY_VIEW, C.REVIEW_LIST}),
    Role.COMMUNE_OFFICER: frozenset(_COMMUNE_OFFICER),
    Role.COMMUNE_CHAIRMAN: frozenset(
        {C.REGISTRY_VIEW, C.PERSONAL_VIEW, C.AUDIT_VIEW, C.REVIEW_APPROVE, C.EXPORT}
    ),
    Role.PROVINCE_OFFICER: frozenset(_PROVINCE_OFFICER),
    Role.ORGANISATION_OFFICER: frozenset({C.REGISTRY_VIEW, C.SUPPORT_RECORD, C.FUNDS_RECORD}),
    Role.AUDITOR: frozenset({C.REGISTRY_VIEW, C.PERSONAL_VIEW, C.AUDIT_VIEW, C.EXPORT}),
    Role.SYSADMIN: frozenset(Capability),
}

# The scope level each role may hold (a commune officer is scoped to exactly one commune, …).
ROLE_SCOPE_LEVELS: dict[str, frozenset[str]] = {
    Role.VILLAGE_HEAD: frozenset({ScopeLevel.VILLAGE}),
    Role.COMMUNE_OFFICER: frozenset({ScopeLevel.COMMUNE}),
    Role.COMMUNE_CHAIRMAN: frozenset({ScopeLevel.COMMUNE}),
    Role.PROVINCE_OFFICER: frozenset({ScopeLevel.PROVINCE}),
    Role.ORGANISATION_OFFICER: frozenset(
        {ScopeLevel.PROVINCE, ScopeLevel.COMMUNE, ScopeLevel.VILLAGE}
    ),
    Role.AUDITOR: frozenset(
        {ScopeLevel.COUNTRY, ScopeLevel.PROVINCE, ScopeLevel.COMMUNE, ScopeLevel.VILLAGE}
    ),
    Role.SYSADMIN: frozenset({ScopeLevel.COUNTRY, ScopeLevel.PROVINCE}),
}


class OrganisationKind(models.TextChoices):
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    RED_CROSS = "red_cross", _("Hội Chữ thập đỏ")
    WOMEN_UNION = "women_union", _("Hội Liên hiệp Phụ nữ")
    FARMERS_UNION = "farmers_union", _("Hội Nông dân")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
    VETERANS_ASSOCIATION = "veterans", _("Hội Cựu chiến binh")
    BUSINESS_DONOR = "business_donor", _("Doanh nghiệp, nhà tài trợ")
