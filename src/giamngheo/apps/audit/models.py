"""The change history: one append-only row per create / change / delete."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa đổi")
    DELETE = "delete", _("Xoá")
    BULK_LOAD = "bulk_load", _("Nạp hàng loạt")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("nguồn"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    action = models.CharField(_("thao tác"), max_length=16, choices=AuditAction.choices)
    target_type = models.CharField(_("loại đối tượng"), max_length=64, db_index=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=64, db_index=True)
    changes = models.JSONField(_("thay đổi (cũ → mới)"), default=dict, blank=True)
    summary = models.CharField(_("tóm tắt"), max_length=255, blank=True)
    # Where the changed record sits, so each user reads the trail of their own scope. No
    # foreign-key constraint: an audit row outlives any unit it mentions.
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("tỉnh"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    commune = models.ForeignKey(
        "geo.Commune",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    village = models.ForeignKey(
        "geo.Village",
        verbose_name=_("thôn, tổ dân phố"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Nhật ký thay đổi chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Nhật ký thay đổi chỉ được ghi thêm, không được xoá.")
