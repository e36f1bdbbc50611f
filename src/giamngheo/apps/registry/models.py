"""Households, their members and the yearly survey forms (phiếu rà soát)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.geo.models import AreaType, Province, Village
from giamngheo.apps.registry import choices
from giamngheo.apps.registry.validators import validate_citizen_id
from giamngheo.db.search import SearchKey

# Every deprivation indicator of every standard held (2022–2025 and 2027–2030); a survey stores
# one nullable flag per indicator: null = not assessed (e.g. `waste` before 2027).
INDICATOR_IDS: tuple[str, ...] = (
    "employment", "dependants", "nutrition", "health_insurance", "adult_education",
    "school_attendance", "housing_quality", "housing_area", "water", "latrine", "telecom",
    "information_access", "waste",
)  # fmt: skip


def _search_key_field(name: str) -> models.GeneratedField:
    """The search key of a text field (:mod:`giamngheo.db.search`), stored and kept current
    by the database on every write, bulk loads included."""
    return models.GeneratedField(
        expression=SearchKey(name), output_field=models.TextField(), db_persist=True
    )


class Household(models.Model):
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("mã hộ"), max_length=32)
    village = models.ForeignKey(
        Village,
        verbose_name=_("thôn, tổ dân phố"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    area = models.CharField(_("khu vực"), max_length=5, choices=AreaType.choices)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    code_key = _search_key_field("code")
    address_key = _search_key_field("address")

    class Meta:
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "code"], name="household_code_unique_in_province"
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def head(self) -> Member | None:
        return self.members.filter(relation=choices.Relation.HEAD).first()

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        """Province, commune and village ids, so the audit trail can be read by scope."""
        return self.province_id, self.village.commune_id, self.village_id


class Member(models.Model):
    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("họ và tên"), max_length=100)
    sex = models.CharField(_("giới tính"), max_length=6, choices=choices.Sex.choices)
    birth_on = models.DateField(_("ngày sinh"))
    citizen_id = models.CharField(
        _("số định danh cá nhân"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_citizen_id],
    )
    relation = models.CharField(
        _("quan hệ với chủ hộ"), max_length=10, choices=choices.Relation.choices
    )
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=choices.ETHNICITY_CHOICES)
    disability = models.BooleanField(_("khuyết tật"), default=False)
    social_allowance = models.BooleanField(_("hưởng trợ cấp xã hội hằng tháng"), default=False)
    schooling = models.CharField(
        _("trình độ học vấn"), max_length=16, choices=choices.Schooling.choices
    )
    in_school = models.BooleanField(_("đang đi học"), default=False)
    work_status = models.CharField(_("việc làm"), max_length=24, choices=choices.WorkStatus.choices)
    name_key = _search_key_field("full_name")

    class Meta:
        verbose_name = _("nhân khẩu")
        verbose_name_plural = _("nhân khẩu")
        ordering = ["household", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=Q(relation="head"), name="one_head_per_household"
            ),
            models.CheckConstraint(
                condition=Q(citizen_id__isnull=True) | Q(citizen_id__regex=r"^[0-9]{12}$"),
                name="citizen_id_twelve_digits",
                violation_error_message=_("Số định danh cá nhân phải gồm đúng 12 chữ số."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        return self.household.audit_units()


def _indicator_field(indicator_id: str) -> models.BooleanField[bool | None, bool | None]:
    return models.BooleanField(f"dep_{indicator_id}", null=True, blank=True)


class Survey(models.Model):
    """One review form: per-capita income and/or income score, and the deprivation flags."""

    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), on_delete=models.CASCADE, related_name="surveys"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    kind = models.CharField(_("loại rà soát"), max_length=8, choices=choices.SurveyKind.choices)
    surveyed_on = models.DateField(_("ngày rà soát"))
    income_vnd = models.BigIntegerField(
        _("thu nhập bình quân đầu người/tháng (đồng)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    income_score = models.PositiveSmallIntegerField(
        _("điểm thu nhập (điểm A)"), null=True, blank=True
    )
    wall_material = models.CharField(
        _("tường"), max_length=12, choices=choices.Material.choices, blank=True
    )
    column_material = models.CharField(
        _("cột"), max_length=12, choices=choices.Material.choices, blank=True
    )
    roof_material = models.CharField(
        _("mái"), max_length=12, choices=choices.Material.choices, blank=True
    )
    floor_area_m2 = models.PositiveIntegerField(_("diện tích nhà ở (m²)"), null=True, blank=True)
    water_source = models.CharField(
        _("nguồn nước"), max_length=20, choices=choices.WaterSource.choices, blank=True
    )
    latrine_type = models.CharField(
        _("nhà tiêu"), max_length=14, choices=choices.LatrineType.choices, blank=True
    )
    internet_use = models.BooleanField(_("sử dụng internet"), null=True, blank=True)
    devices = models.CharField(_("phương tiện tiếp cận thông tin"), max_length=64, blank=True)
    waste_handling = models.CharField(
        _("xử lý rác thải"), max_length=14, choices=choices.WasteHandling.choices, blank=True
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    dep_employment = _indicator_field("employment")
    dep_dependants = _indicator_field("dependants")
    dep_nutrition = _indicator_field("nutrition")
    dep_health_insurance = _indicator_field("health_insurance")
    dep_adult_education = _indicator_field("adult_education")
    dep_school_attendance = _indicator_field("school_attendance")
    dep_housing_quality = _indicator_field("housing_quality")
    dep_housing_area = _indicator_field("housing_area")
    dep_water = _indicator_field("water")
    dep_latrine = _indicator_field("latrine")
    dep_telecom = _indicator_field("telecom")
    dep_information_access = _indicator_field("information_access")
    dep_waste = _indicator_field("waste")

    class Meta:
        verbose_name = _("phiếu rà soát")
        verbose_name_plural = _("phiếu rà soát")
        ordering = ["household", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "year"],
                condition=Q(kind="periodic"),
                name="one_periodic_survey_per_household_year",
            ),
            models.CheckConstraint(
                condition=Q(income_vnd__isnull=True) | Q(income_vnd__gte=0),
                name="survey_income_not_negative",
                violation_error_message=_("Thu nhập không được âm."),
            ),
            models.CheckConstraint(
                condition=Q(income_vnd__isnull=False) | Q(income_score__isnull=False),
                name="survey_has_income_or_score",
                violation_error_message=_("Phiếu phải có thu nhập hoặc điểm thu nhập."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="survey_year_in_range"
            ),
            models.CheckConstraint(
                condition=Q(floor_area_m2__isnull=True) | Q(floor_area_m2__lte=100000),
                name="survey_floor_area_plausible",
            ),
        ]
        indexes = [models.Index(fields=["year", "household"])]

    def __str__(self) -> str:
        return f"{self.household.code} {self.year}"

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        return self.household.audit_units()
