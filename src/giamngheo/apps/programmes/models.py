"""Programmes → projects → sub-projects → budget lines; versioned eligibility rules and support
levels; enrolments, support delivered by every giver, campaigns and livelihood models.

Rules and levels are never edited once published: a change is a new ``version``, and every
enrolment and support record points at the exact version that produced its amount.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.accounts.models import Organisation
from giamngheo.apps.geo.models import Commune, Province
from giamngheo.apps.programmes.choices import (
    AmountRule,
    AmountUnit,
    CampaignKind,
    FundSource,
    HousingKind,
    HousingStage,
    LivelihoodKind,
    SupportType,
)
from giamngheo.apps.registry.models import Household

type Units = tuple[int | None, int | None, int | None]


class Programme(models.Model):
    """A programme as a province runs it for a period (e.g. the NTP 2021–2025 under QĐ90)."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(_("mã"), max_length=32)
    name = models.CharField(_("tên"), max_length=255)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    starts_year = models.PositiveSmallIntegerField(_("từ năm"))
    ends_year = models.PositiveSmallIntegerField(_("đến năm"))

    class Meta:
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")
        ordering = ["-starts_year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["province", "code"], name="programme_code_in_province"),
            models.CheckConstraint(
                condition=Q(ends_year__gte=F("starts_year")), name="programme_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_units(self) -> Units:
        return self.province_id, None, None


class Project(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), on_delete=models.CASCADE,
        related_name="projects",
    )  # fmt: skip
    number = models.PositiveSmallIntegerField(_("số"))
    name = models.CharField(_("tên"), max_length=255)

    class Meta:
        verbose_name = _("dự án")
        verbose_name_plural = _("dự án")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="project_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def audit_units(self) -> Units:
        return self.programme.province_id, None, None


class SubProject(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("dự án"), on_delete=models.CASCADE, related_name="sub_projects"
    )
    number = models.PositiveSmallIntegerField(_("số"))
    name = models.CharField(_("tên"), max_length=255)

    class Meta:
        verbose_name = _("tiểu dự án")
        verbose_name_plural = _("tiểu dự án")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="sub_project_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project.number}.{self.number} {self.name}"

    def audit_units(self) -> Units:
        return self.project.programme.province_id, None, None


class BudgetLine(models.Model):
    """Money planned for a project (or one of its sub-projects) in a year, by source."""

    project = models.ForeignKey(
        Project, verbose_name=_("dự án"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("tiểu dự án"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="budget_lines",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("năm"))
    source = models.CharField(_("nguồn vốn"), max_length=20, choices=FundSource.choices)
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))

    class Meta:
        verbose_name = _("dòng kinh phí")
        verbose_name_plural = _("dòng kinh phí")
        ordering = ["project", "sub_project", "year", "source"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_vnd__gte=0), name="budget_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.project.number} · {self.year} · {self.amount_vnd}"

    def audit_units(self) -> Units:
        return self.project.programme.province_id, None, None


class EligibilityRule(models.Model):
    """Who qualifies, as text in the rule language (:mod:`giamngheo.domain.eligibility`)."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(_("mã"), max_length=48)
    version = models.PositiveSmallIntegerField(_("phiên bản"))
    name = models.CharField(_("tên"), max_length=255)
    expression = models.TextField(_("điều kiện"))
    standard_id = models.CharField(_("chuẩn nghèo"), max_length=64)
    published_at = models.DateTimeField(_("ban hành lúc"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ban hành"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("quy tắc đối tượng")
        verbose_name_plural = _("quy tắc đối tượng")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "code", "version"], name="rule_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.label})"

    @property
    def label(self) -> str:
        return f"{self.code}@v{self.version}"

    def audit_units(self) -> Units:
        return self.province_id, None, None


class SupportLevel(models.Model):
    """A support product and its level: who (an eligibility rule version), how much (central
    amount × provincial multiplier + priority additions), of which type."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.SlugField(_("mã"), max_length=48)
    version = models.PositiveSmallIntegerField(_("phiên bản"))
    name = models.CharField(_("tên"), max_length=255)
    support_type = models.CharField(_("loại hỗ trợ"), max_length=20, choices=SupportType.choices)
    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("tiểu dự án"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    eligibility = models.ForeignKey(
        EligibilityRule, verbose_name=_("quy tắc đối tượng"), on_delete=models.PROTECT,
        related_name="levels",
    )  # fmt: skip
    unit = models.CharField(_("đơn vị"), max_length=8, choices=AmountUnit.choices)
    central_amount = models.BigIntegerField(_("mức trung ương"))
    multiplier_permille = models.PositiveIntegerField(_("hệ số của tỉnh (‰)"), default=1000)
    priorities = models.JSONField(_("ưu tiên"), default=list, blank=True)
    amount_rule = models.CharField(
        _("cách áp mức"), max_length=8, choices=AmountRule.choices, default=AmountRule.EXACT
    )
    housing_kind = models.CharField(
        _("loại nhà"), max_length=8, choices=HousingKind.choices, blank=True
    )
    loan_rate_bp = models.PositiveIntegerField(_("lãi suất (phần vạn/năm)"), null=True, blank=True)
    loan_term_months = models.PositiveSmallIntegerField(
        _("thời hạn vay tối đa (tháng)"), null=True, blank=True
    )
    published_at = models.DateTimeField(_("ban hành lúc"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ban hành"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("mức hỗ trợ")
        verbose_name_plural = _("mức hỗ trợ")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "code", "version"], name="level_version_unique"
            ),
            models.CheckConstraint(condition=Q(central_amount__gte=0), name="level_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.label})"

    @property
    def label(self) -> str:
        return f"{self.code}@v{self.version}"

    def audit_units(self) -> Units:
        return self.province_id, None, None


class Enrolment(models.Model):
    """A household enrolled for a support level in a year, with the amount the level gave."""

    level = models.ForeignKey(
        SupportLevel, verbose_name=_("mức hỗ trợ"), on_delete=models.PROTECT,
        related_name="enrolments",
    )  # fmt: skip
    eligibility = models.ForeignKey(
        EligibilityRule, verbose_name=_("quy tắc đối tượng"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.PROTECT, related_name="enrolments"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    amount = models.BigIntegerField(_("mức được hưởng"))
    enrolled_at = models.DateTimeField(_("ghi danh lúc"))

    class Meta:
        verbose_name = _("hộ được ghi danh")
        verbose_name_plural = _("hộ được ghi danh")
        ordering = ["-year", "level", "household"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "household", "year"], name="enrolled_once_per_level_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} · {self.level_id} · {self.year}"

    def audit_units(self) -> Units:
        return self.household.audit_units()


class Campaign(models.Model):
    """A drive with a target: Month for the Poor (17 Oct – 18 Nov), Tết gifts, housing."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=CampaignKind.choices)
    name = models.CharField(_("tên"), max_length=255)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    support_type = models.CharField(
        _("loại hỗ trợ"), max_length=20, choices=SupportType.choices, blank=True
    )
    target_households = models.PositiveIntegerField(_("chỉ tiêu số hộ"), null=True, blank=True)
    target_amount_vnd = models.BigIntegerField(_("chỉ tiêu kinh phí (đồng)"), null=True, blank=True)

    class Meta:
        verbose_name = _("đợt vận động")
        verbose_name_plural = _("đợt vận động")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="campaign_name_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_units(self) -> Units:
        return self.province_id, None, None


class LivelihoodModel(models.Model):
    """A poverty-reduction model (bees, caged fish, OCOP …) that households take part in."""

    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại mô hình"), max_length=20, choices=LivelihoodKind.choices)
    name = models.CharField(_("tên"), max_length=255)
    started_on = models.DateField(_("bắt đầu"))
    sub_project = models.ForeignKey(
        SubProject, verbose_name=_("tiểu dự án"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("mô hình sinh kế")
        verbose_name_plural = _("mô hình sinh kế")
        ordering = ["-started_on", "name"]

    def __str__(self) -> str:
        return self.name

    def audit_units(self) -> Units:
        return self.commune.province_id, self.commune_id, None


def _dates_ordered(earlier: str, later: str) -> Q:
    return Q(**{f"{later}__isnull": True}) | (
        Q(**{f"{earlier}__isnull": False}) & Q(**{f"{later}__gte": F(earlier)})
    )


class SupportRecord(models.Model):
    """Support delivered to a household by the state or an organisation."""

    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.PROTECT, related_name="support"
    )
    support_type = models.CharField(_("loại hỗ trợ"), max_length=20, choices=SupportType.choices)
    level = models.ForeignKey(
        SupportLevel, verbose_name=_("mức hỗ trợ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="records",
    )  # fmt: skip
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt vận động"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="records",
    )  # fmt: skip
    livelihood_model = models.ForeignKey(
        LivelihoodModel, verbose_name=_("mô hình sinh kế"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="participants",
    )  # fmt: skip
    amount = models.BigIntegerField(_("số tiền / tỷ lệ"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"), null=True, blank=True)
    delivered_on = models.DateField(_("ngày hỗ trợ"))
    giver_organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức hỗ trợ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    giver_state = models.CharField(_("cơ quan nhà nước hỗ trợ"), max_length=255, blank=True)
    source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=FundSource.choices)
    detail = models.CharField(_("nội dung"), max_length=255, blank=True)
    lender = models.CharField(_("đơn vị cho vay"), max_length=100, blank=True)
    loan_rate_bp = models.PositiveIntegerField(_("lãi suất (phần vạn/năm)"), null=True, blank=True)
    loan_term_months = models.PositiveSmallIntegerField(
        _("thời hạn vay (tháng)"), null=True, blank=True
    )
    housing_kind = models.CharField(
        _("loại nhà"), max_length=8, choices=HousingKind.choices, blank=True
    )
    housing_stage = models.CharField(
        _("tiến độ nhà"), max_length=12, choices=HousingStage.choices, blank=True
    )
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True)
    started_on = models.DateField(_("ngày khởi công"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    handed_over_on = models.DateField(_("ngày bàn giao"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    recorded_at = models.DateTimeField(_("ghi lúc"))

    class Meta:
        verbose_name = _("hỗ trợ đã trao")
        verbose_name_plural = _("hỗ trợ đã trao")
        ordering = ["-delivered_on", "-id"]
        indexes = [
            models.Index(fields=["household", "delivered_on"]),
            models.Index(fields=["campaign", "support_type"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(giver_organisation__isnull=True) & ~Q(giver_state=""))
                | (Q(giver_organisation__isnull=False) & Q(giver_state="")),
                name="support_one_giver",
                violation_error_message=_(
                    "Ghi đúng một bên hỗ trợ: tổ chức hoặc cơ quan nhà nước."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="support_not_negative"
            ),
            models.CheckConstraint(
                condition=_dates_ordered("approved_on", "started_on")
                & _dates_ordered("started_on", "completed_on")
                & _dates_ordered("completed_on", "handed_over_on"),
                name="housing_stages_in_order",
                violation_error_message=_(
                    "Các mốc nhà ở phải theo thứ tự: phê duyệt, khởi công, hoàn thành, bàn giao."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_support_type_display()} · {self.household_id} · {self.delivered_on}"

    def audit_units(self) -> Units:
        return self.household.audit_units()

    @property
    def giver_name(self) -> str:
        return self.giver_organisation.name if self.giver_organisation else self.giver_state
