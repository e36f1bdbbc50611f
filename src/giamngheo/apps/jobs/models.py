"""A background job as users see it: what it is, who asked, where, and how far it has got.

``django.tasks`` records whether a task ran; a :class:`JobRun` adds what a progress bar needs
(state, done of total, the current step) and a result or error fit to show a user.

``result`` is data for the caller; two keys are shown by the progress widget when present:
``summary`` (one sentence) and ``details`` (a list of short lines).

``heartbeat_at`` is when the worker last showed it was alive; a running job whose heartbeat is
too old lost its worker (see :func:`giamngheo.apps.jobs.services.jobs_reap`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    SUCCEEDED = "succeeded", _("Đã xong")
    FAILED = "failed", _("Thất bại")


JOB_STATES_OPEN = (JobState.QUEUED, JobState.RUNNING)


class JobRun(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.SlugField(_("loại công việc"), max_length=32)
    label = models.CharField(_("mô tả"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("tỉnh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commune = models.ForeignKey(
        "geo.Commune",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(_("đã làm"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    message = models.CharField(_("bước hiện tại"), max_length=255, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("báo còn chạy lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=JobState.values), name="job_state_known"),
            models.CheckConstraint(condition=Q(done__lte=F("total")), name="job_done_within_total"),
        ]
        indexes = [
            models.Index(
                fields=["heartbeat_at"], condition=Q(state="running"), name="job_running_heartbeat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}: {self.state}"

    @property
    def is_open(self) -> bool:
        """Queued or running: the widget keeps polling."""
        return self.state in JOB_STATES_OPEN

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def audit_units(self) -> tuple[int | None, int | None, int | None]:
        return self.province_id, self.commune_id, None
