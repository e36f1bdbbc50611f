"""Targets, reference figures and the pre-aggregated tables the dashboards read.

The aggregate tables (:class:`StatusAggregate`, :class:`SupportAggregate`,
:class:`FundsAggregate`) are derived data: :mod:`giamngheo.apps.monitoring.refresh` rebuilds a
province's rows in one transaction after each batch of changes, and nothing else writes them.
Every count in them adds up the hierarchy (village → commune → province), so a page reads a
handful of rows whatever the size of the province.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.apps.geo.models import Commune, Province, Village
from giamngheo.apps.monitoring.choices import ReferenceLevel, Region, TargetMetric, UnitLevel
from giamngheo.apps.programmes.choices import SupportType
from giamngheo.apps.registry.models import Household

type Units = tuple[int | None, int | None, int | None]


class UnitRows(models.Model):
    """The unit a row belongs to: a province, or one of its communes or villages."""

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="+"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("xã"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    village = models.ForeignKey(
        Village, verbose_name=_("thôn"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    level = models.CharField(_("cấp"), max_length=9, choices=UnitLevel.choices)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        unit = self.village or self.commune or self.province
        return f"{self._meta.verbose_name} · {unit}"

    def audit_units(self) -> Units:
        return self.province_id, self.commune_id, self.village_id


class Target(UnitRows):
    """A plan assigned to a unit (or a household) for a year: e.g. cut the poverty rate by
    1.5 points, 120 households to escape, 40 houses."""

    household = models.ForeignKey(
        Household, verbose_name=_("hộ"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="targets",
    )  # fmt: skip
    unit_key = models.CharField(_("mã đơn vị"), max_length=24, editable=False)
    year = models.PositiveSmallIntegerField(_("năm"))
    metric = models.CharField(_("chỉ tiêu"), max_length=20, choices=TargetMetric.choices)
    support_type = models.CharField(
        _("loại hỗ trợ"), max_length=20, choices=SupportType.choices, blank=True
    )
    standard_id = models.CharField(_("chuẩn nghèo"), max_length=64, blank=True)
    planned = models.BigIntegerField(_("kế hoạch"))
    note = models.CharField(_("căn cứ giao chỉ tiêu"), max_length=255, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người giao"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    set_at = models.DateTimeField(_("giao lúc"))

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["year", "level", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_key", "year", "metric", "support_type"],
                name="one_target_per_unit_metric",
            ),
            models.CheckConstraint(condition=Q(planned__gte=0), name="target_not_negative"),
        ]
        indexes = [models.Index(fields=["province", "year"])]

    def __str__(self) -> str:
        return f"{self.year} {self.get_metric_display()}: {self.planned}"


def target_unit(target: Target) -> tuple[str, str]:
    """The level and a key naming the unit (or household) a target is assigned to."""
    if target.household_id is not None:
        return UnitLevel.HOUSEHOLD, f"h:{target.household_id}"
    if target.village_id is not None:
        return UnitLevel.VILLAGE, f"v:{target.village_id}"
    if target.commune_id is not None:
        return UnitLevel.COMMUNE, f"c:{target.commune_id}"
    return UnitLevel.PROVINCE, f"p:{target.province_id}"


class ReferenceFigure(models.Model):
    """A published rate (national, regional or provincial) to compare a province with.

    Rates are in hundredths of a percent: 4.06% is stored as 406.
    """

    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.CharField(_("phạm vi"), max_length=9, choices=ReferenceLevel.choices)
    code = models.CharField(_("mã"), max_length=24)
    name = models.CharField(_("tên"), max_length=100)
    region = models.CharField(_("vùng"), max_length=24, choices=Region.choices, blank=True)
    combined_rate = models.PositiveIntegerField(
        _("tỷ lệ nghèo đa chiều (phần vạn)"), null=True, blank=True
    )
    poor_rate = models.PositiveIntegerField(_("tỷ lệ hộ nghèo (phần vạn)"), null=True, blank=True)
    households = models.PositiveIntegerField(_("số hộ nghèo và cận nghèo"), null=True, blank=True)
    published_rank = models.PositiveSmallIntegerField(_("xếp hạng công bố"), null=True, blank=True)
    published_rank_of = models.PositiveSmallIntegerField(
        _("trên tổng số tỉnh"), null=True, blank=True
    )
    source = models.CharField(_("nguồn"), max_length=255)

    class Meta:
        verbose_name = _("số liệu tham chiếu")
        verbose_name_plural = _("số liệu tham chiếu")
        ordering = ["year", "level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "level", "code"], name="one_figure_per_unit"),
            models.CheckConstraint(
                condition=Q(combined_rate__isnull=False) | Q(poor_rate__isnull=False),
                name="figure_has_a_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.name}"


class StatusAggregate(UnitRows):
    """Households by status under one standard in one year, with transitions since the
    previous review, ethnic-minority counts and the Alkire–Foster sums of the unit."""

    year = models.PositiveSmallIntegerField(_("năm"))
    standard_id = models.CharField(_("chuẩn nghèo"), max_length=64)
    households = models.PositiveIntegerField(_("số hộ"))
    poor = models.PositiveIntegerField(_("hộ nghèo"))
    near_poor = models.PositiveIntegerField(_("hộ cận nghèo"))
    average = models.PositiveIntegerField(_("hộ có mức sống trung bình"))
    not_poor = models.PositiveIntegerField(_("hộ không nghèo"))
    minority_households = models.PositiveIntegerField(_("hộ dân tộc thiểu số"))
    minority_poor = models.PositiveIntegerField(_("hộ nghèo dân tộc thiểu số"))
    minority_near_poor = models.PositiveIntegerField(_("hộ cận nghèo dân tộc thiểu số"))
    escaped = models.PositiveIntegerField(_("thoát nghèo"))
    escaped_near_poor = models.PositiveIntegerField(_("thoát cận nghèo"))
    poor_to_near_poor = models.PositiveIntegerField(_("từ nghèo sang cận nghèo"))
    newly_poor = models.PositiveIntegerField(_("nghèo phát sinh"))
    newly_near_poor = models.PositiveIntegerField(_("cận nghèo phát sinh"))
    fell_back = models.PositiveIntegerField(_("tái nghèo"))
    mpi_sums = models.JSONField(_("tổng Alkire–Foster"), default=dict)

    class Meta:
        verbose_name = _("tổng hợp phân loại")
        verbose_name_plural = _("tổng hợp phân loại")
        indexes = [
            models.Index(fields=["province", "level", "year"]),
            models.Index(fields=["commune", "level", "year"]),
            models.Index(fields=["village", "year"]),
        ]


class SupportAggregate(UnitRows):
    """Support delivered in a year by type (``support_type`` blank: every type, households
    counted once)."""

    year = models.PositiveSmallIntegerField(_("năm"))
    support_type = models.CharField(
        _("loại hỗ trợ"), max_length=20, choices=SupportType.choices, blank=True
    )
    households = models.PositiveIntegerField(_("số hộ"))
    records = models.PositiveIntegerField(_("số lượt"))
    amount_vnd = models.BigIntegerField(_("số tiền (đồng)"))

    class Meta:
        verbose_name = _("tổng hợp hỗ trợ")
        verbose_name_plural = _("tổng hợp hỗ trợ")
        indexes = [
            models.Index(fields=["province", "level", "year"]),
            models.Index(fields=["commune", "level", "year"]),
            models.Index(fields=["village", "year"]),
        ]


class FundsAggregate(UnitRows):
    """Money allocated and paid out in a year (the allocation's year) by kind of source.

    Rows exist for the province (everything) and for each commune receiving allocations;
    allocations kept at the province have no commune row.
    """

    year = models.PositiveSmallIntegerField(_("năm"))
    source_kind = models.CharField(_("loại nguồn"), max_length=24)
    allocated_vnd = models.BigIntegerField(_("đã phân bổ (đồng)"))
    disbursed_vnd = models.BigIntegerField(_("đã giải ngân (đồng)"))

    class Meta:
        verbose_name = _("tổng hợp nguồn vốn")
        verbose_name_plural = _("tổng hợp nguồn vốn")
        indexes = [
            models.Index(fields=["province", "level", "year"]),
            models.Index(fields=["commune", "level", "year"]),
        ]


class AggregateRefresh(models.Model):
    """When a province's aggregate tables were last asked for and rebuilt."""

    province = models.OneToOneField(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField(_("yêu cầu lúc"), null=True, blank=True)
    queued = models.BooleanField(_("đang chờ"), default=False)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    refreshed_at = models.DateTimeField(_("tổng hợp lúc"), null=True, blank=True)
    seconds = models.FloatField(_("thời gian (giây)"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("số dòng"), default=0)

    class Meta:
        verbose_name = _("lần tổng hợp số liệu")
        verbose_name_plural = _("lần tổng hợp số liệu")

    def __str__(self) -> str:
        return f"{self.province.name}: {self.refreshed_at}"

    @property
    def stale(self) -> bool:
        """Changes were made after the data the tables show was read."""
        if self.refreshed_at is None:
            return True
        return self.requested_at is not None and self.requested_at > self.refreshed_at
