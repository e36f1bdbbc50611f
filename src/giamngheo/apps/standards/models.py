"""Which standards a province uses, and the stored classification of each survey.

The standards themselves are versioned TOML data (``giamngheo/standards``); a stored result
names the standard id and version that produced it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.geo.models import Province
from giamngheo.apps.registry.models import Survey


class StandardAdoption(models.Model):
    """A provincial standard (e.g. Quảng Ninh's Resolution 13/2023) in force in a province.

    Central standards apply everywhere within their validity; a provincial one only where
    adopted.
    """

    province = models.ForeignKey(Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT)
    standard_id = models.CharField(_("mã chuẩn"), max_length=64)

    class Meta:
        verbose_name = _("chuẩn nghèo của tỉnh")
        verbose_name_plural = _("chuẩn nghèo của tỉnh")
        constraints = [
            models.UniqueConstraint(
                fields=["province", "standard_id"], name="standard_adopted_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.province}: {self.standard_id}"

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        return self.province_id, None, None


class PovertyStatus(models.TextChoices):
    POOR = "poor", _("Hộ nghèo")
    NEAR_POOR = "near_poor", _("Hộ cận nghèo")
    AVERAGE = "average", _("Hộ có mức sống trung bình")
    NOT_POOR = "not_poor", _("Không thuộc diện nghèo, cận nghèo")


class SurveyClassification(models.Model):
    survey = models.ForeignKey(
        Survey,
        verbose_name=_("phiếu rà soát"),
        on_delete=models.CASCADE,
        related_name="classifications",
    )
    standard_id = models.CharField(_("mã chuẩn"), max_length=64)
    standard_version = models.PositiveSmallIntegerField(_("phiên bản chuẩn"))
    status = models.CharField(_("phân loại"), max_length=10, choices=PovertyStatus.choices)
    deprivations = models.PositiveSmallIntegerField(_("số chỉ số thiếu hụt"))
    deprived = models.CharField(_("các chỉ số thiếu hụt"), max_length=255, blank=True)
    classified_at = models.DateTimeField(_("phân loại lúc"))

    class Meta:
        verbose_name = _("kết quả phân loại")
        verbose_name_plural = _("kết quả phân loại")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "standard_id", "standard_version"],
                name="one_result_per_survey_standard",
            )
        ]
        indexes = [models.Index(fields=["standard_id", "status"])]

    def __str__(self) -> str:
        return f"{self.survey_id} {self.standard_id}@v{self.standard_version}: {self.status}"
