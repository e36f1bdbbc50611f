"""Stored vocabularies of the registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.domain.ethnicity import ETHNIC_GROUPS

ETHNICITY_CHOICES = [(g.code, g.name) for g in ETHNIC_GROUPS]


class Sex(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class Relation(models.TextChoices):
    HEAD = "head", _("Chủ hộ")
    SPOUSE = "spouse", _("Vợ/chồng")
    CHILD = "child", _("Con")
    PARENT = "parent", _("Bố/mẹ")
    GRANDCHILD = "grandchild", _("Cháu")
    SIBLING = "sibling", _("Anh/chị/em")
    OTHER = "other", _("Khác")


class Schooling(models.TextChoices):
    NONE = "none", _("Chưa qua trường lớp")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
    UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")
    VOCATIONAL = "vocational", _("Sơ cấp, trung cấp, cao đẳng nghề")
    HIGHER = "higher", _("Cao đẳng, đại học trở lên")


class WorkStatus(models.TextChoices):
    WORKING = "working", _("Có việc làm")
    UNEMPLOYED = "unemployed", _("Thất nghiệp")
    INFORMAL_NO_CONTRACT = "informal_no_contract", _("Làm công không có hợp đồng")
    STUDENT = "student", _("Đang đi học")
    RETIRED = "retired", _("Nghỉ hưu, già yếu")
    UNABLE = "unable", _("Không có khả năng lao động")
    CHILD = "child", _("Trẻ em")


class SurveyKind(models.TextChoices):
    PERIODIC = "periodic", _("Rà soát định kỳ")
    REGULAR = "regular", _("Rà soát thường xuyên")


class Material(models.TextChoices):
    DURABLE = "durable", _("Bền chắc")
    NON_DURABLE = "non_durable", _("Không bền chắc")


class WaterSource(models.TextChoices):
    PIPED = "piped", _("Nước máy")
    DRILLED_WELL = "drilled_well", _("Giếng khoan")
    PROTECTED_DUG_WELL = "protected_dug_well", _("Giếng đào được bảo vệ")
    PROTECTED_SPRING = "protected_spring", _("Nước khe/mó được bảo vệ")
    RAINWATER = "rainwater", _("Nước mưa")
    BOTTLED = "bottled", _("Nước đóng chai, bình")
    UNPROTECTED_WELL = "unprotected_well", _("Giếng đào không được bảo vệ")
    UNPROTECTED_SPRING = "unprotected_spring", _("Nước khe/mó không được bảo vệ")
    SURFACE_WATER = "surface_water", _("Nước sông, suối, ao, hồ")


class LatrineType(models.TextChoices):
    SEPTIC = "septic", _("Tự hoại")
    SEMI_SEPTIC = "semi_septic", _("Bán tự hoại")
    POUR_FLUSH = "pour_flush", _("Thấm dội nước")
    DOUBLE_VAULT = "double_vault", _("Hai ngăn")
    PIT_OPEN = "pit_open", _("Hố xí đơn giản, hở")
    NONE = "none", _("Không có nhà tiêu")


class WasteHandling(models.TextChoices):
    COLLECTED = "collected", _("Được thu gom")
    OWN_TREATMENT = "own_treatment", _("Tự xử lý hợp vệ sinh")
    DUMPED = "dumped", _("Vứt bừa bãi")
