"""Stored options of the monitoring app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    COMMUNE = "commune", _("Xã, phường")
    VILLAGE = "village", _("Thôn, tổ dân phố")
    HOUSEHOLD = "household", _("Hộ gia đình")


class TargetMetric(models.TextChoices):
    """What a target counts. Rate cuts are in hundredths of a percentage point (150 = 1.5)."""

    POOR_RATE_CUT = "poor_rate_cut", _("Giảm tỷ lệ hộ nghèo (điểm %)")
    COMBINED_RATE_CUT = "combined_rate_cut", _("Giảm tỷ lệ hộ nghèo và cận nghèo (điểm %)")
    ESCAPED = "escaped", _("Số hộ thoát nghèo")
    SUPPORTED = "supported", _("Số hộ được hỗ trợ")

    @property
    def is_rate(self) -> bool:
        return self in (TargetMetric.POOR_RATE_CUT, TargetMetric.COMBINED_RATE_CUT)


class Pace(models.TextChoices):
    DONE = "done", _("Đã đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm tiến độ")
    MISSED = "missed", _("Không đạt")
    NO_DATA = "no_data", _("Chưa có số liệu")


class ReferenceLevel(models.TextChoices):
    NATIONAL = "national", _("Cả nước")
    REGION = "region", _("Vùng kinh tế - xã hội")
    PROVINCE = "province", _("Tỉnh, thành phố")


class Region(models.TextChoices):
    """The six socio-economic regions in which official results are published."""

    NORTHERN_MOUNTAINS = "northern_mountains", _("Trung du và miền núi phía Bắc")
    RED_RIVER_DELTA = "red_river_delta", _("Đồng bằng sông Hồng")
    NORTH_CENTRAL_COAST = "north_central_coast", _("Bắc Trung Bộ và duyên hải miền Trung")
    CENTRAL_HIGHLANDS = "central_highlands", _("Tây Nguyên")
    SOUTH_EAST = "south_east", _("Đông Nam Bộ")
    MEKONG_DELTA = "mekong_delta", _("Đồng bằng sông Cửu Long")
