"""Administrative units after the July 2025 reform: province → commune-level unit → village.

Commune-level units are xã (rural), phường (urban) and đặc khu (area type configurable).
Villages (thôn, bản, tổ dân phố …) are self-governing communities under a commune, created by
import or in the UI. Pre-2025 commune-level units are kept for reading historical lists.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaType(models.TextChoices):
    RURAL = "rural", _("Nông thôn")
    URBAN = "urban", _("Thành thị")


class Province(models.Model):
    code = models.CharField(_("mã tỉnh"), max_length=2, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    is_city = models.BooleanField(_("thành phố trực thuộc trung ương"), default=False)

    class Meta:
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class CommuneKind(models.TextChoices):
    XA = "xa", _("Xã")
    PHUONG = "phuong", _("Phường")
    DAC_KHU = "dac_khu", _("Đặc khu")


class Commune(models.Model):
    """A commune-level unit (xã, phường or đặc khu) with the flags that policy uses."""

    code = models.CharField(_("mã đơn vị"), max_length=5, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="communes"
    )
    name = models.CharField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=8, choices=CommuneKind.choices)
    area = models.CharField(_("khu vực"), max_length=5, choices=AreaType.choices)
    ethnic_minority_mountainous = models.BooleanField(
        _("vùng dân tộc thiểu số và miền núi"), default=False
    )
    border = models.BooleanField(_("biên giới"), default=False)
    island_coastal = models.BooleanField(_("hải đảo, ven biển"), default=False)
    extremely_difficult = models.BooleanField(_("đặc biệt khó khăn"), default=False)
    poor_commune = models.BooleanField(_("xã nghèo"), default=False)

    class Meta:
        verbose_name = _("xã, phường, đặc khu")
        verbose_name_plural = _("xã, phường, đặc khu")
        ordering = ["province__code", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="xa", area="urban")
                & ~models.Q(kind="phuong", area="rural"),
                name="commune_area_matches_kind",
                violation_error_message=_(
                    "Xã thuộc khu vực nông thôn, phường thuộc khu vực thành thị."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name


class LegacyCommune(models.Model):
    """A pre-July-2025 commune-level unit and the current unit(s) that absorbed it."""

    code = models.CharField(_("mã cũ"), max_length=5, unique=True)
    name = models.CharField(_("tên cũ"), max_length=100)
    district_code = models.CharField(_("mã huyện cũ"), max_length=3)
    district_name = models.CharField(_("tên huyện cũ"), max_length=100)
    province_code = models.CharField(_("mã tỉnh cũ"), max_length=2)
    province_name = models.CharField(_("tên tỉnh cũ"), max_length=100)
    successors = models.ManyToManyField(
        Commune, verbose_name=_("đơn vị mới"), related_name="predecessors"
    )

    class Meta:
        verbose_name = _("đơn vị cấp xã trước 7/2025")
        verbose_name_plural = _("đơn vị cấp xã trước 7/2025")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}, {self.district_name}, {self.province_name}"


class Village(models.Model):
    """A village or residential group (thôn, bản, tổ dân phố …) under a commune."""

    commune = models.ForeignKey(
        Commune, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="villages"
    )
    code = models.CharField(_("mã thôn"), max_length=16, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    remote = models.BooleanField(_("thôn đặc biệt khó khăn"), default=False)

    class Meta:
        verbose_name = _("thôn, tổ dân phố")
        verbose_name_plural = _("thôn, tổ dân phố")
        ordering = ["commune__code", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "name"], name="village_name_unique_in_commune"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.commune.name}"
