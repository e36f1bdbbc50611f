"""Stored options of the programmes app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FundSource(models.TextChoices):
    CENTRAL = "central", _("Ngân sách trung ương")
    LOCAL = "local", _("Ngân sách địa phương")
    POLICY_CREDIT = "policy_credit", _("Vốn tín dụng chính sách")
    FUND_FOR_THE_POOR = "fund_for_the_poor", _("Quỹ Vì người nghèo")
    MOBILISED = "mobilised", _("Huy động xã hội")
    OTHER = "other", _("Nguồn khác")


class SupportType(models.TextChoices):
    LOAN = "loan", _("Vay vốn ưu đãi")
    HOUSING = "housing", _("Hỗ trợ nhà ở")
    HEALTH_INSURANCE = "health_insurance", _("Bảo hiểm y tế")
    TRAINING = "training", _("Đào tạo nghề")
    JOB_PLACEMENT = "job_placement", _("Việc làm, đi làm việc ở nước ngoài")
    LIVELIHOOD_MODEL = "livelihood_model", _("Mô hình sinh kế")
    TET_GIFT = "tet_gift", _("Quà Tết")
    CASH = "cash", _("Trợ cấp tiền mặt")
    WATER_SANITATION = "water_sanitation", _("Nước sạch, vệ sinh")
    OTHER = "other", _("Hỗ trợ khác")


class AmountUnit(models.TextChoices):
    VND = "vnd", _("đồng")
    PERCENT = "percent", _("% mức đóng")


class AmountRule(models.TextChoices):
    EXACT = "exact", _("Đúng bằng mức hỗ trợ")
    CEILING = "ceiling", _("Không vượt mức hỗ trợ")


class HousingKind(models.TextChoices):
    NEW = "new", _("Xây mới")
    REPAIRED = "repaired", _("Sửa chữa")


class HousingStage(models.TextChoices):
    APPROVED = "approved", _("Đã phê duyệt")
    STARTED = "started", _("Đã khởi công")
    COMPLETED = "completed", _("Đã hoàn thành")
    HANDED_OVER = "handed_over", _("Đã bàn giao")


HOUSING_STAGE_DATES: dict[str, str] = {
    HousingStage.APPROVED: "approved_on",
    HousingStage.STARTED: "started_on",
    HousingStage.COMPLETED: "completed_on",
    HousingStage.HANDED_OVER: "handed_over_on",
}


class CampaignKind(models.TextChoices):
    MONTH_FOR_THE_POOR = "month_for_the_poor", _("Tháng cao điểm Vì người nghèo")
    TET_GIFTS = "tet_gifts", _("Quà Tết")
    HOUSING_DRIVE = "housing_drive", _("Xoá nhà tạm, nhà dột nát")
    OTHER = "other", _("Đợt vận động khác")


class LivelihoodKind(models.TextChoices):
    MEDICINAL_PLANTS = "medicinal_plants", _("Cây dược liệu")
    BEES = "bees", _("Nuôi ong")
    CAGED_FISH = "caged_fish", _("Nuôi cá lồng")
    LIVESTOCK = "livestock", _("Chăn nuôi")
    OCOP = "ocop", _("Sản phẩm OCOP")
    OTHER = "other", _("Mô hình khác")


# ``JobRun.kind`` of the enrolment jobs, by action.
ENROLMENT_JOB_KINDS: dict[str, str] = {"preview": "enrolment-preview", "commit": "enrolment"}
